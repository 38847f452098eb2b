"""The editions of the summary and what each puts first."""

from __future__ import annotations

from dataclasses import dataclass

from ivpgen.model import Event, Goal, Indicator, Municipality, Theme
from ivpgen.views import Figure, SiteView
from ivpgen.views.words import Words

FOLDER = "samenvatting"
"""Where the PDFs go in the site."""
REGION = "regio"


@dataclass(frozen=True)
class LocalFigure:
    """An indicator's latest figure in one municipality, with the region and the country."""

    indicator: Indicator
    figure: Figure
    region: Figure | None
    country: Figure | None


@dataclass(frozen=True)
class Edition:
    """One PDF: the whole region (municipality None) or one municipality of a joint plan."""

    slug: str
    municipality: Municipality | None

    @property
    def path(self) -> str:
        return f"{FOLDER}/samenvatting-{self.slug}.pdf"


def editions(site: SiteView) -> list[Edition]:
    """The regional edition first, then one per municipality; a plan of one municipality has one."""
    municipalities = site.plan.municipalities
    if len(municipalities) == 1:
        return [Edition(municipalities[0].id, None)]
    return [Edition(REGION, None), *(Edition(m.id, m) for m in municipalities)]


class EditionView:
    """What one edition shows, in its order: the municipality's themes, goals and figures first.

    Its selections and words come from the same views as the website's (``SiteView``,
    ``Words``), so a count or a wording never differs between the site and the print."""

    def __init__(self, site: SiteView, edition: Edition, words: Words) -> None:
        self.site = site
        self.edition = edition
        self.municipality = edition.municipality
        self.words = words

    def applies(self, theme: Theme) -> bool:
        """Whether a priority applies to this edition's municipality (no list means all)."""
        return self.municipality is None or self.site.applies(theme.area_ids,
                                                               self.municipality.id)

    def municipalities_fact(self) -> tuple[str, str]:
        """('Gemeenten', 'Baarn, ... en Soest') or ('Gemeente', 'Helmond'), for the cover."""
        return self.words.municipalities_fact()

    def applies_to(self, theme: Theme) -> str | None:
        """'Baarn, De Bilt en Soest' or 'alle 5 gemeenten'; None in a plan of one municipality
        when the priority is not tied to areas."""
        return self.words.theme_applies(theme)

    def themes(self) -> list[tuple[str, Theme]]:
        """The priorities; in a municipality's edition, those that apply to it first."""
        items = list(self.site.themes.items())
        return sorted(items, key=lambda item: not self.applies(item[1]))

    def goals(self, theme: Theme) -> list[Goal]:
        """A priority's goals; in a municipality's edition, goals about that municipality first."""
        if self.municipality is None:
            return list(theme.goals)
        mid = self.municipality.id
        return sorted(theme.goals, key=lambda goal: goal.area != mid)

    def main_goals(self) -> list[tuple[Theme, Goal]]:
        """Per priority its first effect goal (or first goal): the overview page's goals."""
        found = []
        for _, theme in self.themes():
            goals = self.goals(theme)
            effect = [g for g in goals if g.kind == "effect"] or goals
            if effect:
                found.append((theme, effect[0]))
        return found

    def events(self) -> list[Event]:
        """The participation events by date; in a municipality's edition, its own first."""
        events = self.site.content.events
        if self.municipality is None:
            return list(events)
        mid = self.municipality.id
        return sorted(events, key=lambda event: mid not in event.area_ids)

    def local_figures(self) -> list[LocalFigure]:
        """The municipality's latest figure of every indicator that has one."""
        if self.municipality is None:
            return []
        figures = []
        for indicator in self.site.content.indicators.values():
            own = self.site.series(indicator, self.municipality.id)
            if own:
                latest = own[-1]
                figures.append(LocalFigure(indicator, latest, self._in_year(indicator, "regio", latest),
                                           self._in_year(indicator, "land", latest)))
        return figures

    def _in_year(self, indicator: Indicator, kind: str, like: Figure) -> Figure | None:
        """The figure of the first area of a kind (regio, land) in the same year, if any."""
        area = next((a.id for a in self.site.plan.areas if a.kind == kind), None)
        series = self.site.series(indicator, area) if area else []
        return next((f for f in series if f.year == like.year), None)
