"""Hook: the onboarding quiz's questions, one file each beside its page (quizzes/onboarding/questions/<id>.html),
in the language being built. The page carries only the pool's index; quiz.js fetches the questions it draws.

Their links are resolved from MkDocs' files relative to the page they are shown in (the onboarding page), not to
the file they come in. They are written after the language's pages, not as MkDocs' own files: thousands of files
in MkDocs' file list slow every step of every build, and `mkdocs serve` then writes only the ones that changed
(guideline.adapter.site.publish_files).
"""

from __future__ import annotations

import posixpath

from mkdocs.plugins import event_priority

from guideline.adapter import i18n
from guideline.adapter.site import project_for, publish_files, resolve_links
from guideline.quizpages import ONBOARDING_PAGE, shared_onboarding_fragments

# The question files of the language being built, by their folder in the site (made in on_files, where MkDocs'
# files are known, written in on_post_build).
_made: dict[str, tuple[str, dict[str, bytes]]] = {}


@event_priority(-150)  # after static-i18n (-100) made the language's files
def on_files(files, config):
    project, language = project_for(config), i18n.current_language(config)
    page = files.get_file_from_path(f"{language}/{ONBOARDING_PAGE}")
    _made[language] = (posixpath.dirname(page.dest_uri), {
        path: resolve_links(html, page, files, language).encode("utf-8")
        for path, html in shared_onboarding_fragments(project, language).items()})
    return files


@event_priority(100)  # before static-i18n (-100) builds the next language in its own on_post_build
def on_post_build(config) -> None:
    made = _made.pop(i18n.current_language(config), None)
    if made is not None:
        publish_files(config, *made)
