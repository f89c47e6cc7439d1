"""Markers in guideline pages that show the organization's settings: `<!-- org:NAME -->`.

A marker is an HTML comment, so Markdown leaves it alone; after Markdown has made the page's HTML, each marker
is replaced with the setting rendered by our autoescaped templates (guideline.organization's values never pass
through Markdown, so a name cannot become a link or markup). Anything that starts like a marker but is not one
is a problem with its line, never silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guideline.problems import Problem

# Shown inside a sentence.
INLINE = ("name", "name-genitive", "contact", "accessibility-assessed", "accounts-list", "work-tools", "privacy-notice",
          "after-hours-contact")
# Shown as a block of their own (a table, a notice): written on a line of their own, between blank lines.
BLOCK = ("channels", "approval", "example-notice", "accessibility-supervisor")
MARKERS = INLINE + BLOCK

EXACT = re.compile(r"<!--[ \t]*org:(?P<name>[a-z][a-z-]*)[ \t]*-->")
# What a marker looks like to an author who makes a slip: a space, another case, no closing.
LOOSE = re.compile(r"<!--\s*org\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Marker:
    """One marker in a page, and the line it is on."""

    name: str
    line: int

    @property
    def setting(self) -> str:
        """The setting shown: a language may need the name's genitive where the other has the nominative."""
        return self.name.removesuffix("-genitive")

    @property
    def text(self) -> str:
        return f"<!-- org:{self.name} -->"


def find_markers(text: str, shown: str) -> tuple[list[Marker], list[Problem]]:
    """Every marker of a page, and a problem for each unknown, malformed or misplaced one."""
    markers, problems = [], []
    known = ", ".join(f"<!-- org:{name} -->" for name in MARKERS)
    lines = text.split("\n")
    for loose in LOOSE.finditer(text):
        line = text.count("\n", 0, loose.start()) + 1
        exact = EXACT.match(text, loose.start())
        if not exact:
            snippet = text[loose.start():].split("\n", 1)[0][:60]
            problems.append(Problem(file=shown, key="error.malformed_marker", line=line,
                                    params={"marker": snippet, "known": known}))
            continue
        name = exact["name"]
        if name not in MARKERS:
            problems.append(Problem(file=shown, key="error.unknown_marker", line=line,
                                    params={"marker": exact[0], "known": known}))
            continue
        if name in BLOCK and not _stands_alone(lines, line - 1, exact[0]):
            problems.append(Problem(file=shown, key="error.block_marker_alone", line=line,
                                    params={"marker": exact[0]}))
            continue
        markers.append(Marker(name, line))
    return markers, problems


def _stands_alone(lines: list[str], index: int, marker: str) -> bool:
    """A block marker fills its own line, with a blank line (or the page's edge) before and after."""
    before = index == 0 or not lines[index - 1].strip()
    after = index + 1 >= len(lines) or not lines[index + 1].strip()
    return lines[index].strip() == marker and before and after


def replace_markers(html: str, render) -> str:
    """The page's HTML with each marker replaced by render(name); Markdown kept the comments as they were."""
    return EXACT.sub(lambda match: render(match["name"]) if match["name"] in MARKERS else match[0], html)


def render_marker(name: str, project, language: str) -> str:
    """The HTML of one marker in one language: the macro of overrides/guideline/organization.html of that name."""
    from guideline.templates import render_macro
    return render_macro("organization.html", name.replace("-", "_"), project.strings, org=project.organization,
                        lang=language)
