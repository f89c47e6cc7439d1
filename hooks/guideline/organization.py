"""The organization's settings (mkdocs.yml `extra.organization`) and the markers that show them on pages."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Callable

from pydantic import Field, StringConstraints, ValidationError

from guideline.problems import Problem
from guideline.templates import render_macro
from guideline.validation import NonEmptyText, Strict, Texts, validation_problems, yaml_lines

SETTINGS_FILE = "mkdocs.yml"
SETTINGS_PATH = ("extra", "organization")

Email = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https://\S+$")]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ]{4,19}$")]


class Contact(Strict):
    """The communications contact: a role and a shared mailbox, never a person."""

    role: Texts
    email: Email


class Channel(Strict):
    """One official social-media channel."""

    service: NonEmptyText
    name: NonEmptyText
    url: WebAddress


class Addresses(Strict):
    """One of the town's own pages, in Finnish and in Swedish."""

    fi: WebAddress
    sv: WebAddress


class AfterHours(Strict):
    """Whom an administrator calls outside office hours: a hijacked account, a disruption."""

    role: Texts
    phone: Phone


class Approval(Strict):
    """The body that approved the guideline, and when."""

    body: Texts
    date: datetime.date


class Supervisor(Strict):
    """The authority that supervises accessibility, with its web address in each language."""

    name: Texts
    url: Texts


class Accessibility(Strict):
    """What the accessibility statement needs beyond the contact."""

    assessed: datetime.date
    supervisor: Supervisor


class Organization(Strict):
    """Everything that a municipality adopting the site changes, in one place."""

    example: bool = False
    name: Texts
    name_genitive: Texts
    contact: Contact
    channels: Annotated[list[Channel], Field(min_length=1)]
    # The guideline points to these pages of the town instead of repeating what changes there.
    accounts_list: Addresses
    work_tools: Addresses
    privacy_notice: Addresses
    after_hours: AfterHours
    approval: Approval
    guideline_version: NonEmptyText
    accessibility: Accessibility


def load_organization(extra: dict, config_text: str, site_url: str | None) -> tuple[Organization | None, list[Problem]]:
    """Validate `extra.organization` and `site_url`; problems name mkdocs.yml, the line and the field."""
    problems = []
    # `mkdocs serve` puts its own http:// address here, so both schemes pass; a published site uses https://.
    if not (site_url or "").startswith(("https://", "http://")):
        problems.append(Problem(file=SETTINGS_FILE, key="error.site_url", path="site_url",
                                line=yaml_lines(config_text).get(("site_url",))))
    try:
        return Organization.model_validate((extra or {}).get("organization")), problems
    except ValidationError as error:
        return None, problems + validation_problems(SETTINGS_FILE, error, yaml_lines(config_text), base=SETTINGS_PATH)


MARKER = re.compile(r"<!--\s*org:(?P<name>[\w-]+)\s*-->")
MARKERS = ("name", "name-genitive", "contact", "channels", "approval", "example-notice", "accessibility-assessed",
           "accessibility-supervisor", "accounts-list", "work-tools", "privacy-notice", "after-hours-contact")


def render_marker(name: str, organization: Organization, language: str) -> str:
    """The HTML of one marker in one language."""
    return render_macro("organization.html", name.replace("-", "_"), org=organization, lang=language)


def expand_markers(markdown: str, file: str, render: Callable[[str], str]) -> tuple[str, list[Problem]]:
    """Replace every `<!-- org:NAME -->` marker; an unknown marker is a problem with its line, not silence."""
    problems = []

    def replace(match: re.Match) -> str:
        name = match["name"]
        if name not in MARKERS:
            problems.append(Problem(
                file=file, key="error.unknown_marker", line=markdown.count("\n", 0, match.start()) + 1,
                params={"marker": match[0], "known": ", ".join(f"<!-- org:{known} -->" for known in MARKERS)},
            ))
            return match[0]
        return render(name)

    return MARKER.sub(replace, markdown), problems
