"""The whole question pool as GIFT, Moodle's text format for question banks: one file per language.

Every text is HTML (marked [html], so Moodle neither runs Markdown over it nor lets a source text become markup:
guideline.inline has escaped any HTML in it), and every character GIFT gives a meaning (~ = # { } : and the
backslash) is escaped with a backslash, also inside HTML attributes. Options, per-option feedback and the
general feedback keep the order and the grades of the source (pool.grades)."""

from __future__ import annotations

import re
from typing import Iterator

from guideline.exports.pool import PoolQuestion, pooled
from guideline.kept import KEPT

SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """Text that GIFT reads back exactly: each special character escaped, line breaks as spaces (a blank line
    would end the question; in HTML a line break and a space are the same)."""
    return SPECIAL.sub(r"\\\1", re.sub(r"\s*\n\s*", " ", text))


def html(text) -> str:
    return "[html]" + escape(str(text))


def gift(project, language: str) -> str:
    """The GIFT file of one language: a comment, then per chapter a category line and its questions."""
    return "".join(gift_pieces(project, language))


def gift_pieces(project, language: str) -> Iterator[str]:
    """The file in pieces, a question at a time (a pool of thousands need not be one text in memory)."""
    strings, organization = project.strings, project.organization
    yield "// " + " ".join(strings.format("lms.file.comment", language, version=organization.guideline_version).split())
    yield "\n"
    guideline = _category_name(strings.get("print.guideline", language))
    current = None
    for _, chapter, _, piece in KEPT.pieces(project, ("gift", language), lambda number, chapter, question: "\n" + _question(
            pooled(project, language, number, chapter, question)) + "\n"):
        if chapter != current:
            current, title = chapter, _category_name(project.docs.page(language, chapter).title)
            # Moodle reads a category line before it unescapes anything: the name is written as it is.
            yield f"\n$CATEGORY: $course$/top/{guideline}/{title}\n"
        yield piece


def _question(question: PoolQuestion) -> str:
    view = question.view
    head = f"// [id:{view.id}]\n::{escape(view.id)}::{html(view.text)} {{"
    general = f"\t####{html(question.general_feedback)}"
    if question.true_false:
        # GIFT writes the feedback for a wrong answer first, then the one for a right answer.
        right, wrong = (view.options[0], view.options[1]) if view.options[0].correct else (view.options[1], view.options[0])
        word = "TRUE" if view.options[0].correct else "FALSE"
        return "\n".join([head, f"\t{word}#{html(wrong.feedback)}#{html(right.feedback)}", general, "}"])
    answers = []
    for option, grade in zip(view.options, question.grades):
        if view.type == "single":
            mark = "=" if option.correct else "~"
        else:  # no "=" at all: Moodle then lets the learner choose several
            mark = f"~%{grade}%"
        answers.append(f"\t{mark}{html(option.label)}#{html(option.feedback)}")
    return "\n".join([head, *answers, general, "}"])


def _category_name(name: str) -> str:
    return " ".join(name.split()).replace("/", "//")
