"""QR codes made at build time with segno: an SVG data URI, so the page loads nothing from anywhere."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=8)  # the same addresses at every rebuild of `mkdocs serve`
def qr_svg_data_uri(address: str) -> str:
    """A black-on-white QR code of the address, with a quiet zone, as an SVG data URI for an <img>."""
    code = segno.make(address, error="m", micro=False)
    return code.svg_data_uri(scale=4, border=4, dark="#000", light="#fff", omitsize=True)
