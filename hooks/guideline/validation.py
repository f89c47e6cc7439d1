"""Turn YAML and pydantic validation errors into problems that name the file, the line and the field."""

from __future__ import annotations

from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from guideline.problems import Problem

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """A source mapping in which an unknown key (usually a typo) is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(Strict):
    """One text in both languages."""

    fi: NonEmptyText
    sv: NonEmptyText


KeyPath = tuple[Any, ...]

# pydantic error types and the UI-string keys of the messages a communications officer reads.
MESSAGE_KEYS = {
    "missing": "error.missing_field",
    "extra_forbidden": "error.unknown_field",
    "string_too_short": "error.empty_text",
    "string_type": "error.expected_text",
    "dict_type": "error.expected_mapping",
    "model_type": "error.expected_mapping",
    "list_type": "error.expected_list",
    "bool_type": "error.expected_yes_no",
    "bool_parsing": "error.expected_yes_no",
    "int_type": "error.expected_number",
    "int_parsing": "error.expected_number",
    "int_from_float": "error.expected_number",
    "greater_than_equal": "error.number_too_small",
    "less_than_equal": "error.number_too_large",
    "literal_error": "error.not_one_of",
    "enum": "error.not_one_of",
    "date_type": "error.expected_date",
    "date_from_datetime_parsing": "error.expected_date",
    "date_parsing": "error.expected_date",
    "too_short": "error.list_too_short",
    "string_pattern_mismatch": "error.bad_format",
}


# Fields with a format of their own, and the message that shows that format.
FORMAT_KEYS = {"id": "error.bad_id", "see": "error.bad_see", "chapter": "error.bad_page"}


# libyaml's loader when PyYAML has it (about ten times faster), the pure-Python one otherwise.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> tuple[Any, dict[KeyPath, int]]:
    """Parse a YAML document once: its data, and the line (1-based) where each key or list item starts."""
    return _parse(text, construct=True)


def yaml_lines(text: str) -> dict[KeyPath, int]:
    """The lines of a document's keys without building its data, so unknown tags (mkdocs.yml's !ENV) pass."""
    return _parse(text, construct=False)[1]


def _parse(text: str, construct: bool) -> tuple[Any, dict[KeyPath, int]]:
    loader = SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if construct and root is not None else None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    if root is not None:
        _walk(root, (), lines)
    return data, lines


def _walk(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], seen: frozenset = frozenset()) -> None:
    lines[path] = node.start_mark.line + 1
    if id(node) in seen:  # an alias that contains itself (&a [*a]): pydantic reports the data, stop here
        return
    seen = seen | {id(node)}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, path + (key.value,), lines, seen)
            lines[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, seen)


def line_of(path: KeyPath, lines: dict[KeyPath, int]) -> int | None:
    """The line of the deepest part of path that exists in the file (a missing key points to its parent)."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def shown_path(path: KeyPath) -> str:
    """A path as an officer reads it: keys by name, list items counted from 1."""
    shown = ""
    for part in path:
        if isinstance(part, int):
            shown += f"[{part + 1}]"
        else:
            shown += ("." if shown else "") + str(part)
    return shown


def yaml_syntax_problem(file: str, error: yaml.YAMLError) -> Problem:
    """A YAML syntax error as a problem with its line and the parser's own explanation."""
    mark = getattr(error, "problem_mark", None)
    detail = " ".join(str(part) for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part)
    return Problem(file=file, key="error.yaml_syntax", params={"detail": detail or str(error)},
                   line=mark.line + 1 if mark else None)


def validation_problems(file: str, error: ValidationError, lines: dict[KeyPath, int], base: KeyPath = (),
                        data: Any = None) -> list[Problem]:
    """One problem per pydantic error, with the line, the field and what was expected."""
    problems = []
    for detail in error.errors(include_url=False):
        path = base + _path_in_data(detail["loc"], data)
        kind = detail["type"]
        context = detail.get("ctx") or {}
        key = context.get("key") or MESSAGE_KEYS.get(kind, "error.invalid")
        params = {"field": str(path[-1]) if path else "", "detail": detail["msg"], "value": _short(detail.get("input"))}
        params.update({name: value for name, value in context.items() if name != "key"})
        if kind == "string_pattern_mismatch" and params["field"] in FORMAT_KEYS:
            key = FORMAT_KEYS[params["field"]]
        if kind == "literal_error":
            params["allowed"] = context.get("expected", "")
        if kind == "union_tag_invalid":
            path, key = path + ("type",), "error.not_one_of"
            params.update(field="type", value=context.get("tag"), allowed=context.get("expected_tags"))
        if not path and kind in ("model_type", "dict_type"):
            key = "error.file_not_mapping"
        if kind == "union_tag_not_found":
            path, key = path + ("type",), "error.missing_field"
            params["field"] = "type"
        problems.append(Problem(file=file, key=key, params=params, line=line_of(path, lines), path=shown_path(path)))
    return problems


def _path_in_data(location: tuple, data: Any) -> KeyPath:
    """The error's location as keys of the file: pydantic adds the tag of a tagged union ("single"), not a key."""
    if data is None:
        return tuple(location)
    path: list = []
    node = data
    for part in location:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and node.get("type") == part:
            continue
        else:
            node = None
        path.append(part)
    return tuple(path)


def _short(value: Any) -> str:
    """A value as quoted in a message, cut short."""
    text = str(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."
