"""The living plan (issue #12): execution programmes per year, progress reports that read as
they were and show what changed, ``ivpgen report``, the goals overview, what residents said,
and the open data with its schema, on the example plan and on the plan with wijken."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from markupsafe import escape

from ivpgen.charts.catalog import Catalog
from ivpgen.charts.data import to_csv, to_json
from ivpgen.i18n import load_locale
from ivpgen.load import Loaded
from ivpgen.model import Action, Content, Period
from ivpgen.pages import living_pages
from ivpgen.programme import Programmes, action_years, cost
from ivpgen.snapshot import action_change
from ivpgen.style import Style
from ivpgen.survey import tenths
from ivpgen.views import SiteView
from tests.conftest import EPOCH, ROOT, WIJKEN, copy_plan, page, run_ivpgen
from tests.opendata_reload import read_csvs, read_json, to_content

STYLE = Style("#1f4e79", "#f2b705", "#1a1a1a", "system-ui, sans-serif", None)


def text(html: str) -> str:
    """The words of a page's main content, as a reader sees them (SVG and tags left out)."""
    main = re.search(r"<main.*?</main>", html, re.S)
    assert main
    words = re.sub(r"<svg.*?</svg>", " ", main.group(0), flags=re.S)
    words = re.sub(r"<[^>]+>", " ", words).replace("&#39;", "'").replace("&amp;", "&")
    return re.sub(r"\s+", " ", words)


def section(html: str, section_id: str) -> str:
    """The HTML of the <section> whose heading has this id."""
    found = re.search(rf'<section[^>]*aria-labelledby="{section_id}".*?</section>', html, re.S)
    assert found, section_id
    return found.group(0)


def no_pdf(plan: Path) -> Path:
    """A copy's mkdocs.yml without the printed summary, so a test build takes seconds."""
    config = plan / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "  - ivpgen:\n" in text:
        text = text.replace("  - ivpgen:\n", "  - ivpgen:\n      pdf: false\n")
    else:
        text = text.replace("  - ivpgen\n", "  - ivpgen:\n      pdf: false\n")
    config.write_text(text, encoding="utf-8")
    return plan


# --- execution programmes ------------------------------------------------------------------

PERIOD = Period(start=2023, end=2026)


def action(**values: object) -> Action:
    return Action.model_validate({"id": "a", "title": "A", "status": "lopend", **values})


def test_an_action_is_in_the_programmes_from_its_start_to_its_deadline() -> None:
    assert action_years(action(start="2024-03-01", deadline="2025-06-30"), PERIOD) == [2024, 2025]
    assert action_years(action(start="2021-01-01", deadline="2030-01-01"), PERIOD) == [
        2023, 2024, 2025, 2026], "clipped to the plan's period"
    assert action_years(action(deadline="2024-01-01"), PERIOD) == [2023, 2024]
    assert action_years(action(years=[2026, 2024]), PERIOD) == [2024, 2026]
    assert action_years(action(year_budgets={2025: 10}), PERIOD) == [2025]


def test_a_year_counts_its_own_budget_never_a_guessed_share() -> None:
    split = action(budget=30, year_budgets={2024: 10, 2025: 20})
    assert cost(split, [2024, 2025], 2025).amount == 20
    one_year = action(budget=30, start="2024-01-01", deadline="2024-12-31")
    assert cost(one_year, [2024], 2024).amount == 30
    several = cost(action(budget=30), [2024, 2025], 2024)
    assert several.amount is None and several.whole == 30


@pytest.mark.parametrize("year", [2024, 2025])
def test_programme_page_lists_the_years_actions_by_priority_with_their_budget(
        example: Path, example_content: Content, year: int) -> None:
    html = page(example, f"uitvoering/{year}")
    site = SiteView(example_content)
    programmes = Programmes(site)
    expected = [a for a in site.all_actions if year in programmes.years_of[a.id]]
    assert 5 <= len(expected) < len(site.all_actions)
    rows = re.findall(r'<td class="programme__action"><a href="[^"]*#([a-z0-9-]+)">', html)
    assert rows == [a.id for a in expected], "every action of the year, by priority, once"
    locale = load_locale("nl")
    total = sum(g.amount for g in programmes.groups(year))
    assert total > 0
    assert f"Begroot voor {year}" in html and str(escape(locale.money(total))) in html
    for group in programmes.groups(year):
        assert str(escape(f"Totaal {group.theme.title}")) in html
        assert str(escape(locale.money(group.amount))) in section(html, f"speerpunt-{group.theme_id}")
    chart = json.loads((example / "grafieken" / f"budget-{year}.json").read_text(encoding="utf-8"))
    assert chart["rows"][-1]["budget"] == total
    assert f"Hoe het in {year} ging: Voortgang {year}" in text(html)


def test_programme_overview_shows_the_current_year_first(example: Path) -> None:
    html = page(example, "uitvoering")
    years = re.findall(r'<h2 class="card__title"><a href="(\d{4})/">', html)
    assert years[0] == "2026", "SOURCE_DATE_EPOCH is in 2026"
    assert sorted(years) == ["2023", "2024", "2025", "2026"]
    assert "(dit jaar)" in html.split("2024/")[0]


# --- progress reports as they were ---------------------------------------------------------

def test_kinds_of_change_between_two_reports() -> None:
    assert action_change("gepland", "lopend") == "gestart"
    assert action_change("lopend", "afgerond") == "afgerond"
    assert action_change("vertraagd", "lopend") == "hervat"
    assert action_change(None, "gepland") == "nieuw"
    assert action_change("afgerond", "lopend") == "anders"
    assert action_change("lopend", "lopend") is None


def test_second_report_shows_what_changed_since_the_first(example: Path,
                                                          example_content: Content) -> None:
    first, second = example_content.progress_reports
    html = section(page(example, "voortgang/2025"), "veranderingen")
    assert "Wat is er veranderd sinds Voortgang 2024" in html
    finished = [a for a, u in second.actions.items()
                if u.status == "afgerond" and first.actions[a].status != "afgerond"]
    assert len(finished) == 5
    groups = dict(re.findall(r'changes__kind">(\w+) <span.*?<ul class="changes__list">(.*?)</ul>',
                             html, re.S))
    assert set(groups) == {"Afgerond", "Vertraagd", "Vervallen"}
    assert sorted(re.findall(r"#([a-z0-9-]+)\"", groups["Afgerond"])) == sorted(finished)
    assert "Minder jongeren in Baarn komen in aanraking met Halt." in html
    assert "van achter op schema naar op koers" in html and ">beter<" in html
    assert "eerste voortgangsrapportage" in page(example, "voortgang/2024")


def test_an_older_report_reads_as_it_was_charts_included(example: Path,
                                                         example_content: Content) -> None:
    report = example_content.progress_reports[0]
    html = page(example, "voortgang/2024")
    assert "vandaag" not in html, "a report never shows today's statuses"
    table = section(html, "stand")
    for action_id, update in report.actions.items():
        row = re.search(rf'#{action_id}".*?</tr>', table, re.S)
        assert row and f"status--{update.status}" in row.group(0)
    today = {a.id: a.status for a in SiteView(example_content).all_actions}
    changed = [a for a, u in report.actions.items() if today[a] != u.status]
    assert changed, "the example has actions whose status changed since 2024"
    timeline = json.loads((example / "grafieken" / "tijdlijn-voortgang-2024.json")
                          .read_text(encoding="utf-8"))
    titles = {a.title: a.id for a in SiteView(example_content).all_actions}
    for row in timeline["rows"]:
        status = report.actions[titles[row["action"]]].status
        assert row["status"] == status.capitalize()
    assert "Stand op 18 februari 2025" in timeline["description"]
    assert "stand op 18 februari 2025" in (example / "grafieken" / "tijdlijn-voortgang-2024.svg"
                                           ).read_text(encoding="utf-8")
    verdicts = json.loads((example / "grafieken" / "oordelen-voortgang-2024.json")
                          .read_text(encoding="utf-8"))
    assert verdicts["rows"][-1]["achter"] == 3, "three goals were behind in the 2024 report"


def test_report_command_writes_a_report_that_builds_at_once(tmp_path: Path) -> None:
    plan = no_pdf(copy_plan(ROOT, tmp_path / "plan"))
    result = run_ivpgen("report", "2026", cwd=plan, env=EPOCH)
    assert result.code == 0, result.output
    written = plan / "content" / "voortgang" / "2026.md"
    assert "Geschreven: content/voortgang/2026.md" in result.output
    assert "voortgang/2026.md" in result.output, "says how to put it in the menu"
    build = run_ivpgen("build", "--strict", cwd=plan, env=EPOCH)
    assert build.code == 0, build.output
    html = section(page(plan / "site", "voortgang/2026"), "veranderingen")
    assert "Sinds Voortgang 2025 is de status van geen enkele actie veranderd" in html
    assert "changes__list" not in html
    again = run_ivpgen("report", "2026", cwd=plan, env=EPOCH)
    assert again.code == 2 and "content/voortgang/2026.md bestaat al" in again.output
    assert "Vul hier in" in written.read_text(encoding="utf-8"), "untouched: staff's text stays"


def test_report_shows_a_status_that_changed(tmp_path: Path) -> None:
    plan = no_pdf(copy_plan(WIJKEN, tmp_path / "plan"))
    theme = plan / "content" / "thema" / "wijken.md"
    theme.write_text(theme.read_text(encoding="utf-8").replace(
        "    deadline: 2026-12-31\n    status: lopend", "    deadline: 2026-12-31\n"
        "    status: afgerond"), encoding="utf-8")
    assert run_ivpgen("report", "2026", cwd=plan, env=EPOCH).code == 0
    build = run_ivpgen("build", "--strict", cwd=plan, env=EPOCH)
    assert build.code == 0, build.output
    html = section(page(plan / "site", "voortgang/2026"), "veranderingen")
    assert re.search(r'changes__kind">Afgerond <span class="changes__count">\(1 actie\)', html)
    assert "#inbraakpreventie-oost" in html and "was lopend" in html


# --- the goals overview ----------------------------------------------------------------------

@pytest.mark.parametrize("plan", ["example", "wijken"])
def test_goals_overview_judges_every_goal_by_priority(plan: str, request: pytest.FixtureRequest,
                                                      ) -> None:
    site_dir: Path = request.getfixturevalue(plan)
    html = page(site_dir, "voortgang/doelen")
    data = json.loads((site_dir / "data" / "plan.json").read_text(encoding="utf-8"))
    goals = data["goals"]
    for goal in goals:
        assert str(escape(goal["text"])) in html
    measured = [g for g in goals if g["verdict"]]
    assert f"{len(measured)} doelen hebben een meetbaar cijfer" in html
    shown = re.findall(r'<p><span class="verdict verdict--([a-z-]+)">', html)
    assert sorted(shown) == sorted(g["verdict"] for g in measured)
    for goal in measured:  # its chart (trend against the path) is one click away
        link = re.search(rf'href="([^"]*)#grafiek-doel-{goal["id"]}"', html)
        assert link, goal["id"]
        target = (site_dir / "voortgang" / "doelen" / link[1]).resolve() / "index.html"
        assert target.parent.name == goal["priority"], goal["id"]
        assert f'id="grafiek-doel-{goal["id"]}"' in target.read_text(encoding="utf-8"), goal["id"]
    assert html.count("<figure") == 1, "only the verdicts chart: the page stays light in a region"
    chart = json.loads((site_dir / "grafieken" / "oordelen.json").read_text(encoding="utf-8"))
    assert chart["rows"][-1]["total"] == len(measured)


def test_goals_overview_is_in_the_printed_summary(example: Path) -> None:
    import pypdf

    reader = pypdf.PdfReader(example / "samenvatting" / "samenvatting-regio.pdf")
    pages = [p.extract_text() for p in reader.pages]
    assert "Het plan in één oogopslag" in pages[1]
    overview = pages[2]  # right after the overview, with the region's key figures
    assert "Hoe staan we ervoor" in overview
    assert "5 doelen hebben een meetbaar cijfer: 3 op koers, 2 achter op schema." in overview
    row = re.search(r"Minder jongeren in Baarn komen in aanraking met Halt\.(.*?)op koers", overview,
                    re.S)
    assert row and row.group(1).split() == ["10,9*", "(2024)", "11,0", "10,0", "(2026)"]


# --- what residents said -----------------------------------------------------------------------

def test_survey_shows_figures_residents_know_and_what_answers_them(example: Path) -> None:
    html = page(example, "peilingen/veiligheidspeiling-2025")
    words = text(html)
    assert "Illustratieve uitkomsten" in words, "invented figures are labelled"
    assert "9 van de 10 inwoners voelen zich altijd of meestal veilig in hun eigen buurt (88%)" \
        in words
    assert "Inwoners geven de veiligheid in hun buurt een 7,4" in words
    persons = re.findall(r'<span class="persons" aria-hidden="true">(.*?)</span>', html, re.S)
    assert [p.count("person--on") for p in persons] == [9, 6, 3]
    assert all(p.count("<svg") == 10 for p in persons)
    assert "Te hard rijden (41% * ): Nog geen speerpunt of actie" in words
    assert re.search(r'href="../../thema/jeugd/#jeugd-hangplekken">Hangplekken', html)
    chart = json.loads((example / "grafieken" / "zorgen-veiligheidspeiling-2025.json")
                       .read_text(encoding="utf-8"))
    assert chart["title"] == "Te hard rijden is de grootste zorg van inwoners"
    assert [r["percent"] for r in chart["rows"]] == [41, 37, 29, 18, 12]
    assert "peilingen/veiligheidspeiling-2025/" in page(example, "meedoen")


def test_tenths_round_half_up() -> None:
    assert [tenths(p) for p in (88, 85, 84.9, 4, 100)] == [9, 9, 8, 0, 10]


# --- open data ---------------------------------------------------------------------------------

@pytest.mark.parametrize("plan", ["example", "wijken"])
def test_plan_json_validates_against_the_published_schema(plan: str,
                                                          request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(plan) / "data"
    schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator
    validator.check_schema(schema)
    document = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(document)
    broken = {**document, "actions": [{**document["actions"][0], "status": "klaar"}]}
    with pytest.raises(jsonschema.ValidationError):
        validator(schema).validate(broken)
    for table in schema["properties"]:
        definition = schema["$defs"][schema["properties"][table].get("items", schema[
            "properties"][table]).get("$ref", "").rsplit("/", 1)[-1]]
        assert all(p["description"] for p in definition["properties"].values()), table


@pytest.mark.parametrize("plan", ["example", "wijken"])
def test_reloading_the_open_data_reproduces_every_figure(plan: str,
                                                         request: pytest.FixtureRequest) -> None:
    site_dir: Path = request.getfixturevalue(plan)
    data = read_json(site_dir / "data")
    assert read_csvs(site_dir / "data") == data, "the CSV files hold the same records"
    content = to_content(data)
    site = SiteView(content)
    locale = load_locale("nl")
    catalog = Catalog(site, locale, STYLE)
    pages = living_pages(Loaded(content, {}, [], set()), site, catalog, locale,
                         data.plan.licence, data.plan.site_url)
    published = {p.name: p.read_text(encoding="utf-8") for p in (site_dir / "grafieken").iterdir()
                 if p.suffix in (".csv", ".json")}
    tiles = catalog.tiles()
    redrawn = {f"{tiles.id}.csv": to_csv(tiles.table),
               f"{tiles.id}.json": to_json(tiles.id, tiles.title, "", tiles.table)}
    for chart_id, chart in catalog.charts.items():
        redrawn[f"{chart_id}.csv"] = to_csv(chart.table)
        redrawn[f"{chart_id}.json"] = to_json(chart_id, chart.title, chart.desc, chart.table)
    assert redrawn.keys() == published.keys()
    for name, data_file in published.items():
        assert redrawn[name] == data_file, name  # figures, words, illustrative marks alike
    for path, spec in pages.items():
        if path.startswith("uitvoering/") and path != "uitvoering/index.md":
            html = page(site_dir, path.removesuffix(".md"))
            for row in spec.view.rows:
                cell = row.cost.amount if row.cost.amount is not None else row.cost.whole
                if cell is not None:
                    assert str(escape(locale.money(cell))) in html


def test_data_page_explains_every_file_and_column(example: Path) -> None:
    html = page(example, "data")
    schema = json.loads((example / "data" / "schema.json").read_text(encoding="utf-8"))
    for table, prop in schema["properties"].items():
        assert f'<a href="{table}.csv">{table}.csv</a>' in html
        assert (example / "data" / f"{table}.csv").is_file()
        definition = schema["$defs"][prop.get("items", prop)["$ref"].rsplit("/", 1)[-1]]
        block = section(html, table)
        for column, described in definition["properties"].items():
            assert f"<code>{column}</code>" in block
            assert str(escape(described["description"])) in block
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/deed.nl"' in html
    assert '<a href="plan.json">plan.json</a>' in html
    theme = page(example, "thema/jeugd")
    assert theme.count('href="../../data/">over deze gegevens</a>') == theme.count(
        'class="chart__downloads"'), "every chart links to the data page"
    assert 'href="../../data/">Open data</a>' in theme, "in the footer"


def test_the_licence_is_chosen_in_mkdocs_yml(mini: Path) -> None:
    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("      pdf: false\n", "      pdf: false\n"
                                                       "      licence: CC-BY-4.0\n")
    config.write_text(text, encoding="utf-8")
    assert "licence: CC-BY-4.0" in config.read_text(encoding="utf-8")
    assert run_ivpgen("build", cwd=mini, env=EPOCH).code == 0
    data = json.loads((mini / "site" / "data" / "plan.json").read_text(encoding="utf-8"))
    assert data["plan"]["licence"] == "CC-BY-4.0"
    assert "Vermeld dan als bron: Gemeente Teststad." in page(mini / "site", "data")
    config.write_text(text.replace("CC-BY-4.0", "MIT"), encoding="utf-8")
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 2
    assert "veld 'plugins[0].ivpgen.licence': verwacht een van: CC0-1.0, CC-BY-4.0, maar hier " \
           "staat 'MIT'." in result.output


# --- validation ---------------------------------------------------------------------------------

def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("thema/inbraak.md", "    status: lopend\n", "    status: lopend\n    years: [2031]\n",
     "veld 'actions[0].years[0]': 2031 valt buiten de looptijd van het plan (2024–2027)"),
    ("thema/inbraak.md", "    status: lopend\n",
     "    status: lopend\n    years: [2024]\n    year_budgets: {2025: 100}\n",
     "'year_budgets' noemt een jaar dat niet in 'years' staat"),
    ("voortgang/2024.md", "actions:\n", "goals:\n  minder-inbraak: {verdict: achter}\nactions:\n",
     "veld 'goals.minder-inbraak': doel 'minder-inbraak' bestaat niet. Bedoelt u "
     "'minder-inbraken'?"),
    ("voortgang/2024.md", "actions:\n", "goals:\n  minder-inbraken: {verdict: achter, year: 2024}"
     "\nactions:\n", "vul 'year' en 'value' samen in"),
])
def test_living_plan_mistakes_are_named_with_file_line_and_field(
        mini: Path, file: str, old: str, new: str, message: str) -> None:
    _edit(mini / "content" / file, old, new)
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 2
    assert message in result.output


def test_survey_needs_a_source_unless_illustrative_and_known_answers(mini: Path) -> None:
    survey = mini / "content" / "peiling.md"
    survey.write_text("---\ntype: survey\ntitle: Peiling\ndate: 2025-01-01\nsummary: Kort.\n"
                      "method: Enquête.\nrespondents: 100\nconcerns:\n  - text: Inbraak\n"
                      "    percent: 40\n    answers: [inbrak]\n---\n", encoding="utf-8")
    result = run_ivpgen("check", cwd=mini)
    assert "content/peiling.md\n  regel 2: fout: geef de bron van deze uitkomsten" in result.output
    _edit(survey, "respondents: 100\n", "respondents: 100\nillustrative: true\n")
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 2
    assert "veld 'concerns[0].answers[0]': speerpunt of actie 'inbrak' bestaat niet. Bedoelt u " \
           "'inbraak'?" in result.output


@pytest.fixture(scope="module")
def example_content() -> Content:
    from ivpgen.check import load_and_check

    pages = [p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")]
    loaded, _ = load_and_check(ROOT / "content", pages)
    return loaded.content


def test_example_reports_are_complete_snapshots(example_content: Content) -> None:
    first, second = example_content.progress_reports
    actions = set(example_content.actions)
    assert set(first.actions) == set(second.actions) == actions
    measured = {g.id for g in example_content.goals.values() if g.indicator}
    assert set(first.goals) == set(second.goals) == measured
