"""The huoneentaulu: one A4 page per language when printed, every item on it, a QR code of the address."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from guideline.poster import guideline_address
from sitetools import ROOT, SiteServer, build, copy_project, organization_settings, site_config, soup

A4_POINTS = (595, 842)
LANGUAGES = {"fi": ("poster/", "Tulosta"), "sv": ("sv/poster/", "Skriv ut")}


def print_poster(browser, server, path: str, pdf: Path) -> Path:
    """Print the poster page from Chromium, as the print button does, with the page's own @page size."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url(path))
    pdf.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    context.close()
    return pdf


def pdf_info(pdf: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in output.splitlines() if ":" in line)


def check_single_a4_page(pdf: Path) -> None:
    """The poster must print on exactly one A4 sheet; say how many it became if not."""
    info = pdf_info(pdf)
    pages = int(info["Pages"])
    if pages != 1:
        raise AssertionError(f"the poster printed on {pages} pages instead of one: shorten or remove checklist "
                             "items in quizzes/checklist.yml")
    width, height = (round(float(n)) for n in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (width, height) == A4_POINTS, info["Page size"]


def squeeze(text: str) -> str:
    """Text without spaces, line breaks and hyphens: pdftotext joins "e-" + "post" at a line end into "epost"."""
    return re.sub(r"[\s\u00ad-]+", "", text)


def checklist_texts(language: str, root: Path = ROOT) -> list[str]:
    checklist = yaml.safe_load((root / "quizzes" / "checklist.yml").read_text(encoding="utf-8"))
    return [re.sub(r"[*`]", "", item["text"][language]) for group in checklist["groups"] for item in group["items"]]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_poster_prints_on_one_a4_page_with_every_item(browser, server, tmp_path, language):
    pdf = print_poster(browser, server, LANGUAGES[language][0], tmp_path / "poster.pdf")
    check_single_a4_page(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    missing = [item for item in checklist_texts(language) if squeeze(item) not in squeeze(text)]
    assert missing == []
    settings = organization_settings()
    for expected in (settings.name[language], settings.contact.email, settings.guideline_version):
        assert squeeze(expected) in squeeze(text), expected
    assert "Tulosta" not in text and "Skriv ut" not in text, "the print button is not printed"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_qr_code_decodes_to_the_guideline_address(browser, server, tmp_path, language):
    pdf = print_poster(browser, server, LANGUAGES[language][0], tmp_path / "poster.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "poster")], check=True)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "poster.png")],
                             capture_output=True, text=True)
    site_url = site_config().site_url
    assert decoded.stdout.strip() == guideline_address(site_url, language)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_print_button_prints_and_works_from_the_keyboard(page, server, language):
    path, label = LANGUAGES[language]
    page.goto(server.url(path))
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    button = page.get_by_role("button", name=label)
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_printed_poster_is_black_on_white_without_site_chrome(page, server, language):
    page.goto(server.url(LANGUAGES[language][0]))
    page.emulate_media(media="print")
    for hidden in ("header.md-header", ".md-sidebar--primary", "footer.md-footer", "[data-poster-print]",
                   ".poster__see", ".print-header"):
        assert all(not element.is_visible() for element in page.locator(hidden).all()), hidden
    colours = page.evaluate("""() => [...document.querySelectorAll('.poster__item, .poster__group-title, h1')]
        .map(e => getComputedStyle(e).color)""")
    assert set(colours) == {"rgb(0, 0, 0)"}
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)",
                                                                                 "rgba(0, 0, 0, 0)")


def test_on_screen_each_item_links_to_its_rule(site):
    checklist = yaml.safe_load((ROOT / "quizzes" / "checklist.yml").read_text(encoding="utf-8"))
    sees = {item["id"]: item["see"] for group in checklist["groups"] for item in group["items"]}
    for prefix in ("", "sv/"):
        page = soup(site / prefix / "poster/index.html")
        assert page.select_one("[data-poster]") and not page.select("[data-poster] details")
        for item in page.select("li.poster__item"):
            chapter, anchor = sees[item["id"].removeprefix("item-")].split("#")
            assert item.select_one("a.poster__see")["href"] == f"../{chapter[:-3]}/#{anchor}"


class WithoutAliases(yaml.SafeDumper):
    """The sources take no YAML aliases, so copies are written out in full."""

    def ignore_aliases(self, data):
        return True


def test_an_oversized_checklist_fails_the_page_count_check(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "quizzes" / "checklist.yml"
    checklist = yaml.safe_load(path.read_text(encoding="utf-8"))
    extra = []
    for copy in range(1, 4):
        for group in checklist["groups"]:
            extra.append({**group, "id": f"{group['id']}-{copy}",
                          "items": [{**item, "id": f"{item['id']}-{copy}"} for item in group["items"]]})
    checklist["groups"] += extra
    path.write_text("# yaml-language-server: $schema=schema/checklist.schema.json\n"
                    + yaml.dump(checklist, Dumper=WithoutAliases, allow_unicode=True), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.ok, result.output
    with SiteServer(result.site) as server:
        pdf = print_poster(browser, server, "poster/", tmp_path / "poster.pdf")
    with pytest.raises(AssertionError, match=r"printed on [2-9] pages instead of one"):
        check_single_a4_page(pdf)
