"""Words residents know: the glossary page, the first use of a term on every page marked up and
linked to its definition (never in headings, links, code or attributes), and the check that
warns about abbreviations the glossary lacks."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ivpgen.glossary import Glossary
from ivpgen.model import Term
from tests.conftest import run_ivpgen

GLOSSARY = Glossary([
    Term(term="RIEC", expansion="Regionaal Informatie- en Expertisecentrum", definition="..."),
    Term(term="OM", expansion="Openbaar Ministerie", definition="..."),
    Term(term="ondermijning", definition="..."),
    Term(term="Veilig Thuis", definition="..."),
    Term(term="PGA", expansion="persoonsgerichte aanpak", forms=["persoonsgerichte aanpak"],
         definition="..."),
])
RIEC = ('<a class="term" href="../begrippen/#begrip-riec"><abbr title="Regionaal Informatie- en '
        'Expertisecentrum">RIEC</abbr></a>')


def mark(main: str, outside: str = "") -> str:
    html = f'<html><body><header>{outside}</header><main id="inhoud">{main}</main></body></html>'
    marked = GLOSSARY.mark(html, "../begrippen/")
    return marked[marked.index("<main"): marked.index("</main>")]


def test_first_use_only_with_its_expansion() -> None:
    out = mark("<p>Het RIEC helpt.</p><p>Ook het RIEC en het OM.</p>")
    assert out.count('class="term"') == 2
    assert f"<p>Het {RIEC} helpt.</p>" in out
    assert "<p>Ook het RIEC en het " in out
    assert '<abbr title="Openbaar Ministerie">OM</abbr>' in out


def test_not_in_headings_links_code_attributes_or_hidden_text() -> None:
    out = mark('<h2 id="riec">RIEC</h2><p><a href="x">het RIEC</a> <code>RIEC</code></p>'
               '<p title="RIEC" class="visually-hidden">RIEC</p><svg><text>RIEC</text></svg>'
               '<details><summary>RIEC</summary>RIEC</details><p>Dan het RIEC.</p>')
    assert out.count('class="term"') == 1
    assert f"<p>Dan het {RIEC}.</p>" in out
    assert '<h2 id="riec">RIEC</h2>' in out and '<p title="RIEC" class="visually-hidden">' in out


def test_only_inside_main_and_the_rest_stays_byte_for_byte() -> None:
    html = ('<!doctype html><html><head><title>RIEC</title></head><body><header>RIEC</header>'
            '<main><p>Het RIEC &amp; het\n OM.</p></main><footer>RIEC</footer></body></html>')
    marked = GLOSSARY.mark(html, "b/")
    assert marked.count('class="term"') == 2
    assert marked.replace(RIEC.replace("../begrippen/", "b/"), "RIEC").replace(
        '<a class="term" href="b/#begrip-om"><abbr title="Openbaar Ministerie">OM</abbr></a>',
        "OM") == html


def test_case_and_word_rules() -> None:
    # 'om' is a Dutch word, not the OM; a plain word matches at the start of a sentence too.
    out = mark("<p>Dit is om te weten. Ondermijning is een probleem. De PGA-aanpak.</p>")
    assert "begrip-om" not in out
    assert '<a class="term" href="../begrippen/#begrip-ondermijning">Ondermijning</a>' in out
    assert '<abbr title="persoonsgerichte aanpak">PGA</abbr></a>-aanpak' in out
    # a form written out in full is linked without an <abbr> that repeats it
    out = mark("<p>Een persoonsgerichte\n aanpak voor Veilig Thuis.</p>")
    assert '#begrip-pga">persoonsgerichte\n aanpak</a>' in out
    assert '#begrip-veilig-thuis">Veilig Thuis</a>' in out
    assert "Wijkriecsel" in mark("<p>Wijkriecsel RIECX</p>") and "term" not in mark(
        "<p>Wijkriecsel RIECX</p>")


class Terms(HTMLParser):
    """Where the term links of a page are: inside which elements."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.links: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("class") == "term":
            self.links.append((values["href"] or "", list(self.stack)))
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass


def term_links(page: Path) -> list[tuple[str, list[str]]]:
    parser = Terms()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def test_example_pages_link_first_uses_to_the_glossary(example: Path) -> None:
    glossary = (example / "begrippen" / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<h2 class="glossary__term" id="([^"]+)">', glossary))
    assert {"begrip-riec", "begrip-bibob", "begrip-halt", "begrip-om", "begrip-veilig-thuis",
            "begrip-pga", "begrip-ondermijning"} <= anchors
    assert '<dfn><abbr title="Regionaal Informatie- en Expertisecentrum">RIEC</abbr></dfn>' in glossary
    assert 'class="term"' not in glossary  # the glossary itself is not marked
    marked_pages = 0
    for page in example.rglob("index.html"):
        links = term_links(page)
        targets = [href.split("#")[1] for href, _ in links]
        assert len(targets) == len(set(targets)), f"{page}: a term marked twice"
        assert set(targets) <= anchors
        for href, inside in links:
            assert "main" in inside and not {"h1", "h2", "h3", "h4", "a", "code"} & set(inside), \
                (page, href, inside)
        marked_pages += bool(links)
    assert marked_pages >= 8
    ondermijning = (example / "thema" / "ondermijning" / "index.html").read_text(encoding="utf-8")
    assert ondermijning.count('href="../../begrippen/#begrip-riec"><abbr title="Regionaal '
                              'Informatie- en Expertisecentrum">RIEC</abbr></a>') == 1
    jeugd = term_links(example / "thema" / "jeugd" / "index.html")
    assert "../../begrippen/#begrip-halt" in [href for href, _ in jeugd]


def test_check_warns_about_an_abbreviation_the_glossary_lacks(mini: Path) -> None:
    (mini / "content" / "begrippen.md").write_text(
        "---\ntype: glossary\ntitle: Begrippen\nterms:\n  - term: OM\n    expansion: Openbaar "
        "Ministerie\n    definition: Vervolgt verdachten.\n---\n", encoding="utf-8")
    page = mini / "content" / "toegankelijkheid.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nDe GGD en het OM, de GGD weer, en `BOA` in code, "
                    "[link](https://x.nl/ABC).\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = run_ivpgen("check", "--strict", cwd=mini)
    assert result.code == 1, result.output
    assert (f"regel {line}: waarschuwing: de afkorting 'GGD' staat niet in de begrippenlijst "
            "(content/begrippen.md)") in result.output
    assert result.output.count("'GGD'") == 1
    assert "'OM'" not in result.output and "BOA" not in result.output and "ABC" not in result.output


def test_a_term_defined_twice_is_an_error(mini: Path) -> None:
    (mini / "content" / "begrippen.md").write_text(
        "---\ntype: glossary\ntitle: Begrippen\nterms:\n  - term: Veilig Thuis\n    definition: "
        "Meldpunt.\n  - term: veilig thuis\n    definition: Nog eens.\n---\n", encoding="utf-8")
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 2
    assert ("content/begrippen.md\n  regel 7: fout: veld 'terms[1].term': 'veilig thuis' staat al "
            "in de lijst (als 'Veilig Thuis')") in result.output
