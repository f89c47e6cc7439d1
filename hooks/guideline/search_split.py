"""One search index per language, so that a search on a Swedish page finds Swedish pages only."""

from __future__ import annotations


def language_of(location: str, languages: tuple[str, ...], default: str) -> str:
    """The language of an index entry, read from the folder its location starts with."""
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_index(index: dict, languages: tuple[str, ...], default: str) -> dict[str, dict]:
    """Split a combined Material search index into one index per language.

    Locations of other languages lose their language folder, since each index is read relative to the
    root of its own language; each index gets its own language, so lunr stems Finnish and Swedish words.
    """
    indexes = {
        language: {**index, "config": {**index["config"], "lang": [language]}, "docs": []} for language in languages
    }
    for entry in index["docs"]:
        language = language_of(entry["location"], languages, default)
        location = entry["location"]
        if language != default:
            location = location[len(language) + 1:]
        indexes[language]["docs"].append({**entry, "location": location})
    return indexes
