"""Files for learning platforms (LMS), made from the checked project, so the site, the LMS and the poster never
drift apart: the onboarding quiz as a SCORM 1.2 package per language, and the whole question pool as Moodle XML
(both languages in one file) and as GIFT (one file per language).

Pure functions of a valid project (guideline.project.Project) and, for the package, of the site's own styles and
scripts: nothing here knows MkDocs. The build publishes the files in lms/ (hooks/exports.py),
`python -m guideline.exports --out DIR` writes them into a folder, and the administrators' page
(guideline.exports.page) says what each one is and how to import it.
"""

from __future__ import annotations

from dataclasses import dataclass
import io
from typing import BinaryIO, Mapping

from guideline.exports import gift, moodle, scorm
from guideline.languages import LANGUAGES

EXPORT_DIR = "lms"


@dataclass(frozen=True)
class ExportFile:
    """One published file: its name inside lms/, what it is (scorm, moodle or gift) and its language, if one."""

    name: str
    kind: str
    language: str | None = None

    @property
    def path(self) -> str:
        """Its path in the site and in an output folder."""
        return f"{EXPORT_DIR}/{self.name}"


def export_files() -> list[ExportFile]:
    """Every file, in the order the administrators' page lists them."""
    files = [ExportFile(f"onboarding-scorm12-{language}.zip", "scorm", language) for language in LANGUAGES]
    files.append(ExportFile("questions-moodle.xml", "moodle"))
    files += [ExportFile(f"questions-gift-{language}.txt", "gift", language) for language in LANGUAGES]
    return files


def make_exports(project, assets: Mapping[str, bytes]) -> dict[str, bytes]:
    """Every file's content by its path; assets are the site's files the SCORM package carries (scorm.ASSETS)."""
    made = {}
    for file in export_files():
        buffer = io.BytesIO()
        write_export(project, file, assets, buffer)
        made[file.path] = buffer.getvalue()
    return made


def write_export(project, file: ExportFile, assets: Mapping[str, bytes], out: BinaryIO) -> None:
    """One file written into out (open for writing) a piece at a time, as the build publishes it: a pool of
    thousands of questions is never one document in memory."""
    if file.kind == "scorm":
        scorm.write_package(project, file.language, assets, out)
        return
    pieces = moodle.moodle_pieces(project) if file.kind == "moodle" else gift.gift_pieces(project, file.language)
    for piece in pieces:
        out.write(piece.encode("utf-8"))
