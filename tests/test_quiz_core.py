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
