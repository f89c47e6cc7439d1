"""Spell check of the built pages: Finnish with Voikko, Swedish with Hunspell sv_FI, a short explained allowlist."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from guideline.languages import LANGUAGES
from sitetools import built_pages, language_of_path, organization_settings, page_url_path, soup

WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*(?::[^\W\d_]+)?")
# "käyttö- ja tekijänoikeudet", "användar- och": the first part of a shared compound is no word of its own.
SUSPENDED = re.compile(r"[^\W\d_]+-(?=\s+(?:ja|tai|eller|och)\b)")


def allowlist(language: str) -> set[str]:
    words = set()
    for line in (Path(__file__).parent / "spelling" / f"{language}.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    settings = organization_settings()
    names = [texts[code] for texts in (settings.name, settings.name_genitive) for code in LANGUAGES]
    names += [channel.name for channel in settings.channels]
    return words | {word for name in names for word in WORD.findall(name)}


def page_words(page: Path, language: str) -> set[str]:
    """The words a reader reads on a page, without code, addresses, and passages in another language."""
    article = soup(page).select_one("article")
    for element in article.select("code, pre, .headerlink, script, style"):
        element.decompose()
    for element in article.select("[lang]"):
        if element["lang"] != language:
            element.decompose()
    # E-mail and web addresses, with or without https:// ("ohje.esimerkkikaupunki.example/sv"), are no words.
    text = re.sub(r"\S+@\S+|https?://\S+|\b[\w-]+(?:\.[a-z][\w-]*)+(?:/\S*)?", " ", article.get_text(" "))
    text = SUSPENDED.sub(" ", text).replace("-", " ").replace("–", " ")
    return set(WORD.findall(text))


def words_by_language(site: Path) -> dict[str, dict[str, set[str]]]:
    found: dict[str, dict[str, set[str]]] = {"fi": {}, "sv": {}}
    for page in built_pages(site):
        path = page_url_path(site, page)
        for word in page_words(page, language_of_path(path)):
            found[language_of_path(path)].setdefault(word, set()).add(path)
    return found


def misspelt_finnish(words: set[str]) -> set[str]:
    from libvoikko import Voikko
    voikko = Voikko("fi")
    try:
        return {word for word in words if not voikko.spell(word)}
    finally:
        voikko.terminate()


def misspelt_swedish(words: set[str]) -> set[str]:
    completed = subprocess.run(["hunspell", "-d", "sv_FI", "-l"], input="\n".join(sorted(words)),
                               capture_output=True, text=True, check=True)
    return set(completed.stdout.split())


CHECKERS = {"fi": misspelt_finnish, "sv": misspelt_swedish}


@pytest.fixture(scope="module")
def words(site):
    return words_by_language(site)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_built_pages_are_spelt_correctly(words, language):
    allowed = allowlist(language)
    misspelt = {word for word in CHECKERS[language](set(words[language]))
                if word not in allowed and word[:1].lower() + word[1:] not in allowed}
    assert {word: sorted(words[language][word]) for word in sorted(misspelt)} == {}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_allowlist_has_no_stale_entries(words, language):
    listed = {line.split("#", 1)[0].strip() for line in
              (Path(__file__).parent / "spelling" / f"{language}.txt").read_text(encoding="utf-8").splitlines()} - {""}
    used = set(words[language]) | {word[:1].lower() + word[1:] for word in words[language]}
    assert listed - used == set(), "remove words that no page uses any more"


@pytest.mark.parametrize("language, planted", [("fi", "luottamushenkilGille"), ("sv", "förtroendevalad")])
def test_the_checker_catches_a_planted_misspelling(language, planted):
    assert CHECKERS[language]({planted}) == {planted}
