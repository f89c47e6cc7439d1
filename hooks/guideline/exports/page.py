"""The administrators' page (lms.md, in every language) and the note on the onboarding page that leads to it:
what each exported file is and how to import it. The files are linked at their full address on the published
site (site_url), the address an administrator gives a learning platform, the same one `mkdocs serve` serves."""

from __future__ import annotations

from dataclasses import dataclass

from guideline.exports import export_files
from guideline.exports.addresses import file_address
from guideline.templates import render_macro
from guideline.views import link

LMS_PAGE = "lms.md"


@dataclass(frozen=True)
class FileEntry:
    name: str
    url: str
    description: str


@dataclass(frozen=True)
class Facts:
    version: str
    pass_mark: int
    pool: int
    guideline: str


def lms_title(project, language: str) -> str:
    return project.strings.get("lms.title", language)


def lms_page_body(project, language: str) -> str:
    settings = project.quizzes.settings.model.onboarding
    pool = sum(len(questions) for questions in project.chapters().values())
    params = {"count": settings.questions, "pool": pool, "pass_mark": settings.pass_mark}
    entries = []
    for file in export_files():
        params["in_language"] = project.strings.get(f"lms.language.{file.language or 'both'}", language)
        entries.append(FileEntry(file.name, file_address(project.site_url, file.path),
                                 project.strings.format(f"lms.file.{file.kind}", language, **params)))
    facts = Facts(project.organization.guideline_version, settings.pass_mark, pool,
                  project.strings.get("print.guideline", language))
    return render_macro("lms.html", "lms_page", project.strings, files=tuple(entries), facts=facts, lang=language)


def onboarding_note(project, language: str) -> str:
    """The box at the end of the onboarding page: this language's package and the page about every file."""
    package = next(file for file in export_files() if file.kind == "scorm" and file.language == language)
    return render_macro("lms.html", "onboarding_note", project.strings, page_url=link(LMS_PAGE),
                        package_url=file_address(project.site_url, package.path), lang=language)
