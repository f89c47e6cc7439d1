"""Finnish at the root, Swedish under /sv/, a switcher that keeps the page, and translated interface text."""

from __future__ import annotations

import pytest

from sitetools import build, built_pages, copy_project, language_of_path, page_url_path, resolve, site_config, soup

SWITCHER_NAMES = {"fi": "Suomeksi", "sv": "På svenska"}


def test_every_page_declares_its_language(site):
    for page in built_pages(site):
        path = page_url_path(site, page)
        assert soup(page).html["lang"] == language_of_path(path), path


def test_switcher_opens_the_same_page_in_the_other_language(site):
    pages = [page_url_path(site, page) for page in built_pages(site)]
    assert any(path.startswith("sv/") for path in pages), "no Swedish pages were built"
    for path in pages:
        links = {a.get_text(strip=True): a for a in soup(site / path / "index.html").select("a.md-select__link")}
        assert set(links) == set(SWITCHER_NAMES.values()), path
        language = language_of_path(path)
        other = "sv" if language == "fi" else "fi"
        target = resolve(path, links[SWITCHER_NAMES[other]]["href"])
        expected = ("sv/" + path) if other == "sv" else path.removeprefix("sv/")
        assert target == expected, f"{path}: switcher leads to {target}, expected {expected}"
        assert links[SWITCHER_NAMES[other]]["hreflang"] == other
        # Each language's name is read in that language ("På svenska" on a Finnish page).
        assert {link["lang"] for link in links.values()} == {"fi", "sv"}, path
        assert all(link["lang"] == link["hreflang"] for link in links.values()), path


def test_hreflang_links_are_fully_qualified_from_site_url(site):
    """Search engines (and Lighthouse) need absolute addresses; the visible switcher stays relative."""
    site_url = site_config()["site_url"]
    for page in built_pages(site):
        path = page_url_path(site, page)
        twin = path.removeprefix("sv/") if path.startswith("sv/") else "sv/" + path
        alternates = {link["hreflang"]: link["href"] for link in soup(page).select('link[rel="alternate"][hreflang]')}
        own, other = language_of_path(path), language_of_path(twin)
        assert alternates == {own: site_url + path, other: site_url + twin}, path


def test_switcher_works_in_the_browser(page, server):
    page.goto(server.url("sv/accessibility/"))
    page.get_by_role("button", name="Välj språk").hover()
    page.get_by_role("link", name="Suomeksi").click()
    page.wait_for_url(server.url("accessibility/"))
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Saavutettavuusseloste")


def test_material_finnish_typos_are_fixed(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Lähdekodi" not in html and "Tyhjää" not in html
    assert soup(site / "index.html").select_one("button.md-search__icon[type=reset]")["aria-label"] == "Tyhjennä"


def test_navigation_is_translated(site):
    finnish_titles = {a.get_text(" ", strip=True) for a in soup(site / "index.html").select("nav.md-nav--primary a")}
    swedish_titles = {a.get_text(" ", strip=True) for a in soup(site / "sv/index.html").select("nav.md-nav--primary a")}
    assert "Tarkoitus ja määritelmät" in finnish_titles
    assert "Syfte och definitioner" in swedish_titles
    assert not finnish_titles & swedish_titles - {""}, finnish_titles & swedish_titles


def test_interface_strings_follow_the_page_language(site):
    for language, expected in {"fi": "Pysyvä linkki", "sv": "Permanent länk"}.items():
        start = site / ("" if language == "fi" else "sv") / "accessibility/index.html"
        titles = {a["title"] for a in soup(start).select("a.headerlink")}
        assert titles and all(title.startswith(expected) for title in titles), titles


@pytest.fixture(scope="module")
def admonition_site(tmp_path_factory):
    """A throwaway copy whose start pages hold untitled admonitions."""
    project = copy_project(tmp_path_factory.mktemp("admonitions") / "project")
    for language in ("fi", "sv"):
        index = project / "docs" / language / "index.md"
        index.write_text(index.read_text(encoding="utf-8") + "\n!!! note\n\n    x\n\n!!! warning\n\n    y\n",
                         encoding="utf-8")
    result = build(project, project / "site")
    assert result.ok, result.output
    return result.site


@pytest.mark.parametrize("language, titles", [("fi", ["Huomaa", "Varoitus"]), ("sv", ["Obs!", "Varning"])])
def test_admonition_titles_are_translated(admonition_site, language, titles):
    index = admonition_site / ("sv" if language == "sv" else "") / "index.html"
    shown = [title.get_text(strip=True) for title in soup(index).select(".admonition-title")]
    assert shown[-2:] == titles
