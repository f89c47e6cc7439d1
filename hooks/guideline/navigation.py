"""The site's navigation (mkdocs.yml `nav:`) with its titles in every language, as the checks read it."""

from __future__ import annotations

from dataclasses import dataclass, field

from guideline.yamlfile import KeyPath


@dataclass(frozen=True)
class NavEntry:
    """One entry of the navigation: a page (with or without its own title) or a titled section."""

    title: str | None
    page: str | None
    yaml_path: KeyPath  # where it is written in mkdocs.yml, for the line of a message
    children: tuple["NavEntry", ...] = ()


@dataclass
class Navigation:
    """The entries in order, and the translation of each title into the other languages."""

    entries: tuple[NavEntry, ...]
    translations: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> title -> title

    def walk(self):
        """Every entry, depth first, in the order the reader meets them."""
        def down(entries):
            for entry in entries:
                yield entry
                yield from down(entry.children)
        yield from down(self.entries)

    def pages(self) -> list[str]:
        return [entry.page for entry in self.walk() if entry.page]


def read_navigation(nav: list | None, translations: dict[str, dict[str, str]]) -> Navigation:
    """The nav of mkdocs.yml as loaded by MkDocs: items are "page.md", {title: "page.md"} or {title: [items]}."""
    def entries(items, path) -> tuple[NavEntry, ...]:
        found = []
        for index, item in enumerate(items or []):
            here = path + (index,)
            if isinstance(item, str):
                found.append(NavEntry(None, item, here))
            elif isinstance(item, dict) and len(item) == 1:
                title, value = next(iter(item.items()))
                if isinstance(value, list):
                    found.append(NavEntry(str(title), None, here + (title,), entries(value, here + (title,))))
                else:
                    found.append(NavEntry(str(title), str(value), here + (title,)))
        return tuple(found)
    return Navigation(entries(nav, ("nav",)), translations)
