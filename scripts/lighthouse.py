"""Lighthouse on every page type of the site in both languages: prints the scores and the failing audits.

Run with `.venv/bin/python scripts/lighthouse.py` (it builds the site with --strict and serves it on 127.0.0.1),
or `--site DIR` to audit a site built before. Lighthouse (npm, package.json) drives Debian's Chromium
(CHROME_PATH, default /usr/bin/chromium) with its mobile defaults, or `--desktop`. Performance is left out:
the test server sends no compression or cache headers and the machine is shared, so its figures would say
nothing about the site. The exit code is 1 when an accessibility or best-practices score is below 100.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sitetools import SiteServer, build  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
REQUIRED = ("accessibility", "best-practices")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
# One page of each type; the 404 page is one page for both languages. Lighthouse refuses to audit a page
# answered with status 404, so it reads /404.html, which is what the web server sends for a missing URL.
PAGE_TYPES = {
    "home": ("", "sv/"),
    "chapter": ("interaction/", "sv/interaction/"),
    "quiz index": ("quizzes/", "sv/quizzes/"),
    "self-check": ("quizzes/security/", "sv/quizzes/security/"),
    "onboarding": ("quizzes/onboarding/", "sv/quizzes/onboarding/"),
    "poster": ("poster/", "sv/poster/"),
    "sources": ("sources/", "sv/sources/"),
    "accessibility statement": ("accessibility/", "sv/accessibility/"),
    "404": ("404.html",),
}


def audit(url: str, desktop: bool) -> dict:
    """Run Lighthouse once; return its scores (0-100) and the audits that failed, with what they hit."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
        if desktop:
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if not report.exists():
            raise SystemExit(f"Lighthouse gave no report for {url}:\n{completed.stderr[-2000:]}")
        result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not audit {url}: {result['runtimeError']}")
    scores = {name: round(category["score"] * 100) for name, category in result["categories"].items()}
    failing = []
    for name, category in result["categories"].items():
        for reference in category["auditRefs"]:
            found = result["audits"][reference["id"]]
            if found["scoreDisplayMode"] in ("binary", "numeric", "metricSavings") and (found["score"] or 0) < 1:
                failing.append(f"{name}: {found['id']} ({found['title']}){details(found)}")
    return {"scores": scores, "failing": failing}


def details(found: dict) -> str:
    """The first few items an audit names (console errors, elements), so a failure says where."""
    items = (found.get("details") or {}).get("items") or []
    shown = []
    for item in items[:3]:
        source = item.get("source") if isinstance(item.get("source"), dict) else {}
        parts = [item.get("description"), item.get("url") or (item.get("sourceLocation") or {}).get("url"),
                 (item.get("node") or {}).get("snippet"), source.get("snippet")]
        shown.append(" ".join(str(part) for part in parts if part)[:200])
    return f": {'; '.join(shown)}" if shown else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site to audit instead of building one")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset instead of mobile")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run scripts/setup.sh test, which installs it with npm")
    with tempfile.TemporaryDirectory() as folder:
        site = args.site
        if site is None:
            built = build(ROOT, Path(folder) / "site")
            if not built.ok:
                raise SystemExit(f"mkdocs build --strict failed:\n{built.output}")
            site = built.site
        below = 0
        with SiteServer(site) as server:
            print(f"{'page type':<25} {'path':<24} " + " ".join(f"{name:>14}" for name in CATEGORIES))
            for page_type, paths in PAGE_TYPES.items():
                for path in paths:
                    result = audit(server.url(path), args.desktop)
                    scores = result["scores"]
                    print(f"{page_type:<25} {'/' + path:<24} " + " ".join(f"{scores[name]:>14}" for name in CATEGORIES))
                    for failure in result["failing"]:
                        print(f"{'':<25} {failure}")
                    below += any(scores[name] < 100 for name in REQUIRED)
    print(f"\n{below} page(s) below 100 in {' or '.join(REQUIRED)}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
