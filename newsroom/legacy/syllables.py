"""Vietnamese syllable spelling rules, used to spot OCR damage and to recognise names.

A Vietnamese word is written one syllable at a time as initial consonant + rhyme + at most
one tone mark, and only a closed list of rhymes exists. A damaged syllable ("hiéu", "nguòi")
breaks these rules even though every letter in it is an ordinary Latin letter.
"""

import re
import unicodedata
from enum import Enum
from functools import lru_cache

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_CHECKED_TONES = {"\u0301", "\u0323"}
_CHECKED_ENDINGS = ("p", "t", "c", "ch")
_LETTERS = set("aăâbcdđeêghiklmnoôơpqrstuưvxy")

INITIALS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip

RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    yêm yên yêng yêt yêu ynh yt
    o oc oi om on ong op ot ooc oong
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uôc uôi uôm uôn uông uôp uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    y
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oen oeo oet
    uân uâng uât uây
    uê uêch uênh uơ
    uy uya uych uyên uyêt uynh uyp uyt uyu
    """.split()
)

_FRONT_VOWELS = ("i", "e", "ê", "y")
_UNDECOMPOSABLE = str.maketrans("đð", "dd")
_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")


class Spelling(Enum):
    """How a word relates to Vietnamese spelling."""

    CORRECT = "correct"  # valid syllable written with diacritics
    PLAIN = "plain"  # valid syllable that needs no diacritics, e.g. "thi", "cho"
    STRIPPED = "stripped"  # only valid once diacritics are added, e.g. "nguoi"
    DAMAGED = "damaged"  # carries diacritics but breaks the rules, e.g. "hiéu"
    FOREIGN = "foreign"  # not shaped like a Vietnamese syllable at all


def words(text: str) -> list[str]:
    """Letter runs of the text, in order; digits and punctuation separate words."""
    return _WORD_RE.findall(unicodedata.normalize("NFC", text))


def skeleton(word: str) -> str:
    """Lower-case word with every diacritic removed and đ written as d."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_UNDECOMPOSABLE)


def _split_tones(word: str) -> tuple[str, list[str]] | None:
    """Separate tone marks from the letters, keeping vowel marks (â, ơ, ...) on the letters."""
    letters: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONES:
            tones.append(ch)
        elif unicodedata.combining(ch):
            if not letters:
                return None
            letters[-1] += ch
        else:
            letters.append(ch)
    composed = [unicodedata.normalize("NFC", letter) for letter in letters]
    if any(letter not in _LETTERS for letter in composed):
        return None
    return "".join(composed), tones


def _allowed(initial: str, rhyme: str, tones: list[str]) -> bool:
    """Apply the spelling conventions that tie initials, rhymes and tones together."""
    front = rhyme.startswith(_FRONT_VOWELS)
    if initial in ("k", "gh", "ngh") and not front:
        return False
    if initial in ("c", "ng") and front:
        return False
    if initial == "g" and rhyme.startswith(("e", "ê")):
        return False
    if initial == "qu" and rhyme.startswith(("u", "ư", "o")):
        return False
    if rhyme.startswith("y") and len(rhyme) > 1 and initial not in ("", "qu"):
        return False
    return not rhyme.endswith(_CHECKED_ENDINGS) or (bool(tones) and tones[0] in _CHECKED_TONES)


def is_valid_syllable(word: str) -> bool:
    """True if the word is a well-formed Vietnamese syllable, diacritics included."""
    split = _split_tones(word)
    if split is None:
        return False
    letters, tones = split
    if len(tones) > 1:
        return False
    return any(
        letters.startswith(initial)
        and letters[len(initial) :] in RHYMES
        and _allowed(initial, letters[len(initial) :], tones)
        for initial in INITIALS
    )


_RHYME_SKELETONS = frozenset(skeleton(rhyme) for rhyme in RHYMES)
_INITIAL_SKELETONS = frozenset(skeleton(initial) for initial in INITIALS)


def has_vietnamese_shape(word: str) -> bool:
    """True if some choice of diacritics could turn the word into a Vietnamese syllable."""
    bare = skeleton(word)
    return any(
        bare.startswith(initial) and bare[len(initial) :] in _RHYME_SKELETONS
        for initial in _INITIAL_SKELETONS
    )


@lru_cache(maxsize=65536)
def classify(word: str) -> Spelling:
    """Sort one word into a Spelling category (cached: articles repeat the same syllables)."""
    plain = word.isascii()
    if is_valid_syllable(word):
        return Spelling.PLAIN if plain else Spelling.CORRECT
    if not has_vietnamese_shape(word):
        return Spelling.FOREIGN
    return Spelling.STRIPPED if plain else Spelling.DAMAGED
