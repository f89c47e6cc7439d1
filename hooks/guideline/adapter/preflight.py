"""The check before MkDocs starts: `python -m guideline.adapter.preflight [--config-file mkdocs.yml]`.

MkDocs reads mkdocs.yml before any hook can run, so a mistake in it would end in MkDocs' English (a syntax error,
an unknown key), a traceback (a date that does not exist) or a hang (an alias bomb), and hide every mistake in the
other sources. scripts/build.sh and scripts/serve.py run this first: it reads mkdocs.yml our strict way
(guideline.siteconfig), lets MkDocs validate it unless that way found what MkDocs' reading would fail, hang or
run code on (MkDocs' findings become located messages too), and checks every other source as the build would
(guideline.project.check_project), with whatever of the nav could be read. Every problem is printed at once, in
Finnish and Swedish; the exit status is 1 when there is any. Nothing is written.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path

from guideline.problems import Problem, ProblemsFound
from guideline.project import check_project
from guideline.siteconfig import CONFIG_FILE, SiteConfig, read_config

# Problems on which MkDocs' own reading of the file would fail, hang or run code: it is not asked then.
UNSAFE_FOR_MKDOCS = {"error.yaml_syntax", "error.yaml_alias", "error.yaml_tag", "error.yaml_too_deep",
                     "error.expected_date", "error.not_utf8", "error.file_missing", "error.file_too_large",
                     "error.config_not_mapping", "error.yaml_key_not_text"}
UNRECOGNISED = re.compile(r"Unrecognised configuration name: (?P<name>\S+)")
QUOTED = re.compile(r"'([^']+)'")


def check(config_file: Path) -> list[Problem]:
    """Every problem of the project whose mkdocs.yml this is."""
    root = config_file.parent
    config = read_config(config_file)
    if not any(problem.key in UNSAFE_FOR_MKDOCS for problem in config.problems):
        config.source.problems += mkdocs_problems(config_file, config)
    docs_dir = config.data.get("docs_dir") if isinstance(config.data.get("docs_dir"), str) else "docs"
    project = check_project(root, root / docs_dir, config.navigation(), config.markdown(), config.site_url,
                            config=config, render=False)
    unique, seen = [], set()
    for problem in project.problems:  # a missing file found by MkDocs and by our reading of it: once
        if (same := (problem.file, problem.key, problem.line, repr(problem.params))) not in seen:
            seen.add(same)
            unique.append(problem)
    return unique


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def mkdocs_problems(config_file: Path, config: SiteConfig) -> list[Problem]:
    """What MkDocs' own validation of mkdocs.yml finds (types, unknown names, plugin options), each as a problem
    with the line of the setting; MkDocs logs them as `Config value 'name': message`."""
    from mkdocs import exceptions
    from mkdocs.config import load_config
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        load_config(str(config_file))
    except (exceptions.Abort, exceptions.ConfigurationError, SystemExit):
        pass
    finally:
        logger.removeHandler(collect)
    problems = []
    for record in collect.records:
        message = record.getMessage()
        found = re.match(r"^Config value '(?P<name>[^']+)': (?P<detail>.*)$", message, re.S)
        if not found:
            continue
        name, detail = found["name"], found["detail"]
        missing = re.match(r"^The path '(?P<path>[^']+)' isn't an existing file or directory", detail)
        if name == "watch" and missing:  # organization.yml or quizzes/ gone: reported as that file's problem
            gone = Path(missing["path"])
            inside = gone.is_relative_to(config_file.parent)
            shown = gone.relative_to(config_file.parent).as_posix() if inside else str(gone)
            problems.append(Problem(file=shown, key="error.file_missing"))
            continue
        path = _path_of(name, detail, config)
        line = config.source.line(path)
        unknown = UNRECOGNISED.search(detail)
        if unknown:
            problems.append(Problem(file=config.source.shown, key="error.unknown_field", line=line,
                                    path=".".join(map(str, path)), params={"field": unknown["name"]}))
        else:
            problems.append(Problem(file=config.source.shown, key="error.config_value", line=line,
                                    path=".".join(map(str, path)), params={"field": name, "detail": detail}))
    return problems


def _path_of(name: str, detail: str, config: SiteConfig) -> tuple:
    """The key path a MkDocs message is about: the setting, or the deepest key it quotes that is under it."""
    path: tuple = (name,)
    wanted = QUOTED.findall(detail)
    if not wanted:
        return path
    for key in config.lines:
        if key[:1] == (name,) and key and str(key[-1]) == wanted[-1] and len(key) > len(path):
            path = key
    return path


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config-file", "-f", default=CONFIG_FILE, help="mkdocs.yml of the project")
    options, _ = parser.parse_known_args(arguments)  # the rest are MkDocs' own options
    problems = check(Path(options.config_file).resolve())
    if problems:
        print(ProblemsFound(problems).report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
