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
from guideline.quizpages import INDEX_PAGE, chapter_link_html, chapter_quiz_page, generate_pages
from guideline.quizsource import QuizSource, load_quiz_source
from i18n_context import current_build

# The source of the build under way, set in every language build's on_pre_build. The languages share one
# load: it is kept with a fingerprint of every file it was read from, so an edit (`mkdocs serve`) reloads it.
_source: QuizSource | None = None
_loaded: tuple[tuple, QuizSource] | None = None


def _fingerprint(root: Path, docs_dir: Path) -> tuple:
    files = sorted((root / "quizzes").rglob("*.y*ml")) + sorted(docs_dir.rglob("*.md"))
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


def on_pre_build(config) -> None:
    global _source, _loaded
    root, docs_dir = Path(config.config_file_path).parent, Path(config.docs_dir)
    fingerprint = _fingerprint(root, docs_dir)
    if _loaded is None or _loaded[0] != fingerprint:
        source = load_quiz_source(root / "quizzes", docs_dir)
        source.chapter_order = list(_nav_pages(config.nav or []))
        _loaded = (fingerprint, source)
    _source = _loaded[1]
    if _source.problems:
        raise PluginError(str(ProblemsFound(_source.problems)))


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
    organization = Organization.model_validate(config.extra["organization"])  # checked in hooks/organization.py
    for generated in generate_pages(_source, build.current, organization, config.site_url or ""):
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
    return {chapter_quiz_page(chapter) for chapter in _source.questions_by_chapter()}


@event_priority(-200)  # after static-i18n has translated the navigation
def on_nav(nav, config, files):
    """Put each chapter's self-check into the navigation, after the quiz index, in chapter order."""
    language = current_build(config).current
    index = files.get_file_from_path(f"{language}/{INDEX_PAGE}")
    section = _section_of(nav.items, index)
    if section is None:
        return nav
    position = next(i for i, item in enumerate(section.children) if isinstance(item, Page) and item.file is index)
    added = []
    for chapter in _source.questions_by_chapter():
        file = files.get_file_from_path(f"{language}/{chapter_quiz_page(chapter)}")
        if file and not any(isinstance(item, Page) and item.file is file for item in section.children):
            page = Page(None, file, config)
            page.parent = section
            added.append(page)
    section.children[position + 2:position + 2] = added
    _relink(nav)
    return nav


def _section_of(items, file) -> Section | None:
    for item in items:
        if isinstance(item, Section):
            if any(isinstance(child, Page) and child.file is file for child in item.children):
                return item
            found = _section_of(item.children, file)
            if found:
                return found
    return None


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
    box = chapter_link_html(_source, chapter, current_build(config).current)
    return markdown if box is None else f"{markdown.rstrip()}\n\n{box}\n"
