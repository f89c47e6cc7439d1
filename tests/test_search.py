"""Search answers in the reader's language, with Finnish and Swedish stemming."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from guideline.search_split import split_index
from sitetools import language_of_path


@pytest.mark.unit
def test_split_index_gives_each_language_its_own_entries():
    combined = {"config": {"lang": ["fi", "sv"], "separator": "x"}, "docs": [
        {"location": "", "title": "Etusivu", "text": ""},
        {"location": "purpose/#a", "title": "Tarkoitus", "text": ""},
        {"location": "sv/", "title": "Startsida", "text": ""},
        {"location": "sv/purpose/#a", "title": "Syfte", "text": ""},
    ]}
    indexes = split_index(combined, ("fi", "sv"), "fi")
    assert [doc["location"] for doc in indexes["fi"]["docs"]] == ["", "purpose/#a"]
    assert [doc["location"] for doc in indexes["sv"]["docs"]] == ["", "purpose/#a"]
    assert indexes["fi"]["config"] == {"lang": ["fi"], "separator": "x"}
    assert indexes["sv"]["config"]["lang"] == ["sv"]


def test_built_indexes_hold_one_language_each(site):
    finnish = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    swedish = json.loads((site / "sv/search/search_index.json").read_text(encoding="utf-8"))
    assert finnish["config"]["lang"] == ["fi"] and swedish["config"]["lang"] == ["sv"]
    assert {doc["title"] for doc in finnish["docs"]} & {"Saavutettavuusseloste"}
    assert not {doc["title"] for doc in finnish["docs"]} & {"Tillgänglighetsutlåtande"}
    assert {doc["title"] for doc in swedish["docs"]} & {"Tillgänglighetsutlåtande"}
    assert not any(doc["location"].startswith("sv/") for doc in finnish["docs"] + swedish["docs"])


def search(page, server, path: str, query: str) -> list[str]:
    """Type a query into Material's search on a page and return the result links as site paths."""
    page.goto(server.url(path))
    page.keyboard.press("s")  # Material's shortcut that opens and focuses the search
    page.keyboard.type(query)
    results = page.locator("a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    return [href.removeprefix(server.origin) for href in results.evaluate_all("links => links.map(a => a.href)")]


# Each query is an inflected form that does not occur on the page it must find: only stemming finds it.
@pytest.mark.parametrize("path, query, expected_page", [
    ("accessibility/", "saavutettavuusselosteen", "/accessibility/"),
    ("", "tietoturvan", "/security/"),
    ("sv/accessibility/", "tillgänglighetsutlåtanden", "/sv/accessibility/"),
    ("sv/", "lösenorden", "/sv/security/"),
])
def test_search_stems_and_stays_in_the_page_language(page, server, site, path, query, expected_page):
    target = (site / expected_page.strip("/") / "index.html").read_text(encoding="utf-8").lower()
    assert query not in target, f"{query} is on {expected_page} verbatim: pick a form only stemming finds"
    found = search(page, server, path, query)
    assert found, f"no results for {query}"
    assert all(language_of_path(link) == language_of_path(path) for link in found), found
    assert any(urlsplit(link).path == expected_page for link in found), found


@pytest.mark.parametrize("path, query", [("sv/", "valvontaviranomainen"), ("", "tillsynsmyndighet")])
def test_words_of_the_other_language_find_nothing(page, server, path, query):
    page.goto(server.url(path))
    page.keyboard.press("s")
    page.keyboard.type(query)
    meta = page.locator(".md-search-result__meta")
    expected = "Inga sökresultat" if path.startswith("sv") else "Ei hakutuloksia"
    meta.filter(has_text=expected).wait_for(timeout=10_000)
    assert page.locator("a.md-search-result__link").count() == 0
