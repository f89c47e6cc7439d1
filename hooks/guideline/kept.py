"""What `mkdocs serve` keeps of each question from one rebuild to the next: the text a question gives in a file made
from the whole pool (an onboarding question file, its piece of the Moodle XML or GIFT file).

MkDocs rebuilds the whole site after every save, and each rebuild makes a new project. A question's text is taken
from the last rebuild when the file is made from equal inputs (guideline.pages.render_inputs: strings, templates,
rule titles, site_url...) and it is the same question at the same number in the same chapter, compared by value (a
question file not saved again gives the same objects: guideline.quizsource); so a saved question remakes its own
texts, not the whole pool's. Switched on by guideline.adapter.site.set_serving; `mkdocs build` keeps nothing.
"""

from __future__ import annotations

from typing import Callable, Iterator, TypeVar

Piece = TypeVar("Piece")


def numbered(project) -> Iterator[tuple[int, str, object]]:
    """(number, chapter, question) of every question, numbered from 1 in the pool's order."""
    number = 0
    for chapter, questions in project.chapters().items():
        for question in questions:
            number += 1
            yield number, chapter, question


class KeptPieces:
    """The pieces of the files made at the last rebuild, by file and question."""

    keep = False

    def __init__(self):
        self._last: dict[object, tuple[tuple, dict[str, tuple[tuple, object]]]] = {}

    def pieces(self, project, file: object, make: Callable[[int, str, object], Piece]
               ) -> Iterator[tuple[int, str, object, Piece]]:
        """(number, chapter, question, piece) of every question in the pool's order, each piece
        make(number, chapter, question) or the last rebuild's; the pieces are kept once the whole file is made."""
        if not self.keep:
            for number, chapter, question in numbered(project):
                yield number, chapter, question, make(number, chapter, question)
            return
        from guideline.pages import render_inputs  # pages builds on the modules that use this one
        inputs = render_inputs(project)
        last_inputs, last = self._last.pop(file, ((), {}))
        reusable = last if last_inputs == inputs else {}
        kept = {}
        for number, chapter, question in numbered(project):
            made_from = (number, chapter, question)
            old = reusable.get(question.id)
            piece = old[1] if old is not None and old[0] == made_from else make(number, chapter, question)
            kept[question.id] = (made_from, piece)
            yield number, chapter, question, piece
        self._last[file] = (inputs, kept)


KEPT = KeptPieces()
