"""Bad input, one class of issue 11 at a time: every mistake is a located message in Finnish and Swedish, no
mistake loses text, runs code, hangs the build or hides another. scripts/mistake_corpus.py tries many more.

The unit tests check a copy of tests/fixtures/source the way the build does (guideline.project.check_project,
through the preflight where mkdocs.yml is concerned); one real build per phase shows the same end to end: the
preflight (a mistake in mkdocs.yml, which MkDocs would read first) and the build's own check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guideline import yamlfile
from guideline.adapter import preflight
from guideline.problems import ProblemsFound
from guideline.strings import load_strings
from sitetools import build, check_source, copy_project, soup

FIXTURE = Path(__file__).parent / "fixtures" / "source"
QUESTIONS = "quizzes/questions/moderation.yml"


def fixture_copy(tmp_path: Path, edits: dict[str, tuple[str, str]] | None = None,
                 files: dict[str, str | bytes] | None = None) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    for name, (old, new) in (edits or {}).items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} no longer contains {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, content in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


CONFIG_LINES = len((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").splitlines())


def append_to_config(root: Path, text: str) -> None:
    """Lines added at the end of the copy's mkdocs.yml: the first is line CONFIG_LINES + 1."""
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(text)


def problems_of(root: Path):
    """Every problem the build would report, read through the preflight (mkdocs.yml as we read it)."""
    return preflight.check(root / "mkdocs.yml")


def keys(problems) -> list[tuple[str, str, int | None]]:
    return [(problem.key, problem.file, problem.line) for problem in problems]


def report(problems) -> str:
    return ProblemsFound(problems).report()


# 1. Text silently lost ------------------------------------------------------------------------------------------

@pytest.mark.unit
def test_1_a_key_written_twice_names_both_lines(tmp_path):
    root = fixture_copy(tmp_path, {QUESTIONS: ("      sv: En kommentar innehåller",
                                               "      fi: Toinen teksti.\n      sv: En kommentar innehåller")})
    problems = check_source(root).problems
    assert keys(problems) == [("error.duplicate_key", QUESTIONS, 8)]
    assert (problems[0].params["first"], problems[0].params["second"]) == (7, 8)
    text = report(problems)
    assert "rivit 7 ja 8" in text and "raderna 7 och 8" in text


# 2. Aliases, nesting and sizes ----------------------------------------------------------------------------------

@pytest.mark.unit
def test_2_deep_nesting_and_a_large_file_are_problems_with_their_limit(tmp_path):
    # 5000 levels took seconds and ended in a RecursionError; 100 000 crashed libyaml's composer
    nested = yamlfile.parse("questions: " + "[" * 5000 + "]" * 5000 + "\n", QUESTIONS)
    assert keys(nested.problems) == [("error.yaml_too_deep", QUESTIONS, 1)]
    assert nested.problems[0].params["limit"] == yamlfile.MAX_DEPTH
    big = tmp_path / "big.yml"
    big.write_text("a: 1\n# " + "x" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    loaded = yamlfile.load(big, "quizzes/questions/big.yml")
    assert [problem.key for problem in loaded.problems] == ["error.file_too_large"]
    assert f"{yamlfile.MAX_FILE_BYTES // 1024} kt" in report(loaded.problems)


# 3. Settings texts never become markup, addresses are https ------------------------------------------------------

@pytest.mark.unit
def test_3_extra_settings_and_titles_with_markup_are_refused(tmp_path):
    root = fixture_copy(tmp_path, {"mkdocs.yml": ("            Testit: Test",
                                                  "            Testit: '</title><script>x</script>'")})
    append_to_config(root, "extra:\n  homepage: javascript:alert(1)\n"
                           "extra_javascript:\n  - https://cdn.example.org/x.js\n")
    lines = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    translation = lines.index("            Testit: Test") + 1
    assert sorted(keys(problems_of(root))) == [
        ("error.config_extra", "mkdocs.yml", CONFIG_LINES + 2),  # Material would link the logo to it
        ("error.external_resource", "mkdocs.yml", CONFIG_LINES + 4),
        ("error.title_markup", "mkdocs.yml", translation)]


@pytest.mark.build
def test_3_the_site_name_is_shown_as_text(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: Sosiaalisen median ohje", "site_name: '<img src=x onerror=alert(1)> Ohje'", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.ok, result.output
    page = soup(result.site / "purpose" / "index.html")
    assert not page.select("img[onerror]")
    assert "<img src=x onerror=alert(1)> Ohje" in page.select_one(".md-header__topic").get_text()
    assert page.select_one("a.md-logo")["title"] == "<img src=x onerror=alert(1)> Ohje"


# 4. Nothing from another host, nothing that runs -----------------------------------------------------------------

@pytest.mark.unit
def test_4_attribute_lists_html_inside_markdown_blocks_and_comment_tricks_are_checked(tmp_path):
    page = "docs/fi/moderation.md"
    text = (FIXTURE / page).read_text(encoding="utf-8")
    root = fixture_copy(tmp_path, files={page: text + '\nKlikkaa.\n{: onclick="alert(1)" }\n\n<div markdown>\n'
                                                      '<iframe src="https://evil.example/"></iframe>\n</div>\n\n'
                                                      '<!--><script>alert(1)</script>-->\n'})
    lines = len(text.splitlines())
    # `<!-->` ends a comment in a browser (the script runs), not in Python's HTMLParser
    assert sorted(keys(check_source(root).problems)) == [
        ("error.active_html", page, lines + 6), ("error.active_html", page, lines + 9),
        ("error.event_handler", page, lines + 3)]


# 5. Markers, anchors and titles in one language only -------------------------------------------------------------

@pytest.mark.unit
def test_5_a_title_in_one_language_only_names_that_page(tmp_path):
    root = fixture_copy(tmp_path, {"docs/sv/moderation.md": ("# Moderering\n", "Moderering\n")})
    assert keys(check_source(root).problems) == [("error.page_without_title", "docs/sv/moderation.md", 1)]


# 6. What MkDocs would parse first: located fi/sv messages, never a traceback ------------------------------------

@pytest.mark.unit
@pytest.mark.parametrize("addition, expected, offset", [
    ("extra:\n  generator: false\n  updated: 2026-02-30\n", "error.expected_date", 3),  # MkDocs: a traceback
    ("sitename: Ohje\n", "error.unknown_field", 1),  # MkDocs: English, no line
    ("site_name: 'Ohje\n", "error.yaml_syntax", 2),
    ("extra:\n  generator: !!python/object/apply:os.system ['true']\n", "error.yaml_tag", 2),  # MkDocs runs it
    ("extra:\n  a: &a [x, x]\n  b: [*a, *a]\n", "error.yaml_alias", 3),  # MkDocs expands it
])
def test_6_a_mistake_in_mkdocs_yml_is_located_before_mkdocs_reads_it(tmp_path, addition, expected, offset):
    root = fixture_copy(tmp_path)
    append_to_config(root, addition)
    problems = problems_of(root)
    assert (expected, "mkdocs.yml", CONFIG_LINES + offset) in keys(problems)
    assert {problem.file for problem in problems} == {"mkdocs.yml"}


@pytest.mark.unit
def test_6_a_missing_string_table_and_a_missing_image_are_problems(tmp_path):
    strings, problems = load_strings(tmp_path / "strings.yml", "hooks/guideline/strings.yml")
    assert keys(problems) == [("error.file_missing", "hooks/guideline/strings.yml", None)]
    assert "Tiedosto puuttuu" in report(problems) and "Filen saknas" in report(problems)
    page = "docs/fi/moderation.md"
    text = (FIXTURE / page).read_text(encoding="utf-8")
    root = fixture_copy(tmp_path, files={page: text + "\n![Kaavio](images/kaavio.png)\n"})
    assert keys(check_source(root).problems) == [("error.broken_file_link", page, len(text.splitlines()) + 2)]


# 7. One mistake hides no other ------------------------------------------------------------------------------------

@pytest.mark.unit
def test_7_a_broken_mkdocs_yml_hides_no_quiz_or_page_mistake(tmp_path):
    root = fixture_copy(tmp_path, {"mkdocs.yml": ("site_url: https://guide.example/", "site_url: 'https://guide"),
                                   QUESTIONS: ("    type: multiple\n", "    type: multi\n"),
                                   "docs/fi/moderation.md": ("Teksti.\n", "Teksti <!-- org:nmae -->.\n")})
    files = {problem.file for problem in problems_of(root)}
    assert files == {"mkdocs.yml", QUESTIONS, "docs/fi/moderation.md"}


# 8. Missing translations ----------------------------------------------------------------------------------------

@pytest.mark.unit
def test_8_an_empty_nav_translation_is_a_missing_one(tmp_path):
    root = fixture_copy(tmp_path, {"mkdocs.yml": ("Testit: Test", "Testit: ''")})
    section = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("  - Testit:") + 1
    assert keys(check_source(root).problems) == [("error.nav_title_untranslated", "mkdocs.yml", section)]


# End to end: one build per phase ----------------------------------------------------------------------------------

@pytest.mark.build
def test_a_mistake_in_mkdocs_yml_and_one_in_a_quiz_stop_the_build_together(tmp_path):
    """The preflight's phase: MkDocs never reads the broken mkdocs.yml, the site folder is untouched."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  updated: 2026-02-30\n", encoding="utf-8")
    questions = project / "quizzes/questions/security.yml"
    questions.write_text(questions.read_text(encoding="utf-8").replace("    type: single\n", "    type: multi\n", 1),
                         encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site published before", encoding="utf-8")
    result = build(project, site)
    assert not result.ok
    assert "Traceback" not in result.output
    for part in ("mkdocs.yml, rivi", "extra.updated", "VVVV-KK-PP", "ÅÅÅÅ-MM-DD",
                 "quizzes/questions/security.yml, rivi", "multi"):
        assert part in result.output, part
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site published before"
