"""The Jinja environment for our own HTML: templates in overrides/guideline/, always autoescaped."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from guideline.dates import format_date
from guideline.strings import UiStrings

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
        # Not a look at every template file at every use: the adapter calls reset_templates() when it makes a
        # project anew, which it does whenever a template file changed (`mkdocs serve`).
        auto_reload=False,
    )
    env.filters["format_markup"] = format_markup
    env.filters["date"] = format_date
    return env


def format_markup(template: Markup, **values) -> Markup:
    """Fill an escaped string's {placeholders}, escaping each value unless it is already markup."""
    return Markup(template).format(**values)


def render_macro(template: str, macro: str, strings: UiStrings, **context) -> str:
    """Render one macro of a template with the given arguments and string table.

    The module is made for this table: a template module evaluated once would keep the first table it saw,
    and `mkdocs serve` would go on showing strings.yml as it was when the server started."""
    return str(getattr(_module(environment().get_template(template), strings), macro)(**context)).strip()


@lru_cache(maxsize=32)
def _module(template: Template, strings: UiStrings):
    return template.make_module({"strings": strings})


def reset_templates() -> None:
    """Forget the compiled templates and their modules, so the next use reads the template files again."""
    environment.cache_clear()
    _module.cache_clear()
