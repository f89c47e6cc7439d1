"""Hook: generate the quiz pages and the poster from quizzes/, in every language, in memory.

The source is loaded and validated in on_pre_build, before MkDocs cleans or writes anything, so a mistake
stops the build with every problem listed and the previous site untouched. Pages are added as generated
files after static-i18n has sorted the languages (it rebuilds every File from its source path).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from guideline.organization import Organization
from guideline.problems import ProblemsFound
from guideline.quizpages import (INDEX_PAGE, ONBOARDING_PAGE, GeneratedPage, chapter_link_html, chapter_quiz_page,
                                 generate_pages, page_conflicts)
from guideline.strings import TABLE
from guideline.templates import TEMPLATES
from guideline.quizsource import QuizSource, load_quiz_source
from i18n_context import current_build

# The source and its pages, loaded and rendered for every language in the first language's on_pre_build,
# before MkDocs cleans or writes anything; the other languages reuse them. They are kept with a fingerprint
# of every file they were made from, so an edit in `mkdocs serve` makes them anew.
_loaded: tuple[tuple, QuizSource, dict[str, list[GeneratedPage]]] | None = None


def _fingerprint(root: Path, docs_dir: Path, config) -> tuple:
    files = [Path(config.config_file_path), TABLE] + sorted((root / "quizzes").rglob("*.y*ml"))
    files += sorted(docs_dir.rglob("*.md")) + sorted(TEMPLATES.glob("*.html"))
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


def on_pre_build(config) -> None:
    global _loaded
    build = current_build(config)
    root, docs_dir = Path(config.config_file_path).parent, Path(config.docs_dir)
    fingerprint = _fingerprint(root, docs_dir, config)
    if _loaded is not None and _loaded[0] == fingerprint:
        return
    if not build.is_first:
        raise PluginError("hooks/quizzes.py: the quiz source changed during the build; build again.")
    source = load_quiz_source(root / "quizzes", docs_dir, languages=build.languages)
    source.chapter_order = list(_nav_pages(config.nav or []))
    problems = source.problems + page_conflicts(source, docs_dir.name)
    if problems:
        raise PluginError(str(ProblemsFound(problems)))
    organization = Organization.model_validate(config.extra["organization"])  # checked in hooks/organization.py
    try:
        pages = {language: generate_pages(source, language, organization, config.site_url)
                 for language in build.languages}
    except KeyError as error:
        raise PluginError(f"{TABLE.relative_to(root)}: a text uses the placeholder {{{error.args[0]}}}, which "
                          f"this place does not fill / en text använder platshållaren {{{error.args[0]}}}, "
                          "som inte fylls i här") from None
    _loaded = (fingerprint, source, pages)


def _nav_pages(items):
    """The page paths of mkdocs.yml's nav, in order."""
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from _nav_pages(value)
        elif isinstance(value, str):
            yield value


@event_priority(-200)  # after static-i18n (-100) has made the file list of this language
def on_files(files, config):
    build = current_build(config)
    plugin = config.plugins["i18n"]
    for generated in _loaded[2][build.current]:
        file = _language_file(config, generated.path, build.current, build, content=generated.markdown)
        file.alternates = {language: file if language == build.current else
                           _language_file(config, generated.path, language, build)
                           for language in build.languages}
        files.append(file)
        plugin.i18n_files_per_language.setdefault(build.current, []).append(file)
    return files


def _language_file(config, path: str, language: str, build, content: str | None = None) -> File:
    """A generated page in one language: src fi/quizzes/x.md, published at quizzes/x/ or sv/quizzes/x/."""
    # Chapter self-checks join the navigation in on_nav, too late for MkDocs' "not in nav" check.
    inclusion = InclusionLevel.NOT_IN_NAV if path in _chapter_quiz_pages() else InclusionLevel.UNDEFINED
    file = File.generated(config, f"{language}/{path}", content=content if content is not None else "",
                          inclusion=inclusion)
    if language == build.default:
        file.dest_uri = file.dest_uri.removeprefix(f"{language}/")
    # What static-i18n reads for the language switcher and the sitemap.
    file.locale = file.locale_alternate_of = file.localization = language
    file.norm_src_uri = path
    return file


def _chapter_quiz_pages() -> set[str]:
    return {chapter_quiz_page(chapter) for chapter in _loaded[1].questions_by_chapter()}


@event_priority(-200)  # after static-i18n has translated the navigation
def on_nav(nav, config, files):
    """Put each chapter's self-check into the navigation after the onboarding quiz, in chapter order."""
    language = current_build(config).current
    anchor = files.get_file_from_path(f"{language}/{ONBOARDING_PAGE}") or files.get_file_from_path(
        f"{language}/{INDEX_PAGE}")
    items, parent = _list_holding(nav.items, anchor, None)
    if items is None:  # neither page is in mkdocs.yml's nav: the self-checks are still reachable from the index
        return nav
    position = next(index for index, item in enumerate(items) if isinstance(item, Page) and item.file is anchor)
    added = []
    for chapter in _loaded[1].questions_by_chapter():
        file = files.get_file_from_path(f"{language}/{chapter_quiz_page(chapter)}")
        if file and not any(isinstance(item, Page) and item.file is file for item in items):
            page = Page(None, file, config)
            page.parent = parent
            added.append(page)
    items[position + 1:position + 1] = added
    _relink(nav)
    return nav


def _list_holding(items, file, parent):
    """The nav list (top level or a section's children) that holds the page of `file`, and its section."""
    if any(isinstance(item, Page) and item.file is file for item in items):
        return items, parent
    for item in items:
        if isinstance(item, Section):
            found = _list_holding(item.children, file, item)
            if found[0] is not None:
                return found
    return None, None


def _relink(nav) -> None:
    """Recompute the page order and the previous/next links after pages were added."""
    pages = []

    def walk(items):
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                walk(item.children)

    walk(nav.items)
    nav.pages = pages
    for previous, current in zip([None] + pages[:-1], pages):
        current.previous_page = previous
        if previous:
            previous.next_page = current
    if pages:
        pages[-1].next_page = None


def on_page_markdown(markdown, page, config, files):
    """End each chapter that has questions with a link to its self-check."""
    chapter = getattr(page.file, "norm_src_uri", page.file.src_uri)
    box = chapter_link_html(_loaded[1], chapter, current_build(config).current)
    return markdown if box is None else f"{markdown.rstrip()}\n\n{box}\n"
