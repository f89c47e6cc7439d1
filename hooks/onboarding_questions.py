"""Hook: the onboarding quiz's questions, one file each beside its page (quizzes/onboarding/questions/<id>.html),
in the language being built. The page carries only the pool's index; quiz.js fetches the questions it draws.

They are published as MkDocs' own files, so `mkdocs serve` serves them too; their links are resolved from MkDocs'
files relative to the page they are shown in (the onboarding page), not to the file they come in.
"""

from __future__ import annotations

import posixpath

from mkdocs.plugins import event_priority

from guideline.adapter import i18n
from guideline.adapter.site import project_for, resolve_links
from guideline.quizpages import ONBOARDING_PAGE, shared_onboarding_fragments


@event_priority(-150)  # after static-i18n (-100) made the language's files
def on_files(files, config):
    project, language = project_for(config), i18n.current_language(config)
    page = files.get_file_from_path(f"{language}/{ONBOARDING_PAGE}")
    folder = posixpath.dirname(page.dest_uri)
    i18n.add_published_files(files, config, {
        f"{folder}/{path}": resolve_links(html, page, files, language).encode("utf-8")
        for path, html in shared_onboarding_fragments(project, language).items()})
    return files
