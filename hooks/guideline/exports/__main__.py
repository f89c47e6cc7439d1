"""`python -m guideline.exports --out DIR`: write the learning-platform files into DIR/lms/, as the build publishes
them, after the same checks of every source; a mistake prints the build's messages and writes nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guideline.adapter.site import exports_for, load_site, project_for
from guideline.problems import ProblemsFound


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guideline.exports", description=__doc__.split(":", 1)[1])
    parser.add_argument("--out", type=Path, required=True, help="the folder to write lms/ into")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
    arguments = parser.parse_args(argv)
    config = load_site(arguments.config_file)
    project = project_for(config)
    if project.problems:
        print(ProblemsFound(project.problems, project.strings).report(), file=sys.stderr)
        return 1
    for path, content in exports_for(config).items():
        target = arguments.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        print(f"{target}  {len(content) / 1024:.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
