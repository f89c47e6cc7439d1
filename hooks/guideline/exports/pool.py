"""The question pool as both question-bank formats need it: every question by chapter, in one language at a time,
its texts as inline HTML (guideline.inline: any HTML in a text is escaped), with Moodle's grades for each option."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from guideline.exports.addresses import page_address
from guideline.kept import KEPT, numbered
from guideline.models import TrueFalseQuestion
from guideline.templates import render_macro
from guideline.views import QuestionView, question_view

# The grades Moodle offers for an answer, in per cent of the question's mark (question_bank::fraction_options);
# an imported grade that is not one of them, or its negative, is refused or rounded by Moodle.
MOODLE_PERCENTS = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25",
                   "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5")


@dataclass(frozen=True)
class PoolQuestion:
    """One question in one language: the view the site shows, and the feedback after answering as HTML."""

    chapter: str
    view: QuestionView
    general_feedback: Markup
    grades: tuple[str, ...]  # per option, in per cent, as Moodle writes them: "100", "-33.33333", "0"

    @property
    def true_false(self) -> bool:
        return self.view.type == "true-false"


def pooled(project, language: str, number: int, chapter: str, question) -> PoolQuestion:
    """The question at number (from 1) of the pool in one language: from the whole pool, made once per language
    for both formats, or under `mkdocs serve` (KEPT.keep) made alone, for a piece that is not kept."""
    if KEPT.keep:
        return pool_question(project, language, number, chapter, question)
    made = project.once(("pool", language), lambda: [pool_question(project, language, *numbered_question)
                                                      for numbered_question in numbered(project)])
    return made[number - 1]


def pool_question(project, language: str, number: int, chapter: str, question) -> PoolQuestion:
    """One question of the pool in one language."""
    view = question_view(question, number, chapter, project.docs, project.strings, language)
    page, anchor = question.see.split("#", 1)
    feedback = render_macro("lms.html", "general_feedback", project.strings, explanation=view.explanation,
                            url=page_address(project.site_url, language, page, anchor),
                            title=view.see_title, lang=language)
    return PoolQuestion(chapter, view, Markup(feedback), grades(question))


def grades(question) -> tuple[str, ...]:
    """Moodle's grade of each option. One right answer gets 100 % and the others 0. With several right answers
    each right one gets an equal share (together 100 %) and each wrong one takes an equal share away (together
    -100 %), so that choosing every option gives 0, as Moodle's multiple-answer questions expect."""
    if isinstance(question, TrueFalseQuestion):
        return ("100", "0") if question.answer else ("0", "100")
    correct = [option.correct for option in question.options]
    if question.type == "single":
        return tuple("100" if right else "0" for right in correct)
    right, wrong = share(correct.count(True)), share(correct.count(False))
    return tuple(right if is_right else f"-{wrong}" for is_right in correct)


def share(count: int) -> str:
    """1/count of the mark as one of Moodle's grades: every count up to ten (the most options a question has)."""
    if count == 0:
        return "0"
    wanted = 100 / count
    grade = min(MOODLE_PERCENTS, key=lambda percent: abs(float(percent) - wanted))
    if abs(float(grade) - wanted) > 1e-4:
        raise ValueError(f"Moodle has no grade of 1/{count}")
    return grade
