"""The Finnish and Swedish version of every page have the same structure: headings, anchors, links, tables."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from sitetools import ROOT, built_pages, page_url_path, resolve, soup


def structure(site, path: str) -> dict:
    """What must match between the languages: heading levels and ids in order, link targets, tables, lists."""
    article = soup(site / path / "index.html").select_one("article")
    internal = []
    for link in article.select("a[href]"):
        href = link["href"]
        if urlsplit(href).scheme or "headerlink" in link.get("class", []):
            continue
        target = resolve(path, href).removeprefix("sv/")
        fragment = urlsplit(href).fragment
        internal.append(target + (f"#{fragment}" if fragment else ""))
    # The page title's id is a slug of the title, so it differs by language; every other id must not.
    title = article.select_one("h1")
    return {
        "headings": [(heading.name, None if heading is title else heading.get("id"))
                     for heading in article.select("h1, h2, h3, h4, h5, h6")],
        "ids": sorted(tag["id"] for tag in article.select("[id]") if tag is not title),
        "links": sorted(internal),
        "tables": [len(table.select("tr")) for table in article.select("table")],
        "lists": len(article.select("ul, ol")),
    }


def page_pairs(site) -> list[tuple[str, str]]:
    finnish = [page_url_path(site, page) for page in built_pages(site) if not page_url_path(site, page).startswith("sv/")]
    return [(path, "sv/" + path) for path in finnish]


def test_every_finnish_page_has_a_swedish_twin(site):
    for finnish, swedish in page_pairs(site):
        assert (site / swedish / "index.html").exists(), swedish


@pytest.mark.parametrize("part", ["headings", "ids", "links", "tables"])
def test_finnish_and_swedish_pages_have_the_same_structure(site, part):
    differences = {}
    for finnish, swedish in page_pairs(site):
        fi, sv = structure(site, finnish)[part], structure(site, swedish)[part]
        if fi != sv:
            differences[finnish] = {"fi": fi, "sv": sv}
    assert differences == {}


@pytest.mark.unit
def test_rule_headings_carry_explicit_anchors_in_both_languages():
    """Each rule heading (##, ###) in the Markdown names its anchor ({#id}), and the fi and sv lists match."""
    anchors = {}
    for language in ("fi", "sv"):
        for page in sorted((ROOT / "docs" / language).glob("*.md")):
            headings = [line for line in page.read_text(encoding="utf-8").splitlines() if re.match(r"#{2,3} ", line)]
            missing = [line for line in headings if not re.search(r"\{#[a-z][a-z0-9-]*\}\s*$", line)]
            assert missing == [], f"{language}/{page.name}"
            anchors[(language, page.name)] = [re.search(r"\{#([a-z0-9-]+)\}", line)[1] for line in headings]
    for (language, name), ids in anchors.items():
        if language == "fi":
            assert ids == anchors[("sv", name)], name
