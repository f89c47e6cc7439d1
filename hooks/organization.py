"""Hook: show the organization's settings (mkdocs.yml `extra.organization`) on pages through <!-- org:NAME --> markers."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError

from guideline.organization import Organization, expand_markers, load_organization, render_marker
from guideline.problems import ProblemsFound
from guideline.quizsource import not_utf8_problem
from i18n_context import current_build

# Set by on_config at the start of every build, so a `mkdocs serve` rebuild never sees stale settings.
_organization: Organization | None = None


def on_config(config):
    """Validate the settings at the start of each language build."""
    global _organization
    config_text = Path(config.config_file_path).read_text(encoding="utf-8")
    _organization, problems = load_organization(config.extra, config_text, config.site_url)
    if problems:
        raise PluginError(str(ProblemsFound(problems)))
    return config


def on_pre_build(config) -> None:
    """Check every page's markers before anything is cleaned or written, so a bad marker never half-builds the site."""
    if not current_build(config).is_first:
        return
    docs_dir = Path(config.docs_dir)
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        shown = (Path(docs_dir.name) / page.relative_to(docs_dir)).as_posix()
        try:
            text = page.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(not_utf8_problem(shown, page, error))
            continue
        problems += expand_markers(text, shown, lambda name: "")[1]
    if problems:
        raise PluginError(str(ProblemsFound(problems)))


def on_page_markdown(markdown, page, config, files):
    """Replace the markers with the settings in the page's language."""
    language = current_build(config).current
    expanded, _ = expand_markers(markdown, page.file.src_uri,
                                 partial(_render, language=language))
    return expanded


def on_env(env, config, files):
    """Templates (footer, print header) read the validated settings as `organization`."""
    env.globals["organization"] = _organization
    return env


def _render(name: str, language: str) -> str:
    return render_marker(name, _organization, language)
