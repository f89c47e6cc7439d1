"""Hook: the pages generated from quizzes/ (self-checks, onboarding, quiz index, poster), in every language.

They join MkDocs' files as written pages do, so static-i18n gives them their language switcher and sitemap
entries and mkdocs.yml's nav lists them; their bodies, made and checked before the build (guideline.project),
are put in after Markdown, with links resolved from MkDocs' own files.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from guideline.adapter import i18n
from guideline.adapter.site import project_for, resolve_links
from guideline.pages import BODY, CHAPTER_LINK


@event_priority(0)  # before static-i18n (-100) sorts the files by language
def on_files(files, config):
    i18n.add_generated_files(files, config, sorted(project_for(config).rendered))
    return files


def on_pre_page(page, config, files):
    """A generated page gets its Markdown just before MkDocs reads it (static-i18n remade its File in on_files)."""
    rendered = project_for(config).rendered.get(i18n.page_path(page.file))
    if rendered is not None:
        page.file.content_string = rendered.markdown[i18n.current_language(config)]
    return page


def on_page_markdown(markdown, page, config, files):
    """A chapter with questions ends with a link to its self-check."""
    key = (i18n.current_language(config), i18n.page_path(page.file))
    if key in project_for(config).chapter_links:
        return f"{markdown.rstrip()}\n\n{CHAPTER_LINK}\n"
    return markdown


def on_page_content(html, page, config, files):
    """Bodies with their links resolved; those search must not read wait for on_post_page."""
    project, language = project_for(config), i18n.current_language(config)
    path = i18n.page_path(page.file)
    rendered = project.rendered.get(path)
    later = {}
    if rendered is not None:
        # Each body is put in once, by its language's build: the project need not keep it (guideline.adapter.site
        # makes the project anew for a build after this one).
        body = resolve_links(rendered.body.pop(language), page.file, files, language)
        if rendered.page.searchable:
            html = html.replace(BODY, body, 1)
        else:
            later[BODY] = body
    box = project.chapter_links.get((language, path))
    if box is not None and CHAPTER_LINK in html:
        later[CHAPTER_LINK] = resolve_links(box, page.file, files, language)
    page.guideline_later = later  # read back in on_post_page, after the search plugin has indexed the page
    return html


@event_priority(-50)
def on_post_page(output, page, config):
    for placeholder, body in getattr(page, "guideline_later", {}).items():
        output = output.replace(placeholder, body, 1)
    if i18n.page_path(page.file) in project_for(config).rendered:
        # Written out now, and read by nothing after this: a generated page's HTML need not stay in memory while
        # the other languages are built (static-i18n builds them inside this build).
        page.content, page.guideline_later = None, {}
    return output
