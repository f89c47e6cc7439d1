"""Hook: one search index per language, so a reader searching a Swedish page gets Swedish results only.

static-i18n merges the entries of every language into site/search/search_index.json. After the last
language is built, this hook splits that index: the default language's stays at the root, each other
language's goes to <language>/search/search_index.json, and pages of that language read it (main.html).
Each index carries its language's word table (Finnish base forms and compound parts from Voikko) and the synonyms of
quizzes/search.yml, and the words of the links that lead to each section from the guideline's own pages, which the
search worker reads (guideline.search_lexicon, workers/search-stemming.js).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from guideline.adapter import i18n
from guideline.adapter.site import project_for
from guideline.languages import DEFAULT_LANGUAGE, LANGUAGES
from guideline.search_lexicon import lexicon, linked_words, synonym_table
from guideline.search_split import split_index, weigh_page_entries


@event_priority(-200)  # after static-i18n (-100) has built every language and merged their search entries
def on_post_build(config) -> None:
    if i18n.is_inner_build(config):
        return
    site = Path(config.site_dir)
    combined = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for language, index in split_index(combined, LANGUAGES, DEFAULT_LANGUAGE).items():
        index = weigh_page_entries(index)
        # The word table and the synonyms travel in the config: Material hands the worker only config and docs.
        words = project_for(config).quizzes.search
        synonyms = synonym_table(words.model[language], language) if words else {}
        root = site / ("" if language == DEFAULT_LANGUAGE else language)
        index["config"]["lexicon"] = lexicon(index, language, synonyms, linked_words(_rule_pages(index, root)))
        folder = root / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                                                  encoding="utf-8")


def _rule_pages(index: dict, root: Path) -> dict[str, str]:
    """The built HTML of the pages the index weighs fully (the guideline's own, not quizzes or the sources)."""
    weights = {}
    for entry in index["docs"]:  # a section's boost is its page's (the page's own entry is weighed down too)
        if "#" in entry["location"]:
            weights.setdefault(entry["location"].split("#")[0], entry.get("boost", 1.0))
    return {location: (root / location / "index.html").read_text(encoding="utf-8")
            for location, weight in weights.items() if weight >= 0.5 and (root / location / "index.html").is_file()}
