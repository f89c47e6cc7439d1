"""What the templates show, as small dataclasses built from the validated source in one language.

Texts arrive as Markup from guideline.inline (inline Markdown, any HTML escaped); links are tokens that name a
page and an anchor (`guideline-link:interaction.md#respond-quickly`), which the adapter resolves into relative
URLs from MkDocs' own files once they exist.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from markupsafe import Markup

from guideline.docs import Docs
from guideline.inline import render_inline
from guideline.models import TrueFalseQuestion
from guideline.strings import UiStrings

LINK_SCHEME = "guideline-link:"


def link(page: str, anchor: str = "") -> str:
    """A link to a page of the same language, resolved later by the adapter."""
    return f"{LINK_SCHEME}{page}" + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class OptionView:
    value: str
    label: Markup
    correct: bool
    feedback: Markup


@dataclass(frozen=True)
class QuestionView:
    id: str
    type: str
    input: str  # radio or checkbox
    number: int
    chapter: str
    text: Markup
    options: tuple[OptionView, ...]
    explanation: Markup
    see_url: str
    see_title: str


@dataclass(frozen=True)
class QuizView:
    id: str
    mode: str  # self-check or onboarding
    version: str
    questions: tuple[QuestionView, ...]
    chapter_url: str = ""
    chapter_title: str = ""
    draw: int = 0
    per_chapter: int = 0
    pass_mark: int = 0
    pool: int = 0


@dataclass(frozen=True)
class ChapterEntry:
    url: str
    title: str
    count: int


@dataclass(frozen=True)
class PosterItem:
    id: str
    number: int
    text: Markup
    see_url: str
    see_title: str


@dataclass(frozen=True)
class PosterGroup:
    id: str
    title: Markup
    entries: tuple[PosterItem, ...]


def content_versions(chapters: dict[str, list], settings: dict | None) -> tuple[dict[str, str], str]:
    """The content version of each chapter's self-check and of the onboarding quiz: a short fingerprint of a quiz's
    questions and settings (saved answers are kept only while it stays the same). Each is the hash of
    json.dumps([[question, ...], settings], sort_keys=True), written out from each question's own JSON: a chapter's
    questions without settings, and the whole pool, the chapters' questions in turn, with the onboarding settings.
    Made in one pass: each question's JSON is made once and not kept (at 2,000 questions the JSON of every question
    took 7 MB for the whole build)."""
    pool = hashlib.sha256(b"[[")
    versions, first = {}, True
    for chapter, questions in chapters.items():
        own = hashlib.sha256(b"[[")
        for index, question in enumerate(questions):
            made = _question_json(question).encode("utf-8")
            own.update(b", " + made if index else made)
            pool.update(made if first else b", " + made)
            first = False
        own.update(f"], {json.dumps(None)}]".encode("utf-8"))
        versions[chapter] = own.hexdigest()[:12]
    pool.update(f"], {json.dumps(settings, sort_keys=True)}]".encode("utf-8"))
    return versions, pool.hexdigest()[:12]


def _question_json(question) -> str:
    return json.dumps(question.model_dump(mode="json"), sort_keys=True)


def question_view(question, number: int, chapter: str, docs: Docs, strings: UiStrings, language: str) -> QuestionView:
    """One question in one language, its options in the source's order."""
    if isinstance(question, TrueFalseQuestion):
        options = (
            OptionView("true", Markup.escape(strings.get("quiz.true", language)), question.answer is True,
                       render_inline(question.feedback.if_true[language])),
            OptionView("false", Markup.escape(strings.get("quiz.false", language)), question.answer is False,
                       render_inline(question.feedback.if_false[language])),
        )
    else:
        options = tuple(OptionView(str(index + 1), render_inline(option.text[language]), option.correct,
                                   render_inline(option.feedback[language]))
                        for index, option in enumerate(question.options))
    page, anchor = question.see.split("#", 1)
    return QuestionView(
        id=question.id, type=question.type, input="checkbox" if question.type == "multiple" else "radio",
        number=number, chapter=chapter, text=render_inline(question.question[language]), options=options,
        explanation=render_inline(question.explanation[language]), see_url=link(page, anchor),
        see_title=docs.page(language, page).rules[anchor],
    )
