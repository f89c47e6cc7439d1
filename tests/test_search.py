"""Search answers in the reader's language, with Finnish and Swedish stemming."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from guideline.search_split import split_index
from sitetools import INSTRUMENT_SEARCH, ROOT, ask_search, language_of_path, open_search, search_ranking


@pytest.mark.unit
def test_split_index_gives_each_language_its_own_entries():
    combined = {"config": {"lang": ["fi", "sv"], "separator": "x"}, "docs": [
        {"location": "", "title": "Etusivu", "text": ""},
        {"location": "purpose/#a", "title": "Tarkoitus", "text": ""},
        {"location": "sv/", "title": "Startsida", "text": ""},
        {"location": "sv/purpose/#a", "title": "Syfte", "text": ""},
    ]}
    indexes = split_index(combined, ("fi", "sv"), "fi")
    assert [doc["location"] for doc in indexes["fi"]["docs"]] == ["", "purpose/#a"]
    assert [doc["location"] for doc in indexes["sv"]["docs"]] == ["", "purpose/#a"]
    assert indexes["fi"]["config"] == {"lang": ["fi"], "separator": "x"}
    assert indexes["sv"]["config"]["lang"] == ["sv"]


def test_built_indexes_hold_one_language_each(site):
    finnish = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    swedish = json.loads((site / "sv/search/search_index.json").read_text(encoding="utf-8"))
    assert finnish["config"]["lang"] == ["fi"] and swedish["config"]["lang"] == ["sv"]
    assert {doc["title"] for doc in finnish["docs"]} & {"Saavutettavuusseloste"}
    assert not {doc["title"] for doc in finnish["docs"]} & {"Tillgänglighetsutlåtande"}
    assert {doc["title"] for doc in swedish["docs"]} & {"Tillgänglighetsutlåtande"}
    assert not any(doc["location"].startswith("sv/") for doc in finnish["docs"] + swedish["docs"])


def search(page, server, path: str, query: str) -> list[str]:
    """Type a query into Material's search on a page and return the result links as site paths."""
    page.goto(server.url(path))
    page.keyboard.press("s")  # Material's shortcut that opens and focuses the search
    page.keyboard.type(query)
    page.keyboard.press("End")  # Playwright types ä/ö/å without the keyup Material listens to
    results = page.locator("a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    return [href.removeprefix(server.origin) for href in results.evaluate_all("links => links.map(a => a.href)")]


# Each query is an inflected form that does not occur on the page it must find: only stemming finds it.
@pytest.mark.parametrize("path, query, expected_page", [
    ("accessibility/", "saavutettavuusselosteen", "/accessibility/"),
    ("", "tietoturvan", "/security/"),
    ("sv/accessibility/", "tillgänglighetsutlåtanden", "/sv/accessibility/"),
    ("sv/", "lösenorden", "/sv/security/"),
])
def test_search_stems_and_stays_in_the_page_language(page, server, site, path, query, expected_page):
    target = (site / expected_page.strip("/") / "index.html").read_text(encoding="utf-8").lower()
    assert query not in target, f"{query} is on {expected_page} verbatim: pick a form only stemming finds"
    found = search(page, server, path, query)
    assert found, f"no results for {query}"
    assert all(language_of_path(link) == language_of_path(path) for link in found), found
    assert any(urlsplit(link).path == expected_page for link in found), found


@pytest.mark.parametrize("path, query", [("sv/", "valvontaviranomainen"), ("", "tillsynsmyndighet")])
def test_words_of_the_other_language_find_nothing(page, server, path, query):
    page.goto(server.url(path))
    page.keyboard.press("s")
    page.keyboard.type(query)
    meta = page.locator(".md-search-result__meta")
    expected = "Inga sökresultat" if path.startswith("sv") else "Ei hakutuloksia"
    meta.filter(has_text=expected).wait_for(timeout=10_000)
    assert page.locator("a.md-search-result__link").count() == 0


@pytest.fixture
def searching(page, server):
    """Ask Material's search box on a language's home page; the answer is the result links in the order a reader
    sees them (sitetools.search_ranking), as site paths with their anchors."""
    page.context.add_init_script(INSTRUMENT_SEARCH)
    opened = {}

    def ask(path: str, query: str, folded_last: bool = True, paste: bool = False) -> list[str]:
        if opened.get("path") != path:
            open_search(page, server.url(path))
            opened["path"] = path
        links = search_ranking(ask_search(page, query, paste), folded_last)
        found = [urlsplit(link).path + ("#" + urlsplit(link).fragment if urlsplit(link).fragment else "")
                 for link in links]
        assert all(language_of_path(link) == language_of_path(path) for link in found), found
        return found
    return ask


def page_text(site, path: str) -> str:
    return re.sub(r"<[^>]+>", " ", (site / path.strip("/") / "index.html").read_text(encoding="utf-8")).lower()


# Typed on a phone without ä/ö/å; the word as typed is on none of the site's pages. Three letters apart from the
# page's word, so that typo tolerance (two edits at most) does not find it: only the folded index does.
@pytest.mark.parametrize("path, query, rule", [
    ("", "vaarennokset", "/ai/#deepfakes"),
    ("", "yllapitaja", "/responsibilities/#administrator"),
    ("sv/", "losenord", "/sv/security/#strong-passwords"),
    ("sv/", "upphovsratt", "/sv/publishing/#copyright"),
])
def test_a_word_typed_without_umlauts_finds_its_rule(searching, site, path, query, rule):
    assert query not in page_text(site, rule.split("#")[0]), f"{query} is on the page as typed"
    found = searching(path, query)
    assert found and found[0] == rule, found


def synonyms(language: str) -> list[tuple[str, str]]:
    words = yaml.safe_load((ROOT / "quizzes" / "search.yml").read_text(encoding="utf-8"))[language]
    return [(word, entry["means"]) for entry in words for word in entry["words"]]


# A word readers use that the guideline does not, on the communications unit's list (quizzes/search.yml).
@pytest.mark.parametrize("path, query, rule", [
    ("", "somevastaava", "/responsibilities/#administrator"),
    ("", "screenshot", "/channels/#document-yearly"),
    ("sv/", "webbredaktör", "/sv/responsibilities/#administrator"),
    ("sv/", "nätmobbning", "/sv/employee/#targeted-harassment"),
    ("", "2fa", "/security/#two-step-verification"),
    ("sv/", "2fa", "/sv/security/#two-step-verification"),
    ("", "tuuraaja", "/channels/#shared-account"),
    ("sv/", "vikarie", "/sv/channels/#shared-account"),
])
def test_a_synonym_from_the_list_finds_its_rule(searching, site, path, query, rule):
    language = "sv" if path.startswith("sv") else "fi"
    assert query in dict(synonyms(language)), f"{query} is not on quizzes/search.yml"
    assert query not in page_text(site, rule.split("#")[0]), f"{query} is on the page: no synonym needed"
    found = searching(path, query)
    assert rule in found[:3], found


# Another form of a word on the list (valeuutisista, listed: valeuutiset): the list need not spell every form,
# also where the form's stem differs from the listed word's (vihaiseen, listed: vihainen).
@pytest.mark.parametrize("path, query, listed, rule", [
    ("", "valeuutisista", "valeuutiset", "/crisis/#correct-false-information"),
    ("", "vihaiselle", "vihainen", "/interaction/#do-not-get-provoked"),
    ("sv/", "desinformationen", "desinformation", "/sv/crisis/#correct-false-information"),
])
def test_another_form_of_a_listed_word_finds_its_rule(searching, site, path, query, listed, rule):
    language = "sv" if path.startswith("sv") else "fi"
    words = dict(synonyms(language))
    assert listed in words and query not in words, f"{query} must not be on quizzes/search.yml, {listed} must"
    assert query not in page_text(site, rule.split("#")[0]), f"{query} is on the page: no synonym needed"
    found = searching(path, query)
    assert found and found[0] == rule, found


# A form of a word that only Voikko's base forms join to the rule's words (consonant gradation: hankinnoista,
# hankinta), not on the rule's page as typed.
@pytest.mark.parametrize("path, query, rule", [
    ("", "hankinnoista", "/channels/#influencer-collaboration"),
    ("sv/", "lösenorden", "/sv/security/#strong-passwords"),
])
def test_an_inflected_form_finds_the_base_forms_section(searching, site, path, query, rule):
    assert query not in page_text(site, rule.split("#")[0]), f"{query} is on the page as typed"
    found = searching(path, query)
    assert found and found[0] == rule, found


# A question as an employee types it: a few rare words name the rule, common ones ("somessa", "sociala medier")
# and a heading that shares one of them must not outweigh the section that has them all.
@pytest.mark.parametrize("path, query, rule", [
    ("", "saanko jakaa lautakunnan esityslistan somessa", "/employee/#elected-officials"),
    ("", "kuka päivystää illalla jos tulee häiriö", "/crisis/#after-hours-readiness"),
    ("sv/", "kan jag dela nämndens föredragningslista på sociala medier", "/sv/employee/#elected-officials"),
    ("sv/", "vem har jour på kvällen om det blir en störning", "/sv/crisis/#after-hours-readiness"),
])
def test_a_long_question_finds_its_rule_first(searching, path, query, rule):
    found = searching(path, query)
    assert found and found[0] == rule, found


# A word three sections write, one of them in its first sentence, the others further down: the rule that opens
# with it comes first.
@pytest.mark.parametrize("path, query, rule", [
    ("", "vaitiolovelvollisuus", "/publishing/#confidential-information"),
    ("sv/", "tystnadsplikten", "/sv/publishing/#confidential-information"),
])
def test_the_rule_that_opens_with_the_word_comes_first(searching, site, path, query, rule):
    found = searching(path, query)
    assert found and found[0] == rule, found


# Two rules of one page answer the word (harassment: the employer's support and targeted harassment): the second
# is shown beside the first, not folded under "1 more on this page" below the other pages' results.
@pytest.mark.parametrize("path, query, rules", [
    ("", "hairinta", {"/employee/#employer-support", "/employee/#targeted-harassment"}),
    ("sv/", "trakasserier", {"/sv/employee/#employer-support", "/sv/employee/#targeted-harassment"}),
])
def test_a_section_nearly_as_good_as_its_pages_best_is_shown_not_folded(searching, path, query, rules):
    found = searching(path, query)
    assert set(found[:2]) == rules, found


# A reader searches more than once on a page. Each search must rank as it would on its own: the worker once
# filtered positions in lunr's match data in place, which holds the index's own postings, so every search took
# words out of the index for the next ("kommentissa" left "kommentin" finding no comment at all).
@pytest.mark.parametrize("path, queries", [
    ("", ["rakennuslupahakemus kommentissa", "kommentit", "saako kriittisen kommentin poistaa", "salasanan vaihto",
          "salasanat"]),
    ("sv/", ["godkända ai-tjänster", "får man använda chatgpt på jobbet", "vem får öppna ett nytt konto",
             "boosta inlägg", "schemalagda inlägg"]),
])
def test_a_search_ranks_alike_after_other_searches(browser, server, path, queries):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(INSTRUMENT_SEARCH)

    def ranking(page, query):
        return search_ranking(ask_search(page, query))

    alone = {}
    for query in queries:
        fresh = context.new_page()
        open_search(fresh, server.url(path))
        alone[query] = ranking(fresh, query)
        fresh.close()
    reader = context.new_page()
    open_search(reader, server.url(path))
    for round_ in (1, 2):
        for query in queries:
            assert ranking(reader, query) == alone[query], f"{query!r}, search {round_} of it on the page"
    context.close()


# The reader's words side by side in a rule ("Toimialajohtaja päättää", "dela stadens inlägg"): that rule before
# the sections that have each word apart (the head of department's duties, the rule on opening accounts).
@pytest.mark.parametrize("path, query, rule", [
    ("", "toimialajohtaja päättää", "/channels/#who-decides"),
    ("sv/", "får jag dela stadens inlägg på mitt eget konto", "/sv/employee/#work-role"),
])
def test_words_side_by_side_in_a_rule_lead_to_it(searching, path, query, rule):
    found = searching(path, query)
    assert found and found[0] == rule, found


# The list may name only the beginning of the guideline's word ("provosoi" for provosoida and "Älä provosoidu"): a
# listed word then finds every word that begins so, the rule's heading too, not only the one form it happens to be.
@pytest.mark.parametrize("path, query, meant, rule", [
    ("", "vihainen trolli", "provosoi", "/interaction/#do-not-get-provoked"),
])
def test_a_listed_word_finds_the_words_its_meaning_begins(searching, site, path, query, meant, rule):
    listed = dict(synonyms(path and "sv" or "fi"))
    assert all(listed.get(word) == meant for word in query.split()), f"{query} is no longer listed as {meant}"
    found = searching(path, query)
    assert found and found[0] == rule, found


# A section stands under its page's title: "Luottamushenkilö" under "Roolit ja vastuut" answers "luottamushenkilön
# vastuut", though the section never writes "vastuu".
@pytest.mark.parametrize("path, query, rule", [
    ("", "luottamushenkilön vastuut", "/responsibilities/#elected-official-duties"),
    ("sv/", "sektorchefens ansvar", "/sv/responsibilities/#head-of-department"),
])
def test_a_word_of_the_page_title_counts_for_its_sections(searching, path, query, rule):
    found = searching(path, query)
    assert found and found[0] == rule, found


# A question that asks who or why, where a rule's heading asks the same ("Kuka päättää", "Vem beslutar"): the
# question word, a stop word everywhere else, leads to that heading before the rules that only share the topic
# (without it "kaupunki", "staden" and "sociala medier" lead elsewhere).
@pytest.mark.parametrize("path, query, rule", [
    ("", "miksi kaupunki on somessa", "/purpose/#why-we-are-on-social-media"),
    ("sv/", "varför är staden på facebook", "/sv/purpose/#why-we-are-on-social-media"),
    ("sv/", "varför använder staden sociala medier", "/sv/purpose/#why-we-are-on-social-media"),
])
def test_a_question_word_meets_the_heading_that_asks_it(searching, path, query, rule):
    found = searching(path, query)
    assert found and found[0] == rule, found


# A compound typed as two words, as phones' autocorrect and hurried readers do.
@pytest.mark.parametrize("path, query, rule", [
    ("", "työ puhelin", "/security/#apps-on-work-phones"),
    ("", "yksityis viestit", "/interaction/#private-messages"),
    ("sv/", "arbets roll", "/sv/employee/#work-role"),
])
def test_a_compound_typed_apart_finds_its_rule(searching, site, path, query, rule):
    assert query not in page_text(site, rule.split("#")[0]), f"{query} is on the page as typed"
    found = searching(path, query)
    assert found and found[0] == rule, found


# A compound the guideline does not write, whose second part only begins a word of it ("stängning": "Stäng"),
# and a two-letter first part ("ai"): split where the parts meet the rule, not where a linking s makes a
# longer first part ("kontos" + "tängning" met "tangentbordet"). A Finnish adjective in -nen is a compound's
# first part in -s: "yhteistili" is the heading's "yhteistä tiliä" (yhteinen), not "yhteistyö".
@pytest.mark.parametrize("path, query, rule", [
    ("sv/", "kontostängning", "/sv/channels/#close-inactive"),
    ("sv/", "aibilder", "/sv/ai/#label-ai-content"),
    ("", "yhteistili", "/channels/#shared-account"),
])
def test_a_compound_the_text_lacks_finds_the_rule_of_its_parts(searching, site, path, query, rule):
    assert query not in page_text(site, rule.split("#")[0]), f"{query} is on the page as typed"
    found = searching(path, query)
    assert found and found[0] == rule, found


# The noun of an action the rule writes as a verb: "stängning" where the heading says "Stäng kontot", not
# "ställning", one letter away (the correction for a typo).
@pytest.mark.parametrize("path, query, rule", [
    ("sv/", "stängning", "/sv/channels/#close-inactive"),
    ("sv/", "kontots stängning", "/sv/channels/#close-inactive"),
])
def test_the_noun_of_an_action_finds_the_rule_that_writes_the_verb(searching, site, path, query, rule):
    assert "stängning" not in page_text(site, rule.split("#")[0]), "the page writes the noun as typed"
    found = searching(path, query)
    assert found and found[0] == rule, found


# A word three sections write once each, two of them in a link to the third ("linkki tietosuojaselosteeseen,
# katso Keskustelijoiden tietosuoja"): the rule the links lead to is the one about it, as their text says.
@pytest.mark.parametrize("path, query, rule", [
    ("", "tietosuojaseloste", "/interaction/#commenter-data-protection"),
    ("sv/", "dataskyddsbeskrivning", "/sv/interaction/#commenter-data-protection"),
])
def test_the_rule_other_rules_link_to_with_the_word_comes_first(searching, site, path, query, rule):
    found = searching(path, query)
    assert found and found[0] == rule, found


# A compound that only the sources page writes ("vastausaika", "svarstid", in its notes on the seeds): without its
# parts the reader would find nothing but that page, weighted down; with them the rule is on the first screen.
@pytest.mark.parametrize("path, query, rule", [
    ("", "vastausaika", "/interaction/#respond-quickly"),
    ("sv/", "svarstid", "/sv/interaction/#respond-quickly"),
])
def test_a_compound_only_a_page_weighted_down_writes_finds_the_rule_of_its_parts(searching, site, path, query,
                                                                                   rule):
    assert query not in page_text(site, rule.split("#")[0]), f"{query} is on the page as typed"
    assert query in page_text(site, path + "sources/"), f"{query} is not on the sources page any more"
    found = searching(path, query)
    assert rule in found[:3], found


# A word the rule writes only inside a compound: "oikeudet" is in "tekijänoikeuksia" (Voikko's parts), and
# "kuviin" would otherwise lead to the rule on photos of people.
@pytest.mark.parametrize("path, query, rule", [
    ("", "oikeudet kuviin", "/publishing/#copyright"),
])
def test_a_part_of_a_compound_finds_the_rule_that_writes_the_compound(searching, site, path, query, rule):
    found = searching(path, query)
    assert found and found[0] == rule, found


def quoted_rules(language: str) -> dict[str, str]:
    """Every rule a quiz question or a poster line quotes (its see: field): anchor link -> the rule's heading."""
    from guideline.docs import read_docs
    docs = read_docs(ROOT / "docs")
    quoted = set()
    for path in sorted((ROOT / "quizzes" / "questions").glob("*.yml")) + [ROOT / "quizzes" / "checklist.yml"]:
        quoted.update(re.findall(r"see: ([a-z0-9_/-]+\.md#[a-z0-9-]+)", path.read_text(encoding="utf-8")))
    rules = {}
    for see in sorted(quoted):
        page, anchor = see.split("#")
        rules["/" + ("" if language == "fi" else "sv/") + page.removesuffix(".md") + "/#" + anchor] = \
            docs.page(language, page).rules[anchor]
    return rules


@pytest.mark.parametrize("path", ["", "sv/"])
def test_a_quiz_page_never_outranks_the_rule_it_quotes(searching, path):
    """Searching for a quoted rule's heading lists the rule before any quiz page or the poster (a section folded
    under "N more on this page" counts in its page's place here: it is listed above the quiz). Each heading is
    pasted: typed key by key, each of its forty-odd keys was a search of its own, two minutes for the test."""
    language = "sv" if path else "fi"
    rules = quoted_rules(language)
    assert len(rules) > 20
    outranked = {}
    for rule, heading in rules.items():
        found = searching(path, heading, folded_last=False, paste=True)
        quiz = next((i for i, link in enumerate(found) if re.search(r"/(quizzes|poster)/", link)), len(found))
        if rule not in found[:quiz]:
            outranked[heading] = found[:quiz + 1]
    assert not outranked, outranked


@pytest.mark.parametrize("path, query, marked", [
    ("", "tyontekija", "työntekijä"),
    ("sv/", "losenord", "lösenord"),
])
def test_the_target_page_highlights_the_word_also_typed_without_umlauts(page, searching, path, query, marked):
    best = searching(path, query)[0]
    links = page.locator("a.md-search-result__link")
    href = next(link for link in links.evaluate_all("links => links.map(a => a.href)")
                if urlsplit(link).path + "#" + urlsplit(link).fragment == best)
    assert marked in parse_qs(urlsplit(href).query)["h"][0].split(), href
    page.goto(href)
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=10_000)
    words = {text.lower() for text in page.locator("mark[data-md-highlight]").all_inner_texts()}
    assert any(word.startswith(marked) for word in words), words
