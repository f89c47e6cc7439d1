"""Hook: what templates need to speak the language being built: the fi/sv strings, links and switcher."""

from __future__ import annotations

import html
from functools import partial
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority

from guideline.adapter import i18n
from guideline.adapter.site import project_for
from guideline.languages import DEFAULT_LANGUAGE, LANGUAGES
from guideline.strings import load_strings


# The theme whose 404 page a language build other than the default one does not render, put back after it.
_without_404: list = []


def on_config(config):
    """The toc writes its permalink title in English: give it the language's own (the table is checked later).

    Only the default language's build writes the 404 page (on_post_template): the other languages' builds do not
    render it at all (a page's worth of template work each); it is put back in on_post_build."""
    strings, _ = load_strings()
    language = i18n.current_language(config)
    if "toc.permalink" in strings:
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings.table["toc.permalink"].get(language, "")
    if language != DEFAULT_LANGUAGE and "404.html" in config.theme.static_templates:
        config.theme.static_templates.discard("404.html")
        _without_404.append(config.theme)
    return config


# Texts of mkdocs.yml that Material prints into its templates without escaping them (its environment does not
# autoescape): the site's name and description, the author, the copyright, the colour toggles' names.
PLAIN_TEXTS = ("site_name", "site_description", "site_author", "copyright")


def on_env(env, config, files):
    """Templates call ui("key") and ui("key", name=value) for strings of the current language, as escaped markup.

    Every text of mkdocs.yml is plain text: `<` in the site's name shows as `<` and never becomes markup. While
    the templates render, each is escaped Markup, which shows right both where Material prints it as it is and
    where it escapes it (`| e` leaves Markup alone); on_post_build puts the text back, because static-i18n accepts
    a language's site_name only over a plain str. (The theme's templates are compiled once, for every language
    and rebuild: guideline.adapter.theme.)"""
    env.globals["ui"] = partial(project_for(config).strings.markup, language=i18n.current_language(config))
    for holder, key in _plain_texts(config):
        holder[key] = Markup(escape(holder[key]))
    return env


@event_priority(100)  # before static-i18n (-100) starts the next language's build
def on_post_build(config) -> None:
    for holder, key in _plain_texts(config):
        holder[key] = str(holder[key].unescape()) if isinstance(holder[key], Markup) else holder[key]
    while _without_404:
        _without_404.pop().static_templates.add("404.html")


def _plain_texts(config):
    """(mapping, key) of each text of mkdocs.yml that Material prints as it is."""
    found = [(config, name) for name in PLAIN_TEXTS if isinstance(config.get(name), str)]
    palette = config.theme.get("palette")
    for option in palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            found.append((toggle, "name"))
    return found


@event_priority(-200)  # after static-i18n has translated the titles
def on_nav(nav, config, files):
    """Titles written in mkdocs.yml's nav are plain text: Material prints them unescaped, so escape them here.

    (Titles MkDocs takes from a page's heading are already escaped by Markdown.)"""
    def walk(items):
        for item in items:
            given = item.__dict__.get("title")  # a title from the nav, not one read from the page
            if isinstance(given, str):
                item.title = html.escape(given, quote=False)
            walk(getattr(item, "children", None) or [])
    walk(nav.items)
    return nav


@event_priority(-200)  # after static-i18n has set this page's switcher links
def on_page_context(context, page, config, nav):
    """Links into the current language use `language_prefix`; the switcher's links become relative.

    static-i18n gives the start pages' switcher absolute links ("/", "/sv/"), which break when the site is
    opened from another folder than site_url says; relative links (`path`, read by partials/alternate.html)
    work wherever the site is put. The hreflang <link>s that Material writes from `link` must be fully
    qualified for search engines, so `link` becomes the address under site_url.
    """
    language = i18n.current_language(config)
    context["language_prefix"] = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    root = urlsplit(config.site_url or "").path.rstrip("/") + "/"
    # static-i18n sets the page's links as an attribute of `extra`, which templates read before the key.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate", [])
    for alternate in alternates:
        link = alternate["link"]
        alternate["path"] = (link[len(root):] if link.startswith(root) else link) or "./"
        alternate["link"] = urljoin(config.site_url, alternate["path"]) if config.site_url else alternate["path"]
    return context


def on_template_context(context, template_name, config):
    """The one 404 page answers every missing URL, so it speaks every language and links to each start page.

    It has no twin to switch to; static-i18n leaves the last page's switcher links in the config."""
    if template_name == "404.html":
        context["start_pages"] = {language: "" if language == DEFAULT_LANGUAGE else f"{language}/"
                                  for language in LANGUAGES}
        config.extra.alternate = []
    return context


def on_post_template(output_content, template_name, config):
    """Only the default language's build writes the 404 page; the other build would replace it (static-i18n
    writes every language into one site_dir), and the page would get that language's chrome and `lang`."""
    if template_name == "404.html" and i18n.current_language(config) != DEFAULT_LANGUAGE:
        return ""
    return output_content
