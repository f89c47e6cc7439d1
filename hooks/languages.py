"""Hook: what templates need to speak the language being built: the fi/sv strings, links and switcher."""

from __future__ import annotations

from functools import partial
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from guideline.strings import StringTableError, load_ui_strings
from i18n_context import current_build


def on_config(config):
    """Check the string table before anything else; translate the permalink title the toc writes in English."""
    try:
        strings = load_ui_strings()
    except StringTableError as error:
        raise PluginError(str(error)) from None
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = strings.get("toc.permalink", current_build(config).current)
    return config


def on_env(env, config, files):
    """Templates call ui("key") and ui("key", name=value) for strings of the current language."""
    env.globals["ui"] = partial(load_ui_strings().format, language=current_build(config).current)
    return env


@event_priority(-200)  # after static-i18n has set this page's switcher links
def on_page_context(context, page, config, nav):
    """Links into the current language use `language_prefix`; the switcher's links become relative.

    static-i18n gives the start pages' switcher absolute links ("/", "/sv/"), which break when the site is
    opened from another folder than site_url says; relative links (`path`, read by partials/alternate.html)
    work wherever the site is put. The hreflang <link>s that Material writes from `link` must be fully
    qualified for search engines, so `link` becomes the address under site_url.
    """
    build = current_build(config)
    context["language_prefix"] = "" if build.is_default else f"{build.current}/"
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
        build = current_build(config)
        context["start_pages"] = {language: "" if language == build.default else f"{language}/"
                                  for language in build.languages}
        config.extra.alternate = []
    return context


def on_post_template(output_content, template_name, config):
    """Only the default language's build writes the 404 page; the other build would replace it (static-i18n
    writes every language into one site_dir), and the page would get that language's chrome and `lang`."""
    if template_name == "404.html" and not current_build(config).is_default:
        return ""
    return output_content
