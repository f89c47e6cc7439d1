"""Helpers the tests share: building a project, serving a folder, reading built pages."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[1]
# Debian's Chromium, quiet and offline (the tests and scripts/search_benchmark.py launch it alike).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PROJECT_PARTS = ("mkdocs.yml", "organization.yml", "docs", "hooks", "overrides", "quizzes")


@dataclass
class BuildResult:
    """What `mkdocs build --strict` did: its exit code, its output and where the site went."""

    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def build(project: Path, site: Path) -> BuildResult:
    """Build a project as scripts/build.sh does: the preflight check, then `mkdocs build --strict`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    checked = subprocess.run([sys.executable, "-m", "guideline.adapter.preflight", "--config-file",
                              str(project / "mkdocs.yml")], cwd=project, env=env, capture_output=True, text=True,
                             timeout=120)
    if checked.returncode != 0:
        return BuildResult(checked.returncode, checked.stdout + checked.stderr, site)
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
         "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site)


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A throwaway copy of this project (the build reads its own hooks and guideline package from it), to break
    on purpose or to measure."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


# Files every SiteServer serves beside the site, at paths no site has: axe-core, which a page then loads as a script
# the browser keeps compiled from page to page (given as text it was parsed anew in every page, a third of a second).
TEST_FILES = {"/__tests__/axe.min.js": ROOT / "node_modules" / "axe-core" / "axe.min.js"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site without logging every request."""

    def translate_path(self, path: str) -> str:
        found = TEST_FILES.get(path.split("?", 1)[0].split("#", 1)[0])
        return str(found) if found is not None else super().translate_path(path)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def handle(self):
        """A browser may drop a connection it no longer needs (a PDF print, a closed page); that is no error."""
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


class SiteServer:
    """The built site served on 127.0.0.1 on a free port, in a thread of the test process."""

    def __init__(self, site: Path):
        handler = functools.partial(QuietHandler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def site_config(root: Path = ROOT):
    """mkdocs.yml as MkDocs reads it."""
    from mkdocs.config import load_config
    return load_config(str(root / "mkdocs.yml"))


def organization_settings(root: Path = ROOT):
    """The organization's settings (organization.yml), validated."""
    from guideline.organization import load_organization
    organization, problems = load_organization(root)
    assert not problems, problems
    return organization


def check_source(root: Path):
    """A project's sources checked as the build checks them, from its mkdocs.yml's nav, without building."""
    from guideline.docs import MarkdownSettings
    from guideline.project import check_project
    from guideline.siteconfig import read_config
    config = read_config(root / "mkdocs.yml")
    return check_project(root, root / "docs", config.navigation(), MarkdownSettings(), config.site_url, config=config)


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site except Material's 404 page."""
    return sorted(page for page in site.rglob("index.html"))


def page_url_path(site: Path, page: Path) -> str:
    """The URL path of a built page: site/sv/purpose/index.html -> sv/purpose/."""
    relative = page.parent.relative_to(site).as_posix()
    return "" if relative == "." else relative + "/"


def resolve(page_path: str, href: str) -> str:
    """The site path that a relative link on the page at page_path points to (fragment dropped)."""
    import posixpath
    joined = posixpath.normpath(posixpath.join(page_path or ".", href.split("#")[0]))
    return "" if joined == "." else joined.rstrip("/") + "/"


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def language_of_path(path: str) -> str:
    """The language of a URL path of the site: /sv/... is Swedish, everything else Finnish."""
    return "sv" if path.lstrip("/").startswith("sv/") or path.strip("/") == "sv" else "fi"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def add_axe(page, axe_source: str) -> None:
    """axe-core into the page: from the page's own server where it is a SiteServer (TEST_FILES), else as text."""
    try:
        page.add_script_tag(url="/__tests__/axe.min.js")
    except PlaywrightError:  # another server (a learning platform's page, mkdocs serve)
        page.add_script_tag(content=axe_source)


def axe_violations(page, axe_source: str) -> list[str]:
    """Run axe-core in the page and describe each violation with the elements it hit."""
    add_axe(page, axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]]


# Search in the browser (the tests and scripts/search_benchmark.py). INSTRUMENT_SEARCH, added as an init script,
# watches Material's search worker: when it was made and was ready, what was asked, how many answers came.
INSTRUMENT_SEARCH = """
(() => {
  const Native = window.Worker;
  const state = window.__searchBench = {created: null, ready: null, sent: [], answers: 0};
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    state.created = performance.now();
    worker.addEventListener("message", event => {
      const message = event.data;
      if (message && message.type === 1 && state.ready === null) state.ready = performance.now();
      if (message && message.type === 3) state.answers++;
    });
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === 2) state.sent.push(message.data);
      return post(message, ...rest);
    };
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();
"""

# The result list as shown: per page, its heading (with its score) and its sections, open or folded.
READ_SEARCH_RESULTS = """
() => [...document.querySelectorAll(".md-search-result__list > li")].map(item => {
  const links = [...item.querySelectorAll("a.md-search-result__link")];
  const entry = a => ({href: a.href, score: parseFloat(a.firstElementChild.getAttribute("data-md-score")),
                       folded: !!a.closest("details")});
  return {heading: entry(links[0]), sections: links.slice(1).map(entry)};
})
"""


def search_ranking(groups: list[dict], folded_last: bool = True) -> list[str]:
    """The result links in the reader's order: page by page, a page's heading first only when the page's own
    entry is its best match, after its open sections when it matched less well, not at all when it did not match
    (Material shows it as the heading of the page's sections); sections folded under "N more on this page"
    after everything shown openly, or in their page's place with folded_last=False."""
    shown, folded = [], []
    for group in groups:
        heading, sections = group["heading"], group["sections"]
        best = max((section["score"] for section in sections), default=0)
        lead = heading["score"] > 0 and heading["score"] >= best or not sections
        if lead:
            shown.append(heading["href"])
        for section in sections:
            (folded if section["folded"] and folded_last else shown).append(section["href"])
        if not lead and heading["score"] > 0:
            shown.append(heading["href"])
    return shown + folded


def open_search(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.__searchBench && window.__searchBench.ready !== null", timeout=30_000)
    page.keyboard.press("s")  # Material's shortcut that opens and focuses the search box


def ask_search(page, query: str, paste: bool = False) -> list[dict]:
    """Type a query key by key (or paste it) into the open search box and read the list it shows."""
    box = page.locator("input.md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    if paste:
        page.keyboard.insert_text(query)
    else:
        page.keyboard.type(query)
    # Playwright types ä, ö and å as inserted text, without the keyup a phone's keyboard sends and Material
    # listens to: a key that changes nothing sends it.
    page.keyboard.press("End")
    page.wait_for_function(
        """q => { const s = window.__searchBench;
                  return s.sent.length && s.sent[s.sent.length - 1] === q && s.answers >= s.sent.length; }""",
        arg=query, timeout=10_000)
    return page.evaluate(READ_SEARCH_RESULTS)


def served(address: str, ready, timeout: float = 120) -> str:
    """The text served at address once ready(text) holds, polling while `mkdocs serve` (re)builds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(address, timeout=5) as response:
                text = response.read().decode("utf-8")
            if ready(text):
                return text
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{address} not served as expected within {timeout} s")
        time.sleep(0.3)
