"""Hook: stop the build when a page lacks its twin in the other language (static-i18n would publish a fallback)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from guideline.problems import ProblemsFound
from guideline.twins import pages_without_twin
from i18n_context import current_build


def on_pre_build(config) -> None:
    """Check once, in the first language build, before MkDocs cleans or writes anything."""
    build = current_build(config)
    if not build.is_first:
        return
    problems = pages_without_twin(Path(config.docs_dir), build.languages,
                                  shown_root=Path(config.docs_dir).name)
    if problems:
        raise PluginError(str(ProblemsFound(problems)))
