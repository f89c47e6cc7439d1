"""What the hooks need to know of static-i18n: the languages, the one being built, and whether it is the first."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Build:
    """The language build that is running: static-i18n runs one full MkDocs build per language, one inside the
    other; only the first (outer) one runs before anything is written."""

    languages: tuple[str, ...]
    default: str
    current: str
    is_first: bool

    @property
    def is_default(self) -> bool:
        """True in the default language's build, which publishes at the site root."""
        return self.current == self.default


def current_build(config: MkDocsConfig) -> Build:
    """Read the languages and the current one from the i18n plugin."""
    plugin = config.plugins["i18n"]
    languages = tuple(language.locale for language in plugin.config.languages)
    # The outer build runs first and builds the other languages from its on_post_build; in `mkdocs serve`
    # the outer build of a rebuild is the language built last, so "first" is not "default".
    return Build(languages=languages, default=plugin.default_language,
                 current=plugin.current_language or plugin.default_language, is_first=not plugin.building)
