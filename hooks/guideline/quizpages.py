"""The pages generated from the quiz source, in one language: chapter self-checks, onboarding, index, poster.

Pure functions from a validated QuizSource to Markdown text (a title and one HTML block from the templates);
the hook turns them into MkDocs files. Links are relative between pages of the same language, so the same
function serves every language.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass

from guideline.inline import render_inline
from guideline.problems import Problem
from guideline.qr import qr_svg_data_uri
from guideline.quizsource import QuizSource, TrueFalseQuestion
from guideline.strings import load_ui_strings
from guideline.templates import render_macro

QUIZ_DIR = "quizzes"
INDEX_PAGE = f"{QUIZ_DIR}/index.md"
ONBOARDING_PAGE = f"{QUIZ_DIR}/onboarding.md"
POSTER_PAGE = "poster.md"


@dataclass(frozen=True)
class GeneratedPage:
    """A page to add to the site: its path inside a language folder and its Markdown."""

    path: str
    markdown: str


def page_conflicts(source: QuizSource, docs_dir: str = "docs") -> list[Problem]:
    """Written pages that stand where pages are generated (poster.md, quizzes/...): one would hide the other."""
    return [Problem(file=f"{docs_dir}/{language}/{page}", key="error.page_conflict")
            for page, titles in sorted(source.page_titles.items())
            if page == POSTER_PAGE or page.startswith(f"{QUIZ_DIR}/") for language in titles or ("fi",)]


def chapter_quiz_page(chapter: str) -> str:
    """quizzes/interaction.md for the chapter interaction.md."""
    return f"{QUIZ_DIR}/{chapter}"


def page_url(path: str) -> str:
    """The directory URL of a page inside its language: index.md -> "", quizzes/x.md -> quizzes/x/."""
    stem = path[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one generated or written page to another in the same language."""
    start, target = page_url(from_page) or ".", page_url(to_page) or "."
    relative = posixpath.relpath(target, start)
    relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{anchor}" if anchor else "")


def content_version(questions: list, settings: dict | None = None) -> str:
    """A short fingerprint of a quiz's questions and settings: saved answers are kept only while it holds."""
    payload = json.dumps([[question.model_dump(mode="json") for question in questions], settings], sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def _question_view(question, number: int, chapter: str, from_page: str, source: QuizSource, language: str) -> dict:
    strings = load_ui_strings()
    if isinstance(question, TrueFalseQuestion):
        options = [
            {"value": "true", "label": strings.get("quiz.true", language), "correct": question.answer is True,
             "feedback": render_inline(question.feedback.if_true.model_dump()[language])},
            {"value": "false", "label": strings.get("quiz.false", language), "correct": question.answer is False,
             "feedback": render_inline(question.feedback.if_false.model_dump()[language])},
        ]
    else:
        options = [{"value": str(index + 1), "label": render_inline(getattr(option.text, language)),
                    "correct": option.correct, "feedback": render_inline(getattr(option.feedback, language))}
                   for index, option in enumerate(question.options)]
    rule = source.rules[question.see]
    page, anchor = question.see.split("#", 1)
    return {
        "id": question.id,
        "type": question.type,
        "input": "checkbox" if question.type == "multiple" else "radio",
        "number": number,
        "chapter": chapter,
        "text": render_inline(getattr(question.question, language)),
        "options": options,
        "explanation": render_inline(getattr(question.explanation, language)),
        "see_url": link(from_page, page, anchor),
        "see_title": rule.titles[language],
    }


def _quiz_view(quiz_id: str, mode: str, questions: list[tuple[str, object]], from_page: str, source: QuizSource,
               language: str, settings: dict | None = None, **extra) -> dict:
    return {
        "id": quiz_id,
        "mode": mode,
        "version": content_version([question for _, question in questions], settings),
        "questions": [_question_view(question, number, chapter, from_page, source, language)
                      for number, (chapter, question) in enumerate(questions, start=1)],
        **extra,
    }


def _render(macro: str, **context) -> str:
    return render_macro("quiz.html", macro, **context)


def _page(path: str, title: str, body: str, kind: str) -> GeneratedPage:
    """A generated page: front matter telling the template which styles it needs, the title, the body."""
    return GeneratedPage(path, f"---\ngenerated: {kind}\n---\n\n# {title}\n\n{body}\n")


def chapter_title(source: QuizSource, chapter: str, language: str) -> str:
    return source.page_titles[chapter][language]


def generate_pages(source: QuizSource, language: str, organization, site_url: str) -> list[GeneratedPage]:
    """Every generated page of one language; the poster shows the organization and the site's address."""
    strings = load_ui_strings()
    chapters = source.questions_by_chapter()
    pages = []
    for chapter, questions in chapters.items():
        path = chapter_quiz_page(chapter)
        quiz = _quiz_view(chapter[:-3], "self-check", [(chapter, question) for question in questions], path, source,
                          language, chapter_url=link(path, chapter), chapter_title=chapter_title(source, chapter, language))
        title = strings.format("quiz.self_check.title", language, chapter=chapter_title(source, chapter, language))
        pages.append(_page(path, title, _render("quiz_page", quiz=quiz, lang=language, org=organization), "quiz"))

    settings = source.settings.onboarding
    pool = [(chapter, question) for chapter, questions in chapters.items() for question in questions]
    onboarding = _quiz_view("onboarding", "onboarding", pool, ONBOARDING_PAGE, source, language,
                            settings=settings.model_dump(), draw=settings.questions, per_chapter=settings.per_chapter,
                            pass_mark=settings.pass_mark, pool=len(pool))
    pages.append(_page(ONBOARDING_PAGE, strings.get("quiz.onboarding.title", language),
                       _render("quiz_page", quiz=onboarding, lang=language, org=organization), "quiz"))

    listing = [{"url": link(INDEX_PAGE, chapter_quiz_page(chapter)), "title": chapter_title(source, chapter, language),
                "count": len(questions)} for chapter, questions in chapters.items()]
    pages.append(_page(INDEX_PAGE, strings.get("quiz.index.title", language),
                       _render("quiz_index", chapters=listing, onboarding_url=link(INDEX_PAGE, ONBOARDING_PAGE),
                               settings=settings, lang=language), "quiz-index"))

    pages.append(poster_page(source, language, organization, site_url))
    return pages


def guideline_address(site_url: str, language: str, default: str = "fi") -> str:
    """The address of the guideline's start page in a language: the site root, or its language folder."""
    root = site_url.rstrip("/") + "/"
    return root if language == default else f"{root}{language}/"


def poster_page(source: QuizSource, language: str, organization, site_url: str) -> GeneratedPage:
    """The administrator's wall poster (huoneentaulu): one A4 page when printed."""
    strings = load_ui_strings()
    groups = []
    number = 0
    for group in source.checklist.model.groups:
        items = []
        for item in group.items:
            number += 1
            page, anchor = item.see.split("#", 1)
            items.append({"id": item.id, "number": number, "text": render_inline(getattr(item.text, language)),
                          "see_url": link(POSTER_PAGE, page, anchor),
                          "see_title": source.rules[item.see].titles[language]})
        groups.append({"id": group.id, "title": render_inline(getattr(group.title, language)), "entries": items})
    address = guideline_address(site_url, language)
    body = render_macro("poster.html", "poster", groups=groups, lang=language, org=organization, address=address,
                        qr=qr_svg_data_uri(address))
    return _page(POSTER_PAGE, strings.get("poster.title", language), body, "poster")


def chapter_link_html(source: QuizSource, chapter: str, language: str) -> str | None:
    """The box at the end of a chapter that leads to its self-check, or None for a chapter without questions."""
    questions = source.questions_by_chapter().get(chapter)
    if not questions:
        return None
    return _render("chapter_link", url=link(chapter, chapter_quiz_page(chapter)), count=len(questions), lang=language)
