"""Build problems that a communications officer can act on: where, what, and what was expected, in Finnish and Swedish."""

from __future__ import annotations

from dataclasses import dataclass, field

from guideline.strings import UiStrings, load_ui_strings


@dataclass(frozen=True)
class Problem:
    """One mistake in a source file, with the place it was found and the UI-string key of its message."""

    file: str
    key: str
    params: dict = field(default_factory=dict)
    line: int | None = None
    path: str = ""

    def render(self, strings: UiStrings) -> str:
        """The problem as a block of text: the place, then the message in Finnish and in Swedish."""
        place = [self.file]
        if self.line is not None:
            place.append(strings.format("error.place.line", "fi", line=self.line)
                         + " / " + strings.format("error.place.line", "sv", line=self.line))
        if self.path:
            place.append(self.path)
        lines = [", ".join(place) + ":"]
        for language in strings.languages:
            message = strings.get(self.key, language).format_map(_KeepUnknown(self.params))
            lines.append(f"  {language}: {message}")
        return "\n".join(lines)


class _KeepUnknown(dict):
    """Parameters for a message; a placeholder without a value stays visible instead of failing the report."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class ProblemsFound(Exception):
    """Raised with every problem found at once, so that one build reports them all."""

    def __init__(self, problems: list[Problem], strings: UiStrings | None = None):
        self.problems = problems
        self.strings = strings or load_ui_strings()
        super().__init__(self.report())

    def report(self) -> str:
        """The whole report: a bilingual heading with the count, then each problem."""
        count = len(self.problems)
        heading = " / ".join(
            self.strings.format("error.heading", language, count=count) for language in self.strings.languages
        )
        return heading + "\n\n" + "\n\n".join(problem.render(self.strings) for problem in self.problems)
