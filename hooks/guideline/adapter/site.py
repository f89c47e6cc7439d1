"""The checked project for a MkDocs build, its learning-platform exports, and the links of generated pages resolved
from MkDocs' own files."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from guideline.adapter import i18n
from guideline.adapter.converted import CONVERTED
from guideline.docs import MarkdownSettings
from guideline import kept
from guideline.exports import export_files, make_exports, scorm, write_export
from guideline.navigation import read_navigation
from guideline.pages import render_inputs
from guideline.project import Project, check_project
from guideline.strings import TABLE
from guideline.templates import TEMPLATES, reset_templates
from guideline.views import LINK_SCHEME

# The last project made, with the fingerprint of everything it was made from and the configuration of the build
# that last asked for it: the language builds of one `mkdocs build` share it (static-i18n builds every language
# with the same configuration), and `mkdocs serve`, which loads the configuration anew for each rebuild, makes
# it anew as soon as any source changes.
_last: tuple[tuple, Project, MkDocsConfig] | None = None
# The exports of the last project, with the site files they were made from.
_last_exports: tuple[Project, dict[str, bytes], dict[str, bytes]] | None = None
# The exports last written under `mkdocs serve`, with what they were made from and their folder.
_written: tuple[tuple, Path] | None = None


# True under `mkdocs serve` (hooks/sources.py, on_startup): generated bodies are then kept for the next rebuild.
_serving = False


def set_serving(serving: bool) -> None:
    global _serving
    _serving = serving
    kept.KEPT.keep = serving  # each question's question file and export pieces, for the next rebuild
    CONVERTED.keep = serving  # each page's Markdown conversion


# How often `mkdocs serve` looks for saved files, in seconds. MkDocs' server polls the watched folders every half
# second (watchdog's PollingObserver, a fixed interval MkDocs offers no setting for), so a save waited a quarter of
# a second on average, up to half, before its rebuild started: a third of the real site's preview loop. A poll of
# the watched folders (a few hundred files; 800 at 2,000 questions) takes a few milliseconds.
POLLING_INTERVAL = 0.1


def poll_sooner(server) -> None:
    """The server's observer and each folder it already watches poll every POLLING_INTERVAL (watchdog keeps the
    interval in `_timeout` of the observer, which gives it to the folders watched later, and of each emitter,
    which reads it before each poll). Nothing changes when watchdog keeps it elsewhere: the server then polls as
    MkDocs made it."""
    observer = getattr(server, "observer", None)
    for holder in (observer, *getattr(observer, "emitters", ())):
        interval = getattr(holder, "_timeout", None)
        if isinstance(interval, (int, float)) and interval > POLLING_INTERVAL:
            holder._timeout = POLLING_INTERVAL


def project_for(config: MkDocsConfig) -> Project:
    """The project of this configuration, checked and rendered once for all its language builds."""
    global _last
    if _last is not None and _last[2] is config:  # every event of one build: the files were looked at once
        return _last[1]
    root = Path(config.config_file_path).parent
    # Everything the project is made from is in these files (the nav and the Markdown settings in mkdocs.yml),
    # and site_url, which `mkdocs serve` sets to its own address.
    fingerprint = (_files_fingerprint(root, Path(config.docs_dir)), config.site_url)
    if _last is None or _last[0] != fingerprint or _last[1].consumed():
        # Under `mkdocs serve` the last project's pages are reused where their inputs are the same; otherwise they
        # are not kept while the new ones are made.
        previous = _last[1] if _serving and _last is not None else None
        _last = None
        reset_templates()  # a template may have changed: read them anew
        navigation = read_navigation(config.nav, i18n.nav_translations(config))
        project = check_project(root, Path(config.docs_dir), navigation, MarkdownSettings.of(config),
                                config.site_url or "", previous=previous)
        for rendered in project.rendered.values():
            rendered.body.keep = _serving
        _last = (fingerprint, project, config)
    _last = (*_last[:2], config)
    return _last[1]


def load_site(config_file: Path) -> MkDocsConfig:
    """mkdocs.yml read and validated by MkDocs, as a build reads it (for `python -m guideline.exports`)."""
    return load_config(str(config_file))


def exports_for(config: MkDocsConfig) -> dict[str, bytes]:
    """The learning-platform files of this configuration's checked project (which must have no problems), made
    once for all its language builds and anew when the project or a file the SCORM package carries changes."""
    global _last_exports
    project = project_for(config)
    assets = theme_assets(config, scorm.ASSETS)
    if _last_exports is None or _last_exports[0] is not project or _last_exports[1] != assets:
        _last_exports = None
        _last_exports = (project, assets, make_exports(project, assets))
        project.forget_made()
    return _last_exports[2]


def publish_exports(config: MkDocsConfig) -> None:
    """The learning-platform files of this configuration's checked project written into the site's lms/, a
    question at a time: written after a language's pages, whose bodies are then no longer in memory, and never
    held whole in memory. Under `mkdocs serve` (which empties the site before each rebuild) they are written into
    a hidden folder of the site and linked into lms/, to be published again without being made anew while
    nothing they are made from has changed (a saved page whose headings stay the same)."""
    global _written
    project = project_for(config)
    assets = theme_assets(config, scorm.ASSETS)
    if not _serving:  # one build: straight into the site
        _write_exports(project, assets, Path(config.site_dir))
        project.forget_made()  # the pool and the onboarding quizzes: not needed by the languages still to build
        return
    # What they are made from: as the generated pages (guideline.pages.render_inputs), every question, the assets.
    made_from = (render_inputs(project), tuple(question for questions in project.chapters().values()
                                               for question in questions), assets)
    # Kept in the site's folder as a hidden one, which MkDocs leaves when it empties the site before a rebuild
    # (and removes with its temporary site when the server stops); it is not in any file list, nor published.
    folder = Path(config.site_dir) / ".guideline-lms"
    if _written is None or _written != (made_from, folder) or not folder.is_dir():
        _written = None
        shutil.rmtree(folder, ignore_errors=True)
        _write_exports(project, assets, folder)
        project.forget_made()
        _written = (made_from, folder)
    for file in export_files():
        target = Path(config.site_dir) / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(_written[1] / file.path, target)
        except OSError:  # another file system
            shutil.copyfile(_written[1] / file.path, target)


def _write_exports(project: Project, assets: dict[str, bytes], folder: Path) -> None:
    for file in export_files():
        target = folder / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as out:
            write_export(project, file, assets, out)


# The files publish_files last wrote under `mkdocs serve`, by their folder in the site's hidden folder.
_published: dict[Path, dict[str, bytes]] = {}
PUBLISHED = ".guideline-files"


def publish_files(config: MkDocsConfig, folder: str, contents: dict[str, bytes]) -> None:
    """Files made in memory (the onboarding quiz's question files) written into the site at folder/path, after
    the pages. Under `mkdocs serve` (which empties the site before each rebuild) they are kept in a hidden folder
    of the site, where only the ones that changed are written again, and each folder of them is linked into the
    site (a symbolic link, else every file linked or copied)."""
    site = Path(config.site_dir)
    if not _serving:
        for path, content in contents.items():
            target = site / folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        return
    kept = site / PUBLISHED / folder
    written = _published.pop(kept, {}) if kept.is_dir() else {}
    for path in written.keys() - contents.keys():
        (kept / path).unlink(missing_ok=True)
    for path, content in contents.items():
        if written.get(path) != content:
            (kept / path).parent.mkdir(parents=True, exist_ok=True)
            (kept / path).write_bytes(content)
    _published[kept] = contents
    for top in sorted({path.split("/", 1)[0] for path in contents}):
        link = site / folder / top
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.is_file():
            link.unlink()
        elif link.is_dir():
            shutil.rmtree(link)
        try:
            link.symlink_to(kept / top, target_is_directory=(kept / top).is_dir())
        except OSError:  # no symbolic links here (Windows without the right)
            for path in contents:
                if path.split("/", 1)[0] == top:
                    target = site / folder / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    try:
                        os.link(kept / path, target)
                    except OSError:
                        shutil.copyfile(kept / path, target)


def theme_assets(config: MkDocsConfig, patterns: tuple[str, ...]) -> dict[str, bytes]:
    """The site's own files that match the patterns, from the theme's folders in MkDocs' order (overrides/ first,
    then Material's), by their path in the site."""
    found = {}
    for pattern in patterns:
        for directory in config.theme.dirs:
            matches = sorted(Path(directory).glob(pattern))
            if matches:
                found.update({path.relative_to(directory).as_posix(): path.read_bytes() for path in matches})
                break
    return found


def _files_fingerprint(root: Path, docs_dir: Path) -> tuple:
    paths = [root / "mkdocs.yml", root / "organization.yml", TABLE]
    paths += sorted((root / "quizzes").rglob("*.y*ml")) + sorted(docs_dir.rglob("*.md"))
    paths += sorted(TEMPLATES.parent.rglob("*.html")) + sorted((TEMPLATES.parent / "assets").rglob("*.js"))
    return tuple((str(path), *_stat(path)) for path in paths)


def _stat(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)




LINK = re.compile(r'href="' + re.escape(LINK_SCHEME) + r'(?P<page>[^"#]*)(?:#(?P<anchor>[^"]*))?"')


def resolve_links(html: str, page_file: File, files: Files, language: str) -> str:
    """Each link token of a generated body as a URL relative to the page, from the file MkDocs will publish."""
    urls = _urls(files, page_file, language)

    def replace(match: re.Match) -> str:
        url = urls.get(match["page"])
        if url is None:
            target = files.get_file_from_path(f"{language}/{match['page']}")
            if target is None:  # checked before the build: every token names a page of the project
                raise LookupError(f"{page_file.src_uri}: no page {match['page']}")
            url = urls[match["page"]] = target.url_relative_to(page_file)
        return f'href="{url}' + (f"#{match['anchor']}" if match["anchor"] else "") + '"'
    return LINK.sub(replace, html)


# The URLs found for the last file list, by the page they are relative to: the onboarding quiz's thousands of
# question files link the same few rules, and static-i18n's lookup of a file by its path is slow.
_found: tuple[Files, dict[tuple[str, str, str], dict[str, str]]] | None = None


def _urls(files: Files, page_file: File, language: str) -> dict[str, str]:
    global _found
    if _found is None or _found[0] is not files:
        _found = (files, {})
    return _found[1].setdefault((language, page_file.src_uri, page_file.url), {})
