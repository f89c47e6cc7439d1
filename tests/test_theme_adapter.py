"""The theme's environments of guideline.adapter.theme: MkDocs publishes the same theme files from them as from its
own, an installed folder is listed once per process, and the folder the communications unit edits every time."""

from __future__ import annotations

import pytest
from mkdocs.commands.build import get_files
from mkdocs.config import load_config
from mkdocs.theme import Theme

from guideline.adapter import theme as adapter
from guideline.templates import COMPILED_TEMPLATES
from sitetools import ROOT, copy_project

pytestmark = pytest.mark.unit


def published(config, env) -> list[tuple[str, str]]:
    files = get_files(config)
    files.add_files_from_theme(env, config)
    return sorted((file.src_uri, file.abs_src_path) for file in files if not file.is_documentation_page())


def test_mkdocs_publishes_the_same_theme_files_from_our_environment_as_from_its_own(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    ours = adapter.environment(config.theme)
    assert published(config, ours) == published(config, Theme.get_env(config.theme))
    assert any(src.startswith("assets/javascripts/bundle.") for src, _ in published(config, ours))
    assert ours.bytecode_cache is COMPILED_TEMPLATES


def test_an_installed_folder_is_listed_once_and_the_edited_one_every_time(tmp_path):
    root = copy_project(tmp_path / "project")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    adapter.share(config.theme)
    material = next(folder for folder in config.theme.dirs if folder.endswith("material/templates"))
    before = len(published(config, config.theme.get_env()))
    assert material in adapter._LISTED
    (root / "overrides" / "assets" / "new-file.txt").write_text("uusi / ny", encoding="utf-8")
    after = published(config, config.theme.get_env())
    assert len(after) == before + 1 and ("assets/new-file.txt", str(root / "overrides/assets/new-file.txt")) in after


def test_the_listing_leaves_out_dot_folders_and_files_as_mkdocs_does(tmp_path):
    for name in ("a.css", "sub/b.js", ".icons/x.svg", "sub/.hidden", "sub/.dir/c.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert sorted(adapter.listing(str(tmp_path))) == ["a.css", "sub/b.js"]
