"""The site's languages, declared once: Finnish at the site root, Swedish under /sv/."""

from __future__ import annotations

LANGUAGES = ("fi", "sv")
DEFAULT_LANGUAGE = "fi"
