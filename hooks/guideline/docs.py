"""The guideline pages (docs/<language>/*.md) as the checks and the generated pages need them.

Each page is read once with Python-Markdown, configured with the site's own extensions, so headings, anchors and
links are found exactly as MkDocs will render them (no second Markdown dialect): the title, the rule anchors
(`## Title {#anchor}`), every element id, every link and image, the raw HTML it carries, and its markers.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
from markdown.treeprocessors import Treeprocessor

from guideline import yamlfile
from guideline.languages import LANGUAGES
from guideline.markers import Marker, find_markers
from guideline.problems import Problem


# Indentation no page needs (a list inside a list is four spaces deeper; a code block in it four more).
MAX_INDENT = 80
TOO_DEEP = re.compile(r"^(?: {%d,}|\t{%d,})\S" % (MAX_INDENT, MAX_INDENT // 4), re.M)


@dataclass(frozen=True)
class MarkdownSettings:
    """The site's Markdown extensions and their settings, comparable so that parsed pages can be cached."""

    extensions: tuple[str, ...] = ("attr_list", "toc", "md_in_html", "admonition")
    key: str = ""
    configs: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, config) -> "MarkdownSettings":
        """The settings of a loaded MkDocs configuration."""
        extensions = tuple(name for name in config.markdown_extensions if isinstance(name, str))
        configs = {name: dict(settings) for name, settings in config.mdx_configs.items()}
        return cls(extensions, repr(sorted(configs.items())), configs)


@dataclass(frozen=True)
class Tag:
    """An element of raw HTML or of the Markdown output that a check looks at: its name and attributes."""

    name: str
    attributes: tuple[tuple[str, str], ...]

    def get(self, attribute: str) -> str | None:
        return next((value for name, value in self.attributes if name == attribute), None)


@dataclass
class DocPage:
    """One guideline page in one language."""

    path: str  # inside its language folder: interaction.md
    language: str
    shown: str  # as the officer finds it: docs/fi/interaction.md
    text: str
    title: str | None = None
    rules: dict[str, str] = field(default_factory=dict)  # anchor -> heading text, headings below the title
    ids: set[str] = field(default_factory=set)
    links: list[Tag] = field(default_factory=list)  # <a> and <img> of the Markdown
    raw_tags: list[Tag] = field(default_factory=list)  # every tag in raw HTML written into the page
    # every element Markdown made, with the attributes attr_list gave it and the HTML md_in_html parsed
    elements: list[Tag] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, needle: str) -> int | None:
        return yamlfile.line_of_text(self.text, needle)


@dataclass
class Docs:
    """Every guideline page, by language and path."""

    pages: dict[str, dict[str, DocPage]]  # language -> path -> page
    root: Path | None = None  # docs_dir, for the files pages link to
    stray: list[Problem] = field(default_factory=list)  # pages MkDocs would publish that are not ours to read

    def page(self, language: str, path: str) -> DocPage | None:
        return self.pages.get(language, {}).get(path)

    def paths(self) -> list[str]:
        return sorted({path for pages in self.pages.values() for path in pages})

    @property
    def problems(self) -> list[Problem]:
        return self.stray + [problem for pages in self.pages.values() for page in pages.values()
                             for problem in page.problems]


def read_docs(docs_dir: Path, settings: MarkdownSettings = MarkdownSettings()) -> Docs:
    """Read every page of every language folder; unreadable pages are problems, not exceptions."""
    pages: dict[str, dict[str, DocPage]] = {}
    for language in LANGUAGES:
        pages[language] = {}
        for path in sorted((docs_dir / language).rglob("*.md")):
            relative = path.relative_to(docs_dir / language).as_posix()
            stat = path.stat()
            pages[language][relative] = read_page(path, relative, language, f"{docs_dir.name}/{language}/{relative}",
                                                  settings, stat.st_mtime_ns, stat.st_size)
    return Docs(pages, docs_dir, _stray_pages(docs_dir))


# What MkDocs reads as a page (mkdocs.utils.markdown_extensions); ours are .md files in a language's folder.
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def _stray_pages(docs_dir: Path) -> list[Problem]:
    """Pages outside the language folders, or with another ending than .md: MkDocs would publish them unchecked
    (and warn in English only after emptying the output folder)."""
    problems = []
    if not docs_dir.is_dir():
        return problems
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in PAGE_SUFFIXES:
            continue
        relative = path.relative_to(docs_dir)
        shown = f"{docs_dir.name}/{relative.as_posix()}"
        if relative.parts[0] not in LANGUAGES:
            problems.append(Problem(file=shown, key="error.page_outside_languages",
                                    params={"folders": ", ".join(f"{docs_dir.name}/{language}/"
                                                                 for language in LANGUAGES)}))
        elif path.suffix != ".md":
            problems.append(Problem(file=shown, key="error.page_suffix", params={"suffix": path.suffix}))
    return problems


@lru_cache(maxsize=4096)
def read_page(path: Path, relative: str, language: str, shown: str, settings: MarkdownSettings,
              modified: int, size: int) -> DocPage:
    """One page read and parsed; cached by its modification time, so `mkdocs serve` reparses only what changed."""
    text, problems = yamlfile.read_text(path, shown)
    page = DocPage(relative, language, shown, text or "", problems=problems)
    if text is None:
        return page
    page.markers, marker_problems = find_markers(text, shown)
    page.problems += marker_problems
    deep = TOO_DEEP.search(text)
    if deep:  # Python-Markdown recurses per level: 500 nested lists end in a RecursionError, here and in MkDocs
        page.problems.append(Problem(file=shown, key="error.page_too_deep", line=text.count("\n", 0, deep.start()) + 1,
                                     params={"limit": MAX_INDENT}))
        return page
    converter = _converter(settings)
    converter.reset()
    try:
        converter.convert(markdown_body(text))
    except RecursionError:
        page.problems.append(Problem(file=shown, key="error.page_too_deep", params={"limit": MAX_INDENT}))
        return page
    collected: _Collect = converter.treeprocessors["guideline-collect"]
    page.ids, page.links, page.elements = collected.ids, collected.links, collected.elements
    for token in _flatten(converter.toc_tokens):
        name = html.unescape(token["name"])
        if token["level"] == 1:
            page.title = page.title or name
        else:
            page.rules[token["id"]] = name
    for block in converter.htmlStash.rawHtmlBlocks:
        if isinstance(block, str):
            page.raw_tags += _tags_of(block)
    return page


def markdown_body(text: str) -> str:
    """A page's Markdown without its YAML front matter (which MkDocs reads: `search: boost:`), the front matter's
    lines left blank so that every line keeps its number."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return "\n" * (text.count("\n", 0, end) + 2) + text[end + 5:]
    return text


def _flatten(tokens: list[dict]):
    for token in tokens:
        yield token
        yield from _flatten(token.get("children", []))


@lru_cache(maxsize=8)
def _converter(settings: MarkdownSettings) -> markdown.Markdown:
    converter = markdown.Markdown(extensions=list(settings.extensions), extension_configs=settings.configs)
    converter.treeprocessors.register(_Collect(converter), "guideline-collect", 1)
    return converter


class _Collect(Treeprocessor):
    """After the toc has given headings their ids: every id, link and image of the page."""

    def run(self, root):
        self.ids: set[str] = set()
        self.links: list[Tag] = []
        self.elements: list[Tag] = []
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue  # a comment
            if element.get("id"):
                self.ids.add(element.get("id"))
            tag = Tag(element.tag.lower(), tuple((str(k).lower(), str(v)) for k, v in element.attrib.items()))
            if element.tag in ("a", "img"):
                self.links.append(tag)
            self.elements.append(tag)


class _TagParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(Tag(tag, tuple((name, value or "") for name, value in attrs)))

    handle_startendtag = handle_starttag


# Comment endings a browser accepts and Python's HTMLParser does not: to it, `<!--><script>...-->` is one comment,
# to a browser an empty comment and a script.
BROWSER_COMMENT_ENDS = re.compile(r"<!--->|<!-->|--!>")


def _tags_of(block: str) -> list[Tag]:
    parser = _TagParser()
    parser.feed(BROWSER_COMMENT_ENDS.sub(lambda match: "-->" if match[0] == "--!>" else "<!-- -->", block))
    parser.close()
    return parser.tags
