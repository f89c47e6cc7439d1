"""The whole project read, checked and rendered once: `check_project` finds every problem of every source in one
run, before anything is built, and makes every generated page. It knows nothing of MkDocs: the adapter passes in
what MkDocs has read (the navigation, the Markdown settings, site_url)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from guideline import checks
from guideline.docs import Docs, MarkdownSettings, read_docs
from guideline.languages import LANGUAGES
from guideline.navigation import Navigation
from guideline.organization import Organization, load_organization
from guideline.pages import RenderedPage, generated_paths, render_all
from guideline.problems import Problem
from guideline.quizpages import chapter_link_body
from guideline import search_lexicon
from guideline.quizsource import QuizSource, load_quiz_source
from guideline.siteconfig import CONFIG_FILE, SiteConfig, read_config
from guideline.strings import MissingPlaceholder, SHOWN as STRINGS_FILE, UiStrings, load_strings
from guideline.templates import TEMPLATES

SCRIPTS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "javascripts"
# Keys made at run time, which no scan of the templates finds.
RUN_TIME_KEYS = {"overrides/guideline/quiz.html": ("quiz.hint.single", "quiz.hint.multiple", "quiz.hint.true-false")}


@dataclass
class Project:
    """Every source of the site, validated, with the pages made from them."""

    root: Path
    strings: UiStrings
    organization: Organization | None
    docs: Docs
    quizzes: QuizSource
    navigation: Navigation
    site_url: str
    problems: list[Problem] = field(default_factory=list)
    rendered: dict[str, RenderedPage] = field(default_factory=dict)
    chapter_links: dict[tuple[str, str], str] = field(default_factory=dict)
    # What is made from the project more than once (the onboarding quiz for the site and the SCORM package, the
    # question pool for Moodle and GIFT), made once: the project never changes after it is checked.
    _made: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)

    def chapters(self) -> dict[str, list]:
        """Questions by chapter, in the navigation's order."""
        if ("chapters",) not in self._made:
            self._made[("chapters",)] = self.quizzes.questions_by_chapter(self.navigation.pages())
        return self._made[("chapters",)]

    def once(self, key: tuple, make: Callable[[], Any]) -> Any:
        """make(), the first time key is asked for; the same result afterwards (until forget_made)."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def forget_made(self) -> None:
        """Let go of what once() made (the exports and pages are made): a large pool need not stay in memory."""
        self._made.clear()

    def consumed(self) -> bool:
        """True when a build has taken a generated page's body (each is taken once): a new build needs a new
        project."""
        return any(len(page.body) < len(LANGUAGES) for page in self.rendered.values())


def check_project(root: Path, docs_dir: Path, navigation: Navigation | None, markdown: MarkdownSettings,
                  site_url: str, config: SiteConfig | None = None, render: bool = True,
                  previous: Project | None = None) -> Project:
    """Read and check every source; when nothing is wrong (and render), make every generated page in every language.

    navigation is None when mkdocs.yml has no nav that can be read: the nav is then not judged, everything else is.
    config is mkdocs.yml as the preflight has read it (read here when not given); previous is the last project
    (`mkdocs serve`), whose pages made from the same inputs are reused."""
    strings, found = load_strings()
    problems = list(found)  # the table's problems are cached with it: never extend that list
    config = config if config is not None else read_config(root / CONFIG_FILE)
    problems += config.problems
    organization, found = load_organization(root)
    problems += found
    docs = read_docs(docs_dir, markdown)
    problems += docs.problems
    quizzes = load_quiz_source(root / "quizzes")
    problems += quizzes.problems
    problems += _voikko_problems()
    generated = generated_paths(quizzes)
    shown_root = docs_dir.name
    problems += checks.twin_problems(docs, shown_root)
    problems += checks.parity_problems(docs)
    problems += checks.content_problems(docs, generated)
    problems += checks.title_problems(docs)
    problems += checks.conflict_problems(docs, generated, shown_root)
    if navigation is not None:
        problems += checks.navigation_problems(navigation, docs, generated, CONFIG_FILE, config.lines,
                                               quizzes_complete=not quizzes.problems)
    chapter_order = navigation.pages() if navigation is not None else docs.paths()
    problems += checks.quiz_problems(quizzes, docs, generated, chapter_order)
    if strings.table:  # a table that cannot be read is its own problem: not every key of it again
        templates = sorted(TEMPLATES.glob("*.html")) + sorted((TEMPLATES.parent / "partials").rglob("*.html"))
        problems += checks.string_use_problems(strings, {"": templates + [TEMPLATES.parent / "main.html"],
                                                         "quiz.js.": [SCRIPTS / "quiz.js"]}, RUN_TIME_KEYS)
    project = Project(root, strings, organization, docs, quizzes, navigation or Navigation(()), site_url, problems)
    if not problems and render:
        _render(project, previous.rendered if previous is not None else None)
    return project


def _voikko_problems() -> list[Problem]:
    """Search indexes Finnish base forms from Voikko (guideline.search_lexicon): without it, a clear message."""
    try:
        search_lexicon.check_voikko()
    except search_lexicon.VoikkoMissing as error:
        return [Problem(file="Voikko (libvoikko, voikko-fi)", key="error.voikko_missing",
                        params={"reason": str(error)[:200] or type(error).__name__})]
    return []


def _render(project: Project, previous: dict | None = None) -> None:
    """Make every page; a text whose placeholder the page cannot fill is a problem of the string table."""
    try:
        project.rendered = render_all(project, previous)
        project.chapter_links = {(language, chapter): chapter_link_body(project, chapter, language)
                                 for chapter in project.chapters() for language in LANGUAGES}
    except MissingPlaceholder as error:
        project.problems.append(Problem(file=STRINGS_FILE, key="error.strings_placeholder_unknown", path=error.key,
                                        params={"key": error.key, "placeholder": "{" + error.name + "}"}))
