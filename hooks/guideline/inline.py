"""Inline Markdown in quiz and checklist texts, with any HTML in the text shown as text, never executed."""

from __future__ import annotations

from functools import lru_cache

import markdown
from markupsafe import Markup


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """Python-Markdown without raw HTML (`<b>` in a text becomes the characters `<b>`) and without links and
    images: a question links to its rule through `see`, and no text can carry a javascript: address."""
    converter = markdown.Markdown(extensions=[])
    converter.preprocessors.deregister("html_block")
    for pattern in ("html", "link", "reference", "short_reference", "image_link", "image_reference",
                    "short_image_ref", "autolink", "automail"):
        converter.inlinePatterns.deregister(pattern)
    return converter


def _convert(text: str) -> str:
    converter = _converter()
    converter.reset()
    return converter.convert(text)


def render_inline(text: str) -> Markup:
    """The text as inline HTML: **bold**, *italic* and `code`, nothing else."""
    html = _convert(text.strip())
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return Markup(html)


def inline_markdown_problem(text: str) -> str | None:
    """Why a text is not inline Markdown (a list, a heading, several paragraphs), or None when it is."""
    html = _convert(text.strip())
    if not (html.startswith("<p>") and html.endswith("</p>")) or "</p>\n<p>" in html:
        return html.split(">", 1)[0] + ">"
    return None
