"""mkdocs.yml read our strict way, before MkDocs reads it, and what a maintainer may get wrong in it.

MkDocs parses mkdocs.yml itself, before any hook runs: a syntax error, a date that does not exist or an unknown
key ends there in English, a traceback or a hang (PyYAML expands aliases). So the preflight
(`python -m guideline.adapter.preflight`, run by scripts/build.sh and scripts/serve.py) reads it first with
guideline.yamlfile, and the build's own check (guideline.project) reads it the same way again: a key written twice,
an alias, a python/ tag, a date that does not exist, site_url, `extra` and the addresses of extra scripts are
located problems in Finnish and Swedish. What the file still says (the nav and its translations, the Markdown
extensions) is used even when something else in it is wrong, so that its mistakes hide no other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from guideline import yamlfile
from guideline.docs import MarkdownSettings
from guideline.languages import DEFAULT_LANGUAGE, LANGUAGES
from guideline.navigation import Navigation, read_navigation
from guideline.problems import Problem

CONFIG_FILE = "mkdocs.yml"
I18N_PLUGIN = "i18n"
# Material reads these from `extra` to add content or scripts to every page (analytics, a consent banner, a
# homepage link...); this site uses none of them, and its own settings are in organization.yml.
EXTRA_ALLOWED = {"generator": bool}
# Extensions MkDocs always adds to markdown_extensions.
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass
class SiteConfig:
    """mkdocs.yml as read by us: its parsed data (what could be read), lines and problems."""

    source: yamlfile.YamlFile

    @property
    def problems(self) -> list[Problem]:
        return self.source.problems

    @property
    def data(self) -> dict:
        return self.source.data if isinstance(self.source.data, dict) else {}

    @property
    def lines(self) -> dict:
        return self.source.lines

    @property
    def site_url(self) -> str:
        value = self.data.get("site_url")
        return value if isinstance(value, str) else ""

    def navigation(self) -> Navigation | None:
        """The nav and its translations as written, or None when there is no nav to judge (an unreadable file)."""
        nav = self.data.get("nav")
        if not isinstance(nav, list):
            return None
        return read_navigation(nav, self.nav_translations())

    def nav_translations(self) -> dict[str, dict[str, str]]:
        translations = {}
        for language in _i18n_languages(self.data):
            if language.get("locale") != DEFAULT_LANGUAGE:
                given = language.get("nav_translations")
                translations[str(language.get("locale"))] = given if isinstance(given, dict) else {}
        return translations

    def markdown(self) -> MarkdownSettings:
        """The Markdown extensions and their settings as MkDocs will load them (the site's own, guideline.docs',
        when the file could not be read: its pages are then still read as the site reads them)."""
        if not isinstance(self.data.get("markdown_extensions"), list):
            return MarkdownSettings()
        names, configs = [], {}
        for item in self.data.get("markdown_extensions") or []:
            if isinstance(item, str):
                names.append(item)
            elif isinstance(item, dict) and len(item) == 1:
                name, settings = next(iter(item.items()))
                names.append(str(name))
                if isinstance(settings, dict):
                    configs[str(name)] = settings
        names += [name for name in MKDOCS_EXTENSIONS if name not in names]
        return MarkdownSettings(tuple(names), repr(sorted(configs.items())), configs)


def read_config(path: Path, shown: str = CONFIG_FILE) -> SiteConfig:
    """Read mkdocs.yml and find what MkDocs would stop on (or be misled by) that we can say better."""
    text, problems = yamlfile.read_text(path, shown)
    if text is None:
        return SiteConfig(yamlfile.YamlFile(shown, problems=problems))
    source = yamlfile.parse(text, shown, construct=False)  # MkDocs' own tags (!ENV, !relative) stay text
    config = SiteConfig(source)
    if not any(problem.key == "error.yaml_syntax" for problem in source.problems):
        if not isinstance(source.data, dict):
            source.problems.append(Problem(file=shown, key="error.config_not_mapping", line=1))
        else:
            source.problems += _site_url_problems(config) + _extra_problems(config) + _language_problems(config)
    return config


def _site_url_problems(config: SiteConfig) -> list[Problem]:
    """site_url as written in mkdocs.yml (`mkdocs serve` replaces it with its own address while it runs)."""
    value = config.data.get("site_url")
    if isinstance(value, str) and _https(value.strip()):
        return []
    return [Problem(file=config.source.shown, key="error.site_url", path="site_url",
                    line=config.source.line(("site_url",)))]


def _https(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and not any(char in value for char in " <>\"'`\\")


def _extra_problems(config: SiteConfig) -> list[Problem]:
    """`extra` settings Material would turn into content or scripts, and extra scripts or styles from elsewhere."""
    shown, problems = config.source.shown, []
    extra = config.data.get("extra")
    if extra is not None and not isinstance(extra, dict):
        problems.append(Problem(file=shown, key="error.expected_mapping", line=config.source.line(("extra",)),
                                path="extra", params={"field": "extra", "value": str(extra)[:60]}))
    for key, value in (extra or {}).items() if isinstance(extra, dict) else ():
        allowed = EXTRA_ALLOWED.get(key)
        if allowed is None:
            problems.append(Problem(file=shown, key="error.config_extra", line=config.source.line(("extra", key)),
                                    path=f"extra.{key}", params={"field": f"extra.{key}"}))
        elif allowed is bool and str(value).lower() not in ("true", "false"):
            problems.append(Problem(file=shown, key="error.expected_yes_no", line=config.source.line(("extra", key)),
                                    path=f"extra.{key}", params={"field": f"extra.{key}", "value": str(value)[:60]}))
    for key, tag in (("extra_javascript", "script"), ("extra_css", "link")):
        for index, item in enumerate(config.data.get(key) or []):
            address = item.get("path") if isinstance(item, dict) else item
            address = str(address or "").strip()
            parts = urlsplit(address)
            if parts.scheme or address.startswith("//"):
                problems.append(Problem(file=shown, key="error.external_resource", path=f"{key}[{index + 1}]",
                                        line=config.source.line((key, index)),
                                        params={"tag": tag, "address": address[:80]}))
    return problems


def _language_problems(config: SiteConfig) -> list[Problem]:
    """The i18n plugin must build the languages the sources are written in, the default one at the site's root."""
    languages = _i18n_languages(config.data)
    # read as text (construct=False): true and false are the words
    built = {str(language.get("locale")) for language in languages
             if str(language.get("build", "true")).lower() != "false"}
    default = [str(language.get("locale")) for language in languages if str(language.get("default")).lower() == "true"]
    if built == set(LANGUAGES) and default == [DEFAULT_LANGUAGE]:
        return []
    line = next((found for path, found in config.lines.items() if path[-1:] == (I18N_PLUGIN,)), None)
    return [Problem(file=config.source.shown, key="error.config_languages", path="plugins", line=line or
                    config.source.line(("plugins",)), params={"languages": ", ".join(LANGUAGES),
                                                              "default": DEFAULT_LANGUAGE})]


def _i18n_languages(data: dict) -> list[dict]:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get(I18N_PLUGIN), dict):
            languages = plugin[I18N_PLUGIN].get("languages")
            return [language for language in languages or [] if isinstance(language, dict)]
    return []

