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
        return ["taulukon rivit ovat muotoa / tabellens rader har formen  key: {fi: ..., sv: ...}"]
    errors = []
    for key, texts in table.items():
        if not isinstance(texts, dict):
            errors.append(f"{key}: odotettiin / väntade {', '.join(languages)}")
            continue
        for language in languages:
            if not isinstance(texts.get(language), str) or not texts[language].strip():
                errors.append(f"{key}: '{language}' puuttuu / saknas")
        unknown = set(texts) - set(languages)
        if unknown:
            errors.append(f"{key}: tuntematon kieli / okänt språk {', '.join(sorted(unknown))}")
        fields = {
            language: {name for _, name, _, _ in string.Formatter().parse(texts.get(language) or "") if name}
            for language in languages
        }
        if len({frozenset(names) for names in fields.values()}) > 1:
            errors.append(f"{key}: kielissä on eri paikanpitäjät / språken har olika platshållare {fields}")
    return errors


class StringTableError(ValueError):
    """The table itself is broken. Its message cannot come from the table, so it is written here, fi and sv."""


def load_ui_strings(path: Path = TABLE) -> UiStrings:
    """The checked table, loaded again only when the file changes (so `mkdocs serve` shows an edit)."""
    return _load(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: Path, modified: int) -> UiStrings:
    shown = f"{path.parent.parent.name}/{path.parent.name}/{path.name}"
    heading = f"{shown}: käyttöliittymän tekstitaulukko on rikki / tabellen med gränssnittstexter är trasig"
    try:
        text = path.read_text(encoding="utf-8")
        table = yaml.safe_load(text)
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise StringTableError(f"{heading}\n  {error}") from None
    errors = table_errors(table)
    if errors:
        lines = _key_lines(text)
        raise StringTableError(heading + "".join(
            f"\n  rivi/rad {lines.get(error.split(':', 1)[0], '?')}: {error}" for error in errors))
    return UiStrings(table)


def _key_lines(text: str) -> dict[str, int]:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    return {key.value: key.start_mark.line + 1 for key, _ in root.value} if isinstance(root, yaml.MappingNode) else {}
