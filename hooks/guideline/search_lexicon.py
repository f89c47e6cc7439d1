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
from urllib.parse import urljoin

TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W_]+", re.UNICODE)


class VoikkoMissing(Exception):
    """libvoikko or its Finnish dictionary (Debian libvoikko1 and voikko-fi) is not installed."""


def index_words(index: dict) -> set[str]:
    """Every word of an index's titles and texts, lowercased, as lunr's tokenizer and trimmer see them."""
    words: set[str] = set()
    for entry in index["docs"]:
        for field in (entry.get("title", ""), entry.get("text", "")):
            words.update(_field_words(field))
    return words


@lru_cache(maxsize=8192)  # a section's text is the same from one rebuild to the next until its page is saved
def _field_words(field: str) -> frozenset[str]:
    return frozenset(word for word in (match.lower() for match in WORD.findall(unescape(TAG.sub(" ", field))))
                     if not word.isdigit())


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
def _analyses(word: str) -> tuple[tuple[str, str], ...]:
    """(BASEFORM, STRUCTURE) of each of Voikko's analyses of a word, in its order ("" for a missing one).

    Voikko.analyze asks the library for every attribute of every analysis (about ten, some of them worked out on
    request); through the same library calls, only these two are asked for, at half the cost. Where the binding
    does not have those calls, Voikko.analyze."""
    voikko = _voikko()
    library, handle = getattr(voikko, "_Voikko__lib", None), getattr(voikko, "_Voikko__handle", None)
    if library is None or handle is None or "\0" in word:
        return tuple((analysis.get("BASEFORM", ""), analysis.get("STRUCTURE", "")) for analysis in voikko.analyze(word))
    found = library.voikkoAnalyzeWordUcs4(handle, word)
    if not found:
        return ()
    analyses, index = [], 0
    try:
        while found[index]:
            analysis = found[index]
            analyses.append((library.voikko_mor_analysis_value_ucs4(analysis, b"BASEFORM") or "",
                             library.voikko_mor_analysis_value_ucs4(analysis, b"STRUCTURE") or ""))
            index += 1
    finally:
        library.voikko_free_mor_analysis(found)
    return tuple(analyses)


@lru_cache(maxsize=65536)
def finnish_readings(word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Voikko's readings of a Finnish word, in its order: (base form, the base forms of its compound parts)."""
    readings = []
    for base, structure in _analyses(word):
        base = base.lower()
        if base and WORD.fullmatch(base) and base not in (r[0] for r in readings):
            readings.append((base, _compound_parts(word, base, structure)))
    return tuple(readings)


def _compound_parts(word: str, base: str, structure: str) -> tuple[str, ...]:
    """A compound's parts as base forms: the word split where Voikko's STRUCTURE marks a part ("=ppp=pppp"), the
    first parts looked up on their own (tekijän -> tekijä; one Voikko does not know stays as written: yksityis),
    the last part the rest of the compound's base form (häiriötilanteissa -> häiriö, tilanne)."""
    pieces, letters = [], iter(word)
    for mark in structure:
        if mark == "=":
            pieces.append("")
        elif pieces:
            pieces[-1] += next(letters, "")
        else:
            pieces.append(next(letters, ""))
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2 or "".join(pieces) != word:
        return ()
    head = "".join(pieces[:-1])
    if not base.startswith(head):
        return ()
    parts = []
    for piece in pieces[:-1]:
        known = [base.lower() for base, _ in _analyses(piece)]
        parts.append(next((b for b in known if b and WORD.fullmatch(b)), piece))
    parts.append(base[len(head):])
    return tuple(part for part in parts if len(part) >= 3 and part != base)


def choose_readings(words: set[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each word's reading: among Voikko's, the base form the site's own words use most (Voikko's first reading is
    sometimes another word: tietoturvasta -> tietoturpa, vaaleissa -> vaalea, päätöstä -> päättö). A base form
    counts once for every word of the site that can be read as it, once more when it is written on the site, and
    three times more when it is the word itself (tilanne, not tila); ties keep Voikko's order."""
    readings = {word: finnish_readings(word) for word in words}
    support: dict[str, int] = defaultdict(int)
    for options in readings.values():
        for base, _ in options:
            support[base] += 1
    chosen = {}
    for word, options in readings.items():
        if options:
            chosen[word] = max(options, key=lambda option: (
                support[option[0]] + (option[0] in words) + 3 * (option[0] == word), -options.index(option)))
    return chosen


def base_forms(words: set[str], language: str, chosen: dict | None = None) -> dict[str, list[str]]:
    """Base form -> the site's other forms of it. Finnish only; other languages keep lunr's stemmer. (chosen:
    choose_readings(words), when already made.)"""
    if language != "fi":
        return {}
    table: dict[str, set[str]] = defaultdict(set)
    for word, (base, _) in sorted((chosen if chosen is not None else choose_readings(words)).items()):
        if base != word:
            table[base].add(word)
        else:
            table.setdefault(base, set())
    return {base: sorted(forms) for base, forms in sorted(table.items()) if forms}


def compound_parts(words: set[str], language: str, chosen: dict | None = None) -> dict[str, list[str]]:
    """Base form of a compound on the site -> its parts' base forms, so that a reader's "häiriö" finds
    "häiriötilanteissa". Finnish from Voikko. (chosen: choose_readings(words), when already made.)"""
    if language != "fi":
        return {}
    chosen = chosen if chosen is not None else choose_readings(words)
    return {base: list(parts) for base, parts in sorted(set(chosen.values())) if parts}


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


ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
SECTION_HREF = re.compile(r"\bhref=\"([^\"]*#[^\"]+)\"")


def linked_words(pages: dict[str, str]) -> dict[str, str]:
    """Section -> the words of the links that lead to it from the text of the given pages (location -> built HTML,
    locations as the index writes them, "channels/"): what other rules call it ("katso Keskustelijoiden
    tietosuoja" under "tietosuojaselosteeseen"), as web search counts a link's text for the page it leads to."""
    found: dict[str, set[str]] = defaultdict(set)
    for location, html in pages.items():
        for article in ARTICLE.findall(html):
            for attributes, text in LINK.findall(article):
                href = SECTION_HREF.search(attributes)
                if not href or "://" in href[1] or "headerlink" in attributes:
                    continue
                target = urljoin("/" + location, unescape(href[1])).lstrip("/")
                found[target].update(match.lower() for match in WORD.findall(unescape(TAG.sub(" ", text))))
    return {target: " ".join(sorted(words)) for target, words in sorted(found.items()) if words}


def lexicon(index: dict, language: str, synonyms: dict[str, list[str]], linked: dict[str, str] | None = None) -> dict:
    """What the worker needs besides the index, put in the index's config (Material passes only config and docs);
    linked: linked_words of the language's pages, kept for the sections the index has."""
    forms, parts = _word_tables(frozenset(index_words(index)), language)
    sections = {entry.get("location") for entry in index["docs"]}
    return {"forms": forms, "parts": parts, "synonyms": synonyms,
            "linked": {target: text for target, text in (linked or {}).items() if target in sections}}


@lru_cache(maxsize=4)  # each language's last: `mkdocs serve` rebuilds with the same words until a page changes
def _word_tables(words: frozenset[str], language: str) -> tuple[str, str]:
    """The base forms and the compound parts of the words, encoded for the worker."""
    chosen = choose_readings(set(words)) if language == "fi" else {}
    return (encode_forms(base_forms(set(words), language, chosen)),
            encode_forms(compound_parts(set(words), language, chosen)))
