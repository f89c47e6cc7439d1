"""Dates as Finnish and Finland-Swedish readers write them (12.10.2026), one formatter for templates and tests."""

from __future__ import annotations

import datetime

from babel.dates import format_date as babel_format_date

LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}


def format_date(value: datetime.date, language: str = "fi") -> str:
    """The date in the language's short form: 12.10.2026 in both, as the Finnish and Finland-Swedish norm has it."""
    return babel_format_date(value, "d.M.yyyy", locale=LOCALES[language])
