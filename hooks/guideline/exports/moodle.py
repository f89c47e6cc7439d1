"""The whole question pool as Moodle XML: one file with both languages, for Moodle's question bank import.

Each question keeps its id (Moodle's idnumber) and sits in a category per chapter; every text carries both
languages as Moodle's multilang spans, which its filter "Multi-language content" turns into the reader's language.
Texts are inline HTML (guideline.inline escapes any HTML written in a source text); ElementTree escapes them once
more as XML, and Moodle reads the element's text back as that HTML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterator

from guideline.exports.pool import PoolQuestion, pooled
from guideline.kept import KEPT
from guideline.languages import LANGUAGES
from guideline.templates import render_macro

TOP = "$course$/top"


def moodle_xml(project) -> str:
    """The Moodle XML document: a category for the guideline, one below it per chapter, then its questions."""
    return "".join(moodle_pieces(project))


def moodle_pieces(project) -> Iterator[str]:
    """The document in pieces, a question at a time, so a pool of thousands is never one tree in memory: the
    same text as ElementTree writes the whole tree indented (each element indented as at depth 1)."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n  '
    previous = None
    for piece in _pieces(project):  # each ends in the tail of an element that another follows
        if previous is not None:
            yield previous
        previous = piece
    yield previous.removesuffix(BETWEEN) + "\n</quiz>\n"


BETWEEN = "\n  "


def _piece(element: ET.Element, tail: str = BETWEEN) -> str:
    ET.indent(element, level=1)
    element.tail = tail
    return ET.tostring(element, encoding="unicode")


def _pieces(project) -> Iterator[str]:
    """The children of <quiz> in order: the comment, the categories, each chapter's questions after its own."""
    yield _piece(ET.Comment(f" {_multilang_text(project, 'lms.file.comment', version=project.organization.guideline_version)} "))
    guideline = {language: project.strings.get("print.guideline", language) for language in LANGUAGES}
    top = f"{TOP}/{_path_part(_multilang(project, guideline))}"
    yield _piece(_category(top, "guideline", _multilang(project, {
        language: project.strings.format("lms.moodle.category", language,
                                         organization=project.organization.name_genitive[language],
                                         version=project.organization.guideline_version)
        for language in LANGUAGES})))
    current = None
    for _, chapter, _, piece in KEPT.pieces(project, "moodle", lambda number, chapter, question: _piece(_question(
            project, [pooled(project, language, number, chapter, question) for language in LANGUAGES]))):
        if chapter != current:
            current = chapter
            titles = {language: project.docs.page(language, chapter).title for language in LANGUAGES}
            yield _piece(_category(f"{top}/{_path_part(_multilang(project, titles))}",
                                   "guideline-" + chapter.removesuffix(".md").replace("/", "-"), ""))
        yield piece


def _category(path: str, idnumber: str, info: str) -> ET.Element:
    """Moodle's way of saying where the questions after it go (imported with "Get category from file")."""
    question = ET.Element("question", type="category")
    _text(ET.SubElement(question, "category"), path)
    _text(ET.SubElement(question, "info", format="html"), info)
    ET.SubElement(question, "idnumber").text = idnumber
    return question


def _question(project, versions: list[PoolQuestion]) -> ET.Element:
    """One question with every language's texts in one place; versions are the same question in LANGUAGES."""
    first = versions[0]
    view = first.view
    question = ET.Element("question", type="truefalse" if first.true_false else "multichoice")
    _text(ET.SubElement(question, "name"), view.id)
    _html(question, "questiontext", project, [version.view.text for version in versions])
    _html(question, "generalfeedback", project, [version.general_feedback for version in versions])
    ET.SubElement(question, "defaultgrade").text = "1"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = view.id
    if not first.true_false:
        ET.SubElement(question, "single").text = "true" if view.type == "single" else "false"
        ET.SubElement(question, "shuffleanswers").text = "true"
        ET.SubElement(question, "answernumbering").text = "none"
        ET.SubElement(question, "showstandardinstruction").text = "1"
        for field in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text(ET.SubElement(question, field, format="html"), "")
    for index, grade in enumerate(first.grades):
        options = [version.view.options[index] for version in versions]
        if first.true_false:  # Moodle tells true from false by these two words, whatever the language
            answer = ET.SubElement(question, "answer", fraction=grade, format="moodle_auto_format")
            _text(answer, options[0].value)
        else:
            answer = ET.SubElement(question, "answer", fraction=grade, format="html")
            _text(answer, _multilang(project, dict(zip(LANGUAGES, (option.label for option in options)))))
        _html(answer, "feedback", project, [option.feedback for option in options])
    return question


def _html(parent: ET.Element, name: str, project, texts: list) -> None:
    _text(ET.SubElement(parent, name, format="html"), _multilang(project, dict(zip(LANGUAGES, texts))))


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value


def _multilang(project, texts: dict) -> str:
    """The texts of every language, each in a span Moodle's multilang filter shows only in its language."""
    return render_macro("lms.html", "multilang", project.strings, texts=tuple(texts.items()))


def _multilang_text(project, key: str, **params) -> str:
    return " / ".join(project.strings.format(key, language, **params) for language in LANGUAGES)


def _path_part(name: str) -> str:
    """A category name inside Moodle's category path, where a slash separates names and a doubled one is a slash."""
    return name.replace("/", "//")
