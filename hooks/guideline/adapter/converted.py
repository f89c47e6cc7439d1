"""What `mkdocs serve` keeps of each page's Markdown conversion from one rebuild to the next.

MkDocs converts every page of every language at every rebuild, though a saved question changes no written page and
a saved page changes only itself: Python-Markdown was a third of a rebuild. A page's conversion depends only on its
Markdown (as the hooks and plugins leave it), the Markdown settings, the language, the page's own place and every
file's place in the site (the links MkDocs resolves and checks): when all of these are what they were at the last
rebuild, the page takes the HTML, table of contents, title and anchors that conversion gave instead of being
converted again: its render, which MkDocs calls right after on_page_markdown, puts them back (not even a Markdown
instance with every extension is made, a tenth of a rebuild once the conversions were reused). A conversion that
logged a warning is never kept, so a strict build stops at the same page every time until the page is mended.

What MkDocs' Page.render sets, and is put back here: content, toc, the title found in the content, the anchors the
page holds and the anchors it links to in other pages (tests/test_serve_preview.py compares every file of such a
rebuild with a fresh build's). Switched on by guideline.adapter.site.set_serving; `mkdocs build` keeps nothing.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guideline.adapter import i18n


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs and its plugins log (a strict build fails on any)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass(frozen=True)
class Converted:
    content: str
    toc: object
    title: str | None
    anchors: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked page's src_uri


class ConvertedPages:
    keep = False

    def __init__(self):
        self.reused = 0  # conversions reused, for the tests and the benchmark
        self._last: dict[tuple[str, str], tuple[tuple, Converted]] = {}
        self._pending: dict[int, tuple[tuple, tuple, int]] = {}  # by id(page): name, key, warnings so far
        self._files: tuple[Files, tuple, dict] | None = None
        self._warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(self._warnings)

    def before(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page's Markdown, unchanged. When the last conversion can be reused, the page's render (which MkDocs
        calls next) puts it back instead of converting: a Markdown instance with every extension is not even made."""
        if not self.keep:
            return markdown
        key = (markdown, page.file.url, page.file.dest_uri, self._settings(config), self._places(files))
        name = self._name(page, config)
        last = self._last.get(name)
        if last is not None and last[0] == key:
            page.render = partial(self._put_back, page, last[1])  # this page object only, for this build
            self._pending.pop(id(page), None)  # left by a build that stopped before its page's HTML, if any
        else:
            self._pending[id(page)] = (name, key, self._warnings.count)
        return markdown

    def after(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page's HTML, unchanged; a conversion made in this build is kept, unless it logged a warning."""
        pending = self._pending.pop(id(page), None)
        if pending is None:
            return html
        name, key, warnings = pending
        if self._warnings.count == warnings:
            links = page.links_to_anchors
            self._last[name] = (key, Converted(
                html, copy.deepcopy(page.toc), page._title_from_render,
                frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
                {file.src_uri: dict(anchors) for file, anchors in links.items()} if links is not None else None))
        else:
            self._last.pop(name, None)
        return html

    def _put_back(self, page: Page, converted: Converted, config: MkDocsConfig, files: Files) -> None:
        """What MkDocs' Page.render sets, from the last conversion."""
        del page.render  # the class's own again
        self.reused += 1
        page.content = converted.content
        page.toc = copy.deepcopy(converted.toc)
        page._title_from_render = converted.title
        page.present_anchor_ids = set(converted.anchors) if converted.anchors is not None else None
        if converted.links_to_anchors is not None:
            by_uri = self._by_uri(files)
            page.links_to_anchors = {by_uri[uri]: dict(links) for uri, links in converted.links_to_anchors.items()}

    @staticmethod
    def _name(page: Page, config: MkDocsConfig) -> tuple[str, str]:
        return (i18n.current_language(config), page.file.src_uri)

    @staticmethod
    def _settings(config: MkDocsConfig) -> str:
        """What the conversion is made with: the extensions and their settings, the link checks, the URLs' form."""
        return repr((config.markdown_extensions, config.mdx_configs, dict(config.validation),
                     config.use_directory_urls))

    def _places(self, files: Files) -> tuple:
        """Every file's source path, URL and inclusion: what a link of a page resolves to, or warns about."""
        if self._files is None or self._files[0] is not files:
            self._files = (files, tuple(sorted((file.src_uri, file.url, str(file.inclusion)) for file in files)),
                           {file.src_uri: file for file in files})
        return self._files[1]

    def _by_uri(self, files: Files) -> dict:
        """The files by source path (static-i18n's own lookup by path is slow)."""
        self._places(files)
        return self._files[2]


CONVERTED = ConvertedPages()
