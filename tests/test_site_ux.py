"""What a reader meets around the content, which axe cannot see: blocked storage, the 404 page, reflow, the
sidebar, the language menu, the theme toggle, requests that fail (issue 12: D2, D3, D7, D8, D10, D15, D17-D19)."""

from __future__ import annotations

import functools
import http.server
import threading
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest

from guideline.strings import load_ui_strings
from sitetools import QuietHandler, built_pages, language_of_path, page_url_path, soup

BLOCKED_STORAGE = """Object.defineProperty(window, 'localStorage', {
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }})"""
TOGGLE = {"fi": ("Vaihda tummaan teemaan", "Vaihda vaaleaan teemaan"),
          "sv": ("Byt till mörkt tema", "Byt till ljust tema")}
SEARCH = {"fi": ("security/", "tietoturva"), "sv": ("sv/security/", "lösenord")}


def settled(page) -> None:
    """Wait until Material has mounted: it scrolls the sidebar on the first animation frames after load."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def search_results(page, query: str) -> list[str]:
    """Open Material's search with its shortcut, type a query and return the result links' paths."""
    page.keyboard.press("s")
    page.keyboard.type(query)
    results = page.locator("a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    return [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]


def theme_toggle_works(page, language: str) -> None:
    """The visible toggle switches the page to the dark scheme and offers the way back."""
    to_dark, to_light = TOGGLE[language]
    page.get_by_role("button", name=to_dark).click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.get_by_role("button", name=to_light).is_visible()


# --- D2: storage blocked or corrupt ------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["fi", "sv"])
def test_search_and_theme_toggle_work_when_site_data_is_blocked(browser, server, language):
    context = browser.new_context()
    context.add_init_script(BLOCKED_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    path, query = SEARCH[language]
    page.goto(server.url(path))
    settled(page)
    try:
        assert page.evaluate("() => { try { localStorage; return 'readable'; } catch (e) { return e.name; } }") \
            == "SecurityError"
        found = search_results(page, query)
        assert found and all(language_of_path(link) == language for link in found), found
        page.keyboard.press("Escape")
        theme_toggle_works(page, language)
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("stored", ["{garbage", '"dark"', '{"index": "1"}', "[]"])
def test_a_corrupt_stored_palette_is_ignored(browser, server, stored):
    context = browser.new_context()
    context.add_init_script(f"localStorage.setItem('/.__palette', {stored!r})")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url(SEARCH["fi"][0]))
    settled(page)
    try:
        assert search_results(page, SEARCH["fi"][1])
        page.keyboard.press("Escape")
        theme_toggle_works(page, "fi")
        assert errors == []
    finally:
        context.close()


# --- D3: one 404 page for every missing URL ----------------------------------------------------------------

class NotFoundHandler(QuietHandler):
    """Answers a missing URL with the site's 404.html and status 404, as a web server set up for MkDocs does."""

    def send_error(self, code, message=None, explain=None):
        if code != HTTPStatus.NOT_FOUND:
            return super().send_error(code, message, explain)
        body = (self.server.site / "404.html").read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def web_server(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(NotFoundHandler, directory=str(site)))
    httpd.site = site
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_404_page_speaks_both_languages_and_offers_no_language_switch(site):
    strings = load_ui_strings()
    page = soup(site / "404.html")
    assert page.html["lang"] == "fi"
    heading = page.select_one("article h1")
    for language in ("fi", "sv"):
        title = strings.get("notfound.title", language)
        assert heading.select_one(f'span[lang="{language}"]').get_text(strip=True) == title
        assert title in page.title.get_text()
        part = page.select_one(f'article .not-found[lang="{language}"]')
        assert strings.get("notfound.text", language) in part.get_text(" ", strip=True)
        home = part.find("a", string=strings.get("notfound.home", language))
        assert home["href"] in ({"fi": "/.", "sv": "/sv/"}[language], {"fi": "/", "sv": "/sv/"}[language])
    assert "Not found" not in page.get_text()
    assert page.select('link[rel="alternate"]') == [] and page.select(".md-select") == []


@pytest.mark.parametrize("missing", ["ei-ole-olemassa/", "sv/kanaler/finns-inte/"])
def test_404_page_works_at_any_missing_url(browser, web_server, missing):
    context = browser.new_context()
    page = context.new_page()
    failed, errors = [], []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        response = page.goto(f"{web_server}/{missing}")
        settled(page)
        assert response.status == 404
        assert failed == [f"{web_server}/{missing}"], "only the page itself is missing, not its styles or scripts"
        assert errors == []
        assert page.locator("link[rel=stylesheet]").count() and page.evaluate(
            "getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "Material's styles"
        for language, start in (("fi", "/"), ("sv", "/sv/")):
            part = page.locator(f'.not-found[lang="{language}"]')
            assert part.is_visible()
            home = part.get_by_role("link", name=load_ui_strings().get("notfound.home", language))
            assert urlsplit(home.evaluate("a => a.href")).path in (start, start + ".")
    finally:
        context.close()


@pytest.mark.parametrize("language, start", [("fi", "/"), ("sv", "/sv/")])
def test_404_page_links_and_searches_in_each_language(browser, web_server, language, start):
    strings = load_ui_strings()
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{web_server}/sv/sidan/finns-inte/")
        part = page.locator(f'.not-found[lang="{language}"]')
        part.get_by_role("searchbox", name=strings.get("notfound.search.label", language)).fill(SEARCH[language][1])
        part.get_by_role("button", name=strings.get("notfound.search.button", language)).click()
        page.wait_for_url(lambda url: urlsplit(url).path == start and urlsplit(url).query.startswith("q="))
        assert page.locator("html").get_attribute("lang") == language
        results = page.locator("a.md-search-result__link")
        results.first.wait_for(timeout=10_000)
        found = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
        assert found and all(language_of_path(link) == language for link in found), found
        page.goto(f"{web_server}/ei-ole/")
        page.locator(f'.not-found[lang="{language}"]').get_by_role(
            "link", name=strings.get("notfound.home", language)).click()
        page.wait_for_url(f"{web_server}{start}")
        assert page.locator("html").get_attribute("lang") == language
    finally:
        context.close()


def test_404_page_without_javascript_shows_the_links_and_no_dead_search(browser, web_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{web_server}/ei-ole/")
        for language in ("fi", "sv"):
            part = page.locator(f'.not-found[lang="{language}"]')
            assert part.get_by_role("link", name=load_ui_strings().get("notfound.home", language)).is_visible()
            assert not part.locator("form").is_visible()
    finally:
        context.close()


# --- D7, D8: the poster (and the 404 page's forms) at 320 px and 200 % -------------------------------------

@pytest.mark.parametrize("path", ["poster/", "sv/poster/"])
def test_poster_print_button_is_hidden_without_javascript(browser, server, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server.url(path))
        assert page.locator("[data-poster-print]").count() == 1
        assert not page.locator("[data-poster-print]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width, height, scale", [(320, 640, 1), (640, 450, 2)])  # 640 @2x is 1280 at 200 %
@pytest.mark.parametrize("path", ["poster/", "sv/poster/", "404.html"])
def test_page_reflows_without_horizontal_scrolling(browser, server, path, width, height, scale):
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page = context.new_page()
    try:
        page.goto(server.url(path))
        wider = page.evaluate("""() => [...document.querySelectorAll('article *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .map(e => e.className || e.tagName)""")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, wider
    finally:
        context.close()


# --- D10: the desktop sidebar ------------------------------------------------------------------------------

COVERED_ENTRIES = """() => {
    const title = document.querySelector('.md-sidebar--primary .md-nav--primary > .md-nav__title');
    const wrap = title.closest('.md-sidebar__scrollwrap').getBoundingClientRect();
    const t = title.getBoundingClientRect();
    if (t.bottom <= wrap.top) return [];
    return [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')]
        .map(link => [link.textContent.trim(), link.getBoundingClientRect()])
        .filter(([, r]) => r.height && r.bottom > wrap.top && r.top < t.bottom - 0.5 && r.bottom > t.top + 0.5)
        .map(([text, r]) => `${text}: ${Math.round(t.bottom - r.top)} px under the title`);
}"""


# The review's viewports and pages (None: every page): Material scrolls the sidebar on load to centre the
# current page's entry.
@pytest.mark.parametrize("width, height, paths", [
    (1280, 720, ["quizzes/", "sv/quizzes/onboarding/"]), (1366, 650, None), (1536, 730, None),
    (1920, 950, ["quizzes/"]),
])
def test_sidebar_title_never_covers_an_entry(browser, server, site, width, height, paths):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    covered = {}
    try:
        for path in paths or [page_url_path(site, built) for built in built_pages(site)]:
            page.goto(server.url(path))
            settled(page)
            if entries := page.evaluate(COVERED_ENTRIES):
                covered[path] = entries
        # A reader who scrolls the sidebar by a few pixels.
        page.goto(server.url("sv/purpose/"))
        settled(page)
        page.evaluate("document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').scrollTop = 12")
        if entries := page.evaluate(COVERED_ENTRIES):
            covered["sv/purpose/ scrolled by 12 px"] = entries
    finally:
        context.close()
    assert covered == {}


# --- D15, D17: the header's controls -----------------------------------------------------------------------

def tab_until(page, condition: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return {condition}; }}"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


@pytest.mark.parametrize("path, name", [("purpose/", "Suomeksi"), ("purpose/", "På svenska"),
                                        ("sv/purpose/", "Suomeksi")])
def test_language_menu_focus_ring_is_not_clipped(page, server, path, name):
    page.goto(server.url(path))
    tab_until(page, f"e.textContent.trim() === {name!r}")
    ring = page.evaluate("""() => {
        const link = document.activeElement, style = getComputedStyle(link);
        const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
        const r = link.getBoundingClientRect(), clip = link.closest('.md-select__list').getBoundingClientRect();
        return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                outside: [clip.left - (r.left - reach), (r.right + reach) - clip.right,
                          clip.top - (r.top - reach), (r.bottom + reach) - clip.bottom].map(Math.round)};
    }""")
    assert ring["style"] != "none" and ring["width"] >= 2
    assert max(ring["outside"]) <= 0, f"the ring reaches {ring['outside']} px (left, right, top, bottom) past the menu"


def ring_contrast(page) -> float:
    """Contrast between the focused element's outline and the header's background."""
    return page.evaluate("""() => {
        const luminance = colour => {
            const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map(v => {
                v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ring = luminance(getComputedStyle(document.activeElement).outlineColor);
        const header = luminance(getComputedStyle(document.querySelector('.md-header')).backgroundColor);
        return (Math.max(ring, header) + 0.05) / (Math.min(ring, header) + 0.05);
    }""")


@pytest.mark.parametrize("language, path", [("fi", "purpose/"), ("sv", "sv/purpose/")])
def test_theme_toggle_is_a_button_that_takes_space_and_enter(page, server, language, path):
    to_dark, to_light = TOGGLE[language]
    page.goto(server.url(path))
    settled(page)
    tab_until(page, f"e.getAttribute('aria-label') === {to_dark!r}")
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    assert ring_contrast(page) >= 3, "the focus ring stands out from the header (WCAG 1.4.11)"
    assert page.get_by_role("button", name=to_dark).is_visible()
    assert page.locator("[data-md-component=palette] input").evaluate_all(
        "radios => radios.every(r => r.tabIndex < 0)"), "the hidden radios are not Tab stops"
    scheme = lambda: page.locator("body").get_attribute("data-md-color-scheme")  # noqa: E731
    page.keyboard.press("Space")
    assert scheme() == "slate"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == to_light
    assert ring_contrast(page) >= 3
    page.keyboard.press("Enter")
    assert scheme() == "default", "Enter switches once"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == to_dark
    page.reload()
    assert scheme() == "default"


# --- D18, D19: requests on every page, the search dialog's name (axe best practices: test_accessibility.py) ------------------------------------------------------------

def test_pages_load_without_failed_requests_or_console_errors(page, site, server):
    failed, errors, sitemaps = [], [], []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.on("request", lambda request: request.url.endswith("sitemap.xml") and sitemaps.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for built in built_pages(site):
        path = page_url_path(site, built)
        # Material asks for the sitemaps on DOMContentLoaded, so by the load event every request was made.
        page.goto(server.url(path))
        alternates = page.evaluate("() => [...document.querySelectorAll('link[rel=alternate][hreflang]')].length")
        assert alternates == 2, f"{path}: the hreflang links are back in the document after Material started"
    assert sitemaps == [] and failed == [] and errors == []


@pytest.mark.parametrize("path, name", [("", "Haku"), ("sv/", "Sök")])
def test_search_dialog_is_named_in_the_page_language(page, server, path, name):
    page.goto(server.url(path))
    settled(page)
    assert page.get_by_role("dialog", name=name, exact=True).count() == 1
