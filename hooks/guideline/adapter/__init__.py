"""The one place that knows MkDocs and mkdocs-static-i18n: the hooks call it, the rest of guideline does not."""
