"""The name rule: a query that names an entry puts that entry first, on every backend.

A query names an entry when its folded words are the entry's title, or the title without
a generic prefix ("KCN Quế Võ" for "que vo", "Công ty TNHH Điện tử Đại Đồng" for "dien tu
dai dong") or, in English, without a generic suffix ("Que Vo Industrial Zone"). A leading
long form counts as its abbreviation, so "Khu công nghiệp Quế Võ" names "KCN Quế Võ".
Titles and queries are compared as title keys: equal keys, equal names.
"""

import re

from portal.text import fold_vietnamese

_WORD = re.compile(r"\w+")

ABBREVIATIONS = {"khu cong nghiep": "kcn", "cum cong nghiep": "ccn"}
GENERIC_PREFIXES = (
    "kcn",
    "ccn",
    "cum thi dua",
    "cong ty",
    "cong ty tnhh",
    "cong ty co phan",
    "emulation cluster",
)
GENERIC_SUFFIXES = ("industrial zone", "industrial park", "co ltd")


def title_key(text):
    """The folded words of `text` one space apart, a leading long form abbreviated."""
    key = " ".join(_WORD.findall(fold_vietnamese(text)))
    for long_form, abbreviation in ABBREVIATIONS.items():
        if key == long_form or key.startswith(long_form + " "):
            return abbreviation + key[len(long_form) :]
    return key


def keys_named_by(query):
    """The title keys of the entries `query` names (none for a query without words)."""
    key = title_key(query)
    if not key:
        return []
    return [
        key,
        *(f"{prefix} {key}" for prefix in GENERIC_PREFIXES),
        *(f"{key} {suffix}" for suffix in GENERIC_SUFFIXES),
    ]
