"""The pages generated from the sources: what they are, their Markdown (a title and a placeholder), their body.

A generated page's Markdown holds only its front matter, its title (escaped, so no text becomes Markdown) and
a placeholder. The body, HTML from our templates, is put in place of the placeholder after Markdown, so it is
never parsed as Markdown; bodies that would repeat the rules in search (quizzes, the poster) are put in after
the search index has read the page, so searching finds the rule and the quiz by its title.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import yaml

from guideline.exports.page import LMS_PAGE, lms_page_body, lms_title, onboarding_note
from guideline.inline import markdown_text
from guideline.languages import LANGUAGES
from guideline.poster import POSTER_PAGE, poster_body
from guideline.quizpages import (INDEX_PAGE, ONBOARDING_PAGE, index_body, onboarding_body, self_check_body,
                                 self_check_page, self_check_title)
from guideline.templates import templates_fingerprint

BODY = "<!-- guideline:body -->"
CHAPTER_LINK = "<!-- guideline:self-check-link -->"


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the sources: its path inside a language folder, the styles and scripts it needs (kind),
    whether search reads its body, and how its title and body are made in a language (a body may be made in
    parts: Bodies)."""

    path: str
    kind: str
    searchable: bool
    title: Callable[[object, str], str]
    body: Callable[[object, str], str]
    search_boost: float | None = None
    chapter: str | None = None  # a self-check's chapter: its questions are all of the pool it is made from

    def markdown(self, project, language: str) -> str:
        meta = {"generated": self.kind}
        if self.search_boost is not None:
            meta["search"] = {"boost": self.search_boost}
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
        return f"---\n{front}---\n\n# {markdown_text(self.title(project, language))}\n\n{BODY}\n"


def generated_paths(quizzes) -> set[str]:
    """The paths of the generated pages: the quiz index, the onboarding quiz, the poster, the administrators' page
    of the learning-platform files, and a self-check for each chapter that has questions (quizzes/interaction.md
    for interaction.md)."""
    chapters = {file.model.chapter for file in quizzes.question_files}
    return {INDEX_PAGE, ONBOARDING_PAGE, POSTER_PAGE, LMS_PAGE} | {self_check_page(chapter) for chapter in chapters}


# Search weights of the generated pages (Material's `search: boost:`). The quizzes and the poster restate the rules
# and are found by their titles only (their bodies go in after search has read them); a quiz's title names its
# chapter ("Itsearviointi: Tietoturva"), so it weighs less than the chapter. The quiz index and the page for
# learning-platform administrators describe the site, not a rule.
SELF_CHECK_BOOST = 0.3
ONBOARDING_BOOST = 0.5
POSTER_BOOST = 0.3
QUIZ_INDEX_BOOST = 0.2
LMS_BOOST = 0.1


def generated_pages(project) -> list[GeneratedPage]:
    """Every generated page of a valid project."""
    pages = [GeneratedPage(INDEX_PAGE, "quiz-index", True, _title("quiz.index.title"), index_body,
                           QUIZ_INDEX_BOOST)]
    pages.append(GeneratedPage(ONBOARDING_PAGE, "quiz", False, _title("quiz.onboarding.title"),
                               lambda project, language: (_shared_onboarding_packed(project, language),
                                                          "\n" + onboarding_note(project, language)),
                               ONBOARDING_BOOST))
    for chapter in project.chapters():
        pages.append(GeneratedPage(
            self_check_page(chapter), "quiz", False,
            lambda project, language, chapter=chapter: self_check_title(project, chapter, language),
            lambda project, language, chapter=chapter: self_check_body(project, chapter, language),
            SELF_CHECK_BOOST, chapter))
    pages.append(GeneratedPage(POSTER_PAGE, "poster", False, _title("poster.title"), poster_body, POSTER_BOOST))
    pages.append(GeneratedPage(LMS_PAGE, "lms", True, lms_title, lms_page_body, LMS_BOOST))
    return pages


def shared_onboarding_body(project, language: str) -> str:
    """The onboarding quiz of a language, made once for the site's page and the SCORM package alike (kept as
    UTF-8, as Bodies keeps a page's body)."""
    return _text(_shared_onboarding_packed(project, language))


def _shared_onboarding_packed(project, language: str) -> bytes:
    return project.once(("onboarding_body", language), lambda: _pack(onboarding_body(project, language)))


def _title(key: str) -> Callable[[object, str], str]:
    return lambda project, language: project.strings.get(key, language)


class Bodies(Mapping):
    """A generated page's body in each language, kept packed (UTF-8, deflated) until a build takes it: a text
    with one character beyond Latin-1 (” – ’) takes two bytes a character as a str, and the quizzes repeat their
    markup (at 2,000 questions the bodies of both languages are 48 MB as str, 25 MB as UTF-8, 3 MB so; packing
    them takes about 0.1 s)."""

    def __init__(self, texts: Iterable[tuple[str, str | tuple]]):
        """texts: (language, body) pairs, each encoded as it comes (a generator need not hold two at once); a body
        may be given in parts, str or packed bytes (the onboarding page shares its quiz with the SCORM package)."""
        self._utf8 = {language: tuple(part if isinstance(part, bytes) else _pack(part) for part in text)
                      if isinstance(text, tuple) else _pack(text) for language, text in texts}

    def __getitem__(self, language: str) -> str:
        return _text(self._utf8[language])

    def __iter__(self) -> Iterator[str]:
        return iter(self._utf8)

    def __len__(self) -> int:
        return len(self._utf8)

    keep = False  # `mkdocs serve`: kept for the next rebuild, which may reuse the page (render_all)

    def pop(self, language: str) -> str:
        """The body of a language, which is then no longer kept (unless keep)."""
        return _text(self._utf8[language] if self.keep else self._utf8.pop(language))


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode(), 1)


def _text(packed: bytes | tuple[bytes, ...]) -> str:
    return "".join(zlib.decompress(part).decode() for part in (packed if isinstance(packed, tuple) else (packed,)))


@dataclass(frozen=True)
class RenderedPage:
    """A generated page made in every language: Markdown, and the body with its link tokens."""

    page: GeneratedPage
    markdown: dict[str, str]
    body: Bodies
    made_from: tuple = field(default=(), compare=False)  # what it was made from (made_from), for reuse


def render_all(project, previous: dict[str, RenderedPage] | None = None) -> dict[str, RenderedPage]:
    """Every generated page in every language, made before anything is built, so a text that cannot be made
    stops the build with a message instead of a traceback halfway. A page of previous (the last project's, in
    `mkdocs serve`) that was made from the same inputs and still has its bodies is reused: a saved page or
    question remakes only the pages made from it."""
    inputs, made = render_inputs(project), {}
    pool = tuple(question for questions in project.chapters().values() for question in questions)
    for page in generated_pages(project):
        made_from = (inputs, tuple(project.chapters()[page.chapter]) if page.chapter else pool)
        old = (previous or {}).get(page.path)
        if old is not None and len(old.body) == len(LANGUAGES) and old.made_from == made_from:
            made[page.path] = old
            continue
        made[page.path] = RenderedPage(page, {language: page.markdown(project, language) for language in LANGUAGES},
                                       Bodies((language, page.body(project, language)) for language in LANGUAGES),
                                       made_from)
    return made


def render_inputs(project) -> tuple:
    """Everything the generated pages and the exports are made from but the questions: the string table, the
    organization, the quiz settings and checklist, the chapters in order, site_url, our templates, and of the
    written pages only their titles and rule headings (a question links a rule by its heading). Compared by
    value (a question file not saved again gives the same objects: guideline.quizsource)."""
    quizzes = project.quizzes
    docs = tuple((language, path, page.title, tuple(page.rules.items()))
                 for language, pages in sorted(project.docs.pages.items()) for path, page in sorted(pages.items()))
    return (project.strings, project.organization, quizzes.settings.model if quizzes.settings else None,
            quizzes.checklist.model if quizzes.checklist else None, tuple(project.chapters()), project.site_url,
            templates_fingerprint(), docs)
