"""The quiz and checklist source in quizzes/: its files read and validated, each kept with its lines for messages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guideline import yamlfile
from guideline.models import Checklist, QuestionFile, SearchWords, Settings
from guideline.problems import Problem
from guideline.validation import validate, shown_path

QUESTIONS_DIR = "questions"
CHECKLIST_FILE = "checklist.yml"
SETTINGS_FILE = "settings.yml"
SEARCH_FILE = "search.yml"  # optional: without it, search knows no synonyms


@dataclass
class SourceFile:
    """A validated source file with the line of every key, for messages about it later."""

    yaml: yamlfile.YamlFile
    model: Any

    @property
    def path(self) -> str:
        return self.yaml.shown

    def problem(self, path: tuple, key: str, **params) -> Problem:
        """A problem about the value at path in this file, with its line."""
        return Problem(file=self.path, key=key, params=params, line=self.yaml.line(path), path=shown_path(path))


@dataclass
class QuizSource:
    """Everything in quizzes/, validated. A file that did not validate is missing here; its problems are listed."""

    question_files: list[SourceFile]
    checklist: SourceFile | None
    settings: SourceFile | None
    problems: list[Problem] = field(default_factory=list)
    search: SourceFile | None = None

    def questions_by_chapter(self, order: list[str] = ()) -> dict[str, list]:
        """Questions by chapter, chapters in the given (navigation) order, others after them by name."""
        chapters: dict[str, list] = defaultdict(list)
        for source in self.question_files:
            chapters[source.model.chapter].extend(source.model.questions)
        rank = {page: index for index, page in enumerate(order)}
        return dict(sorted(chapters.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def load_quiz_source(quizzes_dir: Path, shown_root: str = "quizzes") -> QuizSource:
    """Read and validate every file of quizzes/; problems are collected, never raised one by one."""
    problems: list[Problem] = []
    question_files = []
    for path in sorted((quizzes_dir / QUESTIONS_DIR).glob("*.y*ml")):
        loaded = _load(path, f"{shown_root}/{QUESTIONS_DIR}/{path.name}", QuestionFile, problems)
        if loaded:
            question_files.append(loaded)
    if not question_files and not problems:
        problems.append(Problem(file=f"{shown_root}/{QUESTIONS_DIR}/", key="error.no_questions"))
    checklist = _load(quizzes_dir / CHECKLIST_FILE, f"{shown_root}/{CHECKLIST_FILE}", Checklist, problems)
    settings = _load(quizzes_dir / SETTINGS_FILE, f"{shown_root}/{SETTINGS_FILE}", Settings, problems)
    search = None
    if (quizzes_dir / SEARCH_FILE).exists():
        search = _load(quizzes_dir / SEARCH_FILE, f"{shown_root}/{SEARCH_FILE}", SearchWords, problems)
    return QuizSource(question_files, checklist, settings, problems, search)


def _load(path: Path, shown: str, model: type, problems: list[Problem]) -> SourceFile | None:
    try:
        stat = path.stat()
        modified, size = stat.st_mtime_ns, stat.st_size
    except FileNotFoundError:
        modified, size = 0, -1
    key = (shown, model, modified, size)
    last = _loaded.get(path)
    if last is None or last[0] != key:
        _loaded[path] = last = (key, _load_file(path, shown, model))
    loaded, found = last[1]
    problems += found
    return loaded


# The last reading of each file, by its path, with the modification time and size it was read at: `mkdocs serve`
# reads again only the files that changed (the models are frozen, and nothing changes a SourceFile once it is
# made), and a file not saved again gives the same objects, which the reuse of generated pages compares first by
# identity (guideline.pages.render_inputs). One entry per file, however many there are (an LRU cache smaller than
# the pool's number of files, 257 at 2,000 questions, would be emptied by every rebuild).
_loaded: dict[Path, tuple[tuple, tuple[SourceFile | None, tuple]]] = {}


def _load_file(path: Path, shown: str, model: type) -> tuple[SourceFile | None, tuple]:
    """One file read and validated."""
    text, problems = yamlfile.read_text(path, shown)
    source = yamlfile.parse(text, shown) if text is not None else yamlfile.YamlFile(shown, problems=problems)
    validated = validate(model, source) if not source.problems else None
    source.data = None  # the model holds it now; the lines stay, for messages
    if validated is not None and not source.problems:
        source.lines = yamlfile.LazyLines(text, shown)  # made again if a message needs them
    return (SourceFile(source, validated) if validated is not None else None), tuple(source.problems)
