"""Hook: what templates need to speak the language being built: the fi/sv strings, links and switcher."""

from __future__ import annotations

from functools import partial
from urllib.parse import urlsplit

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
    opened from another folder than site_url says; relative links work wherever the site is put.
    """
    build = current_build(config)
    context["language_prefix"] = "" if build.is_default else f"{build.current}/"
    root = urlsplit(config.site_url or "").path.rstrip("/") + "/"
    # static-i18n sets the page's links as an attribute of `extra`, which templates read before the key.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate", [])
    for alternate in alternates:
        if alternate["link"].startswith(root):
            alternate["link"] = alternate["link"][len(root):] or "./"
    return context
