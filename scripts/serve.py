"""Preview the site with `mkdocs serve`, restarted whenever our Python code or mkdocs.yml changes.

MkDocs rebuilds on every saved page, question or template, but it keeps running the hook code it loaded at
the start (its hooks and the guideline package stay imported), so an edit of hooks/**/*.py would not show.
This wrapper restarts the server when one changes. Arguments go to `mkdocs serve`.

Before each start it runs the preflight check (guideline/adapter/preflight.py), as scripts/build.sh does:
MkDocs reads mkdocs.yml before any hook runs, so a mistake there would end in MkDocs' English or a traceback.
While the check finds problems they are shown in Finnish and Swedish, and the check runs again at the next save.
"""

from __future__ import annotations

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
            server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *arguments], cwd=ROOT)
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
