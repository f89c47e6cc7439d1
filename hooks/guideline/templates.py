"""The Jinja environment for our own HTML: templates in overrides/guideline/, always autoescaped."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import (BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined,
                    select_autoescape)
from jinja2.bccache import Bucket
from markupsafe import Markup

from guideline.dates import format_date
from guideline.strings import UiStrings

TEMPLATES = Path(__file__).resolve().parents[2] / "overrides" / "guideline"


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per process, not once per environment: MkDocs makes a new Jinja environment for
    every build and language, and ours is made anew with each project (`mkdocs serve`). Jinja keys each entry by
    the template's file and checks it against a hash of the template's text, so a template that changed is
    compiled again."""

    def __init__(self, disk: BytecodeCache | None = None) -> None:
        self._compiled: dict[str, bytes] = {}
        self._disk = disk

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)
        elif self._disk is not None:
            try:
                self._disk.load_bytecode(bucket)  # checked against the template's text as the memory's entries are
            except OSError:
                bucket.reset()
            if bucket.code is not None:
                self._compiled[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            try:
                self._disk.dump_bytecode(bucket)
            except OSError:  # a full or read-only disk: compiled again next time, nothing else
                pass


def _disk_cache() -> BytecodeCache | None:
    """Jinja's own cache of compiled templates in the user's temporary folder (as Python keeps .pyc files): our
    templates took a fifth of the checks' time (about 0.1 s) to compile in every `mkdocs build`. None where that
    folder is not safe to use (Jinja refuses one that another user owns)."""
    try:
        return FileSystemBytecodeCache(pattern="__guideline_%s.cache")
    except (OSError, RuntimeError):
        return None


# MkDocs' own environments (Material's templates) share the in-process cache only (hooks/languages.py): a bare
# MkDocs build compiles them in every process too.
COMPILED_TEMPLATES = CompiledTemplates()
# Ours: kept between builds as well.
OWN_COMPILED_TEMPLATES = CompiledTemplates(_disk_cache())


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
        bytecode_cache=OWN_COMPILED_TEMPLATES,
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
    return str(getattr(_module(template, strings), macro)(**context)).strip()


@lru_cache(maxsize=32)  # looked up once, not at each of a large pool's tens of thousands of macro calls
def _module(template: str, strings: UiStrings):
    return environment().get_template(template).make_module({"strings": strings})


def templates_fingerprint(templates_dir: Path = TEMPLATES) -> tuple:
    """Every template file with its modification time and size: what a page made from them depends on."""
    found = []
    for path in sorted(templates_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def reset_templates() -> None:
    """Forget the compiled templates and their modules, so the next use reads the template files again."""
    environment.cache_clear()
    _module.cache_clear()
