"""Addresses on the published site (site_url), for files that leave it: a rule's page in a language, a file in lms/.

Pages are published at directory URLs (MkDocs' default, which mkdocs.yml keeps): interaction.md is interaction/,
Swedish pages are under sv/. tests/test_exports.py checks every address against the built site.
"""

from __future__ import annotations

import html
import re

from guideline.poster import guideline_address
from guideline.views import LINK_SCHEME

TOKEN = re.compile(r'href="' + re.escape(LINK_SCHEME) + r'(?P<page>[^"#]*)(?:#(?P<anchor>[^"]*))?"')


def page_address(site_url: str, language: str, page: str, anchor: str = "") -> str:
    """The full address of a page (and a rule on it) in a language: https://.../sv/interaction/#respond-quickly."""
    path = page.removesuffix(".md")
    if path == "index":
        path = ""
    elif path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    return guideline_address(site_url, language) + path + (f"#{anchor}" if anchor else "")


def file_address(site_url: str, path: str) -> str:
    """The full address of a published file (lms/questions-moodle.xml), the same in every language."""
    return site_url.rstrip("/") + "/" + path


def absolute_links(body: str, site_url: str, language: str) -> str:
    """A generated body's link tokens as full addresses on the published site, for a page that is not on it."""
    def replace(match: re.Match) -> str:
        address = page_address(site_url, language, match["page"], match["anchor"] or "")
        return f'href="{html.escape(address, quote=True)}"'
    return TOKEN.sub(replace, body)
