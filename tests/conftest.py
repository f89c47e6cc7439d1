"""Session fixtures: the site built once with --strict, served on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from sitetools import CHROMIUM_ARGS, ROOT, SiteServer, build

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files of generated pages instead of comparing with them")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project built once per session with `mkdocs build --strict` into a temporary folder."""
    result = build(ROOT, tmp_path_factory.mktemp("built") / "site")
    if not result.ok:
        pytest.fail(f"mkdocs build --strict failed:\n{result.output}", pytrace=False)
    return result.site


@pytest.fixture(scope="session")
def server(site):
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download its own browser here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/test.sh, which installs it", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page per test, so no state leaks between tests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run scripts/test.sh, which installs it with npm", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def pytest_collection_modifyitems(items):
    """Tests that use the browser or the built site are marked so, for `-m "not browser"` and the like;
    the pure tests say `unit` themselves (`scripts/test.sh --fast` runs those)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & {"browser", "page", "server"}:
            item.add_marker(pytest.mark.browser)
        elif "site" in fixtures and not item.get_closest_marker("build"):
            item.add_marker(pytest.mark.build)
