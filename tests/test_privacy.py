"""The built site asks nothing of any other host: no fonts, scripts, styles or images from elsewhere."""

from __future__ import annotations

from playwright.sync_api import expect

from sitetools import built_pages, page_url_path


def test_pages_request_only_their_own_origin(page, site, server):
    """Every request of every page, and of the search (its worker, index and stemmers), is seen by a route that
    lets the site's own origin through and blocks and records anything else, so no page has to wait for the
    network to fall idle."""
    requested: list[str] = []
    foreign: set[str] = set()

    def watch(route):
        url = route.request.url
        requested.append(url)
        if url.startswith((server.origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            foreign.add(url)
            route.abort()

    page.context.route("**/*", watch)
    for built in built_pages(site):
        page.goto(server.url(page_url_path(site, built)), wait_until="load")
    for path, query in (("", "salasana"), ("sv/", "lösenord")):
        page.goto(server.url(path))
        page.keyboard.press("s")
        page.keyboard.type(query)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert len(requested) > len(built_pages(site))
    assert sorted(foreign) == []
