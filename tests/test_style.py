"""House style: logo, favicon, self-hosted fonts, NL Design System tokens and the contrast check."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pypdf
import pytest
import tinycss2
from PIL import Image as PilImage

from ivpgen.i18n import load_locale
from ivpgen.style import BACKGROUNDS, PAIRS, Style, contrast, parse
from ivpgen.stylefiles import StyleFileError, read_image
from ivpgen.tokens import parse_tokens, pick
from tests.conftest import ROOT, copy_plan, run_ivpgen, warnings_in

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}
TOKENS = ROOT / "tests" / "fixtures" / "tokens" / "denhaag.tokens.json"
T = load_locale("nl").t
LOGO = ROOT / "content" / "huisstijl" / "logo.svg"
FONT = ROOT / "content" / "huisstijl" / "letters" / "source-sans-3-latin-400-normal.woff2"


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    PilImage.new("RGB", (width, height), "#1f4e79").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png(3, 2)


# The example plan shows its own logo, favicon and typeface -------------------------------------

def test_header_shows_the_logo_with_its_words(example: Path) -> None:
    html = (example / "index.html").read_text()
    logo = re.search(r'<p class="site-title"><a href="[^"]*"><img class="site-logo" '
                     r'src="(assets/huisstijl/logo-[0-9a-f]+\.svg)" alt="Samen veilig" '
                     r'width="\d+" height="\d+">', html)
    assert logo, "the logo sits in the site title's link, with its alternative text"
    assert (example / logo[1]).read_bytes() == LOGO.read_bytes()
    nested = (example / "thema" / "jeugd" / "index.html").read_text()
    assert 'src="../../assets/huisstijl/logo-' in nested


def test_favicon_and_font_are_served_by_the_site_itself(example: Path) -> None:
    html = (example / "index.html").read_text()
    icon = re.search(r'<link rel="icon" href="(assets/huisstijl/favicon-[0-9a-f]+\.svg)" '
                     r'type="image/svg\+xml">', html)
    assert icon and (example / icon[1]).is_file()
    preload = re.search(r'<link rel="preload" href="(assets/huisstijl/source-sans-3-latin-400-'
                        r'normal-[0-9a-f]+\.woff2)" as="font" type="font/woff2" crossorigin>', html)
    assert preload and (example / preload[1]).read_bytes() == FONT.read_bytes()
    assert len(re.findall(r"<link rel=\"preload\"", html)) == 2, "regular and bold"
    css = (example / "assets" / "huisstijl.css").read_text()
    assert '--ivp-font: "Source Sans 3", system-ui' in css
    faces = re.findall(r'font-family: "Source Sans 3";\s*src: url\("(huisstijl/[^"]+)"\) '
                       r'format\("woff2"\);\s*font-weight: (\d+);\s*font-style: (\w+);', css)
    assert sorted((w, s) for _u, w, s in faces) == [
        ("400", "italic"), ("400", "normal"), ("600", "normal"), ("700", "normal")]
    for url, _weight, _style in faces:
        assert (example / "assets" / url).is_file(), url
    assert not re.search(r"url\((?!\"huisstijl/)", css), "no font from anywhere else"


def test_originals_are_not_published_twice(example: Path) -> None:
    assert not (example / "huisstijl" / "logo.svg").exists()
    assert not list((example / "huisstijl").rglob("*.woff2"))
    assert (example / "huisstijl" / "letters" / "OFL.txt").is_file(), "the font's licence goes along"


def test_pdf_embeds_the_typeface_and_shows_the_logo(example: Path) -> None:
    reader = pypdf.PdfReader(example / "samenvatting" / "samenvatting-regio.pdf")
    fonts = {str(font.get_object()["/BaseFont"])
             for page in reader.pages for font in (page["/Resources"].get("/Font") or {}).values()}
    assert any("Source-Sans-3" in name for name in fonts), fonts
    assert any("Source-Sans-3-Bold" in name for name in fonts), fonts
    cover = reader.pages[0]
    assert "/XObject" in cover["/Resources"], "the logo is drawn on the cover"
    assert "Samen veilig" in _alt_texts(reader), "the logo keeps its words in the tagged PDF"


def _alt_texts(reader: pypdf.PdfReader) -> list[str]:
    """Every /Alt of the structure tree."""
    found: list[str] = []
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if isinstance(node, pypdf.generic.ArrayObject):
            stack.extend(node)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                stack.append(node["/K"])
    return found


# A municipality's NL Design System tokens -------------------------------------------------------

def test_example_takes_colours_and_typeface_from_a_municipalitys_tokens(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "content", plan / "content")
    shutil.copy(TOKENS, plan / "content" / "huisstijl" / "tokens.json")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    start, end = config.index("  - ivpgen:"), config.index("markdown_extensions:")
    options = ("  - ivpgen:\n      locale: nl\n      tokens: huisstijl/tokens.json\n"
               "      logo: huisstijl/logo.svg\n      logo_alt: Samen veilig\n      pdf: false\n\n")
    (plan / "mkdocs.yml").write_text(config[:start] + options + config[end:], encoding="utf-8")
    result = run_ivpgen("build", "--strict", cwd=plan, env=EPOCH)
    assert result.code == 0, result.output
    assert not warnings_in(result.output)
    css = (plan / "site" / "assets" / "huisstijl.css").read_text()
    # Den Haag's link blue, hsl(207 80% 35%): its green is too light for links on grey.
    link_blue = parse("hsl(207 80% 35%)")
    assert f"--ivp-primary: {link_blue};" in css
    assert '--ivp-font: "TheSans", sans-serif;' in css
    assert "--ivp-text: #2e2e2e;" in css  # utrecht.document.color, hsla(0, 0%, 18%, 1)
    assert "token utrecht.link.color" in result.output
    assert "token utrecht.document.font-family" in result.output
    assert ("token utrecht.button.primary-action.background-color (hsl(138 58% 33%)): te weinig "
            "contrast met het lichtgrijs van vlakken (#f3f5f8) (4.3:1, minimaal 4.5:1)") in result.output
    assert "de accentkleur (accent_colour): geen bruikbaar token" in result.output
    svg = next((plan / "site" / "grafieken").glob("trend-*.svg")).read_text()
    assert 'font-family="&quot;TheSans&quot;, sans-serif"' in svg, "charts speak the typeface"


def test_tokens_in_every_published_shape_with_references() -> None:
    style_dictionary = '{"a": {"link": {"color": {"value": "#00568b", "original": {"value": "x"}}}}}'
    w3c = '{"a": {"$type": "color", "brand": {"$value": "{a.palette.green}"}, "palette": ' \
          '{"green": {"$value": "#157C68"}}}}'
    plain = '{"utrecht": {"document": {"color": "#282828", "font-family": "Fira Sans, sans-serif"}}}'
    assert parse_tokens(style_dictionary) == {"a.link.color": "#00568b"}
    tokens = parse_tokens(w3c)
    assert tokens["a.brand"] == "{a.palette.green}"
    plain_tokens = parse_tokens(plain)
    found, refused = pick(plain_tokens, "text", lambda value: None)
    assert found is not None and (found.token, found.value) == ("utrecht.document.color", "#282828")
    assert refused == []


def test_a_token_colour_with_too_little_contrast_makes_way_for_the_next() -> None:
    tokens = {"of.color.primary": "{palette.yellow}", "palette.yellow": "#ffdd00",
              "utrecht.link.color": "#00568b"}
    from ivpgen.house import _colour_judge

    found, refused = pick(tokens, "primary", _colour_judge("primary", T))
    assert found is not None and (found.token, found.value) == ("utrecht.link.color", "#00568b")
    assert [(f.token, f.value) for f, _reason in refused] == [("of.color.primary", "#ffdd00")]
    assert "te weinig contrast met wit (1.3:1, minimaal 4.5:1)" in refused[0][1]


# The contrast check covers what the theme really does ------------------------------------------

def test_contrast_pairs_name_the_backgrounds_the_css_uses() -> None:
    css = (ROOT / "templates" / "assets" / "ivpgen.css").read_text()
    assert f"--ivp-soft: {BACKGROUNDS['soft']};" in css
    for name, colour in BACKGROUNDS.items():
        assert name == "white" or colour in css, name
    declared = {(p.colour, p.background) for p in PAIRS}
    for colour, background in _house_pairs_in(css):
        assert (colour, background) in declared, f"{colour} on {background} is not checked"


def _house_pairs_in(css: str) -> set[tuple[str, str]]:
    """(colour, background) of every rule that sets both, named as in PAIRS."""
    names = {"var(--ivp-primary)": "primary", "var(--ivp-text)": "text", "#fff": "white",
             "var(--ivp-soft)": "soft", "#fff4cc": "notice", "#fde2e1": "alert"}
    found = set()
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        declarations = {d.lower_name: tinycss2.serialize(d.value).strip()
                        for d in tinycss2.parse_declaration_list(rule.content, True, True)
                        if d.type == "declaration"}
        colour = names.get(declarations.get("color", ""))
        background = names.get(declarations.get("background", declarations.get("background-color", "")))
        if colour and background and {"primary", "text"} & {colour, background}:
            found.add((colour, background))
    return found


def test_low_contrast_names_the_pair_the_use_and_the_ratio() -> None:
    problems = list(Style(primary="#6a9fd4").contrast_problems(T))
    assert [role for role, _message in problems] == ["primary", "primary"]
    on_white, on_grey = (message for _role, message in problems)
    assert on_white == ("de hoofdkleur (primary_colour) '#6a9fd4' heeft te weinig contrast met wit "
                        "(2.8:1, minimaal 4.5:1 voor WCAG 2.1 AA) voor links, koppen en kerncijfers, "
                        "balken, lijnen en vakjes in grafieken, tekst en menu in de kopbalk, getallen "
                        "in grafiekvakjes; kies een donkerdere hoofdkleur.")
    assert on_grey.startswith("de hoofdkleur (primary_colour) '#6a9fd4' heeft te weinig contrast met "
                              "het lichtgrijs van vlakken (#f3f5f8) (2.6:1")
    assert contrast("#6a9fd4", "#ffffff") == pytest.approx(2.79, abs=0.01)
    grey_text = list(Style(text="#767676").contrast_problems(T))
    assert [role for role, _message in grey_text] == ["text", "text", "text"]  # grey, yellow, red
    assert "contrast met wit" not in " ".join(m for _r, m in grey_text), "4.54:1 on white is enough"


# Logos are judged by their bytes; an SVG may not do anything -----------------------------------

@pytest.mark.parametrize(("content", "reason"), [
    ('<script>alert(1)</script>', "<script>"),
    ('<rect width="1" height="1" onclick="x()"/>', 'onclick="…"'),
    ('<image href="https://example.org/a.png" width="1" height="1"/>', 'href="https://example.org'),
    ('<rect width="1" height="1" style="fill:url(https://example.org/f.svg#a)"/>', "url(https://"),
    ('<style>@import "https://example.org/a.css";</style>', "@import"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
     "<foreignObject>"),
])
def test_an_svg_that_runs_or_loads_something_is_refused(tmp_path: Path, content: str,
                                                        reason: str) -> None:
    (tmp_path / "logo.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{content}</svg>')
    with pytest.raises(StyleFileError, match="mag geen scripts") as error:
        read_image(tmp_path, "logo.svg", "logo", T)
    assert reason in str(error.value)


def test_a_png_logo_is_read_with_its_size(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    image = read_image(tmp_path, "logo.png", "logo", T)
    assert (image.kind, image.width, image.height, image.mime) == ("png", 3.0, 2.0, "image/png")


# Every bad value gets a message naming mkdocs.yml, the line and the key ------------------------

SVG_OK = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="9" height="9"/></svg>'
BAD_VALUES = [
    ("logo", "logo: huisstijl/weg.svg\n      logo_alt: Logo", {},
     "het bestand 'huisstijl/weg.svg' bestaat niet in content/"),
    ("logo", "logo: huisstijl/logo.svg\n      logo_alt: Logo", {"logo.svg": b"\xff\xd8\xff\xe0JFIF"},
     "'huisstijl/logo.svg' is geen SVG- of PNG-bestand maar een JPEG-foto"),
    ("logo", "logo: huisstijl/logo.svg\n      logo_alt: Logo", {"logo.svg": PNG},
     "'huisstijl/logo.svg' heet .svg, maar het bestand is een PNG"),
    ("logo", "logo: huisstijl/logo.svg\n      logo_alt: Logo",
     {"logo.svg": SVG_OK.replace("<rect", "<script>x()</script><rect").encode()},
     "het SVG-bestand 'huisstijl/logo.svg' bevat <script>: een logo mag geen scripts"),
    ("logo", "logo: huisstijl/logo.svg", {"logo.svg": SVG_OK.encode()},
     "het logo heeft een beschrijving nodig"),
    ("favicon", "favicon: huisstijl/icon.ico", {"icon.ico": b"\x00\x00\x01\x00\x01\x00"},
     "'huisstijl/icon.ico' is geen SVG- of PNG-bestand maar een ICO-pictogram"),
    ("font_files[1]", "font: '\"Eigen\", sans-serif'\n      font_files:\n        - huisstijl/a.woff2\n"
     "        - huisstijl/b.woff", {"a.woff2": FONT.read_bytes(), "b.woff": b"wOFF\x00\x01\x00\x00"},
     "'huisstijl/b.woff' is geen WOFF2- of TTF-lettertype maar een WOFF-lettertype (versie 1"),
    ("font_files[0]", "font: '\"Eigen\", sans-serif'\n      font_files:\n        - huisstijl/a.ttf",
     {"a.ttf": b"\x00\x01\x00\x00broken"}, "'huisstijl/a.ttf' lijkt een TRUETYPE-bestand, maar het is "
     "beschadigd"),
    ("font_files", "font_files:\n        - huisstijl/a.woff2", {"a.woff2": FONT.read_bytes()},
     "de lettertypebestanden horen bij het eerste lettertype in 'font', maar daar staat 'system-ui'"),
    ("tokens", "tokens: huisstijl/tokens.json", {"tokens.json": b'{"a": {"b": 1},\n oops}'},
     "'huisstijl/tokens.json' is geen geldige JSON (fout rond regel 2 van dat bestand)"),
    ("primary_colour", 'primary_colour: "#ffdd00"', {},
     "de hoofdkleur (primary_colour) '#ffdd00' heeft te weinig contrast met wit (1.3:1"),
    ("text_colour", "text_colour: rgb(0 0 0 / 50%)", {}, "'rgb(0 0 0 / 50%)' is geen kleur"),
]


@pytest.mark.parametrize(("key", "options", "files", "message"), BAD_VALUES,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(BAD_VALUES)])
def test_each_bad_house_style_value_is_named_with_file_line_and_key(
        mini: Path, key: str, options: str, files: dict[str, bytes], message: str) -> None:
    (mini / "content" / "huisstijl").mkdir()
    for name, data in files.items():
        (mini / "content" / "huisstijl" / name).write_bytes(data)
    config = mini / "mkdocs.yml"
    text = config.read_text().replace("      pdf: false\n", f"      pdf: false\n      {options}\n")
    config.write_text(text)
    line = _line_of(text, key)
    result = run_ivpgen("build", cwd=mini)
    assert result.code == 2, result.output
    assert f"mkdocs.yml:{line}: veld 'plugins[0].ivpgen.{key}': {message}" in result.output
    assert "Traceback" not in result.output
    assert not (mini / "site").exists()


def _line_of(text: str, key: str) -> int:
    """The line of an option (or of the n-th item of a list option) in mkdocs.yml."""
    name, _, index = key.partition("[")
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines, 1) if line.strip().startswith(f"{name}:"))
    return start + int(index.rstrip("]")) + 1 if index else start


def test_check_tells_which_tokens_were_used_and_which_not(mini: Path) -> None:
    (mini / "content" / "huisstijl").mkdir()
    shutil.copy(TOKENS, mini / "content" / "huisstijl" / "tokens.json")
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text() + "      tokens: huisstijl/tokens.json\n")
    result = run_ivpgen("check", cwd=mini)
    assert result.code == 0, result.output
    assert re.search(r"regel \d+: ter info: veld 'plugins\[0\]\.ivpgen\.tokens': Huisstijl uit "
                     r"huisstijl/tokens\.json: de hoofdkleur \(primary_colour\) #[0-9a-f]{6} "
                     r"\(token utrecht\.link\.color\)", result.output), result.output
    assert "Niet gebruikt uit huisstijl/tokens.json:" in result.output


def test_the_example_plan_copies_with_its_house_style(tmp_path: Path) -> None:
    """content/ and mkdocs.yml are the whole plan: house-style files live in content/."""
    plan = copy_plan(ROOT, tmp_path / "plan")
    result = run_ivpgen("check", "--strict", cwd=plan)
    assert result.code == 0, result.output
