"""The quiz's rules in JavaScript (overrides/assets/javascripts/quiz-core.js), unit-tested with Node's own test
runner: tests/js/*.test.js. Here so that `scripts/test.sh --fast` and every pytest run include them."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from sitetools import ROOT


@pytest.mark.unit
def test_quiz_rules_pass_nodes_own_test_runner():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: install Node.js (scripts/setup.sh test needs it for npm too)", pytrace=False)
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    summary = [line for line in result.stdout.splitlines() if line.startswith(("# tests", "# pass", "# fail"))]
    print("\n".join(summary))
    assert result.returncode == 0, f"node --test tests/js/ failed:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"
    assert any(line.startswith("# pass") and int(line.split()[-1]) > 0 for line in summary), "no test ran"


SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


@pytest.mark.unit
def test_every_string_key_the_quiz_script_uses_is_in_the_table():
    """The check the build runs (checks.string_use_problems), on the script the site ships."""
    from guideline import checks
    from guideline.strings import load_ui_strings

    strings = load_ui_strings()
    assert checks.string_use_problems(strings, {"quiz.js.": [SCRIPTS / "quiz.js"]}, {}) == []
    used = set(checks.SCRIPT_USES.findall((SCRIPTS / "quiz.js").read_text(encoding="utf-8")))
    assert {"right", "partly", "wrong", "score", "passed", "unanswered_count"} <= used, "the scan sees the script"


@pytest.mark.unit
def test_a_missing_or_computed_key_in_the_script_stops_the_build(tmp_path):
    from guideline import checks
    from guideline.strings import load_ui_strings

    script = tmp_path / "quiz.js"
    source = (SCRIPTS / "quiz.js").read_text(encoding="utf-8")
    script.write_text(source.replace('this.t("partly")', 'this.t("partli")')
                      .replace('this.t("storage_note")', 'this.t(saved ? "storage_note" : "off")'), encoding="utf-8")
    problems = checks.string_use_problems(load_ui_strings(), {"quiz.js.": [script]}, {})
    assert [(problem.key, problem.path) for problem in problems] == [
        ("error.strings_key_computed", "quiz.js.*"), ("error.strings_key_missing", "quiz.js.partli")]
