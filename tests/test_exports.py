"""The learning-platform exports: Moodle XML and GIFT read back by independent parsers with every question, option,
feedback and grade; the SCORM package checked against SCORM 1.2's packaging rules; special characters intact in
every file; the files published by the build, made by the command, and stopped by a source mistake."""

from __future__ import annotations

import html
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guideline.adapter.site import exports_for, load_site
from guideline.exports import export_files
from guideline.exports.addresses import page_address
from guideline.exports.pool import MOODLE_PERCENTS
from guideline.inline import render_inline
from guideline.languages import LANGUAGES
from guideline.models import TrueFalseQuestion
from guideline.problems import ProblemsFound
from sitetools import ROOT, build, copy_project, free_port, served, soup

GIFT_PARSER = ROOT / "tests" / "js" / "parse_gift.js"
MULTILANG = re.compile(r'<span lang="(?P<lang>[a-z]+)" class="multilang">(?P<text>.*?)</span>', re.S)
ALLOWED = {float(percent) for percent in MOODLE_PERCENTS} | {-float(percent) for percent in MOODLE_PERCENTS} | {0.0}

# A question whose every text carries what HTML, XML and GIFT give a meaning to.
SPECIAL = {
    "question": {"fi": "Kestääkö <b>teksti</b> & {aaltosulut} = ~tilde #risuaita: kaksoispiste?",
                 "sv": "Håller <b>texten</b> & {klamrar} = ~tilde #brädgård: kolon?"},
    "right": {"fi": "Kyllä: <i>kaikki</i> & {x} = ~y #z", "sv": "Ja: <i>allt</i> & {x} = ~y #z"},
    "right_feedback": {"fi": "Oikein {a} = ~b #c: <d> & e", "sv": "Rätt {a} = ~b #c: <d> & e"},
    "wrong": {"fi": "Ei, kansio C:\\temp\\uusi {x} katoaa", "sv": "Nej, mappen C:\\temp\\ny {x} försvinner"},
    "wrong_feedback": {"fi": "Väärin = ~ # { } : < &", "sv": "Fel = ~ # { } : < &"},
    "explanation": {"fi": "Perustelu <script>alert(1)</script> & {y}: = ~ #", "sv": "Motivering <script>alert(1)</script> & {y}: = ~ #"},
}


def texts_yaml(texts: dict, indent: str) -> str:
    return "".join(f"{indent}{language}: {json.dumps(texts[language], ensure_ascii=False)}\n" for language in LANGUAGES)


def special_question_yaml() -> str:
    return ("\n  - id: special-characters\n    type: multiple\n    question:\n" + texts_yaml(SPECIAL["question"], "      ")
            + "    options:\n"
            + "      - text:\n" + texts_yaml(SPECIAL["right"], "          ") + "        correct: true\n"
            + "        feedback:\n" + texts_yaml(SPECIAL["right_feedback"], "          ")
            + "      - text:\n" + texts_yaml(SPECIAL["wrong"], "          ") + "        correct: false\n"
            + "        feedback:\n" + texts_yaml(SPECIAL["wrong_feedback"], "          ")
            + "    explanation:\n" + texts_yaml(SPECIAL["explanation"], "      ")
            + "    see: interaction.md#respond-quickly\n")


def exports_of(root: Path):
    """The project of a checkout and its exports, made as the build makes them (without building the site)."""
    config = load_site(root / "mkdocs.yml")
    from guideline.adapter.site import project_for
    project = project_for(config)
    assert not project.problems, ProblemsFound(project.problems, project.strings).report()
    return project, exports_for(config)


@pytest.fixture(scope="module")
def real():
    return exports_of(ROOT)


@pytest.fixture(scope="module")
def special(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("special") / "project")
    questions = root / "quizzes" / "questions" / "interaction.yml"
    questions.write_text(questions.read_text(encoding="utf-8").rstrip("\n") + "\n" + special_question_yaml(),
                         encoding="utf-8")
    return exports_of(root)


def all_questions(project):
    return [(chapter, question) for chapter, questions in project.chapters().items() for question in questions]


def text_of(html_text: str) -> str:
    """What a reader sees of inline HTML: its tags gone, its characters unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def multilang(text: str) -> dict[str, str]:
    found = {match["lang"]: match["text"] for match in MULTILANG.finditer(text)}
    assert MULTILANG.sub("", text) == "", f"text outside the language spans: {text!r}"
    return found


def inline(text: str) -> str:
    return str(render_inline(text))


# --- Moodle XML ----------------------------------------------------------------------------------------------------

def moodle_questions(exports) -> tuple[list[ET.Element], dict[str, ET.Element]]:
    quiz = ET.fromstring(exports["lms/questions-moodle.xml"])
    assert quiz.tag == "quiz"
    elements = list(quiz.iter("question"))
    return elements, {element.findtext("idnumber"): element for element in elements if element.get("type") != "category"}


def general_feedback_texts(project, question, language: str) -> tuple[str, str]:
    page, anchor = question.see.split("#", 1)
    return inline(question.explanation[language]), page_address(project.site_url, language, page, anchor)


@pytest.mark.unit
def test_moodle_xml_has_every_question_with_both_languages_feedback_and_grades(real):
    project, exports = real
    elements, by_id = moodle_questions(exports)
    assert sorted(by_id) == sorted(question.id for _, question in all_questions(project))
    current_category = None
    for element in elements:
        if element.get("type") == "category":
            current_category = element.findtext("category/text")
            continue
        question = next(q for _, q in all_questions(project) if q.id == element.findtext("idnumber"))
        chapter = next(c for c, q in all_questions(project) if q is question)
        for language in LANGUAGES:
            assert project.docs.page(language, chapter).title in current_category, (question.id, current_category)
        assert element.findtext("name/text") == question.id
        assert element.find("questiontext").get("format") == "html"
        assert multilang(element.findtext("questiontext/text")) == {
            language: inline(question.question[language]) for language in LANGUAGES}
        general = multilang(element.findtext("generalfeedback/text"))
        for language in LANGUAGES:
            explanation, address = general_feedback_texts(project, question, language)
            assert general[language].startswith(explanation) and f'href="{address}"' in general[language]
        answers = element.findall("answer")
        fractions = [float(answer.get("fraction")) for answer in answers]
        assert set(fractions) <= ALLOWED, (question.id, fractions)
        if isinstance(question, TrueFalseQuestion):
            assert element.get("type") == "truefalse"
            by_word = {answer.findtext("text"): answer for answer in answers}
            assert sorted(by_word) == ["false", "true"]
            assert by_word["true" if question.answer else "false"].get("fraction") == "100"
            assert by_word["false" if question.answer else "true"].get("fraction") == "0"
            for word, feedback in (("true", question.feedback.if_true), ("false", question.feedback.if_false)):
                assert multilang(by_word[word].findtext("feedback/text")) == {
                    language: inline(feedback[language]) for language in LANGUAGES}
            continue
        assert element.get("type") == "multichoice"
        assert element.findtext("single") == ("true" if question.type == "single" else "false")
        assert len(answers) == len(question.options)
        for answer, option in zip(answers, question.options):
            assert multilang(answer.findtext("text")) == {language: inline(option.text[language]) for language in LANGUAGES}
            assert multilang(answer.findtext("feedback/text")) == {
                language: inline(option.feedback[language]) for language in LANGUAGES}
        right = [fraction for fraction, option in zip(fractions, question.options) if option.correct]
        wrong = [fraction for fraction, option in zip(fractions, question.options) if not option.correct]
        if question.type == "single":
            assert right == [100.0] and set(wrong) == {0.0}
        else:
            # Moodle refuses a multiple-answer question whose right answers do not add up to 100 %.
            assert round(sum(right), 2) == 100.0 and min(right) > 0, (question.id, right)
            assert not wrong or (round(sum(wrong), 2) == -100.0 and max(wrong) < 0), (question.id, wrong)


@pytest.mark.unit
def test_moodle_categories_follow_the_chapters_with_both_languages(real):
    project, exports = real
    elements, _ = moodle_questions(exports)
    paths = [element.findtext("category/text") for element in elements if element.get("type") == "category"]
    assert len(paths) == 1 + len(project.chapters())
    assert all(path.startswith("$course$/top/") for path in paths)
    for path, chapter in zip(paths[1:], project.chapters()):
        # Moodle splits a path at single slashes: the spans' closing tags carry doubled ones.
        names = re.split(r"(?<!/)/(?!/)", path)
        assert [name.replace("//", "/") for name in names][3:] == [
            "".join(f'<span lang="{language}" class="multilang">{project.docs.page(language, chapter).title}</span>'
                    for language in LANGUAGES)]


# --- GIFT ----------------------------------------------------------------------------------------------------------

def gift_parsed(exports, language: str, tmp_path: Path) -> list[dict]:
    path = tmp_path / f"gift-{language}.txt"
    path.write_bytes(exports[f"lms/questions-gift-{language}.txt"])
    completed = subprocess.run(["node", str(GIFT_PARSER), str(path)], capture_output=True, text=True, timeout=60,
                               cwd=ROOT)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def assert_gift_question(parsed: dict, project, question, language: str) -> None:
    assert parsed["title"] == question.id
    assert parsed["stem"] == {"format": "html", "text": inline(question.question[language])}
    explanation, address = general_feedback_texts(project, question, language)
    general = parsed["globalFeedback"]["text"]
    assert general.startswith(explanation) and f'href="{address}"' in general
    if isinstance(question, TrueFalseQuestion):
        assert parsed["type"] == "TF" and parsed["isTrue"] is question.answer
        right, wrong = ((question.feedback.if_true, question.feedback.if_false) if question.answer
                        else (question.feedback.if_false, question.feedback.if_true))
        # gift-pegjs names GIFT's two feedbacks by their place: the first is for a wrong answer.
        assert parsed["trueFeedback"]["text"] == inline(wrong[language])
        assert parsed["falseFeedback"]["text"] == inline(right[language])
        return
    assert parsed["type"] == "MC"
    assert len(parsed["choices"]) == len(question.options)
    correct_count = sum(option.correct for option in question.options)
    for choice, option in zip(parsed["choices"], question.options):
        assert choice["text"] == {"format": "html", "text": inline(option.text[language])}
        assert choice["feedback"] == {"format": "html", "text": inline(option.feedback[language])}
        if question.type == "single":
            assert choice["isCorrect"] is option.correct and choice["weight"] is None
        else:
            assert (choice["weight"] > 0) is option.correct
            if option.correct:
                assert abs(choice["weight"] - 100 / correct_count) < 1e-4


@pytest.mark.unit
@pytest.mark.parametrize("language", LANGUAGES)
def test_gift_read_by_gift_pegjs_gives_back_every_question(real, tmp_path, language):
    project, exports = real
    parsed = gift_parsed(exports, language, tmp_path)
    categories = [item["title"] for item in parsed if item["type"] == "Category"]
    assert [category.rsplit("/", 1)[1] for category in categories] == [
        project.docs.page(language, chapter).title for chapter in project.chapters()]
    questions = [item for item in parsed if item["type"] != "Category"]
    expected = all_questions(project)
    assert len(questions) == len(expected)
    for item, (_, question) in zip(questions, expected):
        assert_gift_question(item, project, question, language)


# --- SCORM 1.2 -----------------------------------------------------------------------------------------------------

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
MD = "{http://www.imsglobal.org/xsd/imsmd_rootv1p2p1}"


def package(exports, language: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(exports[f"lms/onboarding-scorm12-{language}.zip"]))


@pytest.mark.unit
@pytest.mark.parametrize("language", LANGUAGES)
def test_manifest_follows_scorm12_content_packaging(real, language):
    project, exports = real
    archive = package(exports, language)
    assert archive.testzip() is None
    names = archive.namelist()
    assert "imsmanifest.xml" in names, "the manifest is at the package's root"
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))  # well-formed, or this raises
    assert manifest.tag == f"{CP}manifest"
    identifiers = [element.get("identifier") for element in manifest.iter() if element.get("identifier")]
    assert len(identifiers) == len(set(identifiers)) >= 4, identifiers
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", identifier) for identifier in identifiers), "xs:ID values"
    metadata = manifest.find(f"{CP}metadata")
    assert metadata.findtext(f"{CP}schema") == "ADL SCORM" and metadata.findtext(f"{CP}schemaversion") == "1.2"
    organizations = manifest.find(f"{CP}organizations")
    organization = organizations.find(f"{CP}organization")
    assert organizations.get("default") == organization.get("identifier")
    resources = {resource.get("identifier"): resource for resource in manifest.iter(f"{CP}resource")}
    items = list(organization.iter(f"{CP}item"))
    assert len(items) == 1 and items[0].get("identifierref") in resources
    resource = resources[items[0].get("identifierref")]
    assert resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("type") == "webcontent"
    launch = resource.get("href")
    assert launch in names
    listed = [file.get("href") for file in resource.iter(f"{CP}file")]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(name for name in names if name != "imsmanifest.xml"), "every file is listed"
    assert launch in listed
    assert items[0].findtext(f"{ADLCP}masteryscore") == str(project.quizzes.settings.model.onboarding.pass_mark)
    # The organization, the guideline's version and the language are in the manifest.
    organization_name = project.organization.name[language]
    version = project.organization.guideline_version
    lom = metadata.find(f"{MD}lom")
    assert lom.findtext(f"{MD}general/{MD}language") == language
    title = lom.find(f"{MD}general/{MD}title/{MD}langstring")
    assert title.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert project.organization.name_genitive[language] in title.text and version in title.text
    assert organization.findtext(f"{CP}title") == title.text
    assert lom.findtext(f"{MD}lifecycle/{MD}version/{MD}langstring") == version
    assert f"FN:{organization_name}" in lom.findtext(f"{MD}lifecycle/{MD}contribute/{MD}centity/{MD}vcard")
    assert manifest.get("version") == version


@pytest.mark.unit
@pytest.mark.parametrize("language", LANGUAGES)
def test_launch_page_is_the_onboarding_quiz_and_loads_only_its_own_files(real, language):
    project, exports = real
    archive = package(exports, language)
    page = BeautifulSoup(archive.read("index.html").decode("utf-8"), "html.parser")
    assert page.html["lang"] == language
    loaded = [tag.get("src") or tag.get("href") for tag in page.select("script[src], link[href], img[src]")]
    assert loaded and all(name in archive.namelist() for name in loaded), loaded
    assert not page.select("script:not([src]):not([type='application/json'])"), "no inline script"
    form = page.select_one("form[data-quiz-mode='onboarding']")
    # The questions come in the package, one file each, where the page fetches them (as on the site).
    folder = form["data-quiz-fragments"]
    for _, question in all_questions(project):
        fieldset = BeautifulSoup(archive.read(f"{folder}{question.id}.html").decode("utf-8"), "html.parser").fieldset
        assert fieldset["data-question"] == question.id
        assert all(link["href"].startswith(project.site_url.rstrip("/") + "/") for link in fieldset.select("a[href]"))
    assert form["data-organization"] == project.organization.name[language]
    assert form["data-guideline-version"] == project.organization.guideline_version
    scripts = [tag["src"] for tag in page.select("script[src]")]
    assert scripts.index("assets/javascripts/scorm12.js") < scripts.index("assets/javascripts/quiz.js")
    # Rule links lead to the published site, in a new window; no other address is linked.
    assert page.select_one("base")["target"] == "_blank"
    for link in page.select("a[href]"):
        assert link["href"].startswith(project.site_url.rstrip("/") + "/"), link["href"]


# --- Special characters ---------------------------------------------------------------------------------------------

@pytest.mark.unit
def test_special_characters_survive_every_export(special, tmp_path):
    project, exports = special
    question = next(q for _, q in all_questions(project) if q.id == "special-characters")
    seen = {"question": question.question, "right": question.options[0].text,
            "right_feedback": question.options[0].feedback, "wrong": question.options[1].text,
            "wrong_feedback": question.options[1].feedback, "explanation": question.explanation}
    for name, texts in seen.items():
        assert {language: texts[language] for language in LANGUAGES} == SPECIAL[name], "the fixture is the source"

    _, by_id = moodle_questions(exports)
    element = by_id["special-characters"]
    moodle = {"question": element.findtext("questiontext/text"),
              "right": element.findall("answer")[0].findtext("text"),
              "right_feedback": element.findall("answer")[0].findtext("feedback/text"),
              "wrong": element.findall("answer")[1].findtext("text"),
              "wrong_feedback": element.findall("answer")[1].findtext("feedback/text"),
              "explanation": element.findtext("generalfeedback/text")}
    for name, text in moodle.items():
        for language, inner in multilang(text).items():
            shown = text_of(inner.split("<br>")[0] if name == "explanation" else inner)
            assert shown == SPECIAL[name][language], (name, language, shown)
            assert "<b>" not in inner and "<i>" not in inner and "<script>" not in inner, "no text became markup"

    for language in LANGUAGES:
        parsed = next(item for item in gift_parsed(exports, language, tmp_path) if item.get("title") == "special-characters")
        gift = {"question": parsed["stem"]["text"], "right": parsed["choices"][0]["text"]["text"],
                "right_feedback": parsed["choices"][0]["feedback"]["text"],
                "wrong": parsed["choices"][1]["text"]["text"], "wrong_feedback": parsed["choices"][1]["feedback"]["text"],
                "explanation": parsed["globalFeedback"]["text"].split("<br>")[0]}
        for name, text in gift.items():
            assert text_of(text) == SPECIAL[name][language], (name, language, text)
            assert "<b>" not in text and "<script>" not in text
        assert parsed["choices"][0]["weight"] == 100 and parsed["choices"][1]["weight"] == -100

        # The package carries the question in its own file, which its launch page fetches.
        page = BeautifulSoup(package(exports, language).read("questions/special-characters.html").decode("utf-8"),
                             "html.parser")
        fieldset = page.select_one("fieldset[data-question='special-characters']")
        assert SPECIAL["question"][language] in fieldset.legend.get_text()
        labels = [label.get_text() for label in fieldset.select(".quiz-options label")]
        assert labels == [SPECIAL["right"][language], SPECIAL["wrong"][language]]
        answer = fieldset.select_one(".quiz-answer")
        for name in ("right_feedback", "wrong_feedback", "explanation"):
            assert SPECIAL[name][language] in answer.get_text(), name
        assert not fieldset.select("b, i, script, d"), "no text became markup"


# --- Published by the build, made by the command ------------------------------------------------------------------

def local_path(address: str, site_url: str) -> str:
    return address.removeprefix(site_url.rstrip("/") + "/")


def test_the_build_publishes_the_exports_and_their_pages_link_them(site, real):
    project, exports = real
    for path, content in exports.items():
        assert (site / path).read_bytes() == content, f"{path} as the command makes it"
    for language, prefix in (("fi", ""), ("sv", "sv/")):
        page = soup(site / prefix / "lms" / "index.html")
        linked = {local_path(link["href"], project.site_url) for link in page.select(".lms-files a[href]")}
        assert linked == {file.path for file in export_files()}
        assert all((site / path).is_file() for path in linked)
        onboarding = soup(site / prefix / "quizzes" / "onboarding" / "index.html")
        note = onboarding.select_one(".lms-note")
        hrefs = [link["href"] for link in note.select("a[href]")]
        assert local_path(hrefs[0], project.site_url) == f"lms/onboarding-scorm12-{language}.zip"
        assert hrefs[1] == "../../lms/", "the administrators' page of the same language"


def test_every_rule_address_in_the_exports_is_a_rule_on_the_built_site(site, real):
    project, exports = real
    text = exports["lms/questions-moodle.xml"].decode("utf-8") + "".join(
        exports[f"lms/questions-gift-{language}.txt"].decode("utf-8").replace("\\", "") for language in LANGUAGES)
    addresses = set(re.findall(r'href="(https://[^"]+)"', html.unescape(text)))
    assert len(addresses) >= len({question.see for _, question in all_questions(project)}) * len(LANGUAGES)
    for address in sorted(addresses):
        path, _, anchor = local_path(address, project.site_url).partition("#")
        built = site / path / "index.html"
        assert built.is_file(), address
        assert soup(built).find(id=anchor) is not None, address


@pytest.mark.build
def test_the_command_writes_the_same_files(tmp_path, real):
    _, exports = real
    completed = subprocess.run([sys.executable, "-m", "guideline.exports", "--out", str(tmp_path),
                                "--config-file", str(ROOT / "mkdocs.yml")], capture_output=True, text=True,
                               cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr
    for path, content in exports.items():
        assert (tmp_path / path).read_bytes() == content, path


@pytest.mark.build
def test_a_source_mistake_stops_the_exports_with_the_messages_of_the_site(tmp_path):
    root = copy_project(tmp_path / "project")
    questions = root / "quizzes" / "questions" / "security.yml"
    text = questions.read_text(encoding="utf-8")
    questions.write_text(text.replace("    type: single\n", "    type: singel\n", 1), encoding="utf-8")
    out = tmp_path / "out"
    command = subprocess.run([sys.executable, "-m", "guideline.exports", "--out", str(out),
                              "--config-file", str(root / "mkdocs.yml")], capture_output=True, text=True, cwd=root,
                             timeout=300)
    assert command.returncode == 1 and "Traceback" not in command.stderr
    assert not out.exists(), "nothing is written"
    report = command.stderr.strip()
    assert "quizzes/questions/security.yml" in report and "singel" in report
    site = build(root, tmp_path / "site")
    assert not site.ok
    assert report in site.output, "the same messages as the site's build"
    assert not (tmp_path / "site" / "lms").exists()


@pytest.mark.build
def test_mkdocs_serve_makes_the_exports_anew_when_a_source_changes(tmp_path):
    root = copy_project(tmp_path / "project")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                              stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    address = f"http://127.0.0.1:{port}/lms/questions-gift-fi.txt"
    try:
        before = served(address, lambda text: "::" in text)
        questions = root / "quizzes" / "questions" / "interaction.yml"
        text = questions.read_text(encoding="utf-8")
        old = "Perjantaina kello 22 asukas kysyy"
        assert old in text and old in before
        questions.write_text(text.replace(old, "Perjantai-iltana kello 22 asukas kysyy", 1), encoding="utf-8")
        after = served(address, lambda text: "Perjantai-iltana kello 22" in text)
        assert old not in after
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
