"""The ``ivpgen`` command: build, serve and check a plan, calling the same stages as the plugin."""

from __future__ import annotations

import itertools
import json
import logging
import sys
from pathlib import Path

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import get_files

from ivpgen.charts import shortcode
from ivpgen.charts.catalog import Catalog
from ivpgen.check import load_and_check
from ivpgen.errors import ContentError, Problem
from ivpgen.i18n import load_locale
from ivpgen.load import Loaded
from ivpgen.plugin import IvpgenPlugin, _bodies, _shown_prefix
from ivpgen.views import SiteView

EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2

config_option = click.option("-f", "--config-file", type=click.Path(dir_okay=False),
                             default="mkdocs.yml", show_default=True,
                             help="Het instellingenbestand van de site.")
strict_option = click.option("-s", "--strict", is_flag=True,
                             help="Stop ook bij waarschuwingen, niet alleen bij fouten.")


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    root = logging.getLogger("mkdocs")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False


@click.group()
@click.version_option(package_name="ivpgen")
def main() -> None:
    """ivpgen: publiceer een Integraal Veiligheidsplan als website en samenvatting."""


@main.command()
@config_option
@strict_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), default=None,
              help="Map voor de gebouwde site (standaard: site/).")
@click.option("-v", "--verbose", is_flag=True, help="Toon elke stap.")
def build(config_file: str, strict: bool, site_dir: str | None, verbose: bool) -> None:
    """Bouw de website uit content/ naar site/."""
    _setup_logging(verbose)
    try:
        config = load_config(config_file, strict=strict, site_dir=site_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as exc:
        _fail(exc)


def _fail(exc: Exception) -> None:
    """End a failed build with one Dutch line; the problems themselves were logged above."""
    text = str(exc)
    if "strict mode" in text:
        text = "gestopt vanwege waarschuwingen (--strict)"
    elif "configuration error" in text:
        text = "gestopt vanwege een fout in de instellingen (mkdocs.yml)"
    elif "BuildError" in text or not text:
        text = "gestopt vanwege de fouten hierboven"
    click.echo(f"Fout: {text}. De site is niet bijgewerkt; site/ is ongewijzigd.", err=True)
    sys.exit(1)


@main.command()
@config_option
@strict_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Adres en poort voor de voorvertoning.")
def serve(config_file: str, strict: bool, dev_addr: str) -> None:
    """Toon een voorvertoning die zich bij elke wijziging vernieuwt.

    Bewaakt content/ (ook databestanden), templates/ en mkdocs.yml. Live reload wordt hier
    expliciet aangezet: MkDocs 1.6.1 zet het bij click > 8.2.1 per ongeluk uit.
    """
    _setup_logging(False)
    try:
        mkdocs_serve(config_file, livereload=True, watch_theme=True, strict=strict,
                     dev_addr=dev_addr)
    except (Abort, ConfigurationError) as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@config_option
@strict_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Uitvoer voor mensen (text) of voor programma's (json).")
def check(config_file: str, strict: bool, output: str) -> None:
    """Controleer de inhoud zonder te bouwen (0: goed, 1: waarschuwingen met --strict, 2: fouten)."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(config_file)
    except (Abort, ConfigurationError) as exc:
        raise click.ClickException(str(exc)) from None
    docs_dir = Path(config.docs_dir)
    pages = [f.src_uri for f in get_files(config).documentation_pages()]
    prefix = _shown_prefix(docs_dir)
    try:
        loaded, problems = load_and_check(docs_dir, pages, prefix)
        problems = sorted(problems + _chart_problems(config, loaded, prefix))
    except ContentError as exc:
        problems = exc.problems
    _report(problems, output)
    if any(p.severity == "error" for p in problems):
        sys.exit(EXIT_ERRORS)
    if strict and problems:
        sys.exit(EXIT_WARNINGS)


def _chart_problems(config: MkDocsConfig, loaded: Loaded, prefix: str) -> list[Problem]:
    """Mistakes in {{ grafiek ... }} shortcodes, which need the plan's charts to be checked."""
    plugin = config.plugins.get("ivpgen")
    if not isinstance(plugin, IvpgenPlugin):
        return []
    catalog = Catalog(SiteView(loaded.content), load_locale(plugin.config.locale), plugin.style)
    return shortcode.all_placements(catalog, _bodies(loaded), prefix)[1]


def _report(problems: list[Problem], output: str) -> None:
    if output == "json":
        click.echo(json.dumps([p.__dict__ for p in problems], ensure_ascii=False, indent=2))
        return
    errors = sum(p.severity == "error" for p in problems)
    for file, group in itertools.groupby(problems, key=lambda p: p.file):
        click.echo(file)
        for problem in group:
            label = "fout" if problem.severity == "error" else "waarschuwing"
            field = f"veld '{problem.field}': " if problem.field else ""
            click.echo(f"  regel {problem.line}: {label}: {field}{problem.message}")
    click.echo(f"{errors} fout(en), {len(problems) - errors} waarschuwing(en).")
