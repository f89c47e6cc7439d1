"""The built site asks nothing of any other host: no fonts, scripts, styles or images from elsewhere."""

from __future__ import annotations

from sitetools import built_pages, page_url_path


def test_pages_request_only_their_own_origin(page, site, server):
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    for built in built_pages(site):
        page.goto(server.url(page_url_path(site, built)), wait_until="networkidle")
    # Opening the search loads its worker, the index and the stemmers too.
    for path in ("", "sv/"):
        page.goto(server.url(path))
        page.keyboard.press("s")
        page.keyboard.type("some")
        page.wait_for_load_state("networkidle")
    foreign = sorted({url for url in requested if not url.startswith((server.origin + "/", "data:", "blob:"))})
    assert len(requested) > len(built_pages(site))
    assert foreign == []
