"""The administrator's wall poster (huoneentaulu) in one language: one A4 page when printed."""

from __future__ import annotations

from guideline.inline import render_inline
from guideline.languages import DEFAULT_LANGUAGE
from guideline.qr import qr_svg_data_uri
from guideline.templates import render_macro
from guideline.views import PosterGroup, PosterItem, link

POSTER_PAGE = "poster.md"


def guideline_address(site_url: str, language: str) -> str:
    """The address of the guideline's start page in a language: the site root, or its language folder."""
    root = site_url.rstrip("/") + "/"
    return root if language == DEFAULT_LANGUAGE else f"{root}{language}/"


def poster_body(project, language: str) -> str:
    """The checklist's groups with items numbered across them, the fill-in box, and a QR code of the address."""
    groups = []
    number = 0
    for group in project.quizzes.checklist.model.groups:
        items = []
        for item in group.items:
            number += 1
            page, anchor = item.see.split("#", 1)
            items.append(PosterItem(item.id, number, render_inline(item.text[language]), link(page, anchor),
                                    project.docs.page(language, page).rules[anchor]))
        groups.append(PosterGroup(group.id, render_inline(group.title[language]), tuple(items)))
    address = guideline_address(project.site_url, language)
    return render_macro("poster.html", "poster", project.strings, groups=tuple(groups), lang=language,
                        org=project.organization, address=address, qr=qr_svg_data_uri(address))
