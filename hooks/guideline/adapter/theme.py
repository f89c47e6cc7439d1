"""The theme's Jinja environments, made as MkDocs makes them but with its installed folders listed once per process
and every template compiled once per process.

MkDocs makes a new environment over the theme's folders for every build (and static-i18n builds each language
as one), and Material's search plugin another for its translations. Each build lists every file of the theme's
folders to find the files to publish (Files.add_files_from_theme): Material's folder holds some 14,000 files, nearly
all icons under .icons/, which MkDocs then leaves out one name at a time. That listing was a fifth of every rebuild
under `mkdocs serve`. Here a folder of an installed package (not the theme's custom_dir, which the communications
unit edits) is listed once, without the names under a folder or file starting with a dot: MkDocs publishes none of
those, so the files it publishes are the same.
"""

from __future__ import annotations

import os
from functools import partial
from typing import Iterable

import jinja2
from mkdocs.theme import Theme

from guideline.templates import COMPILED_TEMPLATES

# The published names of each installed folder, by its path.
_LISTED: dict[str, tuple[str, ...]] = {}


def listing(folder: str) -> tuple[str, ...]:
    """Every file under folder by its path relative to it ('/'-separated), none under or named with a leading dot:
    what Jinja's FileSystemLoader lists (it follows no links either), less what MkDocs leaves out anyway."""
    found = []
    for directory, subdirectories, files in os.walk(folder):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        relative = os.path.relpath(directory, folder)
        prefix = "" if relative == "." else relative.replace(os.path.sep, "/") + "/"
        found.extend(prefix + name for name in files if not name.startswith("."))
    return tuple(found)


class ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's loader of the theme's folders; only its listing differs: an installed folder's is made once."""

    def __init__(self, searchpath: Iterable[str], edited: Iterable[str]):
        super().__init__(list(searchpath))
        self.edited = {os.path.abspath(folder) for folder in edited}

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if os.path.abspath(folder) in self.edited:
                found.update(listing(folder))
            else:
                if folder not in _LISTED:
                    _LISTED[folder] = listing(folder)
                found.update(_LISTED[folder])
        return sorted(found)


def environment(theme: Theme, make=Theme.get_env) -> jinja2.Environment:
    """MkDocs' environment of the theme (its filters and translations) with our loader and compiled templates."""
    env = make(theme)
    env.loader = ThemeLoader(theme.dirs, [theme.custom_dir] if theme.custom_dir else [])
    env.bytecode_cache = COMPILED_TEMPLATES
    return env


def share(theme: Theme) -> None:
    """Every environment of this theme (each build's, each language's, the search plugin's) made by environment().
    MkDocs reads the configuration anew for each rebuild, so each new theme gets it in on_config."""
    theme.get_env = partial(environment, theme)
