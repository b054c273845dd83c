"""Folding and highlighting helpers the backends share."""

import unicodedata

from portal.text import _fold_character, fold_vietnamese
from search.highlight import highlight_title, snippet
from search.names import keys_named_by, title_key
from search.query import SearchRequest

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


def test_the_fast_fold_equals_folding_each_character():
    text = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " 47/QĐ-BQL ½ ß"
    expected = "".join(_fold_character(char) for char in unicodedata.normalize("NFC", text))
    assert fold_vietnamese(text) == expected
    assert len(fold_vietnamese(text)) == len(unicodedata.normalize("NFC", text))


def test_decomposed_input_folds_like_precomposed():
    decomposed = unicodedata.normalize("NFD", "Quyết định thi đua")
    assert fold_vietnamese(decomposed) == "quyet dinh thi dua"


def test_highlighting_marks_whole_words_in_the_original_spelling():
    html = highlight_title("Đại hội Đảng bộ <KCN>", ["dai", "dang"])
    assert str(html) == "<mark>Đại</mark> hội <mark>Đảng</mark> bộ &lt;KCN&gt;"
    assert "mark" not in str(highlight_title("Đạidương", ["dai"]))


def test_a_snippet_is_a_window_around_the_first_match():
    body = "mở đầu " * 80 + "phong trào thi đua sôi nổi " + "kết thúc " * 80
    html = str(snippet(body, terms=["thi", "dua"]))
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>thi</mark> <mark>đua</mark>" in html
    assert len(html) < 320


def test_document_numbers_are_recognised_in_any_spelling():
    keys = {
        SearchRequest(text=text).document_number_key
        for text in ("34-CT/TW", "34 ct tw", "34/CT-TW")
    }
    assert keys == {"34cttw"}
    assert SearchRequest(text="47/QĐ-BQL").document_number_key == "47qdbql"
    assert SearchRequest(text="152/1998/QĐ-TTg").document_number_key == "1521998qdttg"
    assert SearchRequest(text="thi dua 2022").document_number_key == ""


def test_a_query_names_a_title_whole_or_without_its_generic_prefix_or_suffix():
    """What the name rule compares: words only, diacritics and case folded, and a leading
    "Khu công nghiệp" read as "KCN"; "Quế Võ II" or a longer title is another name."""
    named = set(keys_named_by("Que Vo"))
    for title in (
        "Quế Võ",
        "KCN Quế Võ",
        "Khu công nghiệp Quế Võ",
        "Khu Công Nghiệp Quế-Võ",
        "Que Vo Industrial Zone",
    ):
        assert title_key(title) in named, title
    for title in ("KCN Quế Võ II", "KCN Quế Võ II - giai đoạn 1", "Tin KCN Quế Võ"):
        assert title_key(title) not in named, title
    assert title_key("Công ty TNHH Điện tử Đại Đồng") in keys_named_by("dien tu dai dong")
    assert title_key("KCN Quế Võ") in keys_named_by("khu cong nghiep que vo")
    assert keys_named_by(" ?! ") == []
