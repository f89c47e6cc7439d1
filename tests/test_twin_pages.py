"""A page without its twin in the other language stops the build and names the page."""

from __future__ import annotations


from guideline.twins import pages_without_twin
from sitetools import build, copy_project


def test_pages_without_twin_names_each_missing_page(tmp_path):
    for language, pages in {"fi": ["a.md", "b.md", "sub/c.md"], "sv": ["a.md", "sub/d.md"]}.items():
        for page in pages:
            (tmp_path / language / page).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / language / page).write_text("# x\n")
    problems = pages_without_twin(tmp_path, ("fi", "sv"))
    assert sorted(problem.params["missing"] for problem in problems) == ["docs/fi/sub/d.md", "docs/sv/b.md",
                                                                         "docs/sv/sub/c.md"]


def test_a_missing_swedish_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "sv" / "accessibility.md").unlink()
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "docs/sv/accessibility.md" in result.output
    assert "puuttuu" in result.output and "saknas" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists(), "nothing may be written when the check fails"


def test_a_swedish_page_without_finnish_twin_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "sv" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "docs/fi/extra.md" in result.output
