"""Every YAML file we read, read one strict way: the data, the line of each key, and located problems.

PyYAML alone accepts what loses or hides text: a key written twice keeps only its last value, and aliases
(&a / *a) can expand a 700-byte file into gigabytes. This reader composes the node tree with libyaml and
builds the data itself in one walk, so that
- a duplicate key is a problem naming both lines,
- an alias or a merge key is a problem (a text is written out where it is used),
- dates stay text until the models parse them (an impossible date is a located problem, not a traceback),
- files and texts have a size limit, stated in the message.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guideline.problems import Problem

KeyPath = tuple[Any, ...]

# Thirty times the largest source file (a question file is about 30 kB): generous, and a file this size is still
# read in well under a second.
MAX_FILE_BYTES = 1024 * 1024
MAX_TEXT_CHARACTERS = 20_000
# Our files nest about six levels; libyaml's composer and this module's walk recurse, so a few kilobytes of
# "[[[[..." would take seconds, a few hundred kilobytes crash the process.
MAX_DEPTH = 40
_MAYBE_DEEP = re.compile(r"^ {%d,}" % (MAX_DEPTH * 2), re.M)

# libyaml's composer when PyYAML has it (about ten times faster), the pure-Python one otherwise.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"


@dataclass
class YamlFile:
    """A parsed YAML file: its data (None when unusable), the line of every key path, and its problems."""

    shown: str
    data: Any = None
    lines: dict[KeyPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: KeyPath) -> int | None:
        """The line of the deepest part of path that exists in the file (a missing key points to its parent)."""
        return line_of(path, self.lines)


class LazyLines(Mapping):
    """The line of every key path of a file that has been read and validated, made again from the file's text
    (kept as UTF-8) when a message first needs one: a checked source keeps its lines for the messages of later
    checks (a `see:` whose heading a page edit removed), but a table of every key of thousands of questions
    (17 MB at 2,000) is rarely read. The text is kept deflated: the questions repeat their keys and markup (at
    2,000 questions 5.4 MB as UTF-8, under 1 MB so, in a millisecond a file)."""

    def __init__(self, text: str, shown: str):
        self._packed, self._shown = zlib.compress(text.encode(), 1), shown
        self._made: dict[KeyPath, int] | None = None

    def _table(self) -> dict[KeyPath, int]:
        if self._made is None:
            self._made = parse(zlib.decompress(self._packed).decode(), self._shown).lines
        return self._made

    def __getitem__(self, path: KeyPath) -> int:
        return self._table()[path]

    def __contains__(self, path: object) -> bool:
        return path in self._table()

    def __iter__(self):
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """A source file's text; a file too large or not saved as UTF-8 is a problem, with the limit or the line."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None, [Problem(file=shown, key="error.file_missing")]
    if size > MAX_FILE_BYTES:
        return None, [Problem(file=shown, key="error.file_too_large",
                              params={"size": size // 1024, "limit": MAX_FILE_BYTES // 1024})]
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        return None, [Problem(file=shown, key="error.not_utf8", line=raw[: error.start].count(b"\n") + 1)]


def load(path: Path, shown: str, partial: bool = False) -> YamlFile:
    """Read and parse one YAML file."""
    text, problems = read_text(path, shown)
    if text is None:
        return YamlFile(shown, problems=problems)
    return parse(text, shown, partial=partial)


def parse(text: str, shown: str, construct: bool = True, partial: bool = False) -> YamlFile:
    """Parse a YAML document. With construct=False only the lines are read, so unknown tags (!ENV) pass.

    A file with problems has no data, so that nothing is built from half of it; with partial (or construct=False)
    it keeps what could be read (the first of a key written twice, None for an alias) for checks and messages."""
    result = YamlFile(shown)
    deep = _too_deep(text)
    if deep is not None:
        result.problems.append(Problem(file=shown, key="error.yaml_too_deep", line=deep, params={"limit": MAX_DEPTH}))
        return result
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as error:
        result.problems.append(_syntax_problem(shown, error, text))
        return result
    finally:
        loader.dispose()
    if root is None:
        result.data = None if not construct else {}
        return result
    walk = _Walk(result, text, construct)
    result.data = walk.node(root, ())
    if walk.aliased:
        result.problems += _alias_problems(shown, text)
    if result.problems and construct and not partial:
        result.data = None
    return result


class _Walk:
    """One pass over the node tree: lines, duplicate keys, shared (aliased) nodes, and the data."""

    def __init__(self, result: YamlFile, text: str, construct: bool):
        self.result, self.text, self.construct = result, text, construct
        self.seen: set[int] = set()
        self.aliased = False

    def node(self, node: yaml.Node, path: KeyPath) -> Any:
        lines = self.result.lines
        lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in self.seen:  # the same node twice: an alias; reported once, never expanded
            self.aliased = True
            return None
        self.seen.add(id(node))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in (_TAG + "map", _TAG + "seq") and (
                self.construct or node.tag.startswith(_TAG + "python/")):
            # !!python/object/apply:os.system [...]: nothing of ours constructs it, but MkDocs' reader would run it
            self.problem("error.yaml_tag", node, path, tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            data: dict = {}
            first: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _TAG + "merge":
                    self.aliased = True
                    continue
                key = self.scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
                if key is None or isinstance(key, (list, dict)):
                    self.problem("error.yaml_key_not_text", key_node, path)
                    continue
                line = key_node.start_mark.line + 1
                if key in first:
                    self.problem("error.duplicate_key", key_node, path, key=key, first=first[key], second=line)
                    continue
                first[key] = line
                lines[path + (key,)] = line  # a key's line, not its value's (which may start on the next)
                data[key] = self.node(value_node, path + (key,))
            return data
        if isinstance(node, yaml.SequenceNode):
            return [self.node(item, path + (index,)) for index, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        if not self.construct:
            # What a file read by another program (MkDocs' mkdocs.yml) must not contain: a date that does not
            # exist (its reader stops with a traceback) or a python/ tag (its reader would run the code).
            if node.tag.startswith(_TAG + "python/"):
                self.problem("error.yaml_tag", node, path, tag=node.tag)
            elif node.tag == _TAG + "timestamp":
                try:
                    _SCALARS.construct_yaml_timestamp(node)
                except ValueError:
                    self.problem("error.expected_date", node, path, field=str(path[-1]) if path else "",
                                 value=node.value)
            return node.value
        tag = node.tag
        if tag in (_TAG + "str", _TAG + "timestamp"):  # dates are parsed, and checked, by the models
            if len(node.value) > MAX_TEXT_CHARACTERS:
                self.problem("error.text_too_long", node, path, length=len(node.value), limit=MAX_TEXT_CHARACTERS)
                return None
            return node.value
        if tag in (_TAG + "int", _TAG + "float", _TAG + "bool", _TAG + "null"):
            return _SCALARS.construct_object(node)
        self.problem("error.yaml_tag", node, path, tag=tag)
        return None

    def problem(self, message: str, node: yaml.Node, path: KeyPath, **params) -> None:
        """A problem at the node; params are the message's (a duplicate key's `key` among them)."""
        from guideline.validation import shown_path
        self.result.problems.append(Problem(file=self.result.shown, key=message, params=params,
                                            line=node.start_mark.line + 1, path=shown_path(path)))


def _too_deep(text: str) -> int | None:
    """The line where the nesting first goes deeper than MAX_DEPTH, read from the event stream (which does not
    recurse); only a text with many brackets or a deep indentation can nest that deep, so others are not read."""
    if text.count("[") + text.count("{") <= MAX_DEPTH and not _MAYBE_DEEP.search(text):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the syntax error is reported with its line when the file is composed
    return None


def _alias_problems(shown: str, text: str) -> list[Problem]:
    """Where the aliases and merge keys are: the events carry the position the node tree has lost."""
    problems = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            problems.append(Problem(file=shown, key="error.yaml_alias", line=event.start_mark.line + 1,
                                    params={"alias": f"*{event.anchor}"}))
        elif isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.tag is None and event.implicit[0]:
            problems.append(Problem(file=shown, key="error.yaml_alias", line=event.start_mark.line + 1,
                                    params={"alias": "<<"}))
    return problems or [Problem(file=shown, key="error.yaml_alias", params={"alias": "*"})]


def _syntax_problem(shown: str, error: yaml.YAMLError, text: str) -> Problem:
    """A YAML syntax error with its line and the parser's own explanation."""
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow: where it is, and its code
        return Problem(file=shown, key="error.yaml_syntax", line=text.count("\n", 0, error.position) + 1,
                       params={"detail": f"{error.reason}: U+{error.character:04X}" if isinstance(
                           error.character, int) else error.reason})
    mark = getattr(error, "problem_mark", None)
    detail = " ".join(str(part) for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part)
    return Problem(file=shown, key="error.yaml_syntax", params={"detail": detail or str(error)},
                   line=mark.line + 1 if mark else None)


def line_of(path: KeyPath, lines: dict[KeyPath, int]) -> int | None:
    """The line of the deepest part of path that exists in the file (a missing key points to its parent)."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def line_of_text(text: str, needle: str, start: int = 0) -> int | None:
    """The line (1-based) where needle first occurs in text, for sources without a node tree (Markdown)."""
    found = text.find(needle, start)
    return None if found < 0 else text.count("\n", 0, found) + 1
