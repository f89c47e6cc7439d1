"""Every guideline page exists in every language: a page without its twin is a build error, never a fallback."""

from __future__ import annotations

from pathlib import Path

from guideline.problems import Problem


def pages_by_language(docs_dir: Path, languages: tuple[str, ...]) -> dict[str, set[str]]:
    """The Markdown pages of each language folder, as paths relative to that folder."""
    return {
        language: {page.relative_to(docs_dir / language).as_posix() for page in (docs_dir / language).rglob("*.md")}
        for language in languages
    }


def pages_without_twin(docs_dir: Path, languages: tuple[str, ...], shown_root: str = "docs") -> list[Problem]:
    """One problem per page that exists in one language folder but not in another."""
    pages = pages_by_language(docs_dir, languages)
    problems = []
    for language in languages:
        for other in languages:
            for page in sorted(pages[language] - pages[other]):
                problems.append(Problem(
                    file=f"{shown_root}/{language}/{page}",
                    key="error.page_without_twin",
                    params={"existing": f"{shown_root}/{language}/{page}", "missing": f"{shown_root}/{other}/{page}"},
                ))
    return problems
