"""Generated pages made from the fixture source, without MkDocs: snippet goldens per question type, titles that
stay text, link tokens for every rule, and the schemas editors use."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from guideline.pages import BODY
from guideline.schema import SCHEMA_DIR, schema_texts
from guideline.templates import render_macro
from guideline.views import LINK_SCHEME, QuizView, question_view
from sitetools import ROOT, check_source

pytestmark = pytest.mark.unit

FIXTURE = Path(__file__).parent / "fixtures" / "source"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def project():
    checked = check_source(FIXTURE)
    assert checked.problems == []
    return checked


def question_html(project, question_id: str, language: str) -> str:
    """One question as the quiz page shows it, in the fixture's quiz."""
    questions = project.chapters()["moderation.md"]
    number, question = next((n, q) for n, q in enumerate(questions, start=1) if q.id == question_id)
    view = question_view(question, number, "moderation.md", project.docs, project.strings, language)
    quiz = QuizView(id="moderation", mode="self-check", version="v", questions=(view,))
    return render_macro("quiz.html", "question", project.strings, q=view, quiz=quiz, lang=language) + "\n"


@pytest.mark.parametrize("question_id, kind", [("racist-comment", "single"), ("which-are-removed", "multiple"),
                                               ("answer-on-weekdays", "true-false")])
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_each_question_type_renders_as_its_golden_snippet(project, update_golden, question_id, kind, language):
    """After an intended change run `scripts/test.sh tests/test_generated_pages.py --update-golden` and review."""
    html = question_html(project, question_id, language)
    golden = GOLDEN / f"question-{kind}.{language}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run with --update-golden"
    assert html == golden.read_text(encoding="utf-8")


def test_html_in_a_question_stays_text(project):
    html = question_html(project, "racist-comment", "fi")
    assert "&lt;b&gt;näkyviin&lt;/b&gt;" in html and "<b>" not in html
    assert "<strong>rasistinen</strong>" in html


def test_every_link_of_a_generated_body_is_a_token_for_a_known_rule(project):
    for rendered in project.rendered.values():
        for language, body in rendered.body.items():
            for href in re.findall(r'href="([^"]*)"', body):
                assert href.startswith((LINK_SCHEME, "mailto:", "https://", "#")), (rendered.page.path, href)
                if href.startswith(LINK_SCHEME):
                    page, _, anchor = href.removeprefix(LINK_SCHEME).partition("#")
                    target = project.docs.page(language, page)
                    assert target or page in project.rendered, href
                    assert not anchor or anchor in target.rules, href


def test_a_generated_title_stays_text_in_markdown(project):
    page = project.rendered["quizzes/moderation.md"].page
    evil = "[x](javascript:alert(1)) <b>b</b> *em* {#id} & ## no"
    converter = markdown.Markdown(extensions=["attr_list", "toc"])
    heading = page.markdown(project, "fi").split("\n# ", 1)[1].split("\n")[0]
    assert BeautifulSoup(converter.convert("# " + heading), "html.parser").h1.get_text() == \
        project.strings.format("quiz.self_check.title", "fi", chapter="Moderointi")
    from guideline.inline import markdown_text
    shown = BeautifulSoup(converter.reset().convert("# " + markdown_text(evil)), "html.parser").h1
    assert shown.get_text() == evil and not shown.find_all(["a", "b", "em"])


def test_generated_markdown_holds_only_front_matter_title_and_placeholder(project):
    text = project.rendered["quizzes/onboarding.md"].markdown["sv"]
    assert text.startswith("---\n") and text.rstrip().endswith(BODY)
    assert "\n# Introduktionstest\n" in text


def test_json_schemas_are_generated_from_the_validator():
    """The schemas editors use are the validator's own; regenerate with `.venv/bin/python -m guideline.schema`."""
    for name, text in schema_texts().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, f"{name} is stale"
    for path in list((ROOT / "quizzes").rglob("*.yml")) + [ROOT / "organization.yml"]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        assert (path.parent / first.split("=", 1)[1]).resolve().exists(), path
