"""Hook: the theme's templates listed and compiled once per process, not once per build and language
(guideline.adapter.theme): a fifth of every rebuild under `mkdocs serve`."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from guideline.adapter.theme import share


@event_priority(100)  # before the search plugin's on_config makes its environment, and before every build's own
def on_config(config):
    share(config.theme)
    return config
