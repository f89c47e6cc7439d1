"""A page without its twin in the other language stops the build and names the page."""

from __future__ import annotations


import pytest

from guideline.checks import twin_problems
from guideline.docs import read_docs
from sitetools import build, copy_project


@pytest.mark.unit
def test_pages_without_twin_names_each_missing_page(tmp_path):
    docs = tmp_path / "docs"
    for language, pages in {"fi": ["a.md", "b.md", "sub/c.md"], "sv": ["a.md", "sub/d.md"]}.items():
        for page in pages:
            (docs / language / page).parent.mkdir(parents=True, exist_ok=True)
            (docs / language / page).write_text("# x\n")
    problems = twin_problems(read_docs(docs))
    assert sorted(problem.params["missing"] for problem in problems) == ["docs/fi/sub/d.md", "docs/sv/b.md",
                                                                         "docs/sv/sub/c.md"]


@pytest.mark.build
def test_a_missing_swedish_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "sv" / "accessibility.md").unlink()
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "docs/sv/accessibility.md" in result.output
    assert "puuttuu" in result.output and "saknas" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists(), "nothing may be written when the check fails"


@pytest.mark.build
def test_a_swedish_page_without_finnish_twin_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "sv" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "docs/fi/extra.md" in result.output
