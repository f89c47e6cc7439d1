"""What the hooks need to know of static-i18n: the languages, the one being built, and whether it is the first."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Build:
    """The language build that is running: static-i18n runs one full MkDocs build per language."""

    languages: tuple[str, ...]
    default: str
    current: str

    @property
    def is_default(self) -> bool:
        """True in the first build, the default language's, which runs before anything is written."""
        return self.current == self.default


def current_build(config: MkDocsConfig) -> Build:
    """Read the languages and the current one from the i18n plugin."""
    plugin = config.plugins["i18n"]
    languages = tuple(language.locale for language in plugin.config.languages)
    return Build(languages=languages, default=plugin.default_language,
                 current=plugin.current_language or plugin.default_language)
