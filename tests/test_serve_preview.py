"""`mkdocs serve` as the communications unit previews with it: after each save the served pages show the edit, also
where the server reuses what did not change between rebuilds (guideline.pages.render_all, the exports)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitetools import copy_project, free_port, served

# The onboarding quiz's questions are files of their own beside its page, which fetches the ones it draws.
HIJACKED = "quizzes/onboarding/questions/hijacked-account-posts-spam.html"
SHARED_PASSWORD = "quizzes/onboarding/questions/shared-password-for-all-admins.html"


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.build
def test_every_save_shows_in_the_served_pages(tmp_path):
    root = copy_project(tmp_path / "project")
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                              stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        served(f"{site}/quizzes/security/", lambda text: "Käytä vahvoja salasanoja" in text or "<html" in text)
        # A question: its self-check, the onboarding quiz and the learning-platform files show the new text.
        edit(root / "quizzes/questions/security.yml", "Kaapattu tili", "Kaapattu tunnus")
        served(f"{site}/quizzes/security/", lambda text: "Kaapattu tunnus" in text)
        served(f"{site}/{HIJACKED}", lambda text: "Kaapattu tunnus" in text)
        served(f"{site}/lms/questions-gift-fi.txt", lambda text: "Kaapattu tunnus" in text)

        # A page's text only: the page shows it, and every other page is still served as it was.
        edit(root / "docs/fi/security.md", "# Tietoturva\n", "# Tietoturva\n\nEsikatselun uusi kappale.\n")
        served(f"{site}/security/", lambda text: "Esikatselun uusi kappale." in text)
        served(f"{site}/{HIJACKED}", lambda text: "Kaapattu tunnus" in text)
        assert "Jokaisella ylläpitäjällä omat tunnukset" in served(f"{site}/{SHARED_PASSWORD}", lambda text: True)
        served(f"{site}/lms/questions-moodle.xml", lambda text: "Kaapattu tunnus" in text)

        # A heading a question links to: the quizzes name the rule by its new heading (the same anchor).
        edit(root / "docs/fi/security.md", "## Jokaisella ylläpitäjällä omat tunnukset {#personal-admin-roles}",
             "## Jokaisella ylläpitäjällä aina omat tunnukset {#personal-admin-roles}")
        served(f"{site}/quizzes/security/", lambda text: "Jokaisella ylläpitäjällä aina omat tunnukset" in text)
        served(f"{site}/{SHARED_PASSWORD}", lambda text: "Jokaisella ylläpitäjällä aina omat tunnukset" in text)
        served(f"{site}/lms/questions-gift-fi.txt",
               lambda text: "Jokaisella ylläpitäjällä aina omat tunnukset" in text)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
