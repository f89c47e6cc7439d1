"""The quiz and checklist source in quizzes/: its definitions, loading, and every check made before generation.

One set of pydantic models is both the validator and, through guideline.schema, the JSON Schema that
editors use while one types. Every problem names the file, the line, the field and what was expected.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
from pydantic import Field, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from guideline.inline import inline_markdown_problem
from guideline.problems import Problem
from guideline.validation import (Strict, Texts, line_of, parse_yaml, shown_path, validation_problems,
                                  yaml_syntax_problem)

LANGUAGES = ("fi", "sv")
QUESTIONS_DIR = "questions"
CHECKLIST_FILE = "checklist.yml"
SETTINGS_FILE = "settings.yml"
# Chapters whose self-check would take the place of a generated page (quizzes/index.md, quizzes/onboarding.md).
RESERVED_CHAPTERS = ("index.md", "onboarding.md")

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=60),
               Field(description="A stable id: lowercase letters, digits and hyphens. Never reuse an old id.")]
Page = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_/-]*\.md$"),
                 Field(description="A guideline page, for example interaction.md")]
See = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_/-]*\.md#[a-z][a-z0-9-]*$"),
                Field(description="The page and rule anchor this comes from, for example interaction.md#respond-quickly")]


class Option(Strict):
    """One answer option of a single or multiple choice question."""

    text: Texts
    correct: bool
    feedback: Texts = Field(description="Why this option is right or wrong, shown when it is chosen.")


class ChoiceQuestion(Strict):
    """A question with options: `single` has exactly one correct option, `multiple` at least one."""

    id: Id
    type: Literal["single", "multiple"]
    question: Texts
    options: Annotated[list[Option], Field(min_length=2)]
    explanation: Texts = Field(description="The rule in 1-3 sentences, shown after answering.")
    see: See

    @model_validator(mode="after")
    def correct_options(self) -> "ChoiceQuestion":
        correct = sum(option.correct for option in self.options)
        if self.type == "single" and correct != 1:
            raise PydanticCustomError("single_correct", "single needs one correct option",
                                      {"key": "error.single_needs_one_correct", "count": correct})
        if self.type == "multiple" and correct == 0:
            raise PydanticCustomError("multiple_correct", "multiple needs a correct option",
                                      {"key": "error.multiple_needs_a_correct"})
        return self


class TrueFalseFeedback(Strict):
    """Feedback for a learner who answered true, and for one who answered false."""

    if_true: Texts
    if_false: Texts


class TrueFalseQuestion(Strict):
    """A statement the learner judges true or false."""

    id: Id
    type: Literal["true-false"]
    question: Texts
    answer: bool
    feedback: TrueFalseFeedback
    explanation: Texts
    see: See


Question = Annotated[Union[ChoiceQuestion, TrueFalseQuestion], Field(discriminator="type")]


class QuestionFile(Strict):
    """A file of questions for one guideline chapter."""

    chapter: Page
    questions: Annotated[list[Question], Field(min_length=1)]


class ChecklistItem(Strict):
    """One line of the administrator's wall poster."""

    id: Id
    text: Texts
    see: See


class ChecklistGroup(Strict):
    """A group of poster lines under one title."""

    id: Id
    title: Texts
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class Checklist(Strict):
    """The administrator's wall poster (huoneentaulu)."""

    groups: Annotated[list[ChecklistGroup], Field(min_length=1)]


class OnboardingSettings(Strict):
    """How the onboarding quiz draws its questions and when it is passed."""

    questions: Annotated[int, Field(ge=1, description="How many questions one attempt draws from the pool.")] = 20
    per_chapter: Annotated[int, Field(ge=0, description="At least this many from every chapter.")] = 2
    pass_mark: Annotated[int, Field(ge=1, le=100, description="Per cent of right answers needed to pass.")] = 80


class Settings(Strict):
    """Settings of the quizzes."""

    onboarding: OnboardingSettings = OnboardingSettings()


@dataclass
class SourceFile:
    """A validated source file with the line of every key, for messages about it later."""

    path: str
    lines: dict
    model: Any


@dataclass
class Rule:
    """A rule heading of a guideline page: its anchor and its title in each language."""

    page: str
    anchor: str
    titles: dict[str, str]


@dataclass
class QuizSource:
    """Everything in quizzes/, validated, plus the guideline's rules it points to."""

    question_files: list[SourceFile]
    checklist: SourceFile
    settings: Settings
    rules: dict[str, Rule]
    page_titles: dict[str, dict[str, str]]
    problems: list[Problem] = field(default_factory=list)
    chapter_order: list[str] = field(default_factory=list)

    def questions_by_chapter(self) -> dict[str, list]:
        """Questions by chapter, chapters in the guideline's order (chapter_order), others after them."""
        chapters: dict[str, list] = defaultdict(list)
        for source in self.question_files:
            chapters[source.model.chapter].extend(source.model.questions)
        rank = {page: index for index, page in enumerate(self.chapter_order)}
        return dict(sorted(chapters.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*(?:\{[^}]*#(?P<id>[A-Za-z][\w-]*)[^}]*\})?\s*$")


def not_utf8_problem(shown: str, path: Path, error: UnicodeDecodeError) -> Problem:
    """A file saved in another encoding than UTF-8, with the line of the first character that is not."""
    line = path.read_bytes()[: error.start].count(b"\n") + 1
    return Problem(file=shown, key="error.not_utf8", line=line)


def guideline_rules(docs_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> tuple[dict, dict, list[Problem]]:
    """The explicit heading anchors of every page (`## Title {#id}`) and every page's title, per language."""
    anchors: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    titles: dict[str, dict[str, str]] = defaultdict(dict)
    problems: list[Problem] = []
    for language in languages:
        for path in sorted((docs_dir / language).rglob("*.md")):
            page = path.relative_to(docs_dir / language).as_posix()
            titles[page]
            in_code = False
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as error:
                problems.append(not_utf8_problem(f"{docs_dir.name}/{language}/{page}", path, error))
                continue
            for line in text.splitlines():
                if line.lstrip().startswith(("```", "~~~")):
                    in_code = not in_code
                match = None if in_code else HEADING.match(line)
                if not match:
                    continue
                if len(match["hashes"]) == 1 and language not in titles[page]:
                    titles[page][language] = match["title"]
                if match["id"]:
                    anchors[page][match["id"]][language] = match["title"]
    return anchors, titles, problems


def load_yaml(path: Path, shown: str) -> tuple[Any, dict, list[Problem]]:
    """Parse one YAML file safely; a syntax error or a file not saved as UTF-8 is a problem with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, {}, [not_utf8_problem(shown, path, error)]
    try:
        data, lines = parse_yaml(text)
        return data, lines, []
    except yaml.YAMLError as error:
        return None, {}, [yaml_syntax_problem(shown, error)]


def _validate(model: type[Strict], data: Any, shown: str, lines: dict) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(data if data is not None else {}), []
    except ValidationError as error:
        return None, validation_problems(shown, error, lines, data=data)


def load_quiz_source(quizzes_dir: Path, docs_dir: Path, shown_root: str = "quizzes",
                     languages: tuple[str, ...] = LANGUAGES) -> QuizSource | None:
    """Load, validate and cross-check the whole source; problems are collected, never raised one by one."""
    problems: list[Problem] = []
    question_files: list[SourceFile] = []
    for path in sorted((quizzes_dir / QUESTIONS_DIR).glob("*.y*ml")):
        shown = f"{shown_root}/{QUESTIONS_DIR}/{path.name}"
        data, lines, found = load_yaml(path, shown)
        problems += found
        if not found:
            model, found = _validate(QuestionFile, data, shown, lines)
            problems += found
            if model:
                question_files.append(SourceFile(shown, lines, model))
    if not question_files and not problems:
        problems.append(Problem(file=f"{shown_root}/{QUESTIONS_DIR}/", key="error.no_questions"))

    checklist = None
    shown = f"{shown_root}/{CHECKLIST_FILE}"
    if (quizzes_dir / CHECKLIST_FILE).exists():
        data, lines, found = load_yaml(quizzes_dir / CHECKLIST_FILE, shown)
        problems += found
        if not found:
            model, found = _validate(Checklist, data, shown, lines)
            problems += found
            checklist = SourceFile(shown, lines, model) if model else None
    else:
        problems.append(Problem(file=shown, key="error.file_missing"))

    settings = SourceFile(f"{shown_root}/{SETTINGS_FILE}", {}, Settings())
    if (quizzes_dir / SETTINGS_FILE).exists():
        data, lines, found = load_yaml(quizzes_dir / SETTINGS_FILE, settings.path)
        problems += found
        if not found:
            model, found = _validate(Settings, data, settings.path, lines)
            problems += found
            settings = SourceFile(settings.path, lines, model or Settings())

    anchors, titles, found = guideline_rules(docs_dir, languages)
    problems += found
    rules = {f"{page}#{anchor}": Rule(page, anchor, by_language)
             for page, page_anchors in anchors.items() for anchor, by_language in page_anchors.items()}
    source = QuizSource(question_files, checklist, settings.model, rules, dict(titles))
    if problems:
        source.problems = problems
        return source
    source.problems = cross_check(source, settings, languages)
    return source


def _items(source: QuizSource):
    """Every (file, path in file, item) that has an id, questions and checklist lines and groups."""
    for file in source.question_files:
        for index, question in enumerate(file.model.questions):
            yield file, ("questions", index), question
    if source.checklist:
        for group_index, group in enumerate(source.checklist.model.groups):
            yield source.checklist, ("groups", group_index), group
            for item_index, item in enumerate(group.items):
                yield source.checklist, ("groups", group_index, "items", item_index), item


def _texts(model: Any, path: tuple):
    """Every (path, Texts) inside a model, to check their Markdown."""
    if isinstance(model, Texts):
        yield path, model
    elif isinstance(model, Strict):
        for name in type(model).model_fields:
            yield from _texts(getattr(model, name), path + (name,))
    elif isinstance(model, list):
        for index, item in enumerate(model):
            yield from _texts(item, path + (index,))


def _problem(file: SourceFile, path: tuple, key: str, **params) -> Problem:
    return Problem(file=file.path, key=key, params=params, line=line_of(path, file.lines), path=shown_path(path))


def cross_check(source: QuizSource, settings: SourceFile, languages: tuple[str, ...]) -> list[Problem]:
    """Checks that span files: unique ids, existing pages and anchors, inline-only Markdown, enough questions."""
    problems: list[Problem] = []
    first_seen: dict[str, tuple[SourceFile, tuple]] = {}
    for file, path, item in _items(source):
        if item.id in first_seen:
            other_file, other_path = first_seen[item.id]
            problems.append(_problem(file, path + ("id",), "error.duplicate_id", id=item.id,
                                     other=f"{other_file.path}, {line_of(other_path + ('id',), other_file.lines)}"))
        else:
            first_seen[item.id] = (file, path)
        see = getattr(item, "see", None)
        if see:
            problems += _check_see(source, file, path + ("see",), see, languages)
    for file in source.question_files:
        page = file.model.chapter
        if page not in source.page_titles:
            problems.append(_problem(file, ("chapter",), "error.chapter_missing", page=page,
                                     known=", ".join(sorted(source.page_titles))))
        elif page in RESERVED_CHAPTERS:
            problems.append(_problem(file, ("chapter",), "error.chapter_reserved", page=page))
        elif set(source.page_titles[page]) != set(languages):
            untitled = ", ".join(language for language in languages if language not in source.page_titles[page])
            problems.append(_problem(file, ("chapter",), "error.chapter_without_title", page=page,
                                     languages=untitled))
    for file in source.question_files + ([source.checklist] if source.checklist else []):
        for path, texts in _texts(file.model, ()):
            for language in languages:
                reason = inline_markdown_problem(getattr(texts, language))
                if reason:
                    problems.append(_problem(file, path + (language,), "error.inline_markdown_only", found=reason))
    problems += _check_onboarding(source, settings)
    return problems


def _check_see(source: QuizSource, file: SourceFile, path: tuple, see: str, languages) -> list[Problem]:
    page, anchor = see.split("#", 1)
    if page not in source.page_titles:
        close = difflib.get_close_matches(page, source.page_titles, n=3)
        return [_problem(file, path, "error.see_page_missing", page=page,
                         suggestions=", ".join(close) or ", ".join(sorted(source.page_titles)))]
    rule = source.rules.get(see)
    missing = [language for language in languages if not rule or language not in rule.titles]
    if missing:
        anchors = sorted({rule.anchor for rule in source.rules.values() if rule.page == page})
        close = difflib.get_close_matches(anchor, anchors, n=3) or anchors[:8]
        return [_problem(file, path, "error.see_anchor_missing", page=page, anchor=anchor,
                         languages=", ".join(missing), suggestions=", ".join(close))]
    return []


def _check_onboarding(source: QuizSource, file: SourceFile) -> list[Problem]:
    settings = source.settings.onboarding
    chapters = source.questions_by_chapter()
    pool = sum(len(questions) for questions in chapters.values())
    problems = []
    if settings.questions > pool:
        problems.append(_problem(file, ("onboarding", "questions"), "error.onboarding_pool_too_small",
                                 wanted=settings.questions, pool=pool))
    if settings.per_chapter * len(chapters) > settings.questions:
        problems.append(_problem(file, ("onboarding", "per_chapter"), "error.onboarding_per_chapter_too_many",
                                 per_chapter=settings.per_chapter, chapters=len(chapters), wanted=settings.questions))
    for chapter, questions in sorted(chapters.items()):
        if len(questions) < settings.per_chapter:
            problems.append(_problem(file, ("onboarding", "per_chapter"), "error.chapter_too_few_questions",
                                     chapter=chapter, count=len(questions), per_chapter=settings.per_chapter))
    return problems
