"""The benchmark's generated sources are valid: many questions pass every check of the build, and the bare and
mkdocs-quiz projects made from them hold the same questions. (No timing here: timings belong in a report.)"""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from sitetools import ROOT, check_source

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def benchmark():
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_multiplied_questions_pass_every_check_with_unique_ids(benchmark, tmp_path):
    project = benchmark.copy_project(tmp_path / "ours")
    real = benchmark.real_question_count()
    assert benchmark.multiply_questions(project, real * 2 + 5) == real * 2 + 5
    checked = check_source(project)
    assert checked.problems == []
    questions = [question for questions in checked.chapters().values() for question in questions]
    assert len(questions) == real * 2 + 5
    assert len({question.id for question in questions}) == len(questions)


def test_bare_and_peer_projects_hold_the_same_questions(benchmark, tmp_path):
    project = benchmark.copy_project(tmp_path / "ours")
    count = benchmark.multiply_questions(project, 120)
    benchmark.write_plain_projects(project, tmp_path / "bare", tmp_path / "peer")
    for language in ("fi", "sv"):
        peer = (tmp_path / "peer" / "docs" / language / "quizzes" / "onboarding.md").read_text(encoding="utf-8")
        assert peer.count("<quiz>") == peer.count("</quiz>") == count
        # every question has its right answer marked, and no text was left a link token
        blocks = re.findall(r"<quiz>(.*?)</quiz>", peer, re.S)
        assert all("- [x] " in block for block in blocks)
        bare = (tmp_path / "bare" / "docs" / language / "quizzes" / "onboarding.md").read_text(encoding="utf-8")
        assert "guideline-link:" not in bare and "<!-- guideline:" not in bare
        # its questions in their own files beside the page, as our site publishes them
        files = sorted((tmp_path / "bare" / "docs" / language / "quizzes" / "onboarding" / "questions").glob("*.html"))
        texts = [path.read_text(encoding="utf-8") for path in files]
        assert len(files) == count and all(text.count('class="quiz-options') == 1 for text in texts)
        assert not any("guideline-link:" in text for text in texts)
    assert "hooks" not in (tmp_path / "bare" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "mkdocs_quiz" in (tmp_path / "peer" / "mkdocs.yml").read_text(encoding="utf-8")
