"""Every use of mkdocs-static-i18n, in one module, so an upgrade of the plugin fails loudly here and nowhere else.

What we rely on (tests/test_i18n_adapter.py checks each):
- the plugin is named `i18n` and its `languages` list the locales, the default one marked `default`;
- it runs one full MkDocs build per language, the others inside the default one's on_post_build; while one runs,
  `current_language` names it and `building` is true during the inner builds;
- with `docs_structure: folder` a page of a language is `<locale>/<path>` under docs_dir, and the plugin's
  on_files (priority -100) takes only files whose source path is under docs_dir and replaces each with a new
  File made from that path: a generated page must therefore be in the list before it, as a File of docs_dir
  (to get its language switcher and sitemap entries), and get its content only after it;
- `nav_translations` of a language maps the titles of mkdocs.yml's nav to that language.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from guideline.languages import DEFAULT_LANGUAGE, LANGUAGES

PLUGIN = "i18n"


def _plugin(config: MkDocsConfig):
    return config.plugins[PLUGIN]


def configured_languages(config: MkDocsConfig) -> tuple[tuple[str, ...], str]:
    """The locales the plugin builds, and its default one (they must be guideline.languages')."""
    plugin = _plugin(config)
    locales = tuple(language.locale for language in plugin.config.languages if language.build)
    default = next(language.locale for language in plugin.config.languages if language.default)
    return locales, default


def current_language(config: MkDocsConfig) -> str:
    """The language of the build that is running."""
    return _plugin(config).current_language or DEFAULT_LANGUAGE


def is_inner_build(config: MkDocsConfig) -> bool:
    """True while the plugin builds a language other than the first, inside the first build's on_post_build."""
    return bool(_plugin(config).building)


def nav_translations(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    """The translations of the nav's titles, per language."""
    return {language.locale: dict(language.nav_translations or {}) for language in _plugin(config).config.languages
            if language.locale != DEFAULT_LANGUAGE}


def add_generated_files(files: Files, config: MkDocsConfig, paths: list[str]) -> None:
    """Put each generated page into the file list in every language folder, before the plugin sorts the files,
    as if it were written there: the plugin then finds its alternates as for any written page. Nothing is
    written to disk; the page gets its Markdown (File.content_string) just before MkDocs reads it."""
    for path in paths:
        for language in LANGUAGES:
            files.append(File(f"{language}/{path}", config.docs_dir, config.site_dir, config.use_directory_urls))


def page_path(file: File) -> str:
    """A page's path inside its language folder: fi/quizzes/x.md and sv/quizzes/x.md are quizzes/x.md."""
    first, _, rest = file.src_uri.partition("/")
    return rest if first in LANGUAGES and rest else file.src_uri

