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


# A chapter's short introduction (its page's own entry) must not outrank the rule section that answers the query:
# it weighs less than its sections. A page without sections (a quiz, the poster) is the answer itself when its
# title matches, and keeps its own weight.
PAGE_ENTRY_WEIGHT = 0.4


def weigh_page_entries(index: dict, weight: float = PAGE_ENTRY_WEIGHT) -> dict:
    """The index with every whole-page entry (a location without #) of a page that has sections weighted, on top
    of its page's own boost."""
    with_sections = {entry["location"].split("#")[0] for entry in index["docs"] if "#" in entry["location"]}
    docs = []
    for entry in index["docs"]:
        if "#" not in entry["location"] and entry["location"] in with_sections:
            entry = {**entry, "boost": round(entry.get("boost", 1.0) * weight, 4)}
        docs.append(entry)
    return {**index, "docs": docs}
