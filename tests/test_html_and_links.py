"""The built HTML is valid (Nu HTML Checker) and no internal link or anchor is broken."""

from __future__ import annotations

import json
import posixpath
import shutil
import subprocess
from urllib.parse import unquote, urlsplit

import pytest

from sitetools import ROOT, built_pages, page_url_path, soup

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors in Material's own templates that we do not override: its toggles carry autocomplete="off" on checkbox
# inputs, and with navigation.sections its section labels carry tabindex="". Everything else must be clean.
MATERIAL_KNOWN = ("Attribute “autocomplete” is only allowed", "Bad value “” for attribute “tabindex” on element “label”")


def test_html_is_valid(site):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu.jar or java missing: run scripts/test.sh", pytrace=False)
    completed = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(site)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(completed.stderr or completed.stdout)["messages"]
    errors = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] == "error" and not any(k in m["message"] for k in MATERIAL_KNOWN)]
    assert errors == []


def test_no_internal_link_or_anchor_is_broken(site):
    ids_by_path = {page_url_path(site, page): {tag["id"] for tag in soup(page).select("[id]")}
                   for page in built_pages(site)}
    broken = []
    for page in built_pages(site):
        path = page_url_path(site, page)
        for link in soup(page).select("a[href]"):
            href = link["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = posixpath.normpath(posixpath.join(path or ".", unquote(parts.path))) if parts.path else path
            target = "" if target in (".", "") else target.rstrip("/") + "/"
            if parts.path and parts.path.endswith((".json", ".xml", ".svg", ".png", ".css", ".js", ".gz")):
                if not (site / target.rstrip("/")).exists():
                    broken.append(f"{path}: {href}")
                continue
            if target not in ids_by_path:
                broken.append(f"{path}: {href} (no such page)")
            elif parts.fragment and unquote(parts.fragment) not in ids_by_path[target]:
                broken.append(f"{path}: {href} (no such anchor)")
    assert broken == []
