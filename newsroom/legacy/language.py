"""Telling Vietnamese from English, so each article lands in the right locale.

Vietnamese shows itself through diacritics; when OCR has lost them, its most frequent
syllables still stand out. English shows itself through its stopwords.
"""

from newsroom.legacy.syllables import Spelling, classify, skeleton, words

VIETNAMESE = "vi"
ENGLISH = "en"

# Frequent Vietnamese syllables without diacritics; none is an English stopword.
_VIETNAMESE_COMMON = frozenset(
    """
    cua va cac nhung la co duoc trong cho nguoi cong nghiep doanh voi mot nhieu tai theo
    viec dong khu lao nam ngay thang nhan tinh da se tu ve nay khi cung dang phai nhu
    thi dua san xuat dau hien tien hoat quan ban chuc
    """.split()
)
_ENGLISH_STOPWORDS = frozenset(
    """
    the of and to in a is for on with that by at as was were are from this has have be it
    its an will which their said also been or not but they more than
    """.split()
)


def detect_language(text: str) -> str:
    """Return "vi" or "en"; Vietnamese wins ties because it is the portal's main language."""
    vietnamese = english = 0
    for word in words(text):
        lower = word.lower()
        if lower in _ENGLISH_STOPWORDS:
            english += 1
        elif not word.isascii() and classify(word) in (Spelling.CORRECT, Spelling.DAMAGED):
            vietnamese += 1
        elif skeleton(word) in _VIETNAMESE_COMMON:
            vietnamese += 1
    return ENGLISH if english > vietnamese else VIETNAMESE
