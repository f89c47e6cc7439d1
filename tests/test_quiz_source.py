"""Validation of the quiz source: one bad input per check, each message naming the file, the place and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guideline.inline import render_inline
from guideline.problems import ProblemsFound
from sitetools import ROOT, check_source

pytestmark = pytest.mark.unit

FIXTURE = Path(__file__).parent / "fixtures" / "source"
QUESTIONS = "quizzes/questions/moderation.yml"


def load(tmp_path: Path, edits: dict[str, tuple[str, str]] | None = None, files: dict[str, str] | None = None):
    """Load a copy of the fixture source after replacing text in its files or adding files."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    for name, (old, new) in (edits or {}).items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fixture no longer contains {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, text in (files or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return check_source(root)


def report(source) -> str:
    return ProblemsFound(source.problems).report()


def only_problem(source):
    assert len(source.problems) == 1, report(source)
    return source.problems[0]


def test_the_fixture_is_valid(tmp_path):
    assert load(tmp_path).problems == []


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("    type: multiple\n", "    type: multiple\n   bad: [\n")})
    problem = only_problem(source)
    assert (problem.file, problem.key) == (QUESTIONS, "error.yaml_syntax")
    assert problem.line == 20
    assert "quizzes/questions/moderation.yml, rivi 20 / rad 20" in report(source)


def test_unknown_key_is_reported_as_a_probable_typo(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("    explanation: {fi: Poista", "    explenation: {fi: Poista")})
    keys = {(problem.key, problem.path, problem.line) for problem in source.problems}
    assert ("error.unknown_field", "questions[1].explenation", 16) in keys
    assert ("error.missing_field", "questions[1].explanation", 4) in keys
    assert "Tuntematon kenttä explenation" in report(source) and "Okänt fält explenation" in report(source)


def test_missing_swedish_text(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("      sv: En kommentar innehåller en **rasistisk** förolämpning. Vad gör du?\n", "")})
    problem = only_problem(source)
    assert (problem.key, problem.path, problem.line) == ("error.missing_field", "questions[1].question.sv", 6)
    assert "Kenttä sv puuttuu" in report(source)


def test_empty_finnish_text(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("feedback: {fi: Juuri niin., sv:", "feedback: {fi: '  ', sv:")})
    problem = only_problem(source)
    assert (problem.key, problem.path, problem.line) == ("error.empty_text", "questions[1].options[1].feedback.fi", 12)


def test_unknown_question_type(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("type: multiple", "type: multi")})
    problem = only_problem(source)
    assert (problem.key, problem.path, problem.line) == ("error.not_one_of", "questions[2].type", 19)
    assert "multi" in report(source) and "true-false" in report(source)


def test_duplicate_id_across_files_names_both_places(tmp_path):
    copy = (FIXTURE / QUESTIONS).read_text(encoding="utf-8").replace("id: which-are-removed", "id: other-1")
    copy = copy.replace("id: answer-on-weekdays", "id: other-2")
    source = load(tmp_path, files={"quizzes/questions/more.yml": copy})
    problem = only_problem(source)
    assert problem.key == "error.duplicate_id" and problem.params["id"] == "racist-comment"
    assert {problem.file, problem.params["other"].split(",")[0]} == {QUESTIONS, "quizzes/questions/more.yml"}
    assert problem.line == 4 and problem.params["other"].endswith(", 4")


def test_duplicate_id_between_question_and_checklist(tmp_path):
    source = load(tmp_path, {"quizzes/checklist.yml": ("id: answer-fast", "id: racist-comment")})
    assert only_problem(source).key == "error.duplicate_id"


def test_single_choice_needs_exactly_one_correct(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("        correct: false\n        feedback: {fi: Laiton",
                                         "        correct: true\n        feedback: {fi: Laiton")})
    problem = only_problem(source)
    assert (problem.key, problem.path, problem.params["count"]) == ("error.single_needs_one_correct", "questions[1]", 2)
    assert problem.line == 4


def test_multiple_choice_needs_a_correct_option(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("        correct: true\n        feedback: {fi: Kaupallinen",
                                         "        correct: false\n        feedback: {fi: Kaupallinen")})
    problem = only_problem(source)
    assert (problem.key, problem.path) == ("error.multiple_needs_a_correct", "questions[2]")


def test_see_to_a_missing_page(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("see: moderation.md#respond-quickly", "see: moderaton.md#respond-quickly")})
    problem = only_problem(source)
    assert (problem.key, problem.path, problem.line) == ("error.see_page_missing", "questions[3].see", 38)
    assert "moderation.md" in problem.params["suggestions"]


def test_see_to_an_anchor_missing_in_one_language(tmp_path):
    source = load(tmp_path, {"docs/sv/moderation.md": ("{#respond-quickly}", "{#answer-quickly}")})
    places = {(problem.key, problem.file, problem.path, problem.line) for problem in source.problems}
    assert places == {("error.see_anchor_missing", QUESTIONS, "questions[3].see", 38),
                      ("error.see_anchor_missing", "quizzes/checklist.yml", "groups[1].items[2].see", 11),
                      ("error.anchor_in_one_language", "docs/fi/moderation.md", "", 7),
                      ("error.anchor_in_one_language", "docs/sv/moderation.md", "", 7)}
    assert all(problem.params["languages"] == "sv" for problem in source.problems if problem.file.startswith("q"))


def test_see_with_a_malformed_target(tmp_path):
    source = load(tmp_path, {"quizzes/checklist.yml": ("see: moderation.md#respond-quickly", "see: moderation#respond")})
    problem = only_problem(source)
    assert (problem.key, problem.path) == ("error.bad_see", "groups[1].items[2].see")


def test_block_markdown_in_a_text(tmp_path):
    source = load(tmp_path, {"quizzes/checklist.yml": ("text: {fi: Vastaa arkisin 8–16.", "text: {fi: '- Vastaa arkisin 8–16.'")})
    problem = only_problem(source)
    assert (problem.key, problem.path) == ("error.inline_markdown_only", "groups[1].items[2].text.fi")


def test_onboarding_cannot_draw_more_than_the_pool(tmp_path):
    source = load(tmp_path, {"quizzes/settings.yml": ("questions: 2", "questions: 5")})
    problem = only_problem(source)
    assert (problem.key, problem.file, problem.params["pool"]) == ("error.onboarding_pool_too_small",
                                                                   "quizzes/settings.yml", 3)


def test_every_problem_is_reported_at_once(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("type: multiple", "type: multi"),
                             "quizzes/checklist.yml": ("text: {fi: Vastaa arkisin 8–16., sv: Svara vardagar 8–16.}",
                                                       "text: {fi: Vastaa arkisin 8–16.}")})
    assert {problem.file for problem in source.problems} == {QUESTIONS, "quizzes/checklist.yml"}


def test_html_in_a_text_is_shown_as_text():
    html = render_inline('Jätät sen <b>näkyviin</b> <script>alert(1)</script> [x](javascript:alert(1))')
    assert "<b>" not in html and "<script>" not in html and "href" not in html
    assert "&lt;b&gt;näkyviin&lt;/b&gt;" in html


def test_the_real_source_is_valid():
    source = check_source(ROOT)
    assert source.problems == [], report(source)


def test_a_file_that_is_a_list_not_fields(tmp_path):
    source = load(tmp_path, files={"quizzes/questions/moderation.yml": "- just\n- a list\n"})
    problem = only_problem(source)
    assert (problem.key, problem.file) == ("error.file_not_mapping", QUESTIONS)


def test_a_self_referencing_alias_is_reported_not_a_crash(tmp_path):
    source = load(tmp_path, files={"quizzes/questions/moderation.yml": "chapter: moderation.md\nquestions: &a [*a]\n"})
    assert [(problem.file, problem.key, problem.line) for problem in source.problems] == [
        (QUESTIONS, "error.yaml_alias", 2)]


def test_a_chapter_that_would_replace_a_generated_page(tmp_path):
    source = load(tmp_path, {QUESTIONS: ("chapter: moderation.md", "chapter: index.md")},
                  files={"docs/fi/index.md": "# Etusivu\n", "docs/sv/index.md": "# Startsida\n"})
    assert [problem.key for problem in source.problems if problem.file == QUESTIONS] == ["error.chapter_reserved"]


def test_a_chapter_without_a_title_in_one_language(tmp_path):
    """The page is named (the title is missing there), not the quiz that takes its title from it."""
    source = load(tmp_path, {"docs/sv/moderation.md": ("# Moderering\n", "")})
    problem = only_problem(source)
    assert (problem.key, problem.file, problem.line) == ("error.page_without_title", "docs/sv/moderation.md", 1)


def test_a_written_page_where_the_poster_is_generated(tmp_path):
    source = load(tmp_path, files={"docs/fi/poster.md": "# Juliste\n", "docs/sv/poster.md": "# Affisch\n"})
    assert [(problem.file, problem.key) for problem in source.problems] == [
        ("docs/fi/poster.md", "error.page_conflict"), ("docs/sv/poster.md", "error.page_conflict")]


def test_onboarding_problems_point_to_their_line(tmp_path):
    source = load(tmp_path, {"quizzes/settings.yml": ("questions: 2", "questions: 5")})
    assert only_problem(source).line == 2
