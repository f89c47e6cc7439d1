"""Hook: publish the learning-platform exports (guideline.exports) in lms/: the SCORM packages, Moodle XML and GIFT.

They are made from the project that hooks/sources.py has checked, so a mistake in a source stops them with the
site's own messages, and `mkdocs serve` makes them anew when a source changes.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from guideline.adapter import i18n
from guideline.adapter.site import exports_for


@event_priority(-200)  # after static-i18n (-100), which would rebuild these files from a source they do not have
def on_files(files, config):
    i18n.add_published_files(files, config, exports_for(config))
    return files
