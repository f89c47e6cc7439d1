"""How often the site's search puts the right section first: S@1, S@5 and MRR per language and query class.

Run with `.venv/bin/python scripts/search_benchmark.py [QUERIES.yml]` (default tests/search/queries.yml). It builds
the site with --strict (or reads `--site DIR`), serves it on 127.0.0.1, and types every query into Material's
search box in Debian's Chromium as a reader would, key by key, on the home page of the query's language. It
prints figures and asserts nothing: they belong in a report, not in tests.

The query file has one list per language:

    fi:
      - {q: "tyontekija some", target: "employee.md#work-role", class: folding}
    sv: [...]

`target` is a section (page.md#anchor) or a whole page (page.md), or a list of them when several sections
answer the question equally. Classes: exact, inflected, folding (typed without ä/ö/å), typo, synonym,
compound, question.

What counts as the reader's ranking: the result list in the order it is shown, page by page. A page's heading
counts as a result first only when the page's own entry is its best match (Material then shows it with its
text, and Enter opens it); when it matched less well than a section it counts after the page's open
sections, and when it did not match at all (Material shows the heading of a page whose sections matched) not
at all. Sections folded under "N more on this page" count after everything shown openly. A
section target is hit by that section's entry; a page target by any entry of that page. A result in the other
language is a leak and is counted.

Start-up: the time from navigation start until the search worker reports it is ready (index fetched, lunr
index built), the median of five loads of the home page, without and with 4x CPU slow-down (a mid-range phone).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import yaml  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from sitetools import (CHROMIUM_ARGS, INSTRUMENT_SEARCH, SiteServer, ask_search, build, open_search,  # noqa: E402
                       search_ranking)

CHROMIUM = "/usr/bin/chromium"
LANGUAGES = {"fi": "", "sv": "sv/"}
CLASSES = ("exact", "inflected", "folding", "typo", "synonym", "compound", "question")

@dataclass
class Outcome:
    query: dict
    rank: int | None  # 1-based, None when not found
    shown: list[str]
    leaks: int


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)

    def figures(self) -> tuple[int, float, float, float]:
        n = len(self.outcomes)
        if not n:
            return 0, 0.0, 0.0, 0.0
        at1 = sum(1 for o in self.outcomes if o.rank == 1) / n
        at5 = sum(1 for o in self.outcomes if o.rank is not None and o.rank <= 5) / n
        mrr = sum(1 / o.rank for o in self.outcomes if o.rank) / n
        return n, at1, at5, mrr


def target_paths(target: str | list[str], prefix: str) -> list[tuple[str, str | None]]:
    """page.md#anchor -> ("/sv/page/", "anchor"); index.md -> ("/sv/", None)."""
    targets = [target] if isinstance(target, str) else target
    paths = []
    for one in targets:
        page, _, anchor = one.partition("#")
        page = page.removesuffix(".md")
        if page == "index":
            page = ""
        elif page.endswith("/index"):
            page = page.removesuffix("index")
        else:
            page += "/"
        paths.append(("/" + prefix + page, anchor or None))
    return paths


def rank_of(links: list[str], targets: list[tuple[str, str | None]]) -> int | None:
    for position, link in enumerate(links, 1):
        parts = urlsplit(link)
        for path, anchor in targets:
            if parts.path == path and (anchor is None or parts.fragment == anchor):
                return position
    return None


def start_up(browser, url: str, slowdown: int, loads: int = 5) -> tuple[float, float]:
    """Median ms from navigation start to search ready, and from worker creation to ready."""
    to_ready, building = [], []
    for _ in range(loads):
        context = browser.new_context()
        context.add_init_script(INSTRUMENT_SEARCH)
        page = context.new_page()
        if slowdown > 1:
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        page.goto(url)
        page.wait_for_function("window.__searchBench.ready !== null", timeout=60_000)
        created, ready = page.evaluate("[window.__searchBench.created, window.__searchBench.ready]")
        to_ready.append(ready)
        building.append(ready - created)
        context.close()
    return statistics.median(to_ready), statistics.median(building)


def index_sizes(site: Path) -> dict[str, tuple[int, int, int]]:
    """Per language: the index's size, gzipped, and the gzipped share of the word table and synonyms it carries."""
    sizes = {}
    for language, prefix in LANGUAGES.items():
        data = (site / prefix / "search" / "search_index.json").read_bytes()
        index = json.loads(data)
        index["config"].pop("lexicon", None)
        bare = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        packed = len(gzip.compress(data, 9))
        sizes[language] = (len(data), packed, packed - len(gzip.compress(bare, 9)))
    return sizes


def run(site: Path, queries: dict, verbose: bool, startup: bool, paste: bool) -> None:
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    leaks = 0
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for language, prefix in LANGUAGES.items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(INSTRUMENT_SEARCH)
            page = context.new_page()
            open_search(page, server.url(prefix))
            for query in queries.get(language) or []:
                groups = ask_search(page, query["q"], paste)
                links = search_ranking(groups)
                other = [link for link in links
                         if (urlsplit(link).path.startswith("/sv/")) != (language == "sv")]
                leaks += len(other)
                outcome = Outcome(query, rank_of(links, target_paths(query["target"], prefix)),
                                  [urlsplit(link).path.removeprefix("/" + prefix) + "#" + urlsplit(link).fragment
                                   for link in links[:3]], len(other))
                tallies[(language, query.get("class", "?"))].outcomes.append(outcome)
                tallies[(language, "all")].outcomes.append(outcome)
            context.close()
        timings = {}
        if startup:
            for language, prefix in LANGUAGES.items():
                timings[language] = {rate: start_up(browser, server.url(prefix), rate) for rate in (1, 4)}
        browser.close()

    print(f"{'':4}{'class':<11}{'n':>4}{'S@1':>7}{'S@5':>7}{'MRR':>7}")
    for language in LANGUAGES:
        for kind in (*CLASSES, "all"):
            tally = tallies.get((language, kind))
            if tally is None:
                continue
            n, at1, at5, mrr = tally.figures()
            print(f"{language:<4}{kind:<11}{n:>4}{at1:>7.2f}{at5:>7.2f}{mrr:>7.2f}")
    both = Tally([o for language in LANGUAGES for o in tallies[(language, "all")].outcomes])
    n, at1, at5, mrr = both.figures()
    print(f"{'all':<4}{'all':<11}{n:>4}{at1:>7.2f}{at5:>7.2f}{mrr:>7.2f}")
    print(f"results in the other language: {leaks}")
    for language, (raw, packed, table) in index_sizes(site).items():
        print(f"index {language}: {raw / 1024:.1f} KB, gzipped {packed / 1024:.1f} KB, of which the word table "
              f"and synonyms {table / 1024:.1f} KB gzipped")
    for language, rates in timings.items():
        for rate, (ready, building) in rates.items():
            print(f"start-up {language}, CPU x{rate}: search ready {ready:.0f} ms after navigation start, "
                  f"worker {building:.0f} ms")
    if verbose:
        print("\nmisses (rank > 1):")
        for language in LANGUAGES:
            for outcome in tallies[(language, "all")].outcomes:
                if outcome.rank != 1:
                    q = outcome.query
                    print(f"  {language} {q.get('class', '?'):<10} {q['q']!r:<34} rank {outcome.rank} "
                          f"want {q['target']} got {outcome.shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", nargs="?", type=Path, default=ROOT / "tests" / "search" / "queries.yml")
    parser.add_argument("--site", type=Path, help="a site built before (default: build now with --strict)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every query not ranked first")
    parser.add_argument("--paste", action="store_true",
                        help="paste each query whole instead of typing it key by key (quicker, same final query)")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timing")
    arguments = parser.parse_args()
    queries = yaml.safe_load(arguments.queries.read_text(encoding="utf-8"))
    for language, items in queries.items():
        if language not in LANGUAGES:
            raise SystemExit(f"{arguments.queries}: unknown language {language!r}")
        for item in items:
            if not {"q", "target"} <= set(item) or item.get("class", "exact") not in CLASSES:
                raise SystemExit(f"{arguments.queries}: {language}: needs q, target and a class of "
                                 f"{', '.join(CLASSES)}: {item}")
    if arguments.site:
        run(arguments.site, queries, arguments.verbose, not arguments.no_startup, arguments.paste)
        return
    with tempfile.TemporaryDirectory() as folder:
        result = build(ROOT, Path(folder) / "site")
        if not result.ok:
            raise SystemExit(f"mkdocs build --strict failed:\n{result.output}")
        run(result.site, queries, arguments.verbose, not arguments.no_startup, arguments.paste)


if __name__ == "__main__":
    main()
