"""Build problems that a communications officer can act on: where, what, and what was expected, in Finnish and Swedish."""

from __future__ import annotations

from dataclasses import dataclass, field

from guideline.languages import LANGUAGES


@dataclass(frozen=True)
class Problem:
    """One mistake in a source file, with the place it was found and the UI-string key of its message."""

    file: str
    key: str
    params: dict = field(default_factory=dict)
    line: int | None = None
    path: str = ""

    def render(self, strings) -> str:
        """The problem as a block of text: the place, then the message in Finnish and in Swedish."""
        place = [self.file]
        if self.line is not None:
            place.append(" / ".join(_message(strings, "error.place.line", language, {"line": self.line})
                                    for language in LANGUAGES))
        if self.path:
            place.append(self.path)
        lines = [", ".join(place) + ":"]
        for language in LANGUAGES:
            lines.append(f"  {language}: {_message(strings, self.key, language, self.params)}")
        return "\n".join(lines)


def _message(strings, key: str, language: str, params: dict) -> str:
    """A message from the table; messages about the table itself, or a key the broken table lacks, from here."""
    from guideline.strings import TABLE_MESSAGES
    texts = strings.table.get(key) if strings is not None else None
    text = texts.get(language) if isinstance(texts, dict) else None
    if not isinstance(text, str) or not text.strip():
        if key not in TABLE_MESSAGES:
            return f"{key} {params}"
        text = TABLE_MESSAGES[key][language]
    try:
        return text.format_map(_KeepUnknown(params))
    except (ValueError, IndexError):
        return text


class _KeepUnknown(dict):
    """Parameters for a message; a placeholder without a value stays visible instead of failing the report."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class ProblemsFound(Exception):
    """Raised with every problem found at once, so that one build reports them all."""

    def __init__(self, problems: list[Problem], strings=None):
        from guideline.strings import load_strings
        self.problems = problems
        self.strings = strings if strings is not None else load_strings()[0]
        super().__init__(self.report())

    def report(self) -> str:
        """The whole report: a bilingual heading with the count, then each problem."""
        count = len(self.problems)
        heading = " / ".join(_message(self.strings, "error.heading", language, {"count": count})
                             for language in LANGUAGES)
        return heading + "\n\n" + "\n\n".join(problem.render(self.strings) for problem in self.problems)
