"""Measure the build side by side: ours, a bare MkDocs build of the same pages, and mkdocs-quiz on the same questions.

    .venv/bin/python scripts/benchmark.py            # the real questions, 500, 2,000 and 5,000
    .venv/bin/python scripts/benchmark.py --quick    # the real questions and 500, fewer runs: a few minutes

For each size it makes a throwaway copy of this project whose quizzes/questions/ holds that many questions (the
real ones, then copies of them with unique ids, in their own chapters), and from it two more projects:
- bare: MkDocs + Material + static-i18n with the same nav, Markdown extensions and search settings, no hooks and
  no overrides; the hand-written pages as they are (organization markers filled in), and every generated page
  written out as a plain Markdown file (its front matter, title and body HTML), chapters ending with the box
  that links to their self-check;
- peer: the bare project with mkdocs-quiz 1.7.1 (installed by this script into its own venv under the cache
  folder), whose self-check and onboarding pages hold the same questions in mkdocs-quiz's `<quiz>` syntax.
The three are built in turn (ours, bare, peer, ours, bare, peer, ...), each build one `mkdocs build` process,
timed from outside: CPU (user + system, from wait4), wall time and peak memory (ru_maxrss). It prints medians,
the ratios taken round by round, the onboarding page's size, the search index of each language, the growth per
question (a least-squares line over the sizes), and the `mkdocs serve` loop: the time from saving a question, a
page or strings.yml until the served page shows the change. It asserts nothing: timings belong in a report.
"""

from __future__ import annotations

import argparse
import copy as copying
import gzip
import http.client
import json
import os
import posixpath
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sitetools import copy_project  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from serve import temporary_folder  # noqa: E402

PEER = "mkdocs-quiz==1.7.1"
# The peer's environment gets the versions this project builds with, so only the quiz code differs.
SHARED_PINS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "markdown", "jinja2",
               "pyyaml", "babel")
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "guideline-benchmark"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SERVE_ENV = temporary_folder(ENV)
LANGUAGES = ("fi", "sv")
TRUE_FALSE = {"fi": ("Totta", "Tarua"), "sv": ("Sant", "Falskt")}


# --- Sources -------------------------------------------------------------------------------------------------

def real_question_count(quizzes: Path = ROOT / "quizzes") -> int:
    return sum(len(yaml.safe_load(path.read_text(encoding="utf-8"))["questions"])
               for path in sorted((quizzes / "questions").glob("*.yml")))


def multiply_questions(project: Path, count: int) -> int:
    """Make quizzes/questions/ of the project hold `count` questions: the real ones first, then copies of them
    in turn, each copy in its original's chapter with the id `<id>-x<n>`. Each round of copies goes into files of
    its own (`<file>_x0001.yml`, same chapter), so no file reaches the site's size limit for a source file at any
    size. Returns the number written."""
    folder = project / "quizzes" / "questions"
    files = sorted(folder.glob("*.yml"))
    loaded = {path: yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}
    originals = [(path, question) for path in files for question in loaded[path]["questions"]]
    total = len(originals)
    copy = 0
    header = "# yaml-language-server: $schema=../schema/questions.schema.json\n"
    while total < count:  # deep copies: PyYAML would write a shared text as an alias, which the site refuses
        copy += 1
        rounds: dict[Path, list] = {}
        for path, question in originals:
            if total >= count:
                break
            rounds.setdefault(path, []).append(dict(copying.deepcopy(question), id=f"{question['id'][:50]}-x{copy}"))
            total += 1
        for path, questions in rounds.items():
            data = {"chapter": loaded[path]["chapter"], "questions": questions}
            (folder / f"{path.stem}_x{copy:04d}.yml").write_text(
                header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return total


def _checked_project(project: Path):
    """Our checked project of a copy, as the build makes it (its generated pages in every language)."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from mkdocs.config import load_config
    from guideline.adapter.site import project_for

    config = load_config(str(project / "mkdocs.yml"))
    checked = project_for(config)
    if checked.problems:
        raise SystemExit(f"{project}: the source has problems: {checked.problems[:3]}")
    return checked


def _page_url(path: str) -> str:
    """The URL of a page with directory URLs, as MkDocs makes it: x.md -> x/, x/index.md -> x/."""
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def _relative(target: str, page: str) -> str:
    page_url, (target_page, _, anchor) = _page_url(page), target.partition("#")
    url = posixpath.relpath("/" + _page_url(target_page), "/" + page_url)
    url = "./" if url == "." else url + "/" if not url.endswith("/") else url
    return url + (f"#{anchor}" if anchor else "")


def _resolve(html: str, page: str) -> str:
    from guideline.views import LINK_SCHEME
    return re.sub(r'href="' + re.escape(LINK_SCHEME) + r'([^"]*)"',
                  lambda match: f'href="{_relative(match[1], page)}"', html)


def write_plain_projects(project: Path, bare: Path, peer: Path) -> None:
    """The bare project and the peer's (see the module's docstring) made from our copy `project`."""
    from guideline.markers import render_marker, replace_markers
    from guideline.pages import BODY
    from guideline.quizpages import ONBOARDING_PAGE, shared_onboarding_fragments

    checked = _checked_project(project)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch", "extra_css"):
        config.pop(key, None)
    for key in ("custom_dir", "favicon", "logo"):
        config["theme"].pop(key, None)
    config["strict"] = False
    config["validation"] = {key: "info" for key in ("omitted_files", "absolute_links", "unrecognized_links",
                                                   "anchors")}
    for target, plugins in ((bare, []), (peer, ["mkdocs_quiz"])):
        target.mkdir(parents=True)
        own = dict(config, plugins=config["plugins"] + plugins)
        (target / "mkdocs.yml").write_text(yaml.safe_dump(own, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")
    chapters = checked.chapters()
    for language in LANGUAGES:
        for source in sorted((project / "docs" / language).rglob("*.md")):
            path = source.relative_to(project / "docs" / language).as_posix()
            text = replace_markers(source.read_text(encoding="utf-8"),
                                   lambda name: render_marker(name, checked, language))
            box = checked.chapter_links.get((language, path))
            if box:
                text = f"{text.rstrip()}\n\n{_resolve(box, path)}\n"
            for target in (bare, peer):
                _write(target / "docs" / language / path, text)
        for path, rendered in checked.rendered.items():
            plain = rendered.markdown[language].replace(BODY, _resolve(rendered.body[language], path))
            _write(bare / "docs" / language / path, plain)
            if rendered.page.kind == "quiz":
                chapter = path.split("/", 1)[1]
                questions = chapters[chapter] if chapter in chapters else [
                    question for listed in chapters.values() for question in listed]
                plain = rendered.markdown[language].replace(BODY, peer_quiz_markdown(questions, language))
            _write(peer / "docs" / language / path, plain)
        # The onboarding quiz's question files, which our site publishes beside its page, as static files.
        folder = bare / "docs" / language / _page_url(ONBOARDING_PAGE)
        for name, fragment in shared_onboarding_fragments(checked, language).items():
            _write(folder / name, _resolve(fragment, ONBOARDING_PAGE))


def peer_quiz_markdown(questions, language: str) -> str:
    """Questions in mkdocs-quiz 1.7's syntax: the stem, `- [x]`/`- [ ]` options each with its feedback as a
    quote, then the explanation as the content shown after answering."""
    blocks = ["<!-- mkdocs-quiz intro -->"]
    for question in questions:
        lines = ["<quiz>", _one_line(question.question[language])]
        if question.type == "true-false":
            for value, label in zip((True, False), TRUE_FALSE[language]):
                feedback = question.feedback.if_true if value else question.feedback.if_false
                lines += [f"- [{'x' if question.answer == value else ' '}] {label}",
                          f"    > {_one_line(feedback[language])}"]
        else:
            for option in question.options:
                lines += [f"- [{'x' if option.correct else ' '}] {_one_line(option.text[language])}",
                          f"    > {_one_line(option.feedback[language])}"]
        lines += ["", _one_line(question.explanation[language]), "</quiz>"]
        blocks.append("\n".join(lines))
    blocks.append("<!-- mkdocs-quiz results -->")
    return "\n\n".join(blocks)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- The peer's environment ----------------------------------------------------------------------------------

def peer_python() -> Path:
    """A venv under the cache folder with mkdocs-quiz and this project's versions of MkDocs and Material."""
    pins = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    pins = [pin for pin in pins if pin and re.split(r"[=<>!~\[ ]", pin)[0].lower() in SHARED_PINS]
    wanted = sorted(pins + [PEER])
    folder = CACHE / "peer-venv"
    stamp = folder / "installed.txt"
    python = folder / "bin" / "python"
    if stamp.exists() and stamp.read_text() == "\n".join(wanted) and python.exists():
        return python
    print(f"Installing {PEER} into {folder} ...", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wanted],
                   check=True)
    stamp.write_text("\n".join(wanted))
    return python


# --- Timing --------------------------------------------------------------------------------------------------

@dataclass
class Sample:
    cpu: float
    wall: float
    peak_mb: float


def timed(argv: list[str], cwd: Path, log: Path) -> Sample:
    """One process, timed from outside: user + system CPU and peak RSS from wait4, wall time around it."""
    with open(log, "ab") as output:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=ENV, stdin=subprocess.DEVNULL, stdout=output,
                                   stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed (exit {process.returncode}); see {log}")
    return Sample(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


@dataclass
class Side:
    name: str
    python: Path
    project: Path
    samples: list[Sample] = field(default_factory=list)
    site: Path | None = None

    def build(self, scratch: Path, log: Path) -> None:
        site = scratch / f"site-{self.name}"
        shutil.rmtree(site, ignore_errors=True)
        self.samples.append(timed([str(self.python), "-m", "mkdocs", "build", "--quiet", "--config-file",
                                   str(self.project / "mkdocs.yml"), "--site-dir", str(site)], self.project, log))
        self.site = site

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(sample, attribute) for sample in self.samples)


def ratio(ours: Side, other: Side, attribute: str) -> float:
    """The median of the ratios round by round (a round's two builds ran under about the same load)."""
    return statistics.median(getattr(a, attribute) / getattr(b, attribute)
                             for a, b in zip(ours.samples, other.samples))


def sizes(data: bytes) -> str:
    return f"{len(data) / 1024:7.0f} KB raw, {len(gzip.compress(data, 6)) / 1024:5.0f} KB gz"


def one_draw(folder: Path, page: bytes) -> tuple[list[str], list[bytes]]:
    """What a reader's browser fetches for one attempt: the onboarding page and the files of the questions drawn
    (a fixed sample of the pool, as many as an attempt has)."""
    index = json.loads(re.search(rb'<script[^>]*data-quiz-pool[^>]*>(.*?)</script>', page, re.S).group(1))
    count = int(re.search(rb'data-quiz-draw="(\d+)"', page).group(1))
    folder_name = re.search(rb'data-quiz-fragments="([^"]*)"', page).group(1).decode()
    ids = [entry[0] for entry in index["questions"]]
    drawn = random.Random(15).sample(ids, count)
    return drawn, [page] + [(folder / folder_name / f"{qid}.html").read_bytes() for qid in drawn]


def search_index(site: Path, language: str) -> Path:
    return site / ("" if language == LANGUAGES[0] else language) / "search" / "search_index.json"


def measure_size(count: int, runs: int, scratch: Path, peer: Path) -> dict:
    folder = scratch / f"q{count}"
    ours_dir = copy_project(folder / "ours")
    written = multiply_questions(ours_dir, count)
    # In a process of its own: this one stays small, since a child's peak memory (ru_maxrss) counts from the
    # fork, before the build's program replaces this one's.
    subprocess.run([sys.executable, __file__, "--write-plain", str(ours_dir), str(folder / "bare"),
                    str(folder / "peer")], check=True, env=ENV)
    sides = [Side("ours", Path(sys.executable), ours_dir), Side("bare", Path(sys.executable), folder / "bare"),
             Side("peer", peer, folder / "peer")]
    log = folder / "build.log"
    for _ in range(runs):
        for side in sides:
            side.build(folder, log)
    ours, bare, quiz = sides
    print(f"\n{written} questions, {runs} rounds (median CPU s / wall s / peak MB):")
    for side in sides:
        print(f"  {side.name:5s} {side.median('cpu'):7.2f} {side.median('wall'):7.2f} {side.median('peak_mb'):7.0f}")
    for other in (bare, quiz):
        print(f"  ours / {other.name}: CPU {ratio(ours, other, 'cpu'):.2f}x, wall {ratio(ours, other, 'wall'):.2f}x, "
              f"peak memory {ratio(ours, other, 'peak_mb'):.2f}x")
    onboarding = (ours.site / "quizzes/onboarding/index.html").read_bytes()
    print(f"  onboarding page (ours): {sizes(onboarding)}; "
          f"peer's: {sizes((quiz.site / 'quizzes/onboarding/index.html').read_bytes())}")
    drawn, fetched = one_draw(ours.site / "quizzes/onboarding", onboarding)
    print(f"  one attempt of the onboarding quiz (ours): the page and {len(drawn)} question files, "
          f"{sum(map(len, fetched)) / 1024:.0f} KB raw, {sum(len(gzip.compress(data, 6)) for data in fetched) / 1024:.0f} KB gz "
          f"(each file gzipped as a server sends it)")
    for language in LANGUAGES:
        index = search_index(ours.site, language)
        entries = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
        print(f"  search index {language} (ours): {sizes(index.read_bytes())}, {entries} entries")
    print(f"  search index, both languages in one (bare): {sizes(search_index(bare.site, 'fi').read_bytes())}")
    return {"count": written, **{side.name: side for side in sides}, "project": ours_dir, "bare_project": bare.project}


def growth(results: list[dict]) -> None:
    """A least-squares line through (questions, median) per side: its slope is the cost of one more question."""
    if len(results) < 2:
        return
    print("\nGrowth per question (least squares over the sizes):")
    for name in ("ours", "bare", "peer"):
        for attribute, unit, scale in (("cpu", "ms CPU", 1000), ("peak_mb", "KB peak", 1024)):
            xs = [result["count"] for result in results]
            ys = [result[name].median(attribute) for result in results]
            mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
            slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)
            print(f"  {name:5s} {slope * scale:7.2f} {unit}/question, intercept {mean_y - slope * mean_x:7.2f}",
                  end="" if attribute == "cpu" else "\n")


# --- mkdocs serve ----------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> str | None:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        connection.close()
        return body if response.status == 200 else None
    except OSError:
        return None


def _wait_for(port: int, path: str, marker: str, timeout: float) -> float | None:
    """Seconds until the served page contains marker, polling every 20 ms; None after timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _get(port, path)
        if body is not None and marker in body:
            return time.perf_counter() - start
        time.sleep(0.02)
    return None


def _append_to_question(project: Path, marker: str) -> str:
    """Append marker to the first question's Finnish text of security.yml; the page that shows it."""
    path = project / "quizzes/questions/security.yml"
    text = path.read_text(encoding="utf-8")
    found = re.search(r"^\s*question:\n\s*fi: (.*)$", text, re.MULTILINE)  # as written, or as PyYAML writes it
    end = found.end(1) - (1 if found[1][-1:] in "'\"" else 0)  # inside a quoted text's quotes
    path.write_text(text[:end] + f" {marker}" + text[end:], encoding="utf-8")
    return "/quizzes/security/"


def _append_to_page(project: Path, marker: str) -> str:
    path = project / "docs/fi/security.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    return "/security/"


def _append_to_string(project: Path, marker: str) -> str:
    """Append marker to the Finnish intro of every self-check in strings.yml (the copy's own table)."""
    path = project / "hooks/guideline/strings.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\nquiz.self_check.intro:\n")
    line_start = text.index("  fi: ", start)
    line_end = text.index("\n", line_start)
    path.write_text(text[:line_end] + f" {marker}" + text[line_end:], encoding="utf-8")
    return "/quizzes/security/"


EDITS = {"question": _append_to_question, "page": _append_to_page, "strings.yml": _append_to_string}


def serve_latency(label: str, python: Path, project: Path, edits: dict, repeats: int, log: Path) -> None:
    """Start `mkdocs serve` on the project as scripts/serve.sh starts it (its temporary site in memory where the
    system has room: scripts/serve.py); after each edit, the seconds until the served page shows it."""
    port = _free_port()
    with open(log, "ab") as output:
        server = subprocess.Popen([str(python), "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=SERVE_ENV, stdin=subprocess.DEVNULL, stdout=output, stderr=output,
                                  start_new_session=True)
    try:
        if _wait_for(port, "/", "<html", timeout=600) is None:
            print(f"  {label}: the server did not answer; see {log}")
            return
        time.sleep(1)
        found = []
        for kind, edit in edits.items():
            seconds = []
            for repeat in range(repeats):
                marker = f"Mittausmerkki{kind.replace('.', '')}{repeat}x{time.monotonic_ns()}"
                path = edit(project, marker)
                waited = _wait_for(port, path, marker, timeout=120)
                seconds.append(waited if waited is not None else float("inf"))
                time.sleep(0.5)
            shown = statistics.median(seconds)
            found.append(f"{kind} {shown:.2f} s" if shown != float("inf") else f"{kind} never shown (stale)")
        print(f"  {label}: " + ", ".join(found))
    finally:
        os.killpg(server.pid, signal.SIGINT)  # as Ctrl+C: MkDocs then removes its temporary site (in memory here)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# --- Main ------------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the real questions and 500, two rounds, a short serve")
    parser.add_argument("--sizes", help="comma-separated question counts (0: the real questions)")
    parser.add_argument("--runs", type=int, help="rounds per size (default 5, 3 from 2,000 questions, 1 if --quick)")
    parser.add_argument("--serve-sizes", help="comma-separated counts whose serve loop is timed (default 0,2000; '' for none)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument("--write-plain", nargs=3, type=Path, help=argparse.SUPPRESS)  # OURS BARE PEER, internal
    arguments = parser.parse_args()
    if arguments.write_plain:
        write_plain_projects(*arguments.write_plain)
        return
    real = real_question_count()
    sizes_wanted = [int(size) for size in (arguments.sizes or ("0,500" if arguments.quick else "0,500,2000,5000"))
                    .split(",")]
    serve_sizes = [int(size) for size in (arguments.serve_sizes if arguments.serve_sizes is not None
                                          else "0" if arguments.quick else "0,2000").split(",") if size]
    peer = peer_python()
    scratch = arguments.keep or Path(tempfile.mkdtemp(prefix="guideline-benchmark-"))
    scratch.mkdir(parents=True, exist_ok=True)
    print(f"Benchmark in {scratch}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"{real} real questions; no peak can read below this process's own, "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    results = []
    try:
        for size in sizes_wanted:
            count = size or real
            runs = arguments.runs or (2 if arguments.quick else 5 if count < 2000 else 3)
            results.append(measure_size(count, runs, scratch, peer))
        growth(results)
        print("\nmkdocs serve: from saving a file to the served page showing it (median); temporary site in "
              f"{SERVE_ENV.get('TMPDIR') or tempfile.gettempdir()}, for both sides:")
        repeats = 1 if arguments.quick else 3
        for size in serve_sizes:
            result = next((result for result in results if result["count"] == (size or real)), None)
            if result is None:
                continue
            serve_latency(f"ours, {result['count']} questions", Path(sys.executable), result["project"], EDITS,
                          repeats, scratch / "serve.log")
            serve_latency(f"bare, {result['count']} questions", Path(sys.executable), result["bare_project"],
                          {"page": _append_to_page}, repeats, scratch / "serve.log")
    finally:
        if not arguments.keep:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
