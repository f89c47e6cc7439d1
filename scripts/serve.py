"""Preview the site with `mkdocs serve`, restarted whenever our Python code changes.

MkDocs rebuilds on every saved page, question or template, but it keeps running the hook code it loaded at
the start (its hooks and the guideline package stay imported), so an edit of hooks/**/*.py would not show.
This wrapper restarts the server when one changes. Arguments go to `mkdocs serve`.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parents[1]


class _PythonChanged(FileSystemEventHandler):
    def __init__(self):
        self.changed = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if str(event.src_path).endswith(".py") and event.event_type in ("modified", "created", "deleted", "moved"):
            self.changed.set()


def main(arguments: list[str]) -> int:
    handler = _PythonChanged()
    observer = Observer()
    observer.schedule(handler, str(ROOT / "hooks"), recursive=True)
    observer.start()
    try:
        while True:
            server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *arguments], cwd=ROOT)
            while server.poll() is None and not handler.changed.wait(0.5):
                pass
            if server.poll() is not None:
                return server.returncode
            handler.changed.clear()
            print("Python-koodi muuttui, käynnistetään uudelleen / Python-koden ändrades, startar om", flush=True)
            server.terminate()
            server.wait(timeout=20)
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
