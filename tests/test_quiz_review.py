"""The quiz defects of the browser review (../shared/reviews/ux-review.md) that a reader meets and axe cannot see,
each as the reader meets it in Chromium: announcements, printing, 320 px with text spacing, stale and broken
states, the confirmation before starting again, what is new in a retake, legends, error summary, no-JS text and
the contrast of borders and checked options."""

from __future__ import annotations

import base64
import subprocess
from urllib.parse import urlsplit

import pytest

from guideline.strings import load_ui_strings
from test_quiz_browser import (ONBOARDING, SELF_CHECK, answer_key, open_quiz, pass_onboarding, pool_ids, quiz_ready,
                               say, strings, visible_questions)

TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""

# Records what the form's live regions say and where focus goes, from the moment it is installed.
WATCH = """() => {
    window.heard = []; window.focusedOn = [];
    const regions = [...document.querySelectorAll('[role=status], [role=alert], [aria-live]')];
    window.liveRegions = regions.length;
    const observer = new MutationObserver(() => regions.forEach(r => {
        const text = r.textContent.trim(); if (text) window.heard.push(text); }));
    regions.forEach(r => observer.observe(r, {childList: true, subtree: true, characterData: true}));
    document.addEventListener('focusin', e => window.focusedOn.push(e.target.id || e.target.tagName));
}"""


def answer_all(page, passing: bool = True, skip: int = 0) -> None:
    for qid, item in list(answer_key(page).items())[skip:]:
        for value in (item["right"] if passing else item["wrong"]):
            page.locator(f'fieldset[data-question="{qid}"] input[value="{value}"]').check()


def submit(page, language: str = "fi") -> None:
    page.get_by_role("button", name=load_ui_strings().get("quiz.form.submit", language)).click()


def printed_text(page, tmp_path, name: str = "print.pdf") -> str:
    pdf = tmp_path / name
    pdf.write_bytes(page.pdf(format="A4"))
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def luminance(rgb) -> float:
    channels = [c / 255 for c in rgb[:3]]
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(first, second) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def css_rgb(page, selector: str, prop: str):
    value = page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}")
    return [int(float(part)) for part in value[value.index("(") + 1:-1].split(",")[:3]]


def page_background(page):
    return css_rgb(page, "body", "backgroundColor")


# --- D4: one announcement per action -------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["fi", "sv"])
def test_submitting_the_onboarding_is_announced_once_by_focus_on_the_result(page, server, language):
    open_quiz(page, server.url(ONBOARDING[language]))
    page.evaluate(WATCH)
    answer_all(page)
    page.evaluate("window.focusedOn = []")
    submit(page, language)
    assert page.evaluate("window.liveRegions") <= 1, "one live region on the page's quiz"
    assert page.evaluate("window.heard") == [], "nothing is read out besides the heading focus moves to"
    title = page.locator(".quiz-result h2")
    assert page.evaluate("document.activeElement.id") == title.get_attribute("id")
    moved = [target for target in page.evaluate("window.focusedOn") if target != "BUTTON"]
    assert moved == [title.get_attribute("id")], "focus moves once, to the result"


def test_checking_a_self_check_answer_is_announced_once(page, server):
    page.goto(server.url(SELF_CHECK["fi"]))
    page.evaluate(WATCH)
    page.locator("fieldset[data-question] input").first.check()
    page.locator('[data-quiz-action="check"]').first.click()
    assert page.evaluate("window.liveRegions") <= 1
    assert page.evaluate("window.heard") == [], "focus on the verdict says it; no live region repeats it"
    assert page.evaluate("document.activeElement.dataset.quizSlot") == "verdict"


# --- D11: a stale "choose an answer first" ------------------------------------------------------------------

def test_choose_an_answer_first_goes_away_when_an_answer_is_chosen(page, server):
    page.goto(server.url(SELF_CHECK["fi"]))
    first = page.locator("fieldset[data-question]").first
    first.locator('[data-quiz-action="check"]').click()
    message = first.get_by_text(say("fi", "choose_first"))
    assert message.is_visible()
    first.locator("input").first.check()
    assert message.count() == 0 or not message.is_visible()


# --- D1, D5: saved progress of another shape ---------------------------------------------------------------

@pytest.mark.parametrize("saved", [
    {"drawn": ["no-such-question"], "submitted": True, "answers": {}, "options": {}, "checked": []},
    {"drawn": None, "answers": "x", "options": [], "checked": {}, "submitted": "yes"},
    {"answers": {"x": 1}, "options": {"y": "1\""}, "extra": True},
])
def test_saved_progress_of_another_shape_never_breaks_the_quiz(page, server, saved):
    open_quiz(page, server.url(ONBOARDING["fi"]))
    form = page.locator("form[data-quiz]")
    saved = {**saved, "version": form.get_attribute("data-quiz-version")}
    page.evaluate("v => localStorage.setItem('guideline-quiz:onboarding', JSON.stringify(v))", saved)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.reload()
    quiz_ready(page)
    assert errors == []
    assert len(visible_questions(page)) == int(form.get_attribute("data-quiz-draw"))
    assert page.locator(".quiz-result").count() == 0, "0 of 0 is never a result, let alone a pass"
    answer_all(page)
    submit(page)
    assert form.get_attribute("data-quiz-state") == "passed"


# --- D12: confirm before starting again after a pass --------------------------------------------------------

def test_starting_again_after_a_pass_asks_first_and_escape_keeps_the_result(page, server):
    pass_onboarding(page, server, "fi")
    text = strings("fi")
    form = page.locator("form[data-quiz]")
    reset = page.get_by_role("button", name=text["reset"])
    reset.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=text["confirm_title"])
    assert dialog.is_visible()
    assert say("fi", "confirm_passed") in dialog.inner_text()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert form.get_attribute("data-quiz-state") == "passed" and page.locator(".quiz-result").count() == 1
    page.wait_for_function("document.activeElement.dataset.quizAction === 'reset'")
    page.keyboard.press("Enter")
    assert dialog.is_visible()
    page.keyboard.press("Shift+Tab")  # from "cancel" back to "start again"
    assert page.evaluate("document.activeElement.dataset.quizAction") == "confirm"
    page.keyboard.press("Enter")
    assert form.get_attribute("data-quiz-state") is None and page.locator(".quiz-result").count() == 0


# --- D13: a retake prefers new questions and says so --------------------------------------------------------

@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_retake_draws_new_questions_and_says_how_many_are_new(page, server, language):
    pass_onboarding(page, server, language)
    first = set(visible_questions(page))
    page.get_by_role("button", name=strings(language)["retake"]).click()
    page.get_by_role("button", name=strings(language)["confirm_yes"]).click()
    quiz_ready(page)
    second = set(visible_questions(page))
    pool = len(pool_ids(page))
    assert len(second) == len(first)
    assert len(first & second) == max(0, 2 * len(first) - pool), "no repeat where the pool has enough others"
    note = page.locator('[data-quiz-slot="drawn"]')
    assert note.inner_text() == say(language, "drawn_all_new")
    assert page.evaluate("document.activeElement.dataset.quizSlot") == "drawn"


# --- D14: legends inside their fieldset on phones -----------------------------------------------------------

def test_long_legends_sit_inside_their_fieldset_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_quiz(page, server.url(ONBOARDING["fi"]))
    boxes = page.locator("fieldset[data-question]:not([hidden])").evaluate_all("""fs => fs.map(f => {
        const border = parseFloat(getComputedStyle(f).borderTopWidth);
        return {fieldset: f.getBoundingClientRect().top + border, legend: f.querySelector('legend')
            .getBoundingClientRect().top, lines: f.querySelector('legend').getClientRects().length}; })""")
    assert all(box["legend"] >= box["fieldset"] for box in boxes), boxes
    context.close()


# --- D23: the error summary ---------------------------------------------------------------------------------

def test_the_error_summary_is_at_the_top_and_follows_the_answers(page, server):
    open_quiz(page, server.url(ONBOARDING["fi"]))
    answer_all(page, skip=2)  # two left unanswered
    submit(page)
    summary = page.locator(".quiz-errors")
    assert summary.is_visible() and page.evaluate("document.activeElement.classList.contains('quiz-errors')")
    first = page.locator("fieldset[data-question]:not([hidden])").first
    assert summary.bounding_box()["y"] < first.bounding_box()["y"], "above the questions"
    assert say("fi", "unanswered_count", count=2) in summary.inner_text()
    inline = page.get_by_text(say("fi", "unanswered_inline"))
    assert inline.count() == 2 and inline.first.is_visible()
    first.locator("input").first.check()
    assert say("fi", "unanswered_count", count=1) in summary.inner_text()
    assert summary.locator("a").count() == 1 and inline.count() == 1
    page.locator("fieldset[data-question]:not([hidden])").nth(1).locator("input").first.check()
    assert summary.is_hidden()


# --- D24: the no-JS page says what it cannot do --------------------------------------------------------------

@pytest.mark.parametrize("language", ["fi", "sv"])
def test_without_javascript_the_onboarding_page_promises_no_checking(browser, server, language):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url(ONBOARDING[language]))
    shown = page.locator("article").inner_text()
    table = load_ui_strings()
    assert table.get("quiz.onboarding.intro", language)[:40] not in shown, "no promise of checking"
    assert table.get("quiz.onboarding.noscript_self_checks", language) in " ".join(shown.split())
    context.close()


# --- D6, D22: printing --------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["fi", "sv"])
def test_printing_after_a_pass_without_a_name_gives_a_receipt_to_sign(page, server, tmp_path, language):
    pass_onboarding(page, server, language)
    text = strings(language)
    printed = printed_text(page, tmp_path)
    organization = page.locator("form[data-quiz]").get_attribute("data-organization-genitive")
    assert text["receipt_title"] in printed
    assert say(language, "receipt_text_unnamed", organization=organization) in printed
    assert text["receipt_self_issued"] in printed
    assert text["receipt_print"] not in printed and text["retake"] not in printed


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_receipt_speaks_of_the_named_person_and_says_it_is_self_issued(page, server, tmp_path, language):
    pass_onboarding(page, server, language)
    page.locator(".quiz-receipt-form__name").fill("Maija Meikäläinen")
    printed = printed_text(page, tmp_path)
    assert "Maija Meikäläinen" in printed
    assert all(word not in printed for word in ("Vastasit", "Du svarade", "Oikeita vastauksia")), printed
    assert strings(language)["receipt_self_issued"] in printed


@pytest.mark.parametrize("path", [ONBOARDING["fi"], SELF_CHECK["sv"]])
def test_printed_quiz_pages_carry_no_buttons(page, server, tmp_path, path):
    open_quiz(page, server.url(path))
    language = "sv" if path.startswith("sv/") else "fi"
    text = strings(language)
    if "onboarding" in path:
        answer_all(page, passing=False)
        submit(page, language)
        buttons = [text["retake"], text["reset"], text["submit"]]
    else:
        page.locator("fieldset[data-question] input").first.check()
        page.locator('[data-quiz-action="check"]').first.click()
        buttons = [text["check"], text["retry"], text["reset"]]
    printed = printed_text(page, tmp_path)
    assert all(button not in printed for button in buttons), [b for b in buttons if b in printed]
    page.emulate_media(media="print")
    breaks = page.locator("fieldset[data-question]:not([hidden])").evaluate_all(
        "fs => fs.map(f => getComputedStyle(f).breakInside)")
    assert set(breaks) == {"avoid"}, "a question is not split across pages"


# --- D9: the receipt at 320 px with text spacing -------------------------------------------------------------

@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_receipt_fits_320_px_with_text_spacing(browser, server, language):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    pass_onboarding(page, server, language)
    page.add_style_tag(content=TEXT_SPACING)
    page.locator(".quiz-receipt-form__name").fill("Maija Meikäläinen-Virtanen")
    receipt = page.locator(".quiz-receipt")
    assert receipt.is_visible()
    right = receipt.evaluate("r => r.getBoundingClientRect().right")
    edges = receipt.locator("dd, dt, p").evaluate_all("es => es.map(e => e.getBoundingClientRect().right)")
    assert max(edges) <= right + 0.5, f"{max(edges) - right:.0f} px outside the receipt"
    # The page's content, not Material's header, whose title slides in with a transition after a scroll.
    wide = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 30))""")
    assert wide == [], f"content wider than the screen: {wide[:3]}"
    context.close()


# --- D25, D26: contrast in dark mode and of checked options --------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_feedback_and_error_borders_stand_out_in_both_schemes(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url(SELF_CHECK["fi"]))
    key = answer_key(page)
    (right_id, right), (wrong_id, wrong) = list(key.items())[:2]
    for qid, values in ((right_id, right["right"]), (wrong_id, wrong["wrong"])):
        for value in values:
            page.locator(f'fieldset[data-question="{qid}"] input[value="{value}"]').check()
        page.locator(f'fieldset[data-question="{qid}"] [data-quiz-action="check"]').click()
    background = page_background(page)
    for verdict in ("right", "wrong"):
        colour = css_rgb(page, f'[data-quiz-result="{verdict}"] .quiz-feedback', "borderLeftColor")
        assert contrast(colour, background) >= 3, f"{verdict}: {contrast(colour, background):.2f}:1"
    pass_onboarding(page, server, "fi")
    page.get_by_role("button", name=strings("fi")["receipt_print"]).click()
    colour = css_rgb(page, ".quiz-receipt-form__name", "borderTopColor")
    assert contrast(colour, page_background(page)) >= 3, f"name field: {contrast(colour, background):.2f}:1"
    context.close()


# The darkest and the lightest pixel of an element's screenshot, read back in the page itself (no image library).
PIXELS = """async (data) => {
    const image = new Image(); image.src = 'data:image/png;base64,' + data; await image.decode();
    const canvas = document.createElement('canvas'); canvas.width = image.width; canvas.height = image.height;
    const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data; const colours = [];
    for (let i = 0; i < pixels.length; i += 4) colours.push([pixels[i], pixels[i + 1], pixels[i + 2]]);
    return colours; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_checked_option_stays_visible_once_the_answer_is_checked(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, device_scale_factor=2)
    page = context.new_page()
    page.goto(server.url(SELF_CHECK["fi"]))
    for kind in ("radio", "checkbox"):
        field = page.locator(f"fieldset[data-question]:has(input[type={kind}])").first
        chosen = field.locator("input").first
        chosen.check()
        field.locator('[data-quiz-action="check"]').click()
        assert chosen.is_disabled() and chosen.is_checked()
        colours = page.evaluate(PIXELS, base64.b64encode(chosen.screenshot()).decode())
        background = page_background(page)
        best = max(contrast(colour, background) for colour in colours)
        assert best >= 3, f"{kind}: the checked mark is {best:.2f}:1 against the page"
        unchosen = field.locator("input").nth(1)
        colours = page.evaluate(PIXELS, base64.b64encode(unchosen.screenshot()).decode())
        filled = sum(contrast(colour, background) >= 3 for colour in colours) / len(colours)
        chosen_filled = sum(contrast(colour, background) >= 3 for colour in page.evaluate(
            PIXELS, base64.b64encode(chosen.screenshot()).decode())) / len(colours)
        assert chosen_filled > filled * 1.5, f"{kind}: chosen and unchosen look alike"
    context.close()



# --- The onboarding quiz's questions cannot be fetched (an offline phone) ------------------------------------------

@pytest.mark.parametrize("language", ["fi", "sv"])
def test_questions_that_cannot_be_fetched_are_said_once_and_a_retry_brings_them(page, server, language):
    held = []
    page.route("**/questions/*.html*", lambda route: held.append(route))
    page.goto(server.url(ONBOARDING[language]))
    page.wait_for_function("document.querySelector('form[data-quiz][aria-busy]')")
    page.evaluate(WATCH)
    for route in held:
        route.abort("internetdisconnected")  # the connection went as the questions were asked for
    page.unroute("**/questions/*.html*")  # and came back
    message = say(language, "load_failed")
    page.wait_for_function("window.heard.length > 0")
    shown = page.locator(".quiz-load-error")
    assert shown.is_visible() and shown.inner_text().startswith(message)
    assert page.evaluate("window.heard") == [message], "said once, by the one live region"
    assert page.locator("fieldset[data-question]").count() == 0
    retry = page.get_by_role("button", name=load_ui_strings().get("quiz.form.load_retry", language))
    retry.focus()
    page.keyboard.press("Enter")
    quiz_ready(page)
    assert len(visible_questions(page)) == int(page.locator("form[data-quiz]").get_attribute("data-quiz-draw"))
    assert not shown.is_visible() and not retry.is_visible()
    assert page.evaluate("document.activeElement.closest('fieldset[data-question]') !== null"), \
        "the reader goes on from the first question"
    assert page.evaluate("window.heard") == [message], "the questions coming is not read out"
    answer_all(page)
    submit(page, language)
    assert page.locator("form[data-quiz]").get_attribute("data-quiz-state") == "passed"


def test_a_question_file_of_another_version_is_refused_not_half_used(page, server, site):
    """A browser cache or a deploy half done serves an old question file whose options differ from the page's
    index: the reader gets the message and the retry, not a quiz that stops with an error in the console."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    changed = []

    def older(route):
        # The file is read from the built site, not fetched through the route: a fetched response can be disposed
        # under Playwright while twenty question files are in flight, and the test then measured that, not the page.
        body = (site / urlsplit(route.request.url).path.lstrip("/")).read_text(encoding="utf-8")
        if not changed:  # the first file asked for: as an older site had it, with one answer fewer
            cut = body.rfind('<li class="quiz-option">')
            body = body[:cut] + body[body.index("</li>", cut) + len("</li>"):]
            changed.append(route.request.url)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)

    page.route("**/questions/*.html*", older)
    try:
        page.goto(server.url(ONBOARDING["fi"]))
        page.wait_for_function("document.querySelector('.quiz-load-error:not([hidden])')")
        assert changed, "a question file was fetched"
        assert page.locator(".quiz-load-error").inner_text().startswith(say("fi", "load_failed"))
        assert page.locator("fieldset[data-question]:not([hidden])").count() == 0
        assert errors == []
    finally:
        # the other question files may still be on their way: let them go without the handler
        page.unroute_all(behavior="ignoreErrors")
