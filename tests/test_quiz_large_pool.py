"""The onboarding quiz of a large question bank, in Chromium: the page carries the pool's index and the browser
fetches only the questions it draws, so a reader on a phone loads little however large the bank grows, and an
attempt is done with the keyboard alone as on the real site. The bank is the benchmark's (scripts/benchmark.py):
the real questions copied in turn with unique ids."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from urllib.parse import urlparse

import pytest

from sitetools import ROOT, SiteServer, build, copy_project
from test_quiz_browser import ONBOARDING, answer_key, answer_with_keyboard, choices_for, open_quiz, pool_ids, strings

POOL = 2000
LIMIT = 100 * 1024  # gzipped bytes: the onboarding page, and everything one attempt loads


def benchmark_module():
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A copy of the project with 2,000 questions, built with --strict and served on 127.0.0.1."""
    root = copy_project(tmp_path_factory.mktemp("large") / "project")
    assert benchmark_module().multiply_questions(root, POOL) == POOL
    result = build(root, root.parent / "site")
    if not result.ok:
        pytest.fail(f"mkdocs build --strict failed:\n{result.output}", pytrace=False)
    with SiteServer(result.site) as server:
        yield result.site, server


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_2000_question_onboarding_page_and_one_attempt_stay_under_100_kb_gzipped(page, large, language):
    site, server = large
    fetched = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    open_quiz(page, server.url(ONBOARDING[language]))
    assert len(pool_ids(page)) == POOL
    draw = int(page.locator("form[data-quiz]").get_attribute("data-quiz-draw"))
    questions = [path for path in fetched if "/questions/" in path]
    assert len(questions) == draw == len(answer_key(page)), "only the drawn questions are fetched"
    page_bytes = (site / ONBOARDING[language] / "index.html").read_bytes()
    attempt = gz(page_bytes) + sum(gz((site / path.lstrip("/")).read_bytes()) for path in questions)
    print(f"{language}: onboarding page {len(page_bytes)} B, {gz(page_bytes)} B gz; one attempt {attempt} B gz")
    assert gz(page_bytes) <= LIMIT
    assert attempt <= LIMIT


def test_an_attempt_from_2000_questions_with_the_keyboard_alone(page, large):
    _, server = large
    open_quiz(page, server.url(ONBOARDING["fi"]))
    key = answer_key(page)
    answer_with_keyboard(page, choices_for(key, passing=True), check_each=False)
    form = page.locator("form[data-quiz]")
    assert form.get_attribute("data-quiz-state") == "passed"
    assert page.evaluate("document.activeElement.id") == page.locator(".quiz-result h2").get_attribute("id")
    assert page.locator(".quiz-feedback").count() == len(key), "every answer is reviewed"
    assert page.locator(".quiz-receipt-form").is_visible()
    assert strings("fi")["result_title"] in page.locator(".quiz-result h2").inner_text()
