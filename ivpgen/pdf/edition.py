"""The editions of the summary and what each shows, in its order.

Every count, verdict and selection comes from the website's views (``SiteView``,
``views.outcome``, ``views.area``, ``standing``), so a tile, a list and the site always agree.
An edition's scope is its priorities: all of them in the regional edition (and in the one
edition of a plan of one municipality), those that apply to the municipality in its own
edition; everything counted about them is counted in full.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property

from ivpgen.charts.spec import Tile
from ivpgen.icons import theme_icon_name
from ivpgen.model import Action, Event, Goal, Municipality, Theme
from ivpgen.standing import StandingView, of_catalog
from ivpgen.views.area import AreaFigure, area_figures
from ivpgen.views.outcome import (
    ActionBar,
    Ctx,
    OutcomeTile,
    action_bar,
    headline_figure,
    outcome_tile,
)
from ivpgen.views.site import Headline, SiteView

MAX_NAMES_CHARS = 260
"""A list of names longer than this is said as a count with the first few names."""
FEW = 4
FOLDER = "samenvatting"
"""Where the PDFs go in the site."""
REGION = "regio"


@dataclass(frozen=True)
class Edition:
    """One PDF: the whole region (municipality None) or one municipality of a joint plan."""

    slug: str
    municipality: Municipality | None

    @property
    def path(self) -> str:
        return f"{FOLDER}/samenvatting-{self.slug}.pdf"

    @property
    def poster_path(self) -> str:
        """The plan on one page (an A4 poster) of this edition."""
        return f"{FOLDER}/plan-op-een-pagina-{self.slug}.pdf"

    @property
    def poster_png(self) -> str:
        return f"{FOLDER}/plan-op-een-pagina-{self.slug}.png"


def editions(site: SiteView) -> list[Edition]:
    """The regional edition first, then one per municipality; a plan of one municipality has
    one, named after it."""
    municipalities = site.plan.municipalities
    if len(municipalities) == 1:
        return [Edition(municipalities[0].id, None)]
    return [Edition(REGION, None), *(Edition(m.id, m) for m in municipalities)]


@dataclass(frozen=True)
class PrintTile:
    """A priority as the overview page and the poster show it: the site's outcome tile, the
    name of its icon (print draws it itself) and its safety field unless the title says it."""

    tile: OutcomeTile
    icon: str
    field: str


@dataclass(frozen=True)
class PlaceFigures:
    """A neighbourhood of a plan of one municipality: its accents and its latest figures."""

    name: str
    local_priorities: tuple[str, ...]
    figures: tuple[AreaFigure, ...]


class EditionView:
    """What one edition shows: its priorities, figures, events and counts, in the site's words."""

    def __init__(self, ctx: Ctx, edition: Edition) -> None:
        self.ctx = ctx
        self.site = ctx.site
        self.words = ctx.words
        self.edition = edition
        self.municipality = edition.municipality

    @cached_property
    def label(self) -> str:
        """'Regionale editie', or 'Editie Soest' (also the one edition of a single municipality)."""
        if self.municipality is not None:
            return self.words.t("print.edition_municipality", name=self.municipality.name)
        if self.site.kind == "joint":
            return self.words.t("print.edition_region")
        return self.words.t("print.edition_municipality",
                            name=self.site.plan.municipalities[0].name)

    @cached_property
    def area(self) -> str | None:
        """The area whose figures lead: the municipality, else the region, else the one
        municipality of the plan."""
        if self.municipality is not None:
            return self.municipality.id
        if self.site.kind != "joint":
            return self.site.plan.municipalities[0].id
        return next((a.id for a in self.site.plan.areas if a.kind == "regio"), None)

    @cached_property
    def area_name(self) -> str:
        return self.site.areas.get(self.area, "") if self.area else ""

    # --- the edition's priorities and what they hold ------------------------------------------

    @cached_property
    def themes(self) -> dict[str, Theme]:
        """The priorities of this edition: in a municipality's edition, those that apply to it."""
        if self.municipality is None:
            return dict(self.site.themes)
        return self.site.themes_for(self.municipality.id)

    @cached_property
    def themes_intro(self) -> str:
        """'3 van de 4 speerpunten gelden voor Eemnes.' (a municipality's edition), or ''."""
        if self.municipality is None:
            return ""
        return self.words.count("print.local_themes_intro", len(self.themes),
                                total=len(self.site.themes), name=self.municipality.name,
                                names=self.words.locale.join([t.title for t in
                                                              self.themes.values()]))

    @cached_property
    def left_out(self) -> str:
        """'Ondermijning en Jeugd gelden niet voor Eemnes.', or ''."""
        names = [t.title for tid, t in self.site.themes.items() if tid not in self.themes]
        if not names or self.municipality is None:
            return ""
        return self.words.count("print.left_out", len(names), names=self.words.locale.join(names),
                                name=self.municipality.name)

    @cached_property
    def actions(self) -> list[Action]:
        return [a for theme in self.themes.values() for a in theme.actions]

    @cached_property
    def goals_all(self) -> list[Goal]:
        return [g for theme in self.themes.values() for g in theme.goals]

    def goals(self, theme: Theme) -> list[Goal]:
        """A priority's goals; in a municipality's edition, goals about that municipality first."""
        if self.municipality is None:
            return list(theme.goals)
        mid = self.municipality.id
        return sorted(theme.goals, key=lambda goal: goal.area != mid)

    def applies_to(self, theme: Theme) -> str | None:
        """'Baarn, De Bilt en Soest' or 'alle 5 gemeenten'; None in a plan of one municipality
        when the priority is not tied to areas."""
        return self.words.theme_applies(theme)

    @cached_property
    def tiles(self) -> list[PrintTile]:
        return [self._tile(tid, theme) for tid, theme in self.themes.items()]

    def _tile(self, tid: str, theme: Theme) -> PrintTile:
        """The site's tile; in a municipality's edition its headline figure is the municipality's
        own when it has one (compared with the region and the country)."""
        tile = outcome_tile(self.ctx, tid, theme)
        headline = self.site.headline(theme)
        if self.municipality is not None and headline is not None:
            own = self.site.series(headline.indicator, self.municipality.id)
            if own:
                local = Headline(headline.indicator, self.municipality.id, tuple(own))
                tile = dataclasses.replace(tile, figure=headline_figure(self.ctx, local))
        return PrintTile(tile, theme_icon_name(theme), tile.field)

    @cached_property
    def action_bar(self) -> ActionBar | None:
        return action_bar(self.ctx, self.actions)

    @cached_property
    def standing(self) -> StandingView:
        """Every goal of the edition's priorities with its verdict, and the verdicts counted."""
        return of_catalog(self.ctx.charts, self.themes)

    @cached_property
    def key_figures(self) -> tuple[Tile, ...]:
        """The key figures: the site's in the regional edition; the same counts over the
        municipality's priorities in its own edition."""
        if self.municipality is None:
            return self.ctx.charts.tiles().tiles
        words = self.words
        good, judged = self.site.judged(self.goals_all)
        statuses = [a.status for a in self.actions]
        tiles = [Tile(words.count("print.tile_priorities", len(self.themes)), str(len(self.themes))),
                 Tile(words.count("print.tile_goals", len(self.goals_all)), str(len(self.goals_all))),
                 Tile(words.count("print.tile_actions", len(self.actions)), str(len(self.actions)),
                      words.t("charts.tile_actions_detail", done=statuses.count("afgerond"),
                              running=statuses.count("lopend")))]
        if judged:
            tiles.append(Tile(words.t("charts.tile_on_course"),
                              words.t("charts.tile_on_course_value", count=good, total=judged)))
        if self.held:
            tiles.append(Tile(words.count("print.tile_events", self.held), str(self.held)))
        return tuple(tiles)

    # --- figures, places, events ---------------------------------------------------------------

    @cached_property
    def figures(self) -> list[AreaFigure]:
        """The leading area's latest figure of every indicator, against its yardsticks."""
        return area_figures(self.ctx, self.area) if self.area else []

    @cached_property
    def places(self) -> list[PlaceFigures]:
        """In a plan of one municipality, each neighbourhood with its figures and accents."""
        if self.site.kind != "wijken":
            return []
        return [PlaceFigures(p.name, p.local_priorities, tuple(area_figures(self.ctx, p.id)))
                for p in self.site.places]

    @cached_property
    def local_priorities(self) -> tuple[str, ...]:
        """The municipality's own accents (that of the one municipality of a single plan)."""
        if self.municipality is not None:
            return tuple(self.municipality.local_priorities)
        if self.site.kind != "joint":
            return tuple(self.site.plan.municipalities[0].local_priorities)
        return ()

    @cached_property
    def events(self) -> list[Event]:
        """The participation events: in a municipality's edition, those for it."""
        if self.municipality is None:
            return list(self.site.content.events)
        return self.site.events_for(self.municipality.id)

    @cached_property
    def held(self) -> int:
        """How many of the edition's events took place (before the reference date)."""
        past = {view.event.id for view in self.site.participation.past}
        return sum(e.id in past for e in self.events)

    @cached_property
    def next_event(self) -> str:
        """'Volgende bijeenkomst: 10 februari 2027, ... (Gemeentehuis Baarn)', or ''."""
        ids = {e.id for e in self.events}
        upcoming = [v.event for v in self.site.participation.upcoming if v.event.id in ids]
        if not upcoming:
            return ""
        event = upcoming[0]
        return self.words.t("print.next_event", date=self.words.locale.date(event.date),
                            title=event.title, location=event.location)

    @cached_property
    def participation(self) -> str:
        """'2 bijeenkomsten met inwoners, jongeren en ondernemers.', or ''."""
        return self.words.count("plan.participation_text", self.held) if self.held else ""

    def municipalities_fact(self) -> tuple[str, str]:
        """('Gemeenten', 'Baarn, ... en Soest') or ('Gemeente', 'Helmond'), for the cover; many
        long names as '16 gemeenten, waaronder ...', so the cover and contents stay one page."""
        label, _ = self.words.municipalities_fact()
        return label, self.shorten([m.name for m in self.site.plan.municipalities],
                                   "poster.places_many_gemeente")

    def shorten(self, names: list[str], key: str, limit: int = MAX_NAMES_CHARS,
                few: int = FEW) -> str:
        """'A, B en C', or when that is longer than ``limit`` characters: '16 partners, waaronder
        A, B, C en D' (the first ``few`` names)."""
        joined = self.words.locale.join(names)
        if len(joined) <= limit:
            return joined
        return self.words.count(key, len(names), names=", ".join(names[:few]))

    @cached_property
    def adoptions(self) -> list[str]:
        """The councils' adoptions for the cover: the municipality's own, each of a few, or in
        one line for a region of many (the cover stays one page)."""
        found = [m for m in self.site.plan.municipalities if m.adoption and
                 (self.municipality is None or m.id == self.municipality.id)]
        locale = self.words.locale
        if len(found) > 3:
            dates = sorted(m.adoption.date for m in found if m.adoption)
            return [self.words.t("print.adopted_many", count=len(found),
                                 first=locale.date(dates[0]), last=locale.date(dates[-1]))]
        return [self.words.t("print.adopted_by", name=m.name, date=locale.date(m.adoption.date))
                for m in found if m.adoption]


def data_year(site: SiteView) -> int | None:
    """The most recent year with a measurement."""
    years = [m.year for i in site.content.indicators.values() for m in i.measurements]
    return max(years) if years else None
