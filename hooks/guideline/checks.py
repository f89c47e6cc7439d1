"""Checks that span the sources: pages and their twins, markers, anchors, links, foreign content, the quiz source,
the navigation and the interface strings. Each returns problems; none raises."""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

from guideline.docs import DocPage, Docs
from guideline.inline import inline_markdown_problem
from guideline.languages import DEFAULT_LANGUAGE, LANGUAGES
from guideline.models import Strict, Texts
from guideline.navigation import Navigation
from guideline.problems import Problem
from guideline.quizpages import INDEX_PAGE, ONBOARDING_PAGE, self_check_page
from guideline.quizsource import QuizSource, SourceFile
from guideline.strings import SHOWN as STRINGS_FILE, UiStrings
from guideline.yamlfile import line_of


# --- Guideline pages ---------------------------------------------------------------------------------------------

def twin_problems(docs: Docs, shown_root: str = "docs") -> list[Problem]:
    """A page in one language folder only: static-i18n would publish the other language's text, or nothing."""
    problems = []
    for language in LANGUAGES:
        for other in LANGUAGES:
            for path in sorted(set(docs.pages[language]) - set(docs.pages[other])):
                problems.append(Problem(
                    file=f"{shown_root}/{language}/{path}", key="error.page_without_twin",
                    params={"existing": f"{shown_root}/{language}/{path}", "missing": f"{shown_root}/{other}/{path}"}))
    return problems


def parity_problems(docs: Docs) -> list[Problem]:
    """Markers and rule anchors that one language of a page has and the other has not."""
    problems = []
    for path in docs.paths():
        pages = {language: docs.page(language, path) for language in LANGUAGES}
        if None in pages.values():
            continue  # reported as a page without its twin
        for language, page in pages.items():
            for other, other_page in pages.items():
                if other == language:
                    continue
                missing = Counter(marker.setting for marker in page.markers) - Counter(
                    marker.setting for marker in other_page.markers)
                for marker in page.markers:
                    if missing[marker.setting] > 0:
                        missing[marker.setting] -= 1
                        problems.append(Problem(file=page.shown, key="error.marker_in_one_language", line=marker.line,
                                                params={"marker": marker.text, "other": other_page.shown}))
                for anchor in sorted(set(page.rules) - set(other_page.rules)):
                    problems.append(Problem(file=page.shown, key="error.anchor_in_one_language",
                                            line=page.line_of("{#" + anchor) or page.line_of(anchor),
                                            params={"anchor": anchor, "other": other_page.shown}))
    return problems


EVENT_HANDLER = re.compile(r"^on[a-z]+$")
ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style",
               "form", "portal"}
LOADING_ATTRIBUTES = ("src", "srcset", "poster", "data", "background", "action", "formaction", "xlink:href", "ping",
                      "lowsrc", "dynsrc", "longdesc")
SVG_LOADING = ("use", "image", "feimage")  # their href loads the file
SCRIPT_SCHEMES = ("javascript", "vbscript", "data")


# Material writes a title into <title> through `striptags`, which turns &lt; back into <: a title with </title>
# in it would end the element and start a script. No title needs the characters < and >.
TITLE_MARKUP = re.compile(r"[<>]")


def title_problems(docs: Docs) -> list[Problem]:
    """Pages without a title (the menu and the browser's tab would show the file name), and titles and headings
    with < or > (written as &lt; or a backslash, which Markdown keeps as text)."""
    problems = []
    for pages in docs.pages.values():
        for page in pages.values():
            if page.title is None and not page.problems:
                problems.append(Problem(file=page.shown, key="error.page_without_title", line=1))
            for title in ([page.title] if page.title else []) + list(page.rules.values()):
                if TITLE_MARKUP.search(title):
                    problems.append(Problem(file=page.shown, key="error.title_markup", params={"title": title[:80]},
                                            line=page.line_of(title.split("<")[0].split(">")[0].strip() or "#")))
    return problems


def content_problems(docs: Docs, generated: set[str]) -> list[Problem]:
    """Links that lead nowhere, and anything that would run code or load from another host."""
    problems, seen, checked = [], set(), {}
    for language, pages in docs.pages.items():
        for page in pages.values():
            last = _html_checked.get(id(page))
            raw = last[1] if last is not None and last[0] is page else _raw_html_problems(page)
            checked[id(page)] = (page, raw)
            for problem in _link_problems(page, docs, generated) + raw:
                # an image is both a link and an element: one message for it
                if (same := (problem.file, problem.key, problem.line, repr(problem.params))) not in seen:
                    seen.add(same)
                    problems.append(problem)
    _html_checked.clear()
    _html_checked.update(checked)
    return problems


# The HTML problems of each page last checked, by the page's identity: a page not saved again is the same object
# (guideline.docs.read_page), so `mkdocs serve` looks again only at the HTML of the pages that changed.
_html_checked: dict[int, tuple[DocPage, list[Problem]]] = {}


def _link_problems(page: DocPage, docs: Docs, generated: set[str]) -> list[Problem]:
    problems = []
    for tag in page.links:
        attribute = "href" if tag.name == "a" else "src"
        target = (tag.get(attribute) or "").strip()
        parts = urlsplit(target)
        scheme = parts.scheme.lower()
        line = _Line(page, target)  # found only for a problem: a search through the page's text
        if scheme in SCRIPT_SCHEMES and not (tag.name == "img" and target.startswith("data:image/")):
            problems.append(Problem(file=page.shown, key="error.script_link", line=line(),
                                    params={"link": target[:80]}))
        elif tag.name == "img" and (scheme or target.startswith("//")):
            problems.append(Problem(file=page.shown, key="error.external_resource", line=line(),
                                    params={"tag": "img", "address": target[:80]}))
        elif not scheme and not target.startswith("//"):
            problem = _relative_link_problem(page, target, parts, docs, generated, line)
            if problem:
                problems.append(problem)
    return problems


class _Line:
    """The line of a link's target in its page, looked up when a problem is made of it."""

    def __init__(self, page: DocPage, target: str):
        self.page, self.target = page, target

    def __call__(self) -> int | None:
        return self.page.line_of(self.target) if self.target else None


def _relative_link_problem(page, target, parts, docs, generated, line: _Line) -> Problem | None:
    path = page.path
    if parts.path:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), unquote(parts.path)))
    if parts.path and not parts.path.endswith(".md"):
        # A file: MkDocs would warn in English while it writes the site. It may be in the language's folder,
        # beside them in docs/, or among the theme's own files (overrides/).
        if docs.root is None:
            return None
        project = docs.root.parent.resolve()
        for folder in (docs.root / page.language, docs.root, docs.root.parent / "overrides"):
            found = (folder / path).resolve()
            if found.is_file() and found.is_relative_to(project):
                return None
        return Problem(file=page.shown, key="error.broken_file_link", line=line(), params={"link": target})
    known = docs.page(page.language, path)
    if known is None and path not in generated:
        close = difflib.get_close_matches(path, list(docs.pages[page.language]) + sorted(generated), n=3)
        return Problem(file=page.shown, key="error.broken_link", line=line(),
                       params={"link": target, "suggestions": ", ".join(close) or "-"})
    if parts.fragment and known is not None and unquote(parts.fragment) not in known.ids:
        close = difflib.get_close_matches(parts.fragment, sorted(known.ids), n=3)
        return Problem(file=page.shown, key="error.broken_anchor", line=line(),
                       params={"link": target, "page": known.shown, "suggestions": ", ".join(close) or "-"})
    return None


def _raw_html_problems(page: DocPage) -> list[Problem]:
    """Raw HTML and every element Markdown made (attr_list can give any of them an onclick=, md_in_html parses
    the HTML inside a `<div markdown>` into elements): nothing may run code or load from another host."""
    problems = []
    for tag in page.raw_tags + page.elements:
        # The tag's line is looked for only when it has a problem: a search of the page's text per element was a
        # quarter of the checks' time on a clean site.
        def line(tag=tag):
            return page.line_of(f"<{tag.name}") or page.line_of(f"<{tag.name.upper()}")
        if tag.name in ACTIVE_TAGS:
            problems.append(Problem(file=page.shown, key="error.active_html", line=line(),
                                    params={"tag": f"<{tag.name}>"}))
            continue
        for name, value in tag.attributes:
            value = (value or "").strip()
            if EVENT_HANDLER.match(name):
                problems.append(Problem(file=page.shown, key="error.event_handler",
                                        line=page.line_of(name + "=") or line(),
                                        params={"attribute": name, "tag": f"<{tag.name}>"}))
                continue
            if name not in LOADING_ATTRIBUTES and name not in ("href", "style"):
                continue  # no other attribute can run code or load anything: not parsed as an address
            scheme = urlsplit(value).scheme.lower()
            if name in ("href", *LOADING_ATTRIBUTES) and scheme in SCRIPT_SCHEMES and not (
                    name == "src" and value.startswith("data:image/")):
                problems.append(Problem(file=page.shown, key="error.script_link", line=page.line_of(value) or line(),
                                        params={"link": value[:80]}))
            elif (name in LOADING_ATTRIBUTES or (name == "href" and tag.name in SVG_LOADING)) and (
                    scheme in ("http", "https", "ftp") or value.startswith("//")):
                problems.append(Problem(file=page.shown, key="error.external_resource",
                                        line=page.line_of(value) or line(),
                                        params={"tag": tag.name, "address": value[:80]}))
            elif name == "style" and "url(" in value.replace(" ", "").lower():
                problems.append(Problem(file=page.shown, key="error.external_resource", line=line(),
                                        params={"tag": tag.name, "address": value[:80]}))
    return problems


def conflict_problems(docs: Docs, generated: set[str], shown_root: str = "docs") -> list[Problem]:
    """Written pages where pages are generated (poster.md, quizzes/...): one would hide the other."""
    return [Problem(file=f"{shown_root}/{language}/{path}", key="error.page_conflict")
            for language in LANGUAGES for path in sorted(set(docs.pages[language]) & generated)]


# --- Navigation --------------------------------------------------------------------------------------------------

def navigation_problems(nav: Navigation, docs: Docs, generated: set[str], config_file: str,
                        lines: dict, quizzes_complete: bool = True) -> list[Problem]:
    """Every nav entry leads to a page, every title has its translation, and every page is in the navigation.

    While a question file does not load, its self-check's place in the nav is not judged (that would only
    repeat the file's own problem)."""
    problems = []
    listed = set()
    for entry in nav.walk():
        line = line_of(entry.yaml_path, lines)
        if entry.page:
            listed.add(entry.page)
            unsure = not quizzes_complete and entry.page.startswith("quizzes/")
            if not unsure and entry.page not in generated and any(
                    docs.page(language, entry.page) is None for language in LANGUAGES):
                close = difflib.get_close_matches(entry.page, docs.paths() + sorted(generated), n=3)
                problems.append(Problem(file=config_file, key="error.nav_page_missing", line=line, path="nav",
                                        params={"page": entry.page, "suggestions": ", ".join(close) or "-"}))
        if entry.title is not None:
            if TITLE_MARKUP.search(entry.title):
                problems.append(Problem(file=config_file, key="error.title_markup", line=line, path="nav",
                                        params={"title": entry.title[:80]}))
            for language in LANGUAGES:
                translated = nav.translations.get(language, {}).get(entry.title)
                if language == DEFAULT_LANGUAGE:
                    continue
                if not isinstance(translated, str) or not translated.strip():
                    problems.append(Problem(file=config_file, key="error.nav_title_untranslated", line=line,
                                            path="nav", params={"title": entry.title, "language": language}))
                elif TITLE_MARKUP.search(translated):
                    line_there = next((found for path, found in lines.items() if path[-2:] == (
                        "nav_translations", entry.title)), line)
                    problems.append(Problem(file=config_file, key="error.title_markup", path="nav_translations",
                                            line=line_there, params={"title": translated[:80]}))
    for path in docs.paths() + sorted(generated):
        if path not in listed and (docs.page(DEFAULT_LANGUAGE, path) or path in generated):
            problems.append(Problem(file=config_file, key="error.page_not_in_nav", line=line_of(("nav",), lines),
                                    path="nav", params={"page": path}))
    return problems


# --- The quiz source ---------------------------------------------------------------------------------------------

def quiz_problems(source: QuizSource, docs: Docs, generated: set[str], chapter_order: list[str]) -> list[Problem]:
    """Unique ids, existing chapters and rule anchors, inline-only Markdown, enough questions to draw."""
    problems: list[Problem] = []
    first_seen: dict[str, tuple[SourceFile, tuple]] = {}
    for file, path, item in _items(source):
        if item.id in first_seen:
            other_file, other_path = first_seen[item.id]
            problems.append(file.problem(path + ("id",), "error.duplicate_id", id=item.id,
                                         other=f"{other_file.path}, {other_file.yaml.line(other_path + ('id',))}"))
        else:
            first_seen[item.id] = (file, path)
        see = getattr(item, "see", None)
        if see:
            problems += _see_problems(docs, file, path + ("see",), see)
    for file in source.question_files:
        page = file.model.chapter
        titles = {language: docs.page(language, page) for language in LANGUAGES}
        if self_check_page(page) in (INDEX_PAGE, ONBOARDING_PAGE):
            problems.append(file.problem(("chapter",), "error.chapter_reserved", page=page))
        elif any(found is None for found in titles.values()):
            problems.append(file.problem(("chapter",), "error.chapter_missing", page=page,
                                         known=", ".join(docs.paths())))
    checked = {}
    for file in source.question_files + [source.checklist] if source.checklist else source.question_files:
        last = _markdown_checked.get(id(file))
        found = last[1] if last is not None and last[0] is file else _markdown_problems(file)
        checked[id(file)] = (file, found)
        problems += found
    _markdown_checked.clear()
    _markdown_checked.update(checked)
    if source.search:
        problems += search_word_problems(source.search, docs)
    if source.settings and not source.problems:  # a file that did not load would change the pool's count
        problems += _onboarding_problems(source, source.settings, chapter_order)
    return problems


# The Markdown problems of each file last checked, by the file's identity: a file not saved again is the same object
# (guideline.quizsource), so `mkdocs serve` checks again only the texts of the files that changed.
_markdown_checked: dict[int, tuple[SourceFile, list[Problem]]] = {}


def _markdown_problems(file: SourceFile) -> list[Problem]:
    problems = []
    for path, texts in _texts(file.model, ()):
        for language in LANGUAGES:
            reason = inline_markdown_problem(texts[language])
            if reason:
                problems.append(file.problem(path + (language,), "error.inline_markdown_only", found=reason))
    return problems


# The last search-word check, with the objects it was made from: the same file and pages (not saved again,
# guideline.quizsource and guideline.docs.read_page) give the same problems, so `mkdocs serve` need not search
# every page's text for every synonym at each rebuild.
_search_checked: tuple[SourceFile, tuple, list[Problem]] | None = None


def search_word_problems(file: SourceFile, docs: Docs) -> list[Problem]:
    """The guideline's words a synonym means must be in that language's pages (else it finds nothing), and a
    reader's word is listed once per language."""
    global _search_checked
    pages = tuple((language, path, page) for language in LANGUAGES
                  for path, page in docs.pages.get(language, {}).items())
    last = _search_checked
    if last is not None and last[0] is file and len(last[1]) == len(pages) and all(
            old[0] == new[0] and old[1] == new[1] and old[2] is new[2] for old, new in zip(last[1], pages)):
        return list(last[2])
    problems = _search_word_problems(file, docs)
    _search_checked = (file, pages, problems)
    return list(problems)


def _search_word_problems(file: SourceFile, docs: Docs) -> list[Problem]:
    problems: list[Problem] = []
    for language in LANGUAGES:
        text = " ".join(page.text.lower() for page in docs.pages.get(language, {}).values())
        seen: dict[str, int] = {}
        for index, entry in enumerate(file.model[language]):
            path = (language, index)
            for word in entry.means.replace("-", " ").split():
                if not _starts_a_word(text, word):
                    problems.append(file.problem(path + ("means",), "error.search_word_not_in_text", word=word,
                                                 language=language))
            for position, word in enumerate(entry.words):
                if word in seen:
                    problems.append(file.problem(path + ("words", position), "error.search_word_twice", word=word,
                                                 other=str(file.yaml.line((language, seen[word])))))
                else:
                    seen[word] = index
    return problems


def _starts_a_word(text: str, word: str) -> bool:
    """Whether word occurs in text where no letter or digit comes before it (a word or a compound's start).

    As `re.search(r"(?<![^\\W_])word", text)`, which tests its look-behind at every character of the whole site's
    text: str.find jumps to the candidates (`[^\\W_]` is a character for which str.isalnum() is true)."""
    start = text.find(word)
    while start >= 0:
        if start == 0 or not text[start - 1].isalnum():
            return True
        start = text.find(word, start + 1)
    return False


def _items(source: QuizSource):
    """Every (file, path in file, item) that has an id: questions, checklist groups and lines."""
    for file in source.question_files:
        for index, question in enumerate(file.model.questions):
            yield file, ("questions", index), question
    if source.checklist:
        for group_index, group in enumerate(source.checklist.model.groups):
            yield source.checklist, ("groups", group_index), group
            for item_index, item in enumerate(group.items):
                yield source.checklist, ("groups", group_index, "items", item_index), item


def _texts(model, path: tuple):
    """Every (path, Texts) inside a model, to check their Markdown."""
    if isinstance(model, Texts):
        yield path, model
    elif isinstance(model, Strict):
        for name in type(model).model_fields:
            yield from _texts(getattr(model, name), path + (name,))
    elif isinstance(model, list):
        for index, item in enumerate(model):
            yield from _texts(item, path + (index,))


def _see_problems(docs: Docs, file: SourceFile, path: tuple, see: str) -> list[Problem]:
    page, anchor = see.split("#", 1)
    if all(docs.page(language, page) is None for language in LANGUAGES):
        close = difflib.get_close_matches(page, docs.paths(), n=3)
        return [file.problem(path, "error.see_page_missing", page=page,
                             suggestions=", ".join(close) or ", ".join(docs.paths()))]
    missing = [language for language in LANGUAGES
               if docs.page(language, page) is None or anchor not in docs.page(language, page).rules]
    if missing:
        anchors = sorted({anchor for language in LANGUAGES if docs.page(language, page)
                          for anchor in docs.page(language, page).rules})
        close = difflib.get_close_matches(anchor, anchors, n=3) or anchors[:8]
        return [file.problem(path, "error.see_anchor_missing", page=page, anchor=anchor,
                             languages=", ".join(missing), suggestions=", ".join(close))]
    return []


def _onboarding_problems(source: QuizSource, file: SourceFile, order: list[str]) -> list[Problem]:
    settings = file.model.onboarding
    chapters = source.questions_by_chapter(order)
    pool = sum(len(questions) for questions in chapters.values())
    problems = []
    if settings.questions > pool:
        problems.append(file.problem(("onboarding", "questions"), "error.onboarding_pool_too_small",
                                     wanted=settings.questions, pool=pool))
    if settings.per_chapter * len(chapters) > settings.questions:
        problems.append(file.problem(("onboarding", "per_chapter"), "error.onboarding_per_chapter_too_many",
                                     per_chapter=settings.per_chapter, chapters=len(chapters),
                                     wanted=settings.questions))
    for chapter, questions in sorted(chapters.items()):
        if len(questions) < settings.per_chapter:
            problems.append(file.problem(("onboarding", "per_chapter"), "error.chapter_too_few_questions",
                                         chapter=chapter, count=len(questions), per_chapter=settings.per_chapter))
    return problems


# --- Interface strings -------------------------------------------------------------------------------------------

# How templates name a string: strings.get("key"), strings.format("key", ...), ui("key"); scripts: t("key").
# (Material's own lang.t("key") reads Material's tables, not ours.)
TEMPLATE_USES = re.compile(r"""(?:strings\.(?:get|format)|(?<![\w.])ui)\(\s*["']([\w.-]+)["']\s*[,)]""")
SCRIPT_USES = re.compile(r"""\bt\(\s*["']([\w.-]+)["']\s*[,)]""")
# A script's t(key) whose key is not written out: no scan can tell whether the table has it.
SCRIPT_COMPUTED = re.compile(r"""\bt\(\s*([^"'\s)][^)]{0,30})""")


def string_use_problems(strings: UiStrings, sources: dict[str, Path], required: dict[str, tuple[str, ...]]) -> list[Problem]:
    """Keys that a template, a script or the code needs but the table lacks: a problem before anything is built.

    sources maps a prefix to the files that use keys without it (quiz.js says t("score") for quiz.js.score);
    required lists, per place, keys made at run time (quiz.hint.<type>), which no scan can find."""
    problems = []
    used: dict[str, str] = {}
    for prefix, files in sources.items():
        for file in files:
            script = file.suffix in (".js", ".mjs")
            text = file.read_text(encoding="utf-8")
            for key in (SCRIPT_USES if script else TEMPLATE_USES).findall(text):
                used.setdefault(prefix + key, file.name)
            for call in SCRIPT_COMPUTED.findall(text) if script else ():
                problems.append(Problem(file=STRINGS_FILE, key="error.strings_key_computed", path=prefix + "*",
                                        params={"place": file.name, "call": f"t({call.strip()}"}))
    for place, keys in required.items():
        for key in keys:
            used.setdefault(key, place)
    for key, place in sorted(used.items()):
        if key not in strings:
            problems.append(Problem(file=STRINGS_FILE, key="error.strings_key_missing", path=key,
                                    params={"key": key, "place": place}))
    return problems
