"""Hook: under `mkdocs serve`, a page whose Markdown, settings and links are what they were at the last rebuild is
not converted again (guideline.adapter.converted): Python-Markdown was a third of every rebuild."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from guideline.adapter.converted import CONVERTED


@event_priority(-1000)  # after every hook and plugin has changed the Markdown
def on_page_markdown(markdown, page, config, files):
    return CONVERTED.before(markdown, page, config, files)


@event_priority(1000)  # before any hook or plugin reads the HTML
def on_page_content(html, page, config, files):
    return CONVERTED.after(html, page, config, files)
