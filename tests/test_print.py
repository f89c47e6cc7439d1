"""A guideline page prints cleanly: no header, navigation or footer; the title and the organization on top."""

from __future__ import annotations

import subprocess

import pytest


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("path, organization, title, navigation_only", [
    ("accessibility/", "Esimerkkikaupunki", "Saavutettavuusseloste", "Tarkoitus ja määritelmät"),
    ("sv/accessibility/", "Exempelstad", "Tillgänglighetsutlåtande", "Syfte och definitioner"),
])
def test_printed_page_has_title_and_organization_but_no_site_chrome(page, server, tmp_path, path, organization,
                                                                     title, navigation_only):
    page.goto(server.url(path))
    page.emulate_media(media="print")
    assert not page.locator("header.md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator("footer.md-footer").is_visible()
    text = pdf_text(page.pdf(format="A4"), tmp_path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert organization in lines[0]
    assert title in lines[1]
    assert navigation_only not in text, "the navigation was printed"
    footer_only = "Kysymykset ja palaute" if path.startswith("acc") else "Frågor och respons"
    assert footer_only not in text, "the footer was printed"
