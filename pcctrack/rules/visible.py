"""Text as a reader sees it, for checks that must not be fooled by how it was typed.

Text copied from PDFs and Word carries non-breaking and zero-width spaces, soft hyphens,
direction marks and full-width forms: `07700\u00a0900123`, `name\u200b@force.police.uk` or
`＝SUM(A1)` look ordinary on screen but slip past a plain pattern. Every such check reads the
text in Unicode's compatibility form (NFKC: full-width letters, digits and signs become the
ordinary ones, non-breaking spaces become spaces) with the invisible characters removed.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]")
"""Soft hyphen, zero-width spaces and joiners, direction marks and overrides, word joiners,
invisible operators, Hangul fillers and the byte-order mark."""


def visible(text: str) -> str:
    """``text`` as it reads: compatibility-normalised (NFKC), invisible characters removed."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
