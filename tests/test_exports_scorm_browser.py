"""The SCORM package in Chromium, run from its zip inside a frame whose parent carries a real SCORM 1.2 runtime
(scorm-again's Scorm12API as window.API, the LMS side): pass and fail are reported with the score, an attempt left
halfway comes back from suspend_data, the session ends once, and no request leaves 127.0.0.1."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest

from guideline.strings import load_ui_strings
from sitetools import ROOT, SiteServer, axe_violations

RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
LEARNER = "Virtanen, Maija"

# The LMS: a page that gives the package's frame a SCORM 1.2 API, loaded with what the LMS knows of the learner.
PARENT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title><script src="scorm12.min.js"></script></head>
<body><script>
  window.lms = {calls: [], sent: {}};
  window.openPackage = function (init) {
    window.API = new Scorm12API({logLevel: 5});
    window.API.loadFromJSON(init);
    ["LMSInitialize", "LMSFinish", "LMSCommit"].forEach(function (name) {
      window.API.on(name, function () { window.lms.calls.push(name); });
    });
    // cmi.core.exit and session_time are write-only for the SCO: the LMS keeps what was sent.
    window.API.on("LMSSetValue.cmi.*", function (element, value) { window.lms.sent[element] = value; });
    var frame = document.createElement("iframe");
    frame.src = "package/index.html";
    frame.title = "package";
    frame.style.width = "1000px";
    frame.style.height = "800px";
    document.body.appendChild(frame);
  };
  window.closePackage = function () { document.querySelector("iframe").remove(); };
  window.cmi = function () {
    var core = window.API.cmi.core;
    return {status: core.lesson_status, raw: core.score.raw, min: core.score.min, max: core.score.max,
            exit: window.lms.sent["cmi.core.exit"], session_time: window.lms.sent["cmi.core.session_time"],
            suspend_data: window.API.cmi.suspend_data,
            calls: window.lms.calls.slice()};
  };
</script></body></html>
"""


@pytest.fixture(scope="module")
def lms(site, tmp_path_factory):
    """The Finnish package unzipped beside the LMS page and the scorm-again runtime, served on 127.0.0.1."""
    if not RUNTIME.exists():
        pytest.fail("scorm-again is missing: run scripts/test.sh, which installs it with npm", pytrace=False)
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(io.BytesIO((site / "lms" / "onboarding-scorm12-fi.zip").read_bytes())) as archive:
        archive.extractall(root / "package")
    shutil.copy(RUNTIME, root / "scorm12.min.js")
    (root / "lms.html").write_text(PARENT, encoding="utf-8")
    with SiteServer(root) as server:
        yield server


@pytest.fixture
def tab(browser, lms):
    """A fresh browser context with every request it makes recorded."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    opened = context.new_page()
    opened.requests = requests
    yield opened
    foreign = sorted({url for url in requests if not url.startswith(("http://127.0.0.1:", "data:", "blob:",
                                                                     "about:"))})
    context.close()
    assert foreign == [], "no request leaves 127.0.0.1"


def open_in_lms(tab, lms, init: dict):
    tab.goto(lms.url("lms.html"))
    tab.evaluate("init => window.openPackage(init)", init)
    tab.wait_for_function("window.lms.calls.includes('LMSInitialize')")
    frame = tab.frame(url=re.compile(r"/package/index\.html$"))
    frame.wait_for_selector("form[data-quiz-ready]:not([aria-busy])", state="attached")  # its questions fetched
    return frame


def visible(frame) -> list[str]:
    return frame.evaluate("""() => [...document.querySelectorAll('fieldset[data-question]')]
        .filter(f => !f.hidden).map(f => f.dataset.question)""")


def answer(frame, passing: bool, count: int | None = None) -> None:
    """Click the right options of each shown question (or one wrong one), as a learner does."""
    key = frame.evaluate("""() => [...document.querySelectorAll('fieldset[data-question]')].filter(f => !f.hidden)
        .map(f => { const items = [...f.querySelectorAll('details .quiz-answer__option')];
            return [f.dataset.question, items.filter(i => i.dataset.correct === 'true').map(i => i.dataset.option),
                    items.filter(i => i.dataset.correct !== 'true').map(i => i.dataset.option)]; })""")
    for question, right, wrong in key[:count]:
        for value in (right if passing else wrong[:1]):
            frame.locator(f'fieldset[data-question="{question}"] input[value="{value}"]').check()


def submit(frame) -> None:
    frame.get_by_role("button", name=load_ui_strings().get("quiz.form.submit", "fi")).click()
    frame.wait_for_selector("form[data-quiz-state]")


def finish(tab) -> dict:
    tab.evaluate("window.closePackage()")
    tab.wait_for_function("window.lms.calls.includes('LMSFinish')")
    return tab.evaluate("window.cmi()")


def test_a_passed_attempt_is_reported_as_passed_with_its_score_and_the_learners_name(tab, lms):
    frame = open_in_lms(tab, lms, {"core": {"student_name": LEARNER, "student_id": "m1", "entry": "ab-initio"}})
    assert tab.evaluate("window.cmi().status") == "incomplete", "an opened attempt is under way"
    answer(frame, passing=True)
    submit(frame)
    assert frame.locator("form").get_attribute("data-quiz-state") == "passed"
    data = tab.evaluate("window.cmi()")
    assert (data["status"], data["raw"], data["min"], data["max"]) == ("passed", "100", "0", "100")
    assert frame.locator(".quiz-receipt-form__name").input_value() == "Maija Virtanen"
    assert frame.locator(".quiz-receipt").is_visible()
    assert "Maija Virtanen" in frame.locator(".quiz-receipt__text").inner_text()
    ended = finish(tab)
    assert ended["calls"].count("LMSFinish") == 1
    assert ended["exit"] == "" and ended["status"] == "passed"
    assert re.fullmatch(r"\d{4}:\d{2}:\d{2}\.\d{2}", ended["session_time"]), ended["session_time"]


def test_a_failed_attempt_is_reported_as_failed_with_its_score(tab, lms):
    frame = open_in_lms(tab, lms, {"core": {"student_name": LEARNER}})
    answer(frame, passing=False)
    submit(frame)
    data = tab.evaluate("window.cmi()")
    assert data["status"] == "failed" and float(data["raw"]) < 80
    assert data["raw"] == "0", "every answer was wrong"
    assert finish(tab)["calls"].count("LMSFinish") == 1


def test_an_attempt_left_halfway_comes_back_from_suspend_data(browser, tab, lms):
    frame = open_in_lms(tab, lms, {"core": {"student_name": LEARNER}})
    drawn = visible(frame)
    answer(frame, passing=True, count=len(drawn) // 2)
    chosen = frame.evaluate("() => [...document.querySelectorAll('fieldset:not([hidden]) input:checked')]"
                            ".map(i => i.id)")
    order = frame.evaluate("() => [...document.querySelectorAll('fieldset:not([hidden]) .quiz-options input')]"
                           ".map(i => i.id)")
    left = finish(tab)
    assert left["exit"] == "suspend" and left["status"] == "incomplete"
    assert 0 < len(left["suspend_data"]) <= 4096
    assert chosen

    # The learner comes back another day, in another browser: only the LMS knows the attempt.
    other = browser.new_context(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    other.on("request", lambda request: requests.append(request.url))
    again = other.new_page()
    frame = open_in_lms(again, lms, {"core": {"student_name": LEARNER, "entry": "resume",
                                              "lesson_status": "incomplete"},
                                     "suspend_data": left["suspend_data"]})
    assert visible(frame) == drawn, "the same questions in the same order"
    assert frame.evaluate("() => [...document.querySelectorAll('fieldset:not([hidden]) .quiz-options input')]"
                          ".map(i => i.id)") == order, "the options in the same order"
    assert frame.evaluate("() => [...document.querySelectorAll('fieldset:not([hidden]) input:checked')]"
                          ".map(i => i.id)") == chosen, "the same answers"
    other.close()
    assert all(url.startswith("http://127.0.0.1:") for url in requests)


def test_without_an_lms_the_package_works_as_the_page_on_the_site(tab, lms):
    tab.goto(lms.url("package/index.html"))
    tab.wait_for_selector("form[data-quiz-ready]:not([aria-busy])", state="attached")
    strings = load_ui_strings()
    assert tab.locator('[data-quiz-slot="storage"]').inner_text() == strings.get("quiz.js.storage_note", "fi")
    assert tab.locator(".quiz-intro").first.inner_text().startswith(strings.get("quiz.onboarding.intro", "fi")[:40])
    answer(tab, passing=True)
    submit(tab)
    assert tab.locator("form").get_attribute("data-quiz-state") == "passed"
    assert tab.locator(".quiz-receipt-form__name").input_value() == "", "no name comes from anywhere"


def test_inside_an_lms_the_page_says_where_the_answers_go(tab, lms):
    frame = open_in_lms(tab, lms, {"core": {"student_name": LEARNER}})
    strings = load_ui_strings()
    assert frame.locator('[data-quiz-slot="storage"]').inner_text() == strings.get("lms.js.storage", "fi")
    assert frame.locator(".quiz-intro").first.inner_text() == strings.format("lms.js.intro", "fi", count=20,
                                                                               pass_mark=80)


def test_the_package_inside_an_lms_meets_wcag_aa_before_and_after_submitting(tab, lms, axe_source):
    frame = open_in_lms(tab, lms, {"core": {"student_name": LEARNER}})
    assert axe_violations(frame, axe_source) == [], "on opening"
    answer(frame, passing=True)
    submit(frame)
    assert axe_violations(frame, axe_source) == [], "with the result and the receipt"
