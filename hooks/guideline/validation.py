"""Turn pydantic validation errors into problems that name the file, the line, the field and what was expected."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from guideline.problems import Problem
from guideline.yamlfile import KeyPath, YamlFile, line_of

# pydantic error types and the UI-string keys of the messages a communications officer reads.
MESSAGE_KEYS = {
    "missing": "error.missing_field",
    "extra_forbidden": "error.unknown_field",
    "string_too_short": "error.empty_text",
    "string_too_long": "error.text_too_long",
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
    "date_type": "error.expected_date",
    "date_from_datetime_parsing": "error.expected_date",
    "date_from_datetime_inexact": "error.expected_date",
    "date_parsing": "error.expected_date",
    "too_short": "error.list_too_short",
    "too_long": "error.list_too_long",
    "string_pattern_mismatch": "error.bad_format",
}

# Fields with a format of their own, and the message that shows that format.
FORMAT_KEYS = {"id": "error.bad_id", "see": "error.bad_see", "chapter": "error.bad_page", "url": "error.bad_url",
               "email": "error.bad_email",
               "phone": "error.bad_phone"}


def validate(model: type[BaseModel], source: YamlFile, base: KeyPath = (), data: Any = None) -> Any:
    """The source's data (or `data`, found at `base` in it) as a model; problems go to the source's list."""
    data = source.data if data is None and not base else data
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as error:
        source.problems += validation_problems(source.shown, error, source.lines, base=base, data=data)
        return None


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
        if kind == "string_pattern_mismatch":
            field = next((str(part) for part in reversed(path) if isinstance(part, str)), "")
            key = FORMAT_KEYS.get(field, key)
        if kind in ("string_too_long", "too_long"):
            params["limit"] = context.get("max_length")
            params["length"] = len(detail.get("input") or "")
        if kind == "literal_error":
            params["allowed"] = context.get("expected", "")
        if kind == "union_tag_invalid":
            path, key = path + ("type",), "error.not_one_of"
            params.update(field="type", value=context.get("tag"), allowed=context.get("expected_tags"))
        if not path[len(base):] and kind in ("model_type", "dict_type"):
            key = "error.file_not_mapping" if not base else key
        if kind == "union_tag_not_found":
            path, key = path + ("type",), "error.missing_field"
            params["field"] = "type"
        problems.append(Problem(file=file, key=key, params=params, line=line_of(path, lines), path=shown_path(path)))
    return problems


def shown_path(path: KeyPath) -> str:
    """A path as an officer reads it: keys by name, list items counted from 1."""
    shown = ""
    for part in path:
        if isinstance(part, int):
            shown += f"[{part + 1}]"
        else:
            shown += ("." if shown else "") + str(part)
    return shown


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
