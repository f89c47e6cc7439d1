"""Pages generated from the quiz source in the built site, both languages: forms, nav, sitemap, search, switcher."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitetools import ROOT, build, check_source, copy_project, free_port, resolve, served, soup

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def source():
    """The real sources, checked as the build checks them."""
    return check_source(ROOT)




def quiz_paths(source, language: str) -> list[str]:
    prefix = "sv/" if language == "sv" else ""
    return [f"{prefix}quizzes/{chapter[:-3]}/" for chapter in source.chapters()] + [f"{prefix}quizzes/onboarding/"]


def onboarding_questions(site, path: str) -> list:
    """The onboarding quiz's questions: one file each beside its page, as the page's index lists them."""
    page = soup(site / path / "index.html")
    index = json.loads(page.select_one("[data-quiz-pool]").string)
    folder = page.select_one("form[data-quiz]")["data-quiz-fragments"]
    return [soup(site / path / folder / f"{entry[0]}.html").select_one("fieldset") for entry in index["questions"]]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_quiz_page_is_built_with_fieldsets_and_labels(site, source, language):
    for path in quiz_paths(source, language):
        page = soup(site / path / "index.html")
        assert page.html["lang"] == language
        form = page.select_one("form[data-quiz][data-quiz-mode]")
        assert form["data-quiz-mode"] == ("onboarding" if "onboarding" in path else "self-check")
        questions = form.select("fieldset.quiz-question")
        if "onboarding" in path:
            assert not questions, "the onboarding page carries its pool's index, not its questions"
            questions = onboarding_questions(site, path)
            page = BeautifulSoup("".join(map(str, questions)), "html.parser")
        assert questions, path
        for fieldset in questions:
            assert fieldset.legend.get_text(strip=True), path
            inputs = fieldset.select("input")
            assert len(inputs) >= 2
            for field in inputs:
                assert field["type"] in ("radio", "checkbox")
                assert page.select_one(f'label[for="{field["id"]}"]').get_text(strip=True)
            assert fieldset.select_one("details summary"), "the answer waits behind a disclosure"
            assert fieldset.select_one("details .quiz-answer__see a[href]")


def test_onboarding_holds_the_whole_pool_and_its_settings(site, source):
    form = soup(site / "quizzes/onboarding/index.html").select_one("form[data-quiz]")
    pool = [(chapter, question.id) for chapter, questions in source.chapters().items() for question in questions]
    for path in ("quizzes/onboarding/", "sv/quizzes/onboarding/"):
        fieldsets = onboarding_questions(site, path)
        assert [(f["data-chapter"], f["data-question"]) for f in fieldsets] == pool, path
    settings = source.quizzes.settings.model.onboarding
    assert (form["data-quiz-draw"], form["data-quiz-pass-mark"]) == (str(settings.questions), str(settings.pass_mark))


def test_chapters_end_with_a_link_to_their_self_check(site, source):
    for language, prefix in (("fi", ""), ("sv", "sv/")):
        for chapter in source.chapters():
            page = soup(site / prefix / chapter[:-3] / "index.html")
            box = page.select("article .self-check-link")[-1]
            assert box.a["href"] == f"../quizzes/{chapter[:-3]}/"


def test_generated_pages_are_in_nav_sitemap_search_and_switcher(site, source):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for language in ("fi", "sv"):
        prefix = "sv/" if language == "sv" else ""
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        other = "fi" if language == "sv" else "sv"
        for path in quiz_paths(source, language) + [prefix + "quizzes/", prefix + "poster/"]:
            assert path.removeprefix("sv/") in locations, f"{path} is not in the {language} search index"
            assert f"{path}</loc>" in sitemap, f"{path} is not in the sitemap"
            page = soup(site / path / "index.html")
            active = page.select_one("nav.md-nav--primary .md-nav__link--active")
            assert active and active["href"] == "./", f"{path} is not in the navigation"
            switch = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
            expected = path.removeprefix("sv/") if other == "fi" else "sv/" + path
            assert resolve(path, switch[other]) == expected, path


def test_start_page_leads_to_the_onboarding_quiz_and_the_poster(site):
    """A new employee on a phone finds the onboarding quiz and the poster from the home page, in their language."""
    for prefix in ("", "sv/"):
        article = soup(site / prefix / "index.html").select_one("article")
        targets = {resolve(prefix, a["href"]) for a in article.select("a[href]") if not a["href"].startswith("#")}
        assert {prefix + "quizzes/onboarding/", prefix + "poster/"} <= targets, prefix or "fi"


def test_nothing_is_written_into_docs(tmp_path):
    def snapshot():
        return {str(path): path.stat().st_mtime_ns for path in (ROOT / "docs").rglob("*")}
    before = snapshot()
    assert build(ROOT, tmp_path / "site").ok
    assert snapshot() == before


def test_serve_rebuilds_when_a_quiz_file_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "--config-file", str(project / "mkdocs.yml")], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/quizzes/security/"
        first = served(url, lambda body: "quiz-question" in body)
        questions = project / "quizzes" / "questions" / "security.yml"
        text = questions.read_text(encoding="utf-8")
        marker = "Tarkistuskysymys, jonka serve näyttää"
        question_line = next(line for line in text.splitlines() if line.strip().startswith("fi:"))
        questions.write_text(text.replace(question_line, question_line.split("fi:")[0] + f"fi: {marker}", 1),
                             encoding="utf-8")
        served(url, lambda body: marker in body)
        assert marker not in first
    finally:
        server.terminate()
        server.wait(timeout=20)
