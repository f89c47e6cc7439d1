"""The onboarding quiz as a SCORM 1.2 package in one language: a zip that a learning platform (LMS) imports.

The launch page is the site's onboarding quiz, from the same templates, with the site's own styles and quiz
script, and the LMS adapter (assets/javascripts/scorm12.js) that reports the result to the LMS when it finds one.
Its questions come in the package as the site's do, one file each (questions/<id>.html), which the page fetches
from the package when it draws an attempt. Without an LMS, served over HTTP, the page works as the one on the
site; opened from a disk (file://) it cannot fetch them, which the page says (and the administrators' page too).
Links to the rules lead to the published site (in a new window, so the quiz stays open); the package loads
nothing from any other host.

imsmanifest.xml follows SCORM 1.2 content packaging: one organization with one item, whose resource is a SCO
that lists every file of the package, metadata "ADL SCORM" 1.2 with the organization's name, the guideline's
version and the language (IEEE LOM through IMS Metadata 1.2.1), and the pass mark as the item's mastery score.
"""

from __future__ import annotations

import fnmatch
import io
import zipfile
from typing import BinaryIO, Iterator, Mapping

from markupsafe import Markup

from guideline.exports.addresses import absolute_links
from guideline.templates import environment, render_macro

LAUNCH = "index.html"
MANIFEST = "imsmanifest.xml"
# The site's files the launch page needs, in the order they load; the theme's names carry a hash of their content.
ASSETS = (
    "assets/stylesheets/main.*.min.css",
    "assets/stylesheets/palette.*.min.css",
    "assets/stylesheets/site.css",
    "assets/stylesheets/quiz.css",
    "assets/javascripts/quiz-core.js",
    "assets/javascripts/scorm12.js",  # before quiz.js: it offers quiz.js the LMS as the quiz's host
    "assets/javascripts/quiz.js",
)
# Every file gets the same time stamp, so the same source always makes the same zip.
STAMP = (2000, 1, 1, 0, 0, 0)
_BODY = "<!-- guideline:launch-body -->"


def package(project, language: str, assets: Mapping[str, bytes]) -> bytes:
    """The zip: imsmanifest.xml at its root, the launch page and the assets it loads."""
    buffer = io.BytesIO()
    write_package(project, language, assets, buffer)
    return buffer.getvalue()


def write_package(project, language: str, assets: Mapping[str, bytes], out: BinaryIO) -> None:
    """The zip written into out (a file open for writing), the launch page a piece at a time."""
    from guideline.quizpages import shared_onboarding_fragments  # (pages imports exports)
    chosen = [_asset(pattern, assets) for pattern in ASSETS]
    # The questions the launch page fetches when it draws an attempt, at the same path relative to it as on the site.
    fragments = shared_onboarding_fragments(project, language)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(zipfile.ZipInfo(MANIFEST, STAMP),
                         manifest(project, language, sorted([LAUNCH, *fragments, *chosen])), zipfile.ZIP_DEFLATED)
        entry = zipfile.ZipInfo(LAUNCH, STAMP)
        entry.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(entry, "w") as launch:
            for piece in _launch_pieces(project, language, chosen):
                launch.write(piece.encode("utf-8"))
        for path in sorted(fragments):
            archive.writestr(zipfile.ZipInfo(path, STAMP),
                             absolute_links(fragments[path], project.site_url, language).encode("utf-8"),
                             zipfile.ZIP_DEFLATED)
        for path in chosen:
            archive.writestr(zipfile.ZipInfo(path, STAMP), assets[path], zipfile.ZIP_DEFLATED)


def _asset(pattern: str, assets: Mapping[str, bytes]) -> str:
    found = sorted(path for path in assets if fnmatch.fnmatchcase(path, pattern))
    if len(found) != 1:
        raise LookupError(f"the SCORM package needs one file {pattern}, found {found or 'none'}")
    return found[0]


def titles(project, language: str) -> dict[str, str]:
    """The package's title and description, with the organization and the guideline's version."""
    organization, settings = project.organization, project.quizzes.settings.model.onboarding
    params = {"organization": organization.name_genitive[language], "version": organization.guideline_version,
              "count": settings.questions, "pass_mark": settings.pass_mark}
    return {"title": project.strings.format("lms.scorm.title", language, **params),
            "description": project.strings.format("lms.scorm.description", language, **params),
            "item": project.strings.get("quiz.onboarding.title", language)}


def launch_page(project, language: str, assets: list[str]) -> str:
    """The onboarding quiz as a page of its own, its rule links leading to the published site."""
    return "".join(_launch_pieces(project, language, assets))


def _launch_pieces(project, language: str, assets: list[str]) -> Iterator[str]:
    """The launch page in pieces of about a megabyte, so that a large onboarding body is never copied whole."""
    from guideline.pages import shared_onboarding_body  # the site's own page, made once (pages imports exports)
    page = "<!doctype html>\n" + render_macro(
        "scorm.html", "launch_page", project.strings, lang=language, body=Markup(_BODY),
        title=project.strings.get("quiz.onboarding.title", language),
        styles=[path for path in assets if path.endswith(".css")],
        scripts=[path for path in assets if path.endswith(".js")]) + "\n"
    head, tail = page.split(_BODY)
    yield head
    body, start = shared_onboarding_body(project, language), 0
    while start < len(body):  # cut after a line break: no link spans one
        end = body.find("\n", start + 2**20) + 1 or len(body)
        yield absolute_links(body[start:end], project.site_url, language)
        start = end
    yield tail


def manifest(project, language: str, files: list[str]) -> str:
    """imsmanifest.xml listing the given files (every file of the package but the manifest) as the SCO's."""
    identifier = f"guideline-onboarding-{language}"
    template = environment().get_template("imsmanifest.xml")
    return template.render(identifier=identifier, language=language, files=files, launch=LAUNCH,
                           version=project.organization.guideline_version,
                           organization=project.organization.name[language],
                           vcard_name=_vcard_text(project.organization.name[language]),
                           mastery=project.quizzes.settings.model.onboarding.pass_mark,
                           **titles(project, language)).strip() + "\n"


def _vcard_text(text: str) -> str:
    """A vCard value: backslash, comma and semicolon escaped, on one line."""
    for char in "\\,;":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())
