"""Canary: the behaviour of mkdocs-static-i18n that guideline.adapter.i18n relies on, named one by one.

When an upgrade of the plugin changes one of these, this file fails and says which; the adapter is the one place
to mend (README, "For developers")."""

from __future__ import annotations

import pytest
from mkdocs.commands.build import get_files
from mkdocs.config import load_config

from guideline.adapter import i18n
from guideline.languages import DEFAULT_LANGUAGE, LANGUAGES
from sitetools import ROOT

pytestmark = pytest.mark.unit


@pytest.fixture
def config(tmp_path):
    loaded = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    return loaded.plugins.on_config(loaded)


def test_the_plugin_builds_our_languages_with_finnish_as_default(config):
    assert i18n.configured_languages(config) == (LANGUAGES, DEFAULT_LANGUAGE)
    assert i18n.current_language(config) == DEFAULT_LANGUAGE and not i18n.is_inner_build(config)


def test_nav_translations_map_the_nav_titles(config):
    assert i18n.nav_translations(config)["sv"]["Tietoturva"] == "Informationssäkerhet"


def test_a_file_added_before_the_plugin_gets_alternates_and_is_remade_from_its_path(config):
    files = get_files(config)
    i18n.add_generated_files(files, config, ["quizzes/canary.md"])
    before = files.get_file_from_path("fi/quizzes/canary.md")
    plugin = config.plugins["i18n"]
    sorted_files = plugin.on_files(files, config=config)
    after = sorted_files.get_file_from_path("fi/quizzes/canary.md")
    assert after is not None and after is not before, "the plugin remakes every File from its source path"
    assert after.url == "quizzes/canary/" and after.dest_uri == "quizzes/canary/index.html"
    assert set(after.alternates) == set(LANGUAGES), "each page knows its twin in every language"
    assert after.alternates["sv"].url == "sv/quizzes/canary/"
    assert i18n.page_path(after) == "quizzes/canary.md"
    assert after in plugin.i18n_files_per_language[DEFAULT_LANGUAGE], "the sitemap lists the page"


def test_a_file_with_content_but_no_source_path_breaks_the_plugin(config):
    """Why generated pages enter as Files of docs_dir and get their content later: the plugin sorts files by
    their source path and fails on an in-memory one (File.generated). If this ever passes, the adapter can
    use File.generated directly."""
    from mkdocs.structure.files import File
    files = get_files(config)
    files.append(File.generated(config, "fi/quizzes/canary.md", content="# in memory"))
    with pytest.raises(TypeError):
        config.plugins["i18n"].on_files(files, config=config)


def test_the_other_languages_are_built_inside_the_first_build(config):
    """The plugin's on_post_build builds each other language with MkDocs' build(); `building` says so."""
    import inspect
    from mkdocs_static_i18n.plugin import I18n
    source = inspect.getsource(I18n.on_post_build)
    assert "self.building = True" in source and "build(config" in source
    assert "self.current_language = locale" in source
