"""Hook: the organization's settings (organization.yml) on pages, through <!-- org:NAME --> markers and templates."""

from __future__ import annotations

from guideline.adapter import i18n
from guideline.adapter.site import project_for
from guideline.dates import format_date
from guideline.markers import render_marker, replace_markers


def on_page_content(html, page, config, files):
    """Each marker, kept as a comment by Markdown, becomes its setting rendered by our autoescaped templates."""
    project, language = project_for(config), i18n.current_language(config)
    return replace_markers(html, lambda name: render_marker(name, project, language))


def on_env(env, config, files):
    """Templates (footer, print header) read the validated settings as `organization`, dates as in our pages."""
    env.globals["organization"] = project_for(config).organization
    env.filters["local_date"] = format_date
    return env
