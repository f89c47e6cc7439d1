"""The Jinja environment for our own HTML: templates in overrides/guideline/, always autoescaped."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from guideline.strings import load_ui_strings

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "guideline"


@lru_cache(maxsize=None)
def environment(templates_dir: Path = TEMPLATES) -> Environment:
    """One environment per template folder; an undefined variable is an error, not an empty string."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["format_markup"] = format_markup
    return env


def format_markup(template: Markup, **values) -> Markup:
    """Fill an escaped string's {placeholders}, escaping each value unless it is already markup."""
    return Markup(template).format(**values)


def render_macro(template: str, macro: str, **context) -> str:
    """Render one macro of a template with the given arguments and the current string table."""
    env = environment()
    env.globals["strings"] = load_ui_strings()
    return str(getattr(env.get_template(template).module, macro)(**context)).strip()
