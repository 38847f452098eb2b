"""The ``ivpgen`` command: build, serve and check a plan, through the same pipeline as the plugin;
``new`` starts a plan.

Exit statuses, shared by build and check: 0 fine, 1 warnings under --strict, 2 errors (in the
content or in mkdocs.yml). Every failure ends in one Dutch line, never in a traceback
(``--verbose`` shows the traceback of an internal error, for a bug report).
"""

from __future__ import annotations

import itertools
import json
import logging
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import NoReturn

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import get_files
from mkdocs.utils import CountHandler

from ivpgen import engine
from ivpgen.console import Console, shown_path
from ivpgen.errors import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_WARNINGS,
    ConfigError,
    IvpgenError,
    Problem,
    exit_status,
)
from ivpgen.i18n import Locale, load_locale
from ivpgen.pipeline import Outcome, Pipeline
from ivpgen.plugin import IvpgenPlugin, shown_prefix
from ivpgen.settings import read_config, review

config_option = click.option("-f", "--config-file", type=click.Path(dir_okay=False),
                             default="mkdocs.yml", show_default=True,
                             help="Het instellingenbestand van de site.")
strict_option = click.option("-s", "--strict", is_flag=True,
                             help="Stop ook bij waarschuwingen, niet alleen bij fouten.")
NOT_PUBLISHED = "De site is niet bijgewerkt; site/ is ongewijzigd."


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    root = logging.getLogger(engine.NAME)
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False


@click.group()
@click.version_option(package_name="ivpgen")
def main() -> None:
    """ivpgen: publiceer een Integraal Veiligheidsplan als website en samenvatting."""


def _config_problems(config_file: str) -> list[Problem]:
    """mkdocs.yml reviewed the way the plugin reviews it (Dutch, with line and key)."""
    path = Path(config_file)
    source, problems = read_config(path, shown_prefix(path.parent) + path.name)
    return review(source) if source is not None else problems


def _stop_on_config_errors(config_file: str) -> None:
    """Print the errors in mkdocs.yml and stop (status 2) before the engine reads it in English.
    Warnings are left to the plugin, which logs them during the build."""
    errors = [p for p in _config_problems(config_file) if p.severity == "error"]
    if errors:
        log = logging.getLogger(f"{engine.NAME}.plugins.ivpgen.cli")
        for problem in errors:
            log.error(str(problem))
        _fail(f"{len(errors)} {'fout' if len(errors) == 1 else 'fouten'} in {Path(config_file).name}",
              EXIT_ERRORS)


def _plan_locale(config_file: str) -> Locale:
    """The locale the plan asks for, to speak to staff before mkdocs.yml is checked; Dutch
    when it cannot be read."""
    config, _problems = read_config(Path(config_file))
    found = config.plugin_options() if config is not None else None
    code = found[1].get("locale") if found else None
    try:
        return load_locale(code if isinstance(code, str) else "nl")
    except ConfigError:
        return load_locale("nl")


def _load(config_file: str, **options: object) -> MkDocsConfig:
    try:
        return load_config(config_file, **options)  # type: ignore[arg-type]
    except (Abort, ConfigurationError) as exc:
        _fail(f"de instellingen in {Path(config_file).name} kloppen niet: {exc}", EXIT_ERRORS)


def _fail(reason: str, status: int) -> NoReturn:
    click.echo(f"Fout: gestopt vanwege {reason}. {NOT_PUBLISHED}", err=True)
    sys.exit(status)


@main.command()
@config_option
@strict_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), default=None,
              help="Map voor de gebouwde site (standaard: site/).")
@click.option("-v", "--verbose", is_flag=True, help="Toon elke stap, ook de Engelse regels van MkDocs.")
@click.option("-q", "--quiet", is_flag=True, help="Toon alleen fouten.")
def build(config_file: str, strict: bool, site_dir: str | None, verbose: bool, quiet: bool) -> None:
    """Bouw de website en de samenvattingen uit content/ naar site/."""
    started = time.perf_counter()
    console = Console(_plan_locale(config_file), quiet=quiet and not verbose, verbose=verbose)
    root = logging.getLogger(engine.NAME)
    root.handlers[:] = [console.handler(engine.NAME)]
    root.setLevel(logging.DEBUG)
    root.propagate = False
    console.step("config")
    _stop_on_config_errors(config_file)
    config = _load(config_file, strict=strict, site_dir=site_dir)
    plugin = config.plugins.get("ivpgen")
    if isinstance(plugin, IvpgenPlugin):
        plugin.progress = console
    counts = CountHandler()
    counts.setLevel(logging.WARNING)
    root.addHandler(counts)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
            console.close()
    except (Abort, ConfigurationError):
        errors = dict(counts.get_counts()).get("ERROR", 0)
        if errors or not strict:
            _fail("de fouten hierboven", EXIT_ERRORS)
        _fail("waarschuwingen (--strict)", EXIT_WARNINGS)
    except Exception as exc:  # a bug: say so plainly, the traceback only on request
        if verbose:
            traceback.print_exc()
        _fail(f"een interne fout ({type(exc).__name__}: {exc}); meld dit met de uitvoer van "
              "ivpgen build --verbose", EXIT_ERRORS)
    warnings = dict(counts.get_counts()).get("WARNING", 0)
    final = plugin.state.final_site_dir if isinstance(plugin, IvpgenPlugin) else None
    _summary(console, plugin, final or Path(config.site_dir), warnings,
             time.perf_counter() - started)


def _summary(console: Console, plugin: object, site_dir: Path, warnings: int,
             seconds: float) -> None:
    """The one-screen summary: pages, charts, PDFs, warnings, output folder, time taken."""
    outcome = plugin.state.outcome if isinstance(plugin, IvpgenPlugin) else None
    if outcome is None:
        return
    t, number = console.locale.t, console.locale.number
    lines = outcome.report()
    folder = shown_path(site_dir)
    rows = [(t("console.pages"), str(len(outcome.pages))),
            (t("console.charts"), lines[0] if lines else "–"),
            (t("console.pdfs"), lines[1] if len(lines) > 1 else t("console.no_pdfs")),
            (t("console.warnings"), str(warnings)),
            (t("console.folder"), folder),
            (t("console.time"), t("console.seconds", seconds=number(seconds, 1)))]
    console.summary(rows, t("console.done", seconds=number(seconds, 1), folder=folder))


@main.command()
@config_option
@strict_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Adres en poort voor de voorvertoning.")
def serve(config_file: str, strict: bool, dev_addr: str) -> None:
    """Toon een voorvertoning die zich bij elke wijziging vernieuwt.

    Bewaakt content/ (ook databestanden), het thema en mkdocs.yml. Live reload wordt hier
    expliciet aangezet: MkDocs 1.6.1 zet het bij click > 8.2.1 per ongeluk uit.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve  # livereload: only when serving

    _setup_logging(False)
    _stop_on_config_errors(config_file)
    signal.signal(signal.SIGTERM, _interrupt)  # stop as on Ctrl+C: the worker pool is closed
    try:
        mkdocs_serve(config_file, livereload=True, watch_theme=True, strict=strict,
                     dev_addr=dev_addr)
    except (Abort, ConfigurationError) as exc:
        _fail(f"een fout bij het starten: {exc}", EXIT_ERRORS)


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise KeyboardInterrupt


@main.command()
@config_option
@strict_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Uitvoer voor mensen (text) of voor programma's (json).")
def check(config_file: str, strict: bool, output: str) -> None:
    """Controleer mkdocs.yml en de inhoud zonder te bouwen.

    Afloop: 0 goed, 1 waarschuwingen (alleen met --strict), 2 fouten.
    """
    logging.getLogger(engine.NAME).setLevel(logging.ERROR)
    problems = _config_problems(config_file)
    notes: list[str] = []
    if not any(p.severity == "error" for p in problems):
        try:
            config = load_config(config_file)
        except (Abort, ConfigurationError) as exc:
            problems.append(Problem(Path(config_file).name, 0, "", str(exc)))
        else:
            outcome = _check_content(config)
            problems += outcome[0]
            notes = outcome[1]
    _report(sorted(problems), notes, output)
    sys.exit(exit_status(problems, strict))


def _check_content(config: MkDocsConfig) -> tuple[list[Problem], list[str]]:
    outcome = _checked(config)
    return outcome.problems, outcome.notes


@main.command("report")
@click.argument("year", type=click.IntRange(1900, 2200))
@config_option
def report_command(year: int, config_file: str) -> None:
    """Schrijf een nieuwe voortgangsrapportage over JAAR (content/voortgang/JAAR.md).

    De rapportage legt de status van elke actie en het oordeel over elk doel van nu vast;
    vul daarna zelf de samenvatting en het verhaal in. Een bestaande rapportage blijft staan.
    """
    from ivpgen.report import report_path, report_text

    logging.getLogger(engine.NAME).setLevel(logging.ERROR)
    _stop_on_config_errors(config_file)
    config = _load(config_file)
    path = report_path(Path(config.docs_dir), year)
    shown = shown_prefix(path.parent) + path.name
    if path.exists():
        _fail(f"{shown} bestaat al; pas die rapportage aan, of haal het bestand eerst weg",
              EXIT_ERRORS)
    outcome = _checked(config)
    if outcome.failed or outcome.site is None or outcome.catalog is None or \
            outcome.locale is None:
        _report(outcome.problems, [], "text")
        _fail("de fouten hierboven", EXIT_ERRORS)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_text(outcome.site, outcome.catalog, outcome.locale, year),
                    encoding="utf-8")
    click.echo(f"Geschreven: {shown}, met de stand van {len(outcome.site.all_actions)} acties "
               "en het oordeel over de doelen van nu.\nVul de samenvatting (summary) en het "
               "verhaal onder de kop in. Zet de rapportage in het menu: voeg in "
               f"{Path(config_file).name} onder 'nav' de regel '{path.parent.name}/{path.name}' toe.")


def _checked(config: MkDocsConfig) -> Outcome:
    """The content read and reviewed by the pipeline, as ``ivpgen check`` does."""
    plugin = config.plugins.get("ivpgen")
    assert isinstance(plugin, IvpgenPlugin)
    pipeline = Pipeline()
    try:
        return pipeline.check(plugin.settings(config, get_files(config)))
    finally:
        pipeline.close()


@main.command()
@click.argument("folder", type=click.Path(path_type=Path), metavar="MAP")
@click.option("--municipality", "municipalities", multiple=True, metavar="NAAM",
              help="Gemeente van het plan; herhaal voor een gezamenlijk plan. Zonder deze optie "
              "stelt ivpgen vragen.")
@click.option("--neighbourhood", "neighbourhoods", multiple=True, metavar="NAAM",
              help="Wijk waarop het plan stuurt (bij één gemeente); herhaal voor meer wijken.")
@click.option("--period", metavar="JAAR-JAAR", help="Looptijd, bijvoorbeeld 2027-2030 "
              "(standaard: de volgende vier jaar).")
@click.option("--priority", "priorities", multiple=True, metavar="VELD",
              help="Veiligheidsveld van een speerpunt, bijvoorbeeld 'jeugd en veiligheid'; "
              "herhaal voor meer speerpunten.")
def new(folder: Path, municipalities: tuple[str, ...], neighbourhoods: tuple[str, ...],
        period: str | None, priorities: tuple[str, ...]) -> None:
    """Begin een nieuw plan in MAP (nieuw of leeg), met voorbeeldtekst om te vervangen.

    Afloop: 0 goed, 2 fout (een onbekende gemeente, een map die niet leeg is).
    """
    from ivpgen import new as new_plan

    try:
        new_plan.check_folder(folder)
        day = new_plan.today()
        request = (new_plan.make_request(municipalities, neighbourhoods, period, priorities, day)
                   if municipalities else new_plan.ask(day, neighbourhoods, period, priorities))
        written = new_plan.write_plan(folder, request)
    except IvpgenError as exc:
        click.echo(f"Fout: {exc}", err=True)
        sys.exit(EXIT_ERRORS)
    click.echo(f"Nieuw plan gemaakt in {folder}: {len(written)} bestanden. Zo gaat u verder:\n"
               f"  cd {folder}\n"
               "  ivpgen serve           # bekijk het plan op http://127.0.0.1:8000\n"
               "  ivpgen check           # waar staat nog voorbeeldtekst?\n"
               "  ivpgen build --strict  # maak de site in site/")


def _report(problems: list[Problem], notes: list[str], output: str) -> None:
    if output == "json":
        click.echo(json.dumps({"notes": notes, "problems": [p.__dict__ for p in problems]},
                              ensure_ascii=False, indent=2))
        return
    for note in notes:
        click.echo(note)
    labels = {"error": "fout", "warning": "waarschuwing", "info": "ter info"}
    for file, group in itertools.groupby(problems, key=lambda p: p.file):
        click.echo(file)
        for problem in group:
            field = f"veld '{problem.field}': " if problem.field else ""
            where = f"regel {problem.line}: " if problem.line else ""  # 0: the file as a whole
            click.echo(f"  {where}{labels[problem.severity]}: {field}{problem.text}")
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    infos = sum(p.severity == "info" for p in problems)
    click.echo(f"{errors} fout(en), {warnings} waarschuwing(en)"
               + (f", {infos} ter info." if infos else "."))


__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_WARNINGS", "main"]
