"""The word list each language's search index carries: the site's word forms with their base forms, and synonyms.

Snowball joins only about 60 % of the Finnish word-form pairs of this text (49 % where consonant gradation
differs: tekijänoikeus / tekijänoikeuksia). Voikko's base forms are right by construction, so at build time
every Finnish word of the index is looked up in Voikko, and the search worker
(overrides/assets/javascripts/workers/search-stemming.js) indexes base forms and rewrites the reader's words with
the same table. Swedish keeps lunr's Snowball stemmer (measured against Hunspell stems in the issue's report).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from html import unescape

TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W_]+", re.UNICODE)


class VoikkoMissing(Exception):
    """libvoikko or its Finnish dictionary (Debian libvoikko1 and voikko-fi) is not installed."""


def index_words(index: dict) -> set[str]:
    """Every word of an index's titles and texts, lowercased, as lunr's tokenizer and trimmer see them."""
    words: set[str] = set()
    for entry in index["docs"]:
        for field in (entry.get("title", ""), entry.get("text", "")):
            words.update(match.lower() for match in WORD.findall(unescape(TAG.sub(" ", field))))
    return {word for word in words if not word.isdigit()}


@lru_cache(maxsize=1)
def _voikko():
    try:
        from libvoikko import Voikko
        return Voikko("fi")
    except (ImportError, OSError) as error:  # no Python binding, no libvoikko.so, or no Finnish dictionary
        raise VoikkoMissing(str(error)) from error


def check_voikko() -> None:
    """Raises VoikkoMissing, with the reason, when Finnish base forms cannot be made."""
    if _voikko().analyze("kissoja") == []:
        raise VoikkoMissing("voikko-fi: no Finnish dictionary")


@lru_cache(maxsize=65536)
def finnish_base_form(word: str) -> str | None:
    """Voikko's base form of a Finnish word (its first reading), or None when Voikko does not know it."""
    for analysis in _voikko().analyze(word):
        base = analysis.get("BASEFORM", "").lower()
        if base and WORD.fullmatch(base):
            return base
    return None


def base_forms(words: set[str], language: str) -> dict[str, list[str]]:
    """Base form -> the site's other forms of it. Finnish only; other languages keep lunr's stemmer."""
    if language != "fi":
        return {}
    table: dict[str, set[str]] = defaultdict(set)
    for word in sorted(words):
        base = finnish_base_form(word)
        if base and base != word:
            table[base].add(word)
        elif base:
            table.setdefault(base, set())
    return {base: sorted(forms) for base, forms in sorted(table.items()) if forms}


def encode_forms(table: dict[str, list[str]]) -> str:
    """The table as the worker reads it: one line per base form, 'base form form ...'."""
    return "\n".join(" ".join([base, *forms]) for base, forms in table.items())


def synonym_table(entries, language: str) -> dict[str, list[str]]:
    """Reader's word -> the guideline's words it means, from quizzes/search.yml (validated)."""
    table: dict[str, list[str]] = {}
    for entry in entries:
        for word in entry.words:
            table.setdefault(word.lower(), [])
            if entry.means.lower() not in table[word.lower()]:
                table[word.lower()].append(entry.means.lower())
    return table


def lexicon(index: dict, language: str, synonyms: dict[str, list[str]]) -> dict:
    """What the worker needs besides the index, put in the index's config (Material passes only config and docs)."""
    return {"forms": encode_forms(base_forms(index_words(index), language)), "synonyms": synonyms}
