"""WCAG 2.1 A and AA: axe-core in Chromium on every page, both languages, light and dark; keyboard use; the statement."""

from __future__ import annotations

import pytest

from sitetools import AXE_TAGS, add_axe, built_pages, page_url_path, resolve, soup


def axe_findings(page, axe_source: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA rules and its best practices (such as a name for every dialog)."""
    add_axe(page, axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS + ["best-practice"])
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]]


@pytest.mark.parametrize("scheme, material_scheme", [("light", "default"), ("dark", "slate")])
def test_axe_finds_no_violations_on_any_page(browser, site, server, axe_source, scheme, material_scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    failures = {}
    try:
        for path in [page_url_path(site, built) for built in built_pages(site)] + ["404.html"]:
            page.goto(server.url(path))
            assert page.locator("body").get_attribute("data-md-color-scheme") == material_scheme
            violations = axe_findings(page, axe_source)
            if violations:
                failures[path] = violations
    finally:
        context.close()
    assert failures == {}


@pytest.mark.parametrize("path, language", [("purpose/", "fi"), ("sv/quizzes/security/", "sv"), ("404.html", "fi")])
def test_axe_finds_nothing_after_switching_the_theme(browser, server, axe_source, path, language):
    """The theme chosen with the toggle, from either preference, as the review did (light→dark, dark→light)."""
    names = {"fi": {"light": "Vaihda tummaan teemaan", "dark": "Vaihda vaaleaan teemaan"},
             "sv": {"light": "Byt till mörkt tema", "dark": "Byt till ljust tema"}}[language]
    for preference, switched in (("light", "slate"), ("dark", "default")):
        context = browser.new_context(color_scheme=preference)
        page = context.new_page()
        try:
            page.goto(server.url(path))
            page.get_by_role("button", name=names[preference]).click()
            assert page.locator("body").get_attribute("data-md-color-scheme") == switched
            assert axe_findings(page, axe_source) == [], f"{path}, {preference} switched to {switched}"
        finally:
            context.close()


def tab_to(page, name: str, limit: int = 60) -> None:
    """Press Tab until the focused element's text or label is `name`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => (document.activeElement.innerText || document.activeElement.getAttribute('aria-label') || '').trim()")
        if focused == name:
            return
    raise AssertionError(f"{name!r} was not reached with Tab")


@pytest.mark.parametrize("start, link, target, lang", [
    ("purpose/", "På svenska", "sv/purpose/", "sv"),
    ("sv/purpose/", "Suomeksi", "purpose/", "fi"),
])
def test_language_switch_with_the_keyboard_alone(page, server, start, link, target, lang):
    page.goto(server.url(start))
    tab_to(page, link)
    page.keyboard.press("Enter")
    page.wait_for_url(server.url(target))
    assert page.locator("html").get_attribute("lang") == lang


def test_skip_link_is_the_first_stop_and_visible_when_focused(page, server):
    page.goto(server.url("purpose/"))
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text().strip() == "Hyppää sisältöön"
    assert focused.is_visible()


STATEMENT_PARTS = {
    "fi": ["306/2019", "WCAG", "2.1", "Anna palautetta", "Valvontaviranomainen", "Lupa- ja valvontavirasto"],
    "sv": ["306/2019", "WCAG", "2.1", "Ge respons", "Tillsynsmyndighet", "Tillstånds- och tillsynsverket"],
}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_accessibility_statement_has_what_the_law_requires(site, language):
    statement = site / ("sv/" if language == "sv" else "") / "accessibility/index.html"
    article = soup(statement).select_one("article")
    text = article.get_text(" ", strip=True)
    for part in STATEMENT_PARTS[language]:
        assert part in text, part
    assert article.select_one('a[href^="mailto:"]'), "feedback channel"
    assert article.select_one('a[href^="https://"]'), "supervisory authority's address"
    assert any(char.isdigit() for char in article.select_one("#assessment").find_next("p").get_text()), "date"


PARTIAL = {"fi": "täyttää osittain", "sv": "uppfyller delvis"}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_statement_claims_partial_conformance_only_with_its_shortcomings_listed(site, language):
    """Act 306/2019 wants the content that is not accessible listed: a partial claim needs the list, and a list
    of open shortcomings rules out a claim of full conformance."""
    statement = site / ("sv/" if language == "sv" else "") / "accessibility/index.html"
    article = soup(statement).select_one("article")
    status = article.select_one("#status").find_next("p").get_text(" ", strip=True)
    heading = article.select_one("#known-shortcomings")
    shortcomings = heading.find_next("ul").select("li") if heading else []
    if PARTIAL[language] in status:
        assert shortcomings, "a partial conformance statement lists the shortcomings"
        assert all(item.select_one("strong") for item in shortcomings), "each shortcoming is named"
    else:
        assert not shortcomings, "the status claims full conformance while shortcomings are listed"


def test_footer_links_to_the_statement_in_the_page_language(site):
    for built in built_pages(site):
        path = page_url_path(site, built)
        statement = ("sv/" if path.startswith("sv/") else "") + "accessibility/"
        links = [a for a in soup(built).select("footer .md-copyright a") if resolve(path, a["href"]) == statement]
        expected = "Tillgänglighetsutlåtande" if path.startswith("sv/") else "Saavutettavuusseloste"
        assert [link.get_text(strip=True) for link in links] == [expected], path
