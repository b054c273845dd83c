import unicodedata

from portal.text import fold_document_number, fold_vietnamese, normalize_nfc, vietnamese_slugify


def test_slug_transliterates_d_with_stroke_instead_of_dropping_it():
    assert vietnamese_slugify("Điển hình tiên tiến") == "dien-hinh-tien-tien"
    assert vietnamese_slugify("Khu công nghiệp Quế Võ II") == "khu-cong-nghiep-que-vo-ii"


def test_fold_removes_stacked_diacritics_and_keeps_length():
    original = "Thi đua KHEN THƯỞNG ở Quế Võ, hiệu quả"
    folded = fold_vietnamese(original)
    assert folded == "thi dua khen thuong o que vo, hieu qua"
    assert len(folded) == len(original)


def test_fold_accepts_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Quyết định")
    assert fold_vietnamese(decomposed) == "quyet dinh"


def test_normalize_nfc_composes_combining_marks():
    decomposed = unicodedata.normalize("NFD", "Bắc Ninh")
    assert normalize_nfc(decomposed) == "Bắc Ninh"
    assert len(normalize_nfc(decomposed)) < len(decomposed)


def test_document_number_spellings_share_one_key():
    keys = {fold_document_number(n) for n in ["47/QĐ-BQL", "47/QD-BQL", "47/qđ-bql", "47 QĐ BQL"]}
    assert keys == {"47qdbql"}
