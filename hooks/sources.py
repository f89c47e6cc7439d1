"""Hook: check every source before anything is built, and stop the build with every problem at once."""

from __future__ import annotations

import gc

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from guideline.adapter import i18n
from guideline.adapter.site import poll_sooner, project_for, set_serving
from guideline.languages import DEFAULT_LANGUAGE, LANGUAGES
from guideline.problems import ProblemsFound


def on_startup(command, dirty) -> None:
    """Under `mkdocs serve` the generated pages are kept between rebuilds, to be reused where nothing they are made
    from changed (guideline.pages.render_all).

    A `mkdocs build` is one process that ends with the build: what is loaded by now (MkDocs, Material, pydantic,
    our modules) stays until the end, so the collector need not look through it again (gc.freeze: a quarter of
    the build's collection time, about 15 ms)."""
    set_serving(command == "serve")
    if command == "build":
        gc.freeze()


def on_serve(server, config, builder):
    """A saved file is noticed within a tenth of a second rather than half a second (guideline.adapter.site)."""
    poll_sooner(server)
    return server


@event_priority(100)  # before static-i18n (-100) reconfigures the build for its language
def on_config(config):
    """The plugin must build the languages the sources are written in (guideline.languages)."""
    locales, default = i18n.configured_languages(config)
    if set(locales) != set(LANGUAGES) or default != DEFAULT_LANGUAGE:
        raise PluginError(f"mkdocs.yml: plugins.i18n.languages must build {', '.join(LANGUAGES)} with "
                          f"{DEFAULT_LANGUAGE} as default / ska bygga {', '.join(LANGUAGES)} med {DEFAULT_LANGUAGE} "
                          f"som standard (now/nu: {', '.join(locales)}, {default})")
    return config


@event_priority(100)  # first of all: before MkDocs cleans the site folder or any page is read
def on_pre_build(config) -> None:
    project = project_for(config)
    if project.problems:
        raise PluginError(str(ProblemsFound(project.problems, project.strings)))
