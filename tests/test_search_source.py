"""The search's own sources and build-time parts: the synonym list (quizzes/search.yml), the page weights, the
Finnish base forms from Voikko, and a clear message when Voikko is missing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from guideline import project as project_module
from guideline import search_lexicon
from guideline.docs import markdown_body
from guideline.problems import ProblemsFound
from guideline.search_lexicon import (base_forms, choose_readings, compound_parts, encode_forms, finnish_readings,
                                      index_words, lexicon, linked_words, synonym_table)
from guideline.search_split import weigh_page_entries
from sitetools import check_source

pytestmark = pytest.mark.unit

FIXTURE = Path(__file__).parent / "fixtures" / "source"
SEARCH = "quizzes/search.yml"
VALID = """fi:
  - words: [trolli, provo]
    means: asiaton sisältö
sv:
  - words: [troll]
    means: olämpligt
"""


def load(tmp_path: Path, search: str):
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / SEARCH).write_text(search, encoding="utf-8")
    return check_source(root)


def test_a_valid_synonym_list_passes(tmp_path):
    source = load(tmp_path, VALID)
    assert source.problems == [], ProblemsFound(source.problems).report()
    assert synonym_table(source.quizzes.search.model["fi"], "fi") == {"trolli": ["asiaton sisältö"],
                                                                      "provo": ["asiaton sisältö"]}


def test_a_meant_word_missing_from_the_pages_is_located_in_both_languages(tmp_path):
    source = load(tmp_path, VALID.replace("means: olämpligt", "means: trakasserier"))
    [problem] = source.problems
    assert (problem.file, problem.key, problem.line, problem.path) == (
        SEARCH, "error.search_word_not_in_text", 6, "sv[1].means")
    text = ProblemsFound(source.problems).report()
    assert "Sanaa trakasserier ei ole ohjeen sivuilla" in text and "Ordet trakasserier finns inte" in text


def test_a_word_listed_twice_is_located(tmp_path):
    source = load(tmp_path, VALID.replace("[trolli, provo]", "[trolli, provo, trolli]"))
    [problem] = source.problems
    assert (problem.key, problem.path, problem.line) == ("error.search_word_twice", "fi[1].words[3]", 2)


def test_a_reader_word_with_a_space_is_a_format_error(tmp_path):
    source = load(tmp_path, VALID.replace("[troll]", "[nät troll]"))
    [problem] = source.problems
    assert (problem.key, problem.path, problem.line) == ("error.bad_format", "sv[1].words[1]", 5)


def test_a_reader_word_may_hold_digits_beside_letters_but_not_only_digits(tmp_path):
    source = load(tmp_path, VALID.replace("[trolli, provo]", "[trolli, 2fa]"))
    assert source.problems == [], ProblemsFound(source.problems).report()
    source = load(tmp_path / "digits", VALID.replace("[troll]", "[troll, \"2024\"]"))
    [problem] = source.problems
    assert (problem.key, problem.path, problem.line) == ("error.bad_format", "sv[1].words[2]", 5)


def test_without_the_file_search_has_no_synonyms(tmp_path):
    source = check_source(shutil.copytree(FIXTURE, tmp_path / "project"))
    assert source.problems == [] and source.quizzes.search is None


def test_front_matter_is_not_read_as_a_heading_and_keeps_line_numbers():
    text = "---\nsearch:\n  boost: 0.1\n---\n\n# Otsikko\n"
    body = markdown_body(text)
    assert "boost" not in body and body.splitlines()[5] == "# Otsikko"


def test_page_entries_weigh_less_than_their_sections_on_top_of_the_page_boost():
    index = {"config": {}, "docs": [{"location": "a/", "title": "A", "text": "", "boost": 0.5},
                                    {"location": "a/#b", "title": "B", "text": ""}]}
    docs = weigh_page_entries(index, 0.4)["docs"]
    assert docs[0]["boost"] == 0.2 and "boost" not in docs[1]


def test_a_page_without_sections_keeps_its_own_weight():
    """A quiz or the poster is the answer itself when its title matches: no introduction's weight on it."""
    index = {"config": {}, "docs": [{"location": "quizzes/onboarding/", "title": "Perehdytystesti", "text": "",
                                     "boost": 0.5},
                                    {"location": "quizzes/", "title": "Testit", "text": "", "boost": 0.2},
                                    {"location": "quizzes/#onboarding", "title": "Perehdytystesti", "text": "",
                                     "boost": 0.2}]}
    docs = weigh_page_entries(index, 0.4)["docs"]
    assert [doc["boost"] for doc in docs] == [0.5, 0.08, 0.2]


def test_finnish_words_get_voikkos_base_forms_across_consonant_gradation():
    index = {"docs": [{"title": "Kunnioita tekijänoikeuksia", "text": "<p>Hankinnoista ja hankinta 2026.</p>"}]}
    words = index_words(index)
    assert words == {"kunnioita", "tekijänoikeuksia", "hankinnoista", "ja", "hankinta"}
    table = base_forms(words, "fi")
    assert table["tekijänoikeus"] == ["tekijänoikeuksia"] and table["hankinta"] == ["hankinnoista"]
    assert encode_forms({"hankinta": ["hankinnoista"]}) == "hankinta hankinnoista"
    assert base_forms(words, "sv") == {}
    assert lexicon(index, "fi", {"x": ["y"]})["synonyms"] == {"x": ["y"]}


def test_of_voikkos_readings_the_base_form_the_sites_words_use_wins():
    # Voikko reads "vaaleissa" first as a form of "vaalea" (pale) and "tietoturvasta" as "tietoturpa"
    assert finnish_readings("vaaleissa")[0][0] == "vaalea"
    assert finnish_readings("tietoturvasta")[0][0] == "tietoturpa"
    chosen = choose_readings({"vaaleissa", "vaalien", "vaali", "tietoturvasta", "tietoturva"})
    assert chosen["vaaleissa"][0] == "vaali" and chosen["tietoturvasta"][0] == "tietoturva"
    # a word that is its own base form keeps it, though another reading has more forms on the site
    chosen = choose_readings({"tilanne", "tilanteessa", "tilanteen", "tila", "tilaa", "tilat", "tilassa"})
    assert chosen["tilanne"][0] == "tilanne" and chosen["tilaa"][0] == "tila"


def test_a_finnish_compound_is_indexed_with_its_parts_base_forms():
    assert compound_parts({"häiriötilanteissa", "tekijänoikeuksia", "yksityisviestit", "tili"}, "fi") == {
        "häiriötilanne": ["häiriö", "tilanne"], "tekijänoikeus": ["tekijä", "oikeus"],
        "yksityisviesti": ["yksityis", "viesti"]}
    assert compound_parts({"lösenordet"}, "sv") == {}
    index = {"docs": [{"title": "Häiriötilanteissa", "text": ""}]}
    assert lexicon(index, "fi", {})["parts"] == "häiriötilanne häiriö tilanne"


def test_a_missing_voikko_is_a_build_problem_in_both_languages(monkeypatch):
    def missing():
        raise search_lexicon.VoikkoMissing("libvoikko.so.1: cannot open shared object file")
    monkeypatch.setattr(search_lexicon, "check_voikko", missing)
    [problem] = project_module._voikko_problems()
    text = ProblemsFound([problem]).report()
    assert "Asenna se komennolla scripts/setup.sh" in text and "Installera den med kommandot scripts/setup.sh" in text
    assert "libvoikko.so.1" in text and "Traceback" not in text


@pytest.mark.unit
def test_a_meant_word_is_found_only_where_a_word_or_a_compound_starts():
    from guideline.checks import _starts_a_word
    text = "somevastaava: tietoturva ja 3d-tulostin, _alaviiva, ä-kirjain"
    for word, found in (("tietoturva", True), ("turva", False), ("vastaava", False), ("some", True),
                        ("tulostin", True), ("d", False), ("alaviiva", True), ("kirjain", True), ("xyz", False)):
        assert _starts_a_word(text, word) is found, word
        assert bool(re.search(rf"(?<![^\W_]){re.escape(word)}", text)) is found, word  # the rule it stands for


def test_a_sections_link_words_are_what_the_text_links_to_it_with():
    """A rule's links to another lead there with what they say; navigation, the heading's own permalink and links
    to other hosts are not the text's words for a section."""
    page = ('<nav><a href="../interaction/#archiving">Arkistointi</a></nav><article>'
            '<h2 id="show-who-runs-it">Kerro <a class="headerlink" href="#show-who-runs-it" title="Pysyvä linkki">linkki</a></h2>'
            '<p>linkki <a href="../interaction/#commenter-data-protection">kaupungin <em>tietosuojaselosteeseen</em></a>,'
            ' <a href="#respond-quickly">vastaa nopeasti</a>, <a href="https://example.org/#x">muualle</a></p></article>')
    other = '<article><a href="../interaction/#commenter-data-protection">Tietosuojaselostetta</a></article>'
    assert linked_words({"channels/": page, "responsibilities/": other}) == {
        "channels/#respond-quickly": "nopeasti vastaa",
        "interaction/#commenter-data-protection": "kaupungin tietosuojaselosteeseen tietosuojaselostetta",
    }
