"""The quiz pages in one language: a self-check per chapter, the onboarding quiz, the quiz index, and the box that
ends each chapter with a link to its self-check. Pure functions from the validated project to HTML."""

from __future__ import annotations

import hashlib
import json
import weakref
import zlib
from collections.abc import Iterator, Mapping

from markupsafe import Markup

from guideline.kept import KEPT
from guideline.templates import render_macro
from guideline.views import ChapterEntry, QuizView, content_versions, link, question_view

QUIZ_DIR = "quizzes"
INDEX_PAGE = f"{QUIZ_DIR}/index.md"
ONBOARDING_PAGE = f"{QUIZ_DIR}/onboarding.md"
# The onboarding quiz's questions, one file each, beside its page (quizzes/onboarding/questions/<id>.html in the
# site, questions/<id>.html in the SCORM package): the page carries only the pool's index, and the browser fetches
# the questions it draws. A path relative to the page, and in the same folder of the site as the page.
FRAGMENT_DIR = "questions/"


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
        id=chapter[:-3].replace("/", "-"), mode="self-check", version=_versions(project)[0][chapter],
        questions=tuple(question_view(question, number, chapter, project.docs, project.strings, language)
                        for number, question in enumerate(questions, start=1)),
        chapter_url=link(chapter), chapter_title=project.docs.page(language, chapter).title)
    return _render("quiz_page", project, quiz=quiz, lang=language, org=project.organization)


def _onboarding_quiz(project) -> QuizView:
    """The onboarding quiz's settings and content version (its questions are in their own files)."""
    settings = project.quizzes.settings.model.onboarding
    return project.once(("onboarding_quiz",), lambda: QuizView(
        id="onboarding", mode="onboarding", version=_versions(project)[1],
        questions=(), draw=settings.questions, per_chapter=settings.per_chapter,
        pass_mark=settings.pass_mark, pool=len(_pool(project))))


def _versions(project) -> tuple[dict[str, str], str]:
    """The content version of each chapter's self-check and of the onboarding quiz, made together once."""
    return project.once(("content_versions",), lambda: content_versions(
        project.chapters(), project.quizzes.settings.model.onboarding.model_dump()))


def _pool(project) -> list[tuple[str, object]]:
    return [(chapter, question) for chapter, questions in project.chapters().items() for question in questions]


def onboarding_body(project, language: str) -> str:
    """The onboarding quiz: its settings and the index of the whole pool (each question's id, chapter, type and
    option values: what the draw and the check of saved progress need), of which the browser draws one attempt and
    fetches its questions (onboarding_fragments). Without JavaScript it links every chapter's self-check, which
    holds the same questions with their answers."""
    chapters = list(project.chapters())
    index = {"chapters": chapters,
             "questions": [[question.id, chapters.index(chapter), question.type, _values(question)]
                           for chapter, question in _pool(project)]}
    self_checks = tuple(ChapterEntry(link(self_check_page(chapter)), project.docs.page(language, chapter).title,
                                     len(questions)) for chapter, questions in project.chapters().items())
    return _render("quiz_page", project, quiz=_onboarding_quiz(project), lang=language, org=project.organization,
                   pool_index=Markup(_script_json(index)), fragments=FRAGMENT_DIR, self_checks=self_checks,
                   fragments_version=fragments_version(shared_onboarding_fragments(project, language)))


def fragments_version(fragments: Mapping[str, str]) -> str:
    """A fingerprint of the question files as written (texts, strings, templates, rule titles): in their addresses,
    so that a browser or a cache never serves a question file of another version of the site. The quiz's content
    version stays what saved progress is checked against: a new wording keeps a reader's answers."""
    digest = hashlib.sha256()
    for path in sorted(fragments):
        text = fragments.utf8(path) if isinstance(fragments, PackedTexts) else fragments[path].encode("utf-8")
        digest.update(path.encode("utf-8") + b"\0" + text + b"\0")
    return digest.hexdigest()[:12]


def _values(question) -> list[str]:
    """The values of a question's inputs, as the template gives them (views.question_view)."""
    return ["true", "false"] if question.type == "true-false" else [str(n) for n in range(1, len(question.options) + 1)]


def _script_json(value) -> str:
    """JSON to sit inside <script type="application/json">: no "</" or "<!--" can end or change the element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


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


# The question files of the last project, by language: made once for the site's language builds and the SCORM
# packages alike. Not kept by project.once, which the exports clear after the first language's build, before the
# second language's build publishes its files; let go of with the project. Under `mkdocs serve` a question file is
# taken from the last rebuild as the exports' pieces are (guideline.kept).
_fragments: tuple[weakref.ref, dict[str, Mapping[str, str]]] | None = None


def shared_onboarding_fragments(project, language: str) -> Mapping[str, str]:
    """The onboarding quiz's question files of a language, made once for the site and the SCORM package alike."""
    global _fragments
    if _fragments is None or _fragments[0]() is not project:
        _fragments = (weakref.ref(project), {})
    made = _fragments[1]
    if language not in made:
        made[language] = onboarding_fragments(project, language)
    return made[language]


def onboarding_fragments(project, language: str) -> Mapping[str, str]:
    """Each question of the onboarding pool as the page showed it before (the same macro), by its file's path
    relative to the page: questions/<id>.html. Link tokens are left for the site or the package to resolve. Under
    `mkdocs serve` a file of the last rebuild's is taken again where it is made from equal inputs (guideline.kept)."""
    quiz = _onboarding_quiz(project)

    def make(number: int, chapter: str, question) -> bytes:
        return zlib.compress(_render("question_file", project, q=question_view(
            question, number, chapter, project.docs, project.strings, language), quiz=quiz, lang=language).encode()
            + b"\n", 1)

    return PackedTexts({f"{FRAGMENT_DIR}{question.id}.html": packed
                        for _, _, question, packed in KEPT.pieces(project, ("onboarding", language), make)})


class PackedTexts(Mapping):
    """Texts by path, each kept as deflated UTF-8 until it is read: the question files of a language are kept for
    the whole build (the site's language builds and the SCORM packages read them), and at 2,000 questions they
    were 16 MB as str for both languages, 5 MB so."""

    def __init__(self, packed: dict[str, bytes]):
        self._packed = packed

    def __getitem__(self, path: str) -> str:
        return self.utf8(path).decode()

    def utf8(self, path: str) -> bytes:
        return zlib.decompress(self._packed[path])

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)
