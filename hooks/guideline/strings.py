"""The one fi/sv table of interface strings: templates, scripts and build messages all read it."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

import yaml

TABLE = Path(__file__).with_name("strings.yml")
LANGUAGES = ("fi", "sv")


class UiStrings:
    """Interface strings by key and language; every key has a non-empty text in every language."""

    def __init__(self, table: dict[str, dict[str, str]], languages: tuple[str, ...] = LANGUAGES):
        self.table = table
        self.languages = languages

    def get(self, key: str, language: str) -> str:
        """The text of key in language; an unknown key is a programming error and raises KeyError."""
        return self.table[key][language]

    def format(self, key: str, language: str, **params) -> str:
        """The text of key in language with its {placeholders} filled in."""
        return self.get(key, language).format(**params)

    def for_prefix(self, prefix: str, language: str) -> dict[str, str]:
        """The strings of one language whose keys start with prefix, keyed by the rest: for a page's scripts."""
        return {key[len(prefix):]: texts[language] for key, texts in self.table.items() if key.startswith(prefix)}


def table_errors(table: object, languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """Why a loaded table is not usable: not a mapping, a language missing or empty, placeholders that differ."""
    if not isinstance(table, dict):
        return ["the table must be a mapping of key: {fi: ..., sv: ...}"]
    errors = []
    for key, texts in table.items():
        if not isinstance(texts, dict):
            errors.append(f"{key}: expected a mapping with {', '.join(languages)}")
            continue
        for language in languages:
            if not isinstance(texts.get(language), str) or not texts[language].strip():
                errors.append(f"{key}: missing the '{language}' text")
        unknown = set(texts) - set(languages)
        if unknown:
            errors.append(f"{key}: unknown language(s) {', '.join(sorted(unknown))}")
        fields = {
            language: {name for _, name, _, _ in string.Formatter().parse(texts.get(language) or "") if name}
            for language in languages
        }
        if len({frozenset(names) for names in fields.values()}) > 1:
            errors.append(f"{key}: the languages use different placeholders {fields}")
    return errors


@lru_cache(maxsize=None)
def load_ui_strings(path: Path = TABLE) -> UiStrings:
    """Load and check the table once; a broken table stops the build with every error listed."""
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = table_errors(table)
    if errors:
        raise ValueError(f"{path}: " + "; ".join(errors))
    return UiStrings(table)
