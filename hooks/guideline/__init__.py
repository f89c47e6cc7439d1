"""Plain functions behind the site's build hooks: load, validate and render, knowing nothing of MkDocs."""
