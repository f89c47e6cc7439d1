"""Preview the site with `mkdocs serve`, restarted whenever our Python code or mkdocs.yml changes.

MkDocs rebuilds on every saved page, question or template, but it keeps running the hook code it loaded at
the start (its hooks and the guideline package stay imported), so an edit of hooks/**/*.py would not show.
This wrapper restarts the server when one changes. Arguments go to `mkdocs serve`.

Before each start it runs the preflight check (guideline/adapter/preflight.py), as scripts/build.sh does:
MkDocs reads mkdocs.yml before any hook runs, so a mistake there would end in MkDocs' English or a traceback.
While the check finds problems they are shown in Finnish and Swedish, and the check runs again at the next save.

`mkdocs serve` empties its temporary site and writes every file of it anew at each rebuild (some 260 files, 4,100
at 2,000 questions). On a disk, making a file is slow and uneven (1-2 ms each here, a quarter of a rebuild of
this site at worst); the server's temporary folder is therefore in memory (/dev/shm) where the system has one
with room to spare, unless TMPDIR (or TEMP or TMP) names another.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parents[1]


# What the server must be restarted for; while the preflight finds problems, any saved source is worth a new try.
RESTART = (".py", "mkdocs.yml")
SOURCES = (".py", ".yml", ".yaml", ".md", ".html", ".js")


class _Changed(FileSystemEventHandler):
    def __init__(self):
        self.changed = threading.Event()  # a file that needs a restart
        self.saved = threading.Event()  # any source

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("modified", "created", "deleted", "moved"):
            return
        path = str(getattr(event, "dest_path", "") or event.src_path)
        if path.endswith(RESTART) or str(event.src_path).endswith(RESTART):
            self.changed.set()
        if path.endswith(SOURCES):
            self.saved.set()


# The free space the temporary site needs in memory: at 2,000 questions the site and its kept exports take 66 MB.
MEMORY_FOLDER, NEEDED = Path("/dev/shm"), 1 << 30


def temporary_folder(environment: dict[str, str]) -> dict[str, str]:
    """The server's environment, its temporary folder in memory where there is one with room (and no TMPDIR, TEMP
    or TMP names another: Python's tempfile reads all three)."""
    if any(environment.get(name) for name in ("TMPDIR", "TEMP", "TMP")) or not MEMORY_FOLDER.is_dir() or not os.access(MEMORY_FOLDER, os.W_OK | os.X_OK):
        return environment
    try:
        if shutil.disk_usage(MEMORY_FOLDER).free < NEEDED:
            return environment
    except OSError:
        return environment
    return {**environment, "TMPDIR": str(MEMORY_FOLDER)}


def _preflight(arguments: list[str]) -> bool:
    """The preflight check of the mkdocs.yml that `mkdocs serve` will read (-f/--config-file or ROOT's)."""
    config = [ROOT / "mkdocs.yml"]
    for index, argument in enumerate(arguments):
        if argument in ("-f", "--config-file") and index + 1 < len(arguments):
            config = [Path(arguments[index + 1])]
        elif argument.startswith("--config-file="):
            config = [Path(argument.split("=", 1)[1])]
    checked = subprocess.run([sys.executable, "-m", "guideline.adapter.preflight", "--config-file", str(config[0])],
                             cwd=ROOT)
    return checked.returncode == 0


def main(arguments: list[str]) -> int:
    handler = _Changed()
    observer = Observer()
    observer.schedule(handler, str(ROOT), recursive=False)  # mkdocs.yml, organization.yml
    for folder in ("hooks", "docs", "quizzes", "overrides"):
        if (ROOT / folder).is_dir():
            observer.schedule(handler, str(ROOT / folder), recursive=True)
    observer.start()
    try:
        while True:
            handler.saved.clear()
            if not _preflight(arguments):
                print("Korjaa virheet ja tallenna: tarkistus toistetaan / Rätta felen och spara: kontrollen görs om",
                      flush=True)
                handler.saved.wait()
                handler.changed.clear()
                continue
            handler.changed.clear()
            server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *arguments], cwd=ROOT,
                                      env=temporary_folder(dict(os.environ)))
            while server.poll() is None and not handler.changed.wait(0.5):
                pass
            if server.poll() is not None:
                return server.returncode
            handler.changed.clear()
            print("Python-koodi tai mkdocs.yml muuttui, käynnistetään uudelleen / "
                  "Python-koden eller mkdocs.yml ändrades, startar om", flush=True)
            server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site, we our exports' folder
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.terminate()
                server.wait(timeout=20)
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
