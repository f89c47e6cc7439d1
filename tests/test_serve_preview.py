"""`mkdocs serve` as the communications unit previews with it: after each save the served pages show the edit, also
where the server reuses what did not change between rebuilds (guideline.pages.render_all, the exports)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from sitetools import check_source, copy_project, free_port, served

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "source")

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


@pytest.fixture
def serving():
    """The caches that only `mkdocs serve` keeps between rebuilds, on for the test (guideline.adapter.site)."""
    from guideline.adapter import site
    site.set_serving(True)
    yield
    site.set_serving(False)


def keys(problems) -> list[tuple[str, str]]:
    return sorted((problem.key, problem.file) for problem in problems)


@pytest.mark.unit
def test_a_rebuild_checks_what_changed_and_forgets_what_was_fixed(tmp_path, serving):
    """A file not saved again keeps its check from the last rebuild; a saved one is checked anew, both ways."""
    root = shutil.copytree(FIXTURE, tmp_path / "project")
    (root / "quizzes/search.yml").write_text("fi:\n  - words: [pian]\n    means: nopeasti\nsv: []\n", encoding="utf-8")
    assert check_source(root).problems == []
    questions, page = root / "quizzes/questions/moderation.yml", root / "docs/fi/moderation.md"
    edit(questions, '"Mitkä poistetaan?"', '"# Mitkä poistetaan?"')
    edit(page, "Teksti.\n", "Teksti.\n\n<script>alert(1)</script>\n")
    edit(page, "## Vastaa nopeasti", "## Vastaa heti")  # the word a synonym means is no longer on any page
    assert keys(check_source(root).problems) == [("error.active_html", "docs/fi/moderation.md"),
                                                 ("error.inline_markdown_only", "quizzes/questions/moderation.yml"),
                                                 ("error.search_word_not_in_text", "quizzes/search.yml")]
    edit(questions, '"# Mitkä poistetaan?"', '"Mitkä poistetaan?"')
    edit(page, "<script>alert(1)</script>", "Korjattu.")
    edit(page, "## Vastaa heti", "## Vastaa nopeasti")
    assert check_source(root).problems == []


@pytest.mark.unit
def test_the_exports_of_a_rebuild_are_those_of_a_first_build(tmp_path, serving):
    """Moodle XML and GIFT keep each question's piece between rebuilds (guideline.kept.KEPT): after a saved
    question, a changed rule heading and a reordered pool they are what a fresh build makes."""
    from guideline.exports import gift, moodle
    from guideline.kept import KEPT

    def exports(root):
        project = check_source(root)
        assert project.problems == []
        return moodle.moodle_xml(project), gift.gift(project, "fi"), gift.gift(project, "sv")

    def fresh(root):
        KEPT.keep = False
        try:
            return exports(root)
        finally:
            KEPT.keep = True

    root = shutil.copytree(FIXTURE, tmp_path / "project")
    assert exports(root) == fresh(root)
    questions = root / "quizzes/questions/moderation.yml"
    for old, new in (("Mitkä poistetaan?", "Mitkä kaikki poistetaan?"), ("Vilka tas bort?", "Vilka alla tas bort?")):
        edit(questions, old, new)
        made = exports(root)
        assert new in "".join(made) and made == fresh(root)
    edit(root / "docs/fi/moderation.md", "## Poista asiaton sisältö {#remove-inappropriate}",
         "## Poista aina asiaton sisältö {#remove-inappropriate}")
    made = exports(root)
    assert "Poista aina asiaton sisältö" in made[1] and made == fresh(root)
    text = questions.read_text(encoding="utf-8")  # the first two questions change places: both numbers change
    first, second = text.index("  - id: racist-comment"), text.index("  - id: which-are-removed")
    third = text.index("  - id: answer-on-weekdays")
    questions.write_text(text[:first] + text[second:third] + text[first:second] + text[third:], encoding="utf-8")
    made = exports(root)
    assert made[1].index("which-are-removed") < made[1].index("racist-comment") and made == fresh(root)


@pytest.mark.unit
def test_the_server_polls_for_saved_files_every_tenth_of_a_second(tmp_path):
    """MkDocs' LiveReloadServer polls every half second; hooks/sources.py's on_serve makes it a tenth, for the
    folders watched before (docs/, mkdocs.yml) and after it (mkdocs.yml's watch:)."""
    from mkdocs.livereload import LiveReloadServer
    from guideline.adapter.site import POLLING_INTERVAL, poll_sooner

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        (tmp_path / "before").mkdir()
        (tmp_path / "after").mkdir()
        server.watch(str(tmp_path / "before"))
        assert {emitter.timeout for emitter in server.observer.emitters} == {0.5}  # MkDocs' own
        poll_sooner(server)
        server.watch(str(tmp_path / "after"))
        assert len(server.observer.emitters) == 2
        assert {emitter.timeout for emitter in server.observer.emitters} == {POLLING_INTERVAL}
    finally:
        server.server_close()


def site_files(site) -> dict[str, bytes]:
    """Every published file of a site by its path, through the links `mkdocs serve` makes (not its hidden folders)."""
    found = {}
    for directory, subdirectories, names in os.walk(site, followlinks=True):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".guideline")]
        for name in names:
            path = os.path.join(directory, name)
            with open(path, "rb") as file:
                found[os.path.relpath(path, site)] = file.read()
    return found


@pytest.mark.build
def test_a_rebuild_that_reuses_unchanged_pages_publishes_what_a_fresh_build_does(tmp_path, serving):
    """Under `mkdocs serve` a page whose Markdown and links did not change is not converted again
    (guideline.adapter.converted), nor are the theme's files listed again (guideline.adapter.theme): after a saved
    page and question, every file of the rebuilt site is byte for byte that of a fresh `mkdocs build`."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from guideline.adapter.converted import CONVERTED

    root = copy_project(tmp_path / "project")
    site = tmp_path / "served"

    def rebuild():
        mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)), serve_url="http://127.0.0.1:8000/")

    rebuild()
    reused = CONVERTED.reused
    edit(root / "docs/fi/security.md", "# Tietoturva\n", "# Tietoturva\n\nEsikatselun uusi kappale.\n")
    edit(root / "docs/sv/security.md", "## Varje administratör har egna inloggningsuppgifter",
         "## Varje administratör har alltid egna inloggningsuppgifter")
    edit(root / "quizzes/questions/security.yml", "Kaapattu tili", "Kaapattu tunnus")
    rebuild()
    assert CONVERTED.reused - reused >= 40  # the written pages of both languages but the two saved ones
    fresh = tmp_path / "fresh"
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(fresh)], cwd=root,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root / "hooks")},
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    rebuilt, built = site_files(site), site_files(fresh)
    assert "Esikatselun uusi kappale." in rebuilt["security/index.html"].decode("utf-8")
    assert "Varje administratör har alltid" in rebuilt["sv/security/index.html"].decode("utf-8")
    assert sorted(rebuilt) == sorted(built)
    assert [path for path in built if rebuilt[path] != built[path]] == []


@pytest.mark.unit
def test_a_conversion_that_logged_a_warning_is_done_again_at_every_rebuild(tmp_path):
    """A strict build stops at a warning: the page must give it again at the next rebuild, not a kept HTML."""
    import logging
    from mkdocs.commands.build import get_files
    from mkdocs.config import load_config
    from mkdocs.structure.pages import Page
    from guideline.adapter.converted import ConvertedPages

    config = load_config(str(copy_project(tmp_path / "project") / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    converted = ConvertedPages()
    converted.keep = True

    def rebuild(warn: bool) -> str:
        """The page's HTML after the hooks, MkDocs' steps between them as it takes them."""
        files = get_files(config)
        page = Page(None, files.get_file_from_path("fi/security.md"), config)
        page.read_source(config)
        page.markdown = converted.before(page.markdown, page, config, files)
        page.render(config, files)
        if warn:
            logging.getLogger("mkdocs.structure.pages").warning("a link MkDocs does not find")
        return converted.after(page.content, page, config, files), page

    html, _ = rebuild(warn=True)
    assert "<h1" in html and "Tietoturva" in html
    assert rebuild(warn=False)[0] == html and converted.reused == 0  # converted again: the last one warned
    reused, page = rebuild(warn=False)
    assert reused == html and converted.reused == 1
    assert page.toc and page.title == "Tietoturva" and "risks" in page.present_anchor_ids
    assert "render" not in vars(page)  # the class's own render again


@pytest.mark.unit
def test_the_preview_site_is_kept_in_memory_only_where_there_is_room(tmp_path, monkeypatch):
    """scripts/serve.py gives `mkdocs serve` a temporary folder in memory when the system has one with room, and
    leaves a TMPDIR the user chose, a folder it cannot write and a small one (Docker's 64 MB /dev/shm) alone."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, "scripts"))
    import serve

    monkeypatch.setattr(serve, "MEMORY_FOLDER", tmp_path)
    monkeypatch.setattr(serve, "NEEDED", 1)
    assert serve.temporary_folder({"PATH": "/bin"}) == {"PATH": "/bin", "TMPDIR": str(tmp_path)}
    assert serve.temporary_folder({"TMPDIR": "/var/tmp"}) == {"TMPDIR": "/var/tmp"}
    assert serve.temporary_folder({"TMP": "/big/disk"}) == {"TMP": "/big/disk"}
    monkeypatch.setattr(serve, "NEEDED", 1 << 60)
    assert serve.temporary_folder({}) == {}
    monkeypatch.setattr(serve, "NEEDED", 1)
    monkeypatch.setattr(serve, "MEMORY_FOLDER", tmp_path / "missing")
    assert serve.temporary_folder({}) == {}
