"""The organization's settings live in mkdocs.yml once and reach every page through the hooks."""

from __future__ import annotations


import pytest

from guideline.markers import find_markers
from sitetools import build, built_pages, copy_project, organization_settings, page_url_path, resolve, soup

pytestmark = pytest.mark.build


def test_start_pages_show_name_approval_and_version(site):
    settings = organization_settings()
    for language, index in {"fi": site / "index.html", "sv": site / "sv/index.html"}.items():
        text = soup(index).select_one("article").get_text(" ", strip=True)
        approval = settings.approval
        date = f"{approval.date.day}.{approval.date.month}.{approval.date.year}"
        assert approval.body[language] in text and date in text and settings.guideline_version in text
        assert settings.name[language] in text


def test_channels_page_lists_every_official_channel(site):
    for channels in (site / "channels/index.html", site / "sv/channels/index.html"):
        links = {a["href"] for a in soup(channels).select("table.org-channels a")}
        assert links == {channel.url for channel in organization_settings().channels}


@pytest.mark.parametrize("setting, pages", [
    ("accounts_list", ["channels"]),
    ("work_tools", ["employee", "security", "ai"]),
    ("privacy_notice", ["interaction"]),
])
def test_pages_link_to_the_towns_own_pages_set_in_the_settings(site, setting, pages):
    """The list of all accounts, the approved tools and the privacy notice come from the settings, per language."""
    for language, prefix in (("fi", ""), ("sv", "sv/")):
        for page in pages:
            links = {a["href"] for a in soup(site / prefix / page / "index.html").select("article a[href]")}
            assert getattr(organization_settings(), setting)[language] in links, f"{prefix}{page}/"


def test_after_hours_contact_is_a_phone_link_where_an_administrator_needs_it(site):
    after_hours = organization_settings().after_hours
    phone = after_hours.phone
    for language, prefix in (("fi", ""), ("sv", "sv/")):
        for page in ("security", "crisis", "ai"):
            article = soup(site / prefix / page / "index.html").select_one("article")
            link = article.select_one(f'a[href="tel:{phone.replace(" ", "")}"]')
            assert link and link.get_text() == phone, f"{prefix}{page}/"
            assert after_hours.role[language] in article.get_text(), f"{prefix}{page}/"


def test_every_page_footer_gives_contact_and_accessibility_statement(site):
    email = organization_settings().contact.email
    for page in built_pages(site):
        footer = soup(page).select_one("footer .md-copyright")
        assert footer.select_one(f'a[href="mailto:{email}"]'), page
        statement = ("sv/" if page_url_path(site, page).startswith("sv/") else "") + "accessibility/"
        assert [a for a in footer.select("a") if resolve(page_url_path(site, page), a["href"]) == statement], page


def test_no_marker_is_left_unexpanded(site):
    for page in built_pages(site):
        assert "<!-- org:" not in page.read_text(encoding="utf-8"), page


@pytest.mark.unit
def test_unknown_marker_is_reported_with_its_line():
    _, problems = find_markers("# T\n\ntext <!-- org:nmae --> more\n", "docs/fi/x.md")
    assert [(p.file, p.line, p.key, p.params["marker"]) for p in problems] == [
        ("docs/fi/x.md", 3, "error.unknown_marker", "<!-- org:nmae -->")]


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_one_edit_in_the_settings_changes_every_page(project, tmp_path):
    config = project / "organization.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("sv: Exempelstad", "sv: Provköping"),
                      encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.ok, result.output
    for page in built_pages(result.site):
        if "/sv/" in page.as_posix():
            assert "Provköping" in soup(page).select_one("footer").get_text(), page


def test_a_missing_swedish_setting_names_file_line_and_field(project, tmp_path):
    config = project / "organization.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    sv: kommunikationsenheten\n", ""), encoding="utf-8")
    line = text.splitlines().index("  role:") + 1
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert f"organization.yml, rivi {line} / rad {line}, contact.role.sv" in result.output
    assert "Kenttä sv puuttuu" in result.output and "Fältet sv saknas" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_marker_stops_the_build_before_anything_is_written(project, tmp_path):
    page = project / "docs" / "sv" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- org:kontakt -->\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "docs/sv/index.md" in result.output and "<!-- org:kontakt -->" in result.output
    assert not (tmp_path / "site").exists()


@pytest.mark.unit
def test_dates_and_plural_forms_are_cldrs_without_babels_locale_data():
    """guideline.dates and guideline.strings write out CLDR's d.M.yyyy and the fi/sv plural rule (babel's locale
    data cost 5 MB a build): they must say what babel says."""
    import datetime

    from babel import Locale
    from babel.dates import format_date as babel_format_date

    from guideline.dates import LOCALES, format_date
    from guideline.strings import plural_form

    for value in (datetime.date(2026, 1, 5), datetime.date(2026, 10, 12), datetime.date(999, 12, 31),
                  datetime.date(1, 2, 3), datetime.datetime(2026, 3, 4, 23, 59)):
        for language, locale in LOCALES.items():
            assert format_date(value, language) == babel_format_date(value, "d.M.yyyy", locale=locale)
    for count in (*range(-3, 25), 100, 101, 1001, 10**9):
        for language in LOCALES:
            assert plural_form(count, language) == Locale.parse(language).plural_form(count), (count, language)
