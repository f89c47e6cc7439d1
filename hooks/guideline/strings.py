"""The one fi/sv table of interface strings (strings.yml): templates, scripts and build messages all read it.

A text is either one string per language, or, where it says a number of things, its plural forms
(`one` and `other`, CLDR's categories for Finnish and Swedish), chosen by the `count` it is given.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from guideline import yamlfile
from guideline.languages import LANGUAGES
from guideline.problems import Problem

TABLE = Path(__file__).with_name("strings.yml")
SHOWN = "hooks/guideline/strings.yml"
PLURAL_FORMS = ("one", "other")


class MissingPlaceholder(KeyError):
    """A text names a {placeholder} that the place showing it does not fill: a programming or table error."""

    def __init__(self, key: str, name: str):
        super().__init__(f"{key}: {{{name}}}")
        self.key, self.name = key, name


@dataclass(frozen=True)
class UiStrings:
    """Interface strings by key and language; every key has a non-empty text in every language."""

    table: dict
    languages: tuple[str, ...] = LANGUAGES

    def __contains__(self, key: str) -> bool:
        return key in self.table

    def __hash__(self) -> int:
        return id(self)

    def get(self, key: str, language: str, count: int | None = None) -> str:
        """The text of key in language (its plural form for count); an unknown key raises KeyError."""
        text = self.table[key][language]
        if isinstance(text, dict):
            if count is None:
                raise MissingPlaceholder(key, "count")
            text = text[plural_form(count, language)]
        return text

    def format(self, key: str, language: str, **params) -> str:
        """The text of key in language with its {placeholders} filled in; a missing one is an error."""
        text = self.get(key, language, params.get("count"))
        try:
            return text.format(**params)
        except KeyError as error:
            raise MissingPlaceholder(key, error.args[0]) from None

    def markup(self, key: str, language: str, **params) -> Markup:
        """The text as markup for a template: escaped, each value escaped too unless it is markup already."""
        text = self.get(key, language, params.get("count"))
        try:
            return Markup.escape(text).format(**params)
        except KeyError as error:
            raise MissingPlaceholder(key, error.args[0]) from None

    def for_prefix(self, prefix: str, language: str) -> dict:
        """The strings of one language whose keys start with prefix, keyed by the rest: for a page's scripts."""
        return {key[len(prefix):]: texts[language] for key, texts in self.table.items() if key.startswith(prefix)}


# CLDR's rule for Finnish and Swedish: "one: i = 1 and v = 0", i.e. a whole number whose absolute value is 1.
WHOLE_NUMBER_ONE = frozenset({"fi", "sv"})


def plural_form(count: int, language: str) -> str:
    """CLDR's plural category of a whole number in a language: 'one' or 'other' in Finnish and Swedish.

    Their rule is written out for whole numbers: babel's locale data, loaded for it, took 5 MB and 20 ms of every
    build; another language or a number with decimals still asks babel."""
    if language in WHOLE_NUMBER_ONE and isinstance(count, int):
        return "one" if abs(count) == 1 else "other"
    return _locale(language).plural_form(count)


@lru_cache(maxsize=None)
def _locale(language: str):
    from babel import Locale
    return Locale.parse(language)


def load_strings(path: Path = TABLE, shown: str = SHOWN) -> tuple[UiStrings, list[Problem]]:
    """The table and what is wrong with it; loaded again only when the file changes (`mkdocs serve`)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return UiStrings({}), [Problem(file=shown, key="error.file_missing")]
    return _load(path, shown, stat.st_mtime_ns, stat.st_size)


def load_ui_strings(path: Path = TABLE) -> UiStrings:
    """The table for code that runs after the checks (templates, scripts), which have reported any problem."""
    return load_strings(path)[0]


@lru_cache(maxsize=4)
def _load(path: Path, shown: str, modified: int, size: int) -> tuple[UiStrings, list[Problem]]:
    # What can be read of a table with a key written twice still gives the messages of this run's report; the
    # build stops on that problem, so the table is never used for pages.
    source = yamlfile.load(path, shown, partial=True)
    if not isinstance(source.data, dict):
        if not source.problems:
            source.problems.append(Problem(file=shown, key="error.strings_not_a_table"))
        return UiStrings({}), source.problems
    problems = list(source.problems)
    table = {}
    for key, texts in source.data.items():
        found = _entry_problems(key, texts)
        problems += [Problem(file=shown, key=problem, params=params, line=source.line((key,)), path=str(key))
                     for problem, params in found]
        table[key] = texts if isinstance(texts, dict) else {}
    return UiStrings(table), problems


def _entry_problems(key: str, texts: object) -> list[tuple[str, dict]]:
    """Why one entry is not usable: not fi/sv texts, a language missing or empty, plural forms, placeholders."""
    if not isinstance(texts, dict):
        return [("error.strings_entry", {"languages": ", ".join(LANGUAGES)})]
    problems = []
    unknown = sorted(set(texts) - set(LANGUAGES))
    if unknown:
        problems.append(("error.strings_unknown_language", {"languages": ", ".join(map(str, unknown))}))
    fields = {}
    for language in LANGUAGES:
        text = texts.get(language)
        forms = text if isinstance(text, dict) else {"": text}
        if isinstance(text, dict) and set(text) != set(PLURAL_FORMS):
            problems.append(("error.strings_plural_forms", {"language": language, "forms": ", ".join(PLURAL_FORMS)}))
        for form in forms.values():
            if not isinstance(form, str) or not form.strip():
                problems.append(("error.strings_missing_language", {"language": language}))
                break
        names = set()
        for form in forms.values():
            try:
                names |= {name for _, name, _, _ in string.Formatter().parse(form or "") if name}
            except ValueError:
                problems.append(("error.strings_braces", {"language": language}))
        fields[language] = names
    if len({frozenset(names) for names in fields.values()}) > 1:
        problems.append(("error.strings_placeholders", {"placeholders": "; ".join(
            f"{language}: {', '.join(sorted(names)) or '-'}" for language, names in fields.items())}))
    return problems


# The messages about the table itself cannot come from the table: they are written here, in both languages, with
# those that report a table that cannot be read at all (not UTF-8, broken YAML, missing) and the report's frame.
TABLE_MESSAGES = {
    "error.heading": {
        "fi": 'Sivustoa ei rakennettu. Korjaa nämä virheet ({count})',
        "sv": 'Webbplatsen byggdes inte. Rätta de här felen ({count})'},
    "error.place.line": {
        "fi": 'rivi {line}',
        "sv": 'rad {line}'},
    "error.yaml_syntax": {
        "fi": 'Tiedostoa ei voi lukea, koska sen YAML-rakenne on rikki ({detail}). Tarkista sisennykset, kaksoispisteet ja lainausmerkit.',
        "sv": 'Filen kan inte läsas eftersom dess YAML-struktur är trasig ({detail}). Kontrollera indrag, kolon och citattecken.'},
    "error.not_utf8": {
        "fi": 'Tiedostoa ei ole tallennettu UTF-8-muodossa, joten ääkköset eivät säily. Tallenna se UTF-8-muodossa.',
        "sv": 'Filen har inte sparats i UTF-8, så å, ä och ö bevaras inte. Spara den i UTF-8.'},
    "error.file_missing": {
        "fi": 'Tiedosto puuttuu. Luo se.',
        "sv": 'Filen saknas. Skapa den.'},
    "error.file_too_large": {
        "fi": 'Tiedosto on liian suuri ({size} kt). Suurin sallittu koko on {limit} kt. Jaa sisältö useampaan tiedostoon.',
        "sv": 'Filen är för stor ({size} kB). Den största tillåtna storleken är {limit} kB. Dela upp innehållet på flera filer.'},
    "error.yaml_too_deep": {
        "fi": 'Tiedostossa on yli {limit} sisäkkäistä tasoa, vaikka näissä tiedostoissa tarvitaan enintään muutama. Tarkista sisennykset, hakasulkeet [ ] ja aaltosulkeet {{ }}.',
        "sv": 'Filen har mer än {limit} nivåer inuti varandra, fast de här filerna behöver högst några få. Kontrollera indragen, hakparenteserna [ ] och klammerparenteserna {{ }}.'},
    "error.strings_key_missing": {
        "fi": 'Tekstitaulukosta puuttuu teksti {key}, jota {place} käyttää. Lisää se suomeksi ja ruotsiksi.',
        "sv": 'I texttabellen saknas texten {key}, som används i {place}. Lägg till den på finska och svenska.'},
    "error.strings_not_a_table": {
        "fi": "Tiedoston pitää koostua riveistä muotoa  avain: {{fi: ..., sv: ...}}.",
        "sv": "Filen ska bestå av rader i formen  nyckel: {{fi: ..., sv: ...}}."},
    "error.strings_entry": {
        "fi": "Tekstin alle kuuluvat kielet {languages}, esimerkiksi  fi: Tulosta  ja  sv: Skriv ut.",
        "sv": "Under texten ska språken {languages} stå, till exempel  fi: Tulosta  och  sv: Skriv ut."},
    "error.strings_unknown_language": {
        "fi": "Tuntematon kieli {languages}. Käytä kieliä fi ja sv.",
        "sv": "Okänt språk {languages}. Använd språken fi och sv."},
    "error.strings_missing_language": {
        "fi": "Teksti kielellä {language} puuttuu tai on tyhjä. Kirjoita se.",
        "sv": "Texten på språket {language} saknas eller är tom. Skriv den."},
    "error.strings_plural_forms": {
        "fi": "Kirjoita kielelle {language} täsmälleen monikkomuodot {forms}.",
        "sv": "Skriv exakt pluralformerna {forms} för språket {language}."},
    "error.strings_braces": {
        "fi": "Kielen {language} tekstissä on aaltosulje, joka ei ole paikanpitäjä. Kirjoita tekstiin tuleva aaltosulje kahdesti: {{{{ tai }}}}.",
        "sv": "Texten på språket {language} har en klammerparentes som inte är en platshållare. Skriv en klammerparentes som ska synas i texten två gånger: {{{{ eller }}}}."},
    "error.strings_placeholders": {
        "fi": "Kielissä on eri paikanpitäjät ({placeholders}). Käytä samoja molemmissa.",
        "sv": "Språken har olika platshållare ({placeholders}). Använd samma i båda."},
}
