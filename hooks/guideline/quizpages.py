"""The quiz pages in one language: a self-check per chapter, the onboarding quiz, the quiz index, and the box that
ends each chapter with a link to its self-check. Pure functions from the validated project to HTML."""

from __future__ import annotations

from guideline.templates import render_macro
from guideline.views import ChapterEntry, QuizView, content_version, link, question_view

QUIZ_DIR = "quizzes"
INDEX_PAGE = f"{QUIZ_DIR}/index.md"
ONBOARDING_PAGE = f"{QUIZ_DIR}/onboarding.md"


def self_check_page(chapter: str) -> str:
    """quizzes/interaction.md for the chapter interaction.md."""
    return f"{QUIZ_DIR}/{chapter}"


def self_check_title(project, chapter: str, language: str) -> str:
    return project.strings.format("quiz.self_check.title", language,
                                  chapter=project.docs.page(language, chapter).title)


def self_check_body(project, chapter: str, language: str) -> str:
    """A chapter's self-check: every question with feedback for each answer."""
    questions = project.chapters()[chapter]
    quiz = QuizView(
        id=chapter[:-3].replace("/", "-"), mode="self-check", version=content_version(questions),
        questions=tuple(question_view(question, number, chapter, project.docs, project.strings, language)
                        for number, question in enumerate(questions, start=1)),
        chapter_url=link(chapter), chapter_title=project.docs.page(language, chapter).title)
    return _render("quiz_page", project, quiz=quiz, lang=language, org=project.organization)


def onboarding_body(project, language: str) -> str:
    """The onboarding quiz: the whole pool, of which the browser draws one attempt."""
    settings = project.quizzes.settings.model.onboarding
    pool = [(chapter, question) for chapter, questions in project.chapters().items() for question in questions]
    quiz = QuizView(
        id="onboarding", mode="onboarding",
        version=content_version([question for _, question in pool], settings.model_dump()),
        questions=tuple(question_view(question, number, chapter, project.docs, project.strings, language)
                        for number, (chapter, question) in enumerate(pool, start=1)),
        draw=settings.questions, per_chapter=settings.per_chapter, pass_mark=settings.pass_mark, pool=len(pool))
    return _render("quiz_page", project, quiz=quiz, lang=language, org=project.organization)


def index_body(project, language: str) -> str:
    """The quiz index: the onboarding quiz, and each chapter's self-check with its number of questions."""
    chapters = tuple(ChapterEntry(link(self_check_page(chapter)), project.docs.page(language, chapter).title,
                                  len(questions)) for chapter, questions in project.chapters().items())
    return _render("quiz_index", project, chapters=chapters, onboarding_url=link(ONBOARDING_PAGE),
                   settings=project.quizzes.settings.model.onboarding, lang=language)


def chapter_link_body(project, chapter: str, language: str) -> str | None:
    """The box at the end of a chapter that leads to its self-check, or None for a chapter without questions."""
    questions = project.chapters().get(chapter)
    if not questions:
        return None
    return _render("chapter_link", project, url=link(self_check_page(chapter)), count=len(questions), lang=language)


def _render(macro: str, project, **context) -> str:
    return render_macro("quiz.html", macro, project.strings, **context)
