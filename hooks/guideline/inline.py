"""Inline Markdown in quiz and checklist texts, with any HTML in the text shown as text, never executed."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
from markupsafe import Markup

# Characters that can start inline Markdown or need the converter; a text without them is plain text.
MARKDOWN_CHARACTERS = re.compile(r"[*_`\\<&\[\]!]|  $", re.MULTILINE)
# Lines that Markdown would turn into a block: a heading, a quote, a list item, an indented code block.
BLOCK_START = re.compile(r"^(?:\s*(?:#|>|[-*+]\s|\d+[.)]\s)| {4})|\n")


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


@lru_cache(maxsize=16384)
def render_inline(text: str) -> Markup:
    """The text as inline HTML: **bold**, *italic* and `code`, nothing else."""
    text = text.strip()
    if not MARKDOWN_CHARACTERS.search(text) and not BLOCK_START.search(text):
        return Markup(html.escape(text, quote=False))
    converted = _convert(text)
    if converted.startswith("<p>") and converted.endswith("</p>"):
        converted = converted[3:-4]
    return Markup(converted)


def inline_markdown_problem(text: str) -> str | None:
    """Why a text is not inline Markdown (a list, a heading, several paragraphs), or None when it is."""
    text = text.strip()
    if not BLOCK_START.search(text):
        return None
    converted = _convert(text)
    if not (converted.startswith("<p>") and converted.endswith("</p>")) or "</p>\n<p>" in converted:
        return converted.split(">", 1)[0] + ">"
    return None


# The characters Python-Markdown lets a backslash escape: every one that can start inline syntax or a block.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")


def markdown_text(text: str) -> str:
    """Plain text written into generated Markdown so that Markdown shows it as it is: no link, no markup."""
    escaped = html.escape(" ".join(text.split()), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
