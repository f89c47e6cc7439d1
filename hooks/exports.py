"""Hook: publish the learning-platform exports (guideline.exports) in lms/: the SCORM packages, Moodle XML and GIFT.

They are made from the project that hooks/sources.py has checked, so a mistake in a source stops them with the
site's own messages, and `mkdocs serve` makes them anew when a source changes. They are written once, after the
first language's pages (not through MkDocs' file list, which would hold them in memory for every language build).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from guideline.adapter import i18n
from guideline.adapter.site import publish_exports


@event_priority(100)  # before static-i18n (-100) builds the next language: this one's pages are written by then
def on_post_build(config) -> None:
    if not i18n.is_inner_build(config):
        publish_exports(config)
