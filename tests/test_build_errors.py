"""A mistake in the sources stops the real build with a message, never a traceback, and leaves the site as it was."""

from __future__ import annotations

import pytest

from sitetools import build, copy_project


def break_and_build(tmp_path, path: str, old: str, new: str):
    project = copy_project(tmp_path / "project")
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site published before", encoding="utf-8")
    return build(project, site), site


CASES = {
    "yaml syntax": ("quizzes/questions/security.yml", "    type: single\n", "    type: single\n   oops: [\n",
                    ["quizzes/questions/security.yml, rivi", "YAML"]),
    "missing swedish": ("quizzes/checklist.yml", "      sv: Innan du öppnar ett konto\n", "",
                        ["quizzes/checklist.yml, rivi", "groups[1].title.sv", "Kenttä sv puuttuu", "Fältet sv saknas"]),
    "anchor gone": ("docs/sv/interaction.md", "{#respond-quickly}", "{#reply-quickly}",
                    ["see", "#respond-quickly", "sv"]),
    "not utf-8": ("quizzes/questions/purpose.yml", "", None, ["UTF-8"]),
    "string table": ("hooks/guideline/strings.yml", "  sv: Skriv ut\n", "",
                     ["hooks/guideline/strings.yml", "poster.print", "Teksti kielellä sv puuttuu",
                      "Texten på språket sv saknas"]),
    "no site url": ("mkdocs.yml", "site_url: https://ohje.esimerkkikaupunki.example/\n", "",
                    ["mkdocs.yml, rivi", "site_url:", "https://"]),
}


@pytest.mark.parametrize("case", CASES)
def test_a_mistake_stops_the_build_with_a_message_and_keeps_the_site(tmp_path, case):
    path, old, new, expected = CASES[case]
    if new is None:  # save the file in Latin-1 instead of UTF-8
        project = copy_project(tmp_path / "project")
        file = project / path
        file.write_bytes(file.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
        site = tmp_path / "site"
        site.mkdir()
        (site / "index.html").write_text("the site published before", encoding="utf-8")
        result = build(project, site)
    else:
        result, site = break_and_build(tmp_path, path, old, new)
    assert not result.ok
    assert "Traceback" not in result.output
    for part in expected:
        assert part in result.output, part
    assert (site / "index.html").read_text(encoding="utf-8") == "the site published before"
