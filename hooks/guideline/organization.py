"""The organization's settings (organization.yml): everything a municipality adopting the site changes, in one place.

They live in a file of their own rather than in mkdocs.yml so that this project reads them: a date that does not
exist, a key written twice or an address that is not https:// is then a located message in Finnish and Swedish,
not a traceback from MkDocs' own reading of its configuration.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints

from guideline import yamlfile
from guideline.models import NonEmptyText, Strict, Texts
from guideline.problems import Problem
from guideline.validation import validate

SETTINGS_FILE = "organization.yml"


def _https_address(value: str) -> str:
    """Only https:// addresses with a host: no javascript:, data: or plain-text host names."""
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or any(char in value for char in "<>\"' \\`"):
        raise ValueError("not an https address")
    return value


WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https://[^\s<>\"'`\\]+$"),
                       AfterValidator(_https_address),
                       Field(description="A web address that starts with https://")]
Email = Annotated[str, StringConstraints(strip_whitespace=True,
                                         pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[a-z]{2,}$"),
                  Field(description="An e-mail address, for example viestinta@kaupunki.fi")]


Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ]{4,19}$"),
                  Field(description="A telephone number, for example 010 000 0000 or +358 10 000 0000")]


class Contact(Strict):
    """The communications contact: a role and a shared mailbox, never a person."""

    role: Texts
    email: Email


class Channel(Strict):
    """One official social-media channel."""

    service: NonEmptyText
    name: NonEmptyText
    url: WebAddress


class Approval(Strict):
    """The body that approved the guideline, and when."""

    body: Texts
    date: datetime.date


class LocalizedAddress(Strict):
    """A web address in each language."""

    fi: WebAddress
    sv: WebAddress

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


class AfterHours(Strict):
    """Whom an administrator calls outside office hours: a hijacked account, a disruption."""

    role: Texts
    phone: Phone


class Supervisor(Strict):
    """The authority that supervises accessibility, with its web address in each language."""

    name: Texts
    url: LocalizedAddress


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
    accounts_list: LocalizedAddress = Field(description="The page that lists all the town's accounts")
    work_tools: LocalizedAddress = Field(description="The list of services and apps approved for work")
    privacy_notice: LocalizedAddress = Field(description="The privacy notice of the town's channels")
    after_hours: AfterHours
    approval: Approval
    guideline_version: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[\w.-]{1,20}$")]
    accessibility: Accessibility


def load_organization(root: Path) -> tuple[Organization | None, list[Problem]]:
    """Read and validate organization.yml; problems name the file, the line and the field."""
    source = yamlfile.load(root / SETTINGS_FILE, SETTINGS_FILE)
    organization = validate(Organization, source) if not source.problems else None
    return organization, source.problems
