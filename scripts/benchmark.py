"""Measure the build: total time, the share spent in our hooks, sizes, and a synthetic 2,000-question source.

Run with `.venv/bin/python scripts/benchmark.py` (optionally `--questions 2000 --runs 3`). It prints figures
and asserts nothing: timings belong in a report, not in tests.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import logging  # noqa: E402

import yaml  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from guideline.organization import Organization  # noqa: E402
from guideline.quizpages import generate_pages  # noqa: E402
from guideline.quizsource import load_quiz_source  # noqa: E402

logging.getLogger("mkdocs").setLevel(logging.ERROR)


def timed_build(project: Path, site: Path) -> tuple[float, dict[str, float]]:
    """Build once in this process; return the total time and the time spent in each hook module."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    spent: dict[str, float] = defaultdict(float)
    for event, methods in config.plugins.events.items():
        for index, method in enumerate(methods):
            module = getattr(method, "__module__", "") or ""
            if module.startswith("hooks/") or module.endswith(".py"):
                methods[index] = _timer(method, module, spent)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start, dict(spent)


def _timer(method, module, spent):
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[module] += time.perf_counter() - start
    return timed


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in ("mkdocs.yml", "docs", "hooks", "overrides", "quizzes"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    return target


def synthetic_source(project: Path, count: int) -> None:
    """Replace the questions with `count` generated ones spread over the real chapters and rules."""
    source = load_quiz_source(ROOT / "quizzes", ROOT / "docs")
    chapters = list(source.questions_by_chapter())
    rules = [key for key in source.rules if key.split("#")[0] in chapters]
    folder = project / "quizzes" / "questions"
    shutil.rmtree(folder)
    folder.mkdir()
    per_chapter: dict[str, list] = defaultdict(list)
    for number in range(count):
        see = rules[number % len(rules)]
        chapter = see.split("#")[0]
        text = lambda fi, sv: {"fi": f"{fi} {number}", "sv": f"{sv} {number}"}  # noqa: E731
        per_chapter[chapter].append({
            "id": f"synthetic-{number}", "type": "single",
            "question": text("Mitä teet tilanteessa", "Vad gör du i situation"),
            "options": [{"text": text(f"Vaihtoehto {option}", f"Alternativ {option}"), "correct": option == 1,
                         "feedback": text("Palaute", "Respons")} for option in range(1, 5)],
            "explanation": text("Perustelu", "Motivering"), "see": see})
    for chapter, questions in per_chapter.items():
        (folder / chapter.replace(".md", ".yml")).write_text(
            "# yaml-language-server: $schema=../schema/questions.schema.json\n"
            + yaml.safe_dump({"chapter": chapter, "questions": questions}, allow_unicode=True), encoding="utf-8")


def size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def report(label: str, project: Path, runs: int) -> None:
    times, hooks = [], defaultdict(list)
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(runs):
            # As after an edit in `mkdocs serve`: the hooks may not reuse what they loaded in the last run.
            for path in (project / "quizzes").rglob("*.yml"):
                path.touch()
            total, spent = timed_build(project, Path(scratch) / f"site{run}")
            times.append(total)
            for module, seconds in spent.items():
                hooks[module].append(seconds)
        site = Path(scratch) / "site0"
        indexes = {language: site / prefix / "search/search_index.json" for language, prefix in (("fi", ""), ("sv", "sv"))}
        print(f"\n{label}")
        print(f"  whole bilingual build: median {statistics.median(times):.2f} s over {runs} runs")
        hook_total = sum(statistics.median(values) for values in hooks.values())
        print(f"  of which our hooks:    {hook_total:.2f} s ({100 * hook_total / statistics.median(times):.0f} %)")
        for module, values in sorted(hooks.items(), key=lambda item: -statistics.median(item[1])):
            print(f"    {Path(module).name:28s} {statistics.median(values) * 1000:8.0f} ms")
        print(f"  pages: {len(list(site.rglob('index.html')))}, site size {size(site) / 1e6:.1f} MB")
        for language, index in indexes.items():
            docs = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
            print(f"  search index {language}: {index.stat().st_size / 1e3:.0f} kB, "
                  f"{len(gzip.compress(index.read_bytes())) / 1e3:.0f} kB gzipped, {docs} entries")
        onboarding = site / "quizzes/onboarding/index.html"
        print(f"  onboarding page: {onboarding.stat().st_size / 1e3:.0f} kB, "
              f"{len(gzip.compress(onboarding.read_bytes())) / 1e3:.0f} kB gzipped")


def source_timing(project: Path) -> None:
    """Loading, validating and rendering the source alone, without MkDocs."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    organization = Organization.model_validate(config["extra"]["organization"])
    start = time.perf_counter()
    source = load_quiz_source(project / "quizzes", project / "docs")
    loaded = time.perf_counter()
    pages = [page for language in ("fi", "sv") for page in generate_pages(source, language, organization,
                                                                          config["site_url"])]
    rendered = time.perf_counter()
    questions = sum(len(file.model.questions) for file in source.question_files)
    print(f"  source alone: {questions} questions loaded and validated in {(loaded - start) * 1000:.0f} ms, "
          f"{len(pages)} pages rendered in {(rendered - loaded) * 1000:.0f} ms (problems: {len(source.problems)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    assets = ROOT / "overrides" / "assets"
    quiz_assets = [assets / "javascripts/quiz.js", assets / "stylesheets/quiz.css"]
    print("quiz assets gzipped: " + ", ".join(f"{path.name} {len(gzip.compress(path.read_bytes(), 9))} B"
                                              for path in quiz_assets)
          + f", together {sum(len(gzip.compress(path.read_bytes(), 9)) for path in quiz_assets)} B (budget 15360 B)")
    with tempfile.TemporaryDirectory() as scratch:
        project = copy_project(Path(scratch) / "real")
        report("This project's source", project, arguments.runs)
        source_timing(project)
        synthetic = copy_project(Path(scratch) / "synthetic")
        synthetic_source(synthetic, arguments.questions)
        report(f"Synthetic source of {arguments.questions} questions", synthetic, arguments.runs)
        source_timing(synthetic)


if __name__ == "__main__":
    main()
