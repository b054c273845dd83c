"""Tests for the legacy archive parser; pure Python, so they run without Django."""

import re
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from newsroom.legacy import LegacyArticle, LegacyFormatError, parse_legacy_text, read_legacy_file
from newsroom.legacy.credits import AUTHOR, TRANSLATOR, Credit, parse_signoff, take_signoff
from newsroom.legacy.furniture import (
    cut_site_chrome,
    is_page_number,
    is_stray_line,
    running_header_lines,
    strip_page_furniture,
)
from newsroom.legacy.language import detect_language
from newsroom.legacy.paragraphs import join_lines, rejoin
from newsroom.legacy.quality import assess, quality_warnings
from newsroom.legacy.reading import MAX_FILE_BYTES
from newsroom.legacy.shapes import NEWSITE, OCR, WEB, detect_shape
from newsroom.legacy.stamps import (
    VIETNAM_TIME,
    parse_capture_stamp,
    parse_publication_stamp,
    parse_web_stamp,
)
from newsroom.legacy.syllables import Spelling, classify

SAMPLES = Path(__file__).parent / "legacy_samples"
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def parse_sample(name: str) -> LegacyArticle:
    return parse_legacy_text(read_legacy_file(SAMPLES / name), name)


def first_words(paragraphs: list[str], count: int = 2) -> list[str]:
    return [" ".join(paragraph.split()[:count]) for paragraph in paragraphs]


def article_strings(article: LegacyArticle) -> list[str]:
    return [
        article.title,
        article.standfirst,
        article.author,
        article.translator,
        article.section_label,
        *article.paragraphs,
        *article.captions,
    ]


def body_text(article: LegacyArticle) -> str:
    return "\n".join([article.title, article.standfirst, *article.paragraphs])


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 has no precomposed toned vowels: tone marks follow as combining bytes."""
    letters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(ch):
            letters.append([ch, ""])
        elif ch in TONE_MARKS:
            letters[-1][1] += ch
        else:
            letters[-1][0] += ch
    composed = "".join(unicodedata.normalize("NFC", base) + tone for base, tone in letters)
    return composed.encode("cp1258")


# --- web page, Vietnamese -----------------------------------------------------------------


@pytest.fixture(scope="module")
def web_vi() -> LegacyArticle:
    return parse_sample("web_vi.txt")


def test_web_vi_is_recognised_as_a_vietnamese_web_page(web_vi):
    assert (web_vi.shape, web_vi.language) == ("web", "vi")


def test_web_vi_title_is_the_first_line(web_vi):
    assert web_vi.title == "Khu công nghiệp Yên Phong phát động thi đua lao động giỏi năm 2022"


def test_web_vi_time_first_stamp_becomes_vietnam_time(web_vi):
    assert web_vi.published_at == datetime(2022, 7, 27, 10, 57, tzinfo=VIETNAM_TIME)
    assert web_vi.published_at.utcoffset() == timedelta(hours=7)


def test_web_vi_keeps_one_paragraph_per_line_including_the_subheading(web_vi):
    assert first_words(web_vi.paragraphs) == [
        "Sáng 26/7,",
        "Tham dự",
        "Nhiều giải",
        "Theo kế",
        "Các sáng",
    ]
    assert web_vi.paragraphs[2] == "Nhiều giải pháp nâng cao tay nghề"


def test_web_vi_photo_caption_is_moved_out_of_the_body(web_vi):
    assert web_vi.captions == [
        "Công nhân tham gia hội thi tay nghề tại một nhà máy điện tử. Ảnh: Thu Hà"
    ]
    assert not any("Ảnh:" in paragraph for paragraph in web_vi.paragraphs)


def test_web_vi_signoff_gives_the_name_without_the_department(web_vi):
    assert web_vi.author == "Nguyễn Văn An"
    assert web_vi.translator == ""
    assert not any("Phòng Lao động" in paragraph for paragraph in web_vi.paragraphs)


@pytest.mark.parametrize(
    "furniture",
    [
        "Tin liên quan",
        "thu hút thêm 12 dự án",
        "Tỷ giá ngoại tệ",
        "USD 23.250",
        "JPY",
        "Liên kết website",
        "Bộ Kế hoạch và Đầu tư",
        "Thăm dò ý kiến",
        "Bạn quan tâm",
        "Top",
        "Xem phiên bản di động",
    ],
)
def test_web_vi_sidebar_and_navigation_are_stripped(web_vi, furniture):
    assert not any(furniture in paragraph for paragraph in web_vi.paragraphs)


def test_web_vi_has_no_newsite_fields_and_needs_no_review(web_vi):
    assert (web_vi.standfirst, web_vi.section_label) == ("", "")
    assert web_vi.warnings == []
    assert (web_vi.needs_review, web_vi.review_reason) == (False, "")


# --- web page, English --------------------------------------------------------------------


@pytest.fixture(scope="module")
def web_en() -> LegacyArticle:
    return parse_sample("web_en.txt")


def test_web_en_is_recognised_as_an_english_web_page(web_en):
    assert (web_en.shape, web_en.language) == ("web", "en")


def test_web_en_title_and_date(web_en):
    assert web_en.title == "Yen Phong II Industrial Park welcomes new electronics investors"
    assert web_en.published_at == datetime(2022, 9, 15, 8, 30, tzinfo=VIETNAM_TIME)


def test_web_en_rejoins_a_sentence_broken_across_two_lines(web_en):
    assert first_words(web_en.paragraphs) == [
        "On September",
        "The new",
        "Speaking at",
        "The investors",
    ]
    assert "when they start operation in the second half of 2023, most" in web_en.paragraphs[1]


def test_web_en_photo_caption_is_kept_as_caption(web_en):
    assert web_en.captions == [
        "Officials hand investment certificates to the investors. Photo: Minh Anh"
    ]


def test_web_en_writer_and_translator_are_read_from_the_signoff(web_en):
    assert (web_en.author, web_en.translator) == ("Thu Huong", "Tran Linh")
    assert not any(
        "Writer" in paragraph or "Translated" in paragraph for paragraph in web_en.paragraphs
    )


@pytest.mark.parametrize(
    "furniture", ["Top", "Xem phiên bản di động", "Home", "About us", "Contact", "USD 23.250"]
)
def test_web_en_navigation_after_the_signoff_is_stripped(web_en, furniture):
    assert furniture not in web_en.paragraphs
    assert not any(paragraph.endswith(furniture) for paragraph in web_en.paragraphs)


def test_web_en_needs_no_review(web_en):
    assert (web_en.warnings, web_en.needs_review, web_en.review_reason) == ([], False, "")
    assert (web_en.standfirst, web_en.section_label) == ("", "")


# --- newer site, Vietnamese ---------------------------------------------------------------


@pytest.fixture(scope="module")
def newsite_vi() -> LegacyArticle:
    return parse_sample("newsite_vi.txt")


def test_newsite_vi_is_recognised_by_its_weekday_header(newsite_vi):
    assert (newsite_vi.shape, newsite_vi.language) == ("newsite", "vi")


def test_newsite_vi_section_label_and_title(newsite_vi):
    assert newsite_vi.section_label == "Tin tức - Sự kiện"
    assert newsite_vi.title == "Tôn vinh 50 công nhân tiêu biểu trong các khu công nghiệp"


def test_newsite_vi_uses_the_publication_stamp_not_the_capture_date(newsite_vi):
    assert newsite_vi.published_at == datetime(2023, 3, 6, 14, 54, tzinfo=VIETNAM_TIME)


def test_newsite_vi_lead_paragraph_becomes_the_standfirst(newsite_vi):
    assert newsite_vi.standfirst.startswith("Chiều 5/3, Ban Quản lý")
    assert newsite_vi.standfirst.endswith("tiêu biểu năm 2022.")
    assert newsite_vi.standfirst not in newsite_vi.paragraphs


def test_newsite_vi_body_paragraphs(newsite_vi):
    assert first_words(newsite_vi.paragraphs) == ["Các công", "Phát biểu", "Dịp này,"]


def test_newsite_vi_caption_repeating_the_title_is_dropped(newsite_vi):
    assert newsite_vi.captions == [
        "Lãnh đạo Ban Quản lý trao bằng khen cho các công nhân tiêu biểu. Ảnh: Văn Dũng"
    ]
    assert newsite_vi.title not in newsite_vi.paragraphs


def test_newsite_vi_author_name_alone_on_a_line(newsite_vi):
    assert (newsite_vi.author, newsite_vi.translator) == ("Hoàng Mai", "")


@pytest.mark.parametrize(
    "furniture",
    ["Hoàng Mai", "Bản quyền thuộc về", "Ban Quản lý các KCN Bắc Ninh", "Địa chỉ:", "Điện thoại:"],
)
def test_newsite_vi_footer_is_stripped(newsite_vi, furniture):
    assert not any(furniture in paragraph for paragraph in newsite_vi.paragraphs)


def test_newsite_vi_needs_no_review(newsite_vi):
    assert (newsite_vi.warnings, newsite_vi.needs_review) == ([], False)


# --- newer site, English ------------------------------------------------------------------


@pytest.fixture(scope="module")
def newsite_en() -> LegacyArticle:
    return parse_sample("newsite_en.txt")


def test_newsite_en_is_recognised_by_its_english_weekday_header(newsite_en):
    assert (newsite_en.shape, newsite_en.language) == ("newsite", "en")


def test_newsite_en_header_fields(newsite_en):
    assert newsite_en.section_label == "News - Events"
    assert newsite_en.title == "Industrial parks attract USD 1.2 billion in the first quarter"
    assert newsite_en.published_at == datetime(2023, 3, 24, 9, 5, tzinfo=VIETNAM_TIME)


def test_newsite_en_standfirst_and_paragraphs(newsite_en):
    assert newsite_en.standfirst.startswith("In the first three months of 2023")
    assert first_words(newsite_en.paragraphs) == ["Most of", "The Authority", "To keep"]


def test_newsite_en_captions_and_author(newsite_en):
    assert newsite_en.captions == [
        "A production line at a factory in Que Vo Industrial Park. Photo: BIZA"
    ]
    assert (newsite_en.author, newsite_en.translator) == ("Ngoc Anh", "")


@pytest.mark.parametrize("furniture", ["Ngoc Anh", "Bản quyền", "Address:", "Phone:"])
def test_newsite_en_footer_is_stripped(newsite_en, furniture):
    assert not any(furniture in paragraph for paragraph in newsite_en.paragraphs)


def test_newsite_en_needs_no_review(newsite_en):
    assert (newsite_en.warnings, newsite_en.needs_review) == ([], False)


# --- OCR of a printed report --------------------------------------------------------------


@pytest.fixture(scope="module")
def ocr_vi() -> LegacyArticle:
    return parse_sample("ocr_vi.txt")


def test_ocr_vi_is_recognised_as_ocr_without_a_date(ocr_vi):
    assert (ocr_vi.shape, ocr_vi.language, ocr_vi.published_at) == ("ocr", "vi", None)


def test_ocr_vi_title_is_the_capitalised_heading_without_the_running_header(ocr_vi):
    assert ocr_vi.title == "BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA NĂM 2021"


def test_ocr_vi_hard_wrapped_lines_are_rejoined_into_paragraphs(ocr_vi):
    assert first_words(ocr_vi.paragraphs) == [
        "I. Đánh",
        "Năm 2021,",
        "Toàn Ban",
        "II. Một",
        "Công tác",
        "Năm 2022,",
    ]
    assert "phong trào thi dua trong các khu công nghiệp" in ocr_vi.paragraphs[1]
    assert ocr_vi.paragraphs[2].endswith("cho doanh nghiệp và nguòi lao động.")


def test_ocr_vi_sentence_runs_on_across_a_page_break(ocr_vi):
    assert "đến đời sống của người lao động trong khu công nghiêp." in ocr_vi.paragraphs[4]


def test_ocr_vi_line_end_hyphen_is_removed_but_a_spaced_dash_is_kept(ocr_vi):
    assert "quản lý khu công nghiệp, phấn đấu 100%" in ocr_vi.paragraphs[5]
    assert '"Xanh - Sạch - Đẹp"' in ocr_vi.paragraphs[4]


@pytest.mark.parametrize("furniture", ["BAN QUAN LY", "BAN QUẢN LÝ CÁC KHU", "~", "|", "' . ~ ;"])
def test_ocr_vi_running_headers_and_stray_characters_are_removed(ocr_vi, furniture):
    assert not any(furniture in text for text in [ocr_vi.title, *ocr_vi.paragraphs])


def test_ocr_vi_page_numbers_are_removed(ocr_vi):
    assert not any(paragraph.strip().isdigit() for paragraph in ocr_vi.paragraphs)
    assert not any(re.search(r"\.\s+[123]\b", paragraph) for paragraph in ocr_vi.paragraphs)


def test_ocr_vi_has_no_web_fields(ocr_vi):
    assert (ocr_vi.standfirst, ocr_vi.section_label, ocr_vi.author, ocr_vi.translator) == (
        "",
        "",
        "",
        "",
    )
    assert ocr_vi.captions == []


def test_ocr_vi_is_flagged_for_review_with_the_damage_share(ocr_vi):
    assert ocr_vi.needs_review is True
    assert re.fullmatch(r"OCR text: [1-9]\d?% of syllables look damaged", ocr_vi.warnings[0])
    assert "no publication date found" in ocr_vi.warnings
    assert ocr_vi.review_reason == "; ".join(ocr_vi.warnings)


# --- output hygiene -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["web_vi.txt", "web_en.txt", "newsite_vi.txt", "newsite_en.txt", "ocr_vi.txt"]
)
def test_every_output_string_is_nfc_with_collapsed_whitespace(name):
    for text in article_strings(parse_sample(name)):
        assert unicodedata.is_normalized("NFC", text)
        assert text == " ".join(text.split())


def test_decomposed_input_with_messy_spacing_gives_the_same_article():
    original = (SAMPLES / "web_vi.txt").read_text(encoding="utf-8")
    messy = unicodedata.normalize("NFD", original).replace(" ", " \t ")
    assert parse_legacy_text(messy) == parse_legacy_text(original)


def test_word_count_covers_standfirst_and_paragraphs():
    article = LegacyArticle(
        shape="newsite",
        language="vi",
        title="Tiêu đề",
        published_at=None,
        standfirst="Ba từ đây",
        paragraphs=["Hai từ", "Và bốn từ nữa"],
    )
    assert article.word_count == 9


# --- unreadable input ---------------------------------------------------------------------


def test_empty_file_is_rejected():
    with pytest.raises(LegacyFormatError, match="empty.txt: file is empty"):
        read_legacy_file(SAMPLES / "empty.txt")


def test_binary_file_is_rejected():
    with pytest.raises(LegacyFormatError, match="bad_binary.bin: looks like binary data"):
        read_legacy_file(SAMPLES / "bad_binary.bin")


def test_file_over_five_megabytes_is_rejected(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    with pytest.raises(LegacyFormatError, match="over the 5 MB limit"):
        read_legacy_file(big)


def test_utf8_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (SAMPLES / "web_vi.txt").read_bytes())
    assert read_legacy_file(path) == read_legacy_file(SAMPLES / "web_vi.txt")


def test_windows_1258_file_is_decoded_when_not_utf8(tmp_path):
    text = "Công nhân khu công nghiệp được khen thưởng, đặc biệt là Nguyễn Văn An."
    path = tmp_path / "cp1258.txt"
    path.write_bytes(to_windows_1258(text))
    assert read_legacy_file(path) == text


def test_non_utf8_file_that_is_not_vietnamese_either_is_rejected(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(bytes([0xC6, 0xD8, 0xE6, 0xF8, 0x20, 0xC5, 0xE5, 0xE7, 0x20]) * 20)
    with pytest.raises(LegacyFormatError, match="garbled"):
        read_legacy_file(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "file is empty"),
        ("  \n\t\n ", "file is empty"),
        ("abc\x00\x01\x02def", "binary"),
        ("12 34 56\n~~ || --\n", "too few letters"),
        ("Tin\nA\nB\n", "no text lines"),
    ],
)
def test_unreadable_text_raises_a_clear_error(text, message):
    with pytest.raises(LegacyFormatError, match=message):
        parse_legacy_text(text)


def test_error_message_names_the_file():
    with pytest.raises(LegacyFormatError, match=r"^export-17\.txt: file is empty$"):
        parse_legacy_text("", filename="export-17.txt")


# --- doubtful articles --------------------------------------------------------------------


def test_very_short_body_is_flagged():
    article = parse_legacy_text(
        "Khai trương nhà máy mới\n09:15 02/08/2021\nNhà máy đã đi vào hoạt động."
    )
    assert article.needs_review
    assert article.warnings == ["very short body (7 words)"]


def test_missing_title_is_flagged():
    article = parse_legacy_text("09:15 02/08/2021\nNhà máy đã đi vào hoạt động.")
    assert article.title == ""
    assert "no title found" in article.warnings


def test_web_page_without_stamp_is_still_a_web_page_but_flagged():
    text = (SAMPLES / "web_vi.txt").read_text(encoding="utf-8").replace("10:57 27/07/2022\n", "")
    article = parse_legacy_text(text)
    assert (article.shape, article.published_at) == ("web", None)
    assert article.title.startswith("Khu công nghiệp Yên Phong")
    assert article.review_reason == "no publication date found"


def test_vietnamese_without_diacritics_is_flagged():
    text = (
        "Cong nhan khu cong nghiep thi dua lao dong gioi\n"
        "10:00 01/06/2021\n"
        "Sang nay, cong doan cac khu cong nghiep to chuc le phat dong phong trao thi dua lao "
        "dong gioi, lao dong sang tao cho cong nhan trong cac doanh nghiep. Cac sang kien "
        "duoc cong nhan se duoc khen thuong kip thoi va nhan rong trong toan tinh.\n"
    )
    article = parse_legacy_text(text)
    assert article.language == "vi"
    assert article.needs_review
    assert any("have no diacritics" in warning for warning in article.warnings)
    assert any("of syllables look damaged" in warning for warning in article.warnings)


# --- stamps -------------------------------------------------------------------------------


def test_web_stamp_is_time_then_date():
    assert parse_web_stamp("10:57 27/07/2022") == datetime(2022, 7, 27, 10, 57, tzinfo=VIETNAM_TIME)
    assert parse_web_stamp("27/07/2022 10:57") is None


def test_publication_stamp_is_date_then_time():
    assert parse_publication_stamp("06/03/2023 14:54") == datetime(
        2023, 3, 6, 14, 54, tzinfo=VIETNAM_TIME
    )
    assert parse_publication_stamp("14:54 06/03/2023") is None


@pytest.mark.parametrize(
    "line", ["Thứ hai 27/03/2023 17:11", "Chủ nhật, 26/03/2023 08:00", "Monday 27/03/2023 17:11"]
)
def test_capture_stamp_accepts_vietnamese_and_english_weekdays(line):
    assert parse_capture_stamp(line) is not None


def test_impossible_dates_are_not_stamps():
    assert parse_web_stamp("10:57 31/02/2022") is None
    assert parse_publication_stamp("06/13/2023 14:54") is None


# --- shapes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "shape"),
    [
        (["Tiêu đề", "10:57 27/07/2022", "Nội dung."], WEB),
        (["Thứ hai 27/03/2023 17:11", "Tin tức", "Tiêu đề", "06/03/2023 14:54"], NEWSITE),
        (["Tin tức", "Tiêu đề", "06/03/2023 14:54", "Nội dung."], NEWSITE),
        (["Tiêu đề", "Nội dung bài viết.", "Tỷ giá ngoại tệ"], WEB),
        (["BÁO CÁO", "Năm 2021, phong trào thi đua", "1"], OCR),
    ],
)
def test_shape_is_detected_from_stamps_and_site_furniture(lines, shape):
    assert detect_shape(lines) == shape


# --- syllables and language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "spelling"),
    [
        ("người", Spelling.CORRECT),
        ("nghiệp", Spelling.CORRECT),
        ("quyết", Spelling.CORRECT),
        ("khuỷu", Spelling.CORRECT),
        ("Nguyễn", Spelling.CORRECT),
        ("thi", Spelling.PLAIN),
        ("dua", Spelling.PLAIN),
        ("khuya", Spelling.PLAIN),
        ("nguoi", Spelling.STRIPPED),
        ("duoc", Spelling.STRIPPED),
        ("hiéu", Spelling.DAMAGED),
        ("nguòi", Spelling.DAMAGED),
        ("hoàt", Spelling.DAMAGED),
        ("xăy", Spelling.DAMAGED),
        ("ngiệp", Spelling.DAMAGED),
        ("Samsung", Spelling.FOREIGN),
        ("website", Spelling.FOREIGN),
    ],
)
def test_syllables_are_classified_by_vietnamese_spelling_rules(word, spelling):
    assert classify(word) is spelling


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Công nhân các khu công nghiệp được khen thưởng.", "vi"),
        ("cong nhan cac khu cong nghiep duoc khen thuong", "vi"),
        ("Workers in the industrial parks of Bắc Ninh were honoured for their ideas.", "en"),
    ],
)
def test_language_is_detected_from_diacritics_common_syllables_and_stopwords(text, language):
    assert detect_language(text) == language


# --- quality ------------------------------------------------------------------------------


def test_clean_vietnamese_has_no_damage_and_no_warnings():
    report = assess("Công nhân các khu công nghiệp thi đua lao động sáng tạo.", "vi")
    assert (report.damaged, report.syllables) == (0, 12)
    assert quality_warnings(report, WEB) == []


def test_damaged_share_is_reported_as_a_percentage():
    report = assess("phong trào thi đua đạt hiéu quả thiét thực", "vi")
    assert report.damaged == 2
    assert quality_warnings(report, WEB) == ["22% of syllables look damaged"]
    assert quality_warnings(report, OCR) == ["OCR text: 22% of syllables look damaged"]


def test_stray_characters_are_reported():
    report = assess("Công nhân ~ lao động | sáng tạo ^ năm 2021", "vi")
    assert quality_warnings(report, WEB) == ["3 stray characters such as '~' or '|'"]


def test_english_ocr_gets_a_proofreading_warning():
    assert quality_warnings(assess("Workers were honoured.", "en"), OCR) == [
        "OCR text: proofread against the printed original"
    ]


# --- paragraphs ---------------------------------------------------------------------------


def test_join_lines_removes_hyphen_only_inside_a_word():
    assert join_lines("khu công nghi-", "ệp mới") == "khu công nghiệp mới"
    assert join_lines("dịch Covid-", "19") == "dịch Covid-19"
    assert join_lines("Bắc Ninh -", "Hà Nội") == "Bắc Ninh - Hà Nội"


def test_hard_wrapped_lines_break_at_short_lines_and_list_items():
    lines = [
        "Năm 2021 các doanh nghiệp trong khu công nghiệp đã chủ động xây dựng",
        "kế hoạch sản xuất an toàn.",
        "Kết quả nổi bật",
        "Nhiều công nhân đề xuất giải pháp tiết kiệm điện năng và nguyên vật",
        "liệu, giảm thời gian dừng máy.",
        "- Tổ chức hội thi tay nghề.",
    ]
    assert rejoin(lines, hard_wrapped=True) == [
        "Năm 2021 các doanh nghiệp trong khu công nghiệp đã chủ động xây dựng "
        "kế hoạch sản xuất an toàn.",
        "Kết quả nổi bật",
        "Nhiều công nhân đề xuất giải pháp tiết kiệm điện năng và nguyên vật "
        "liệu, giảm thời gian dừng máy.",
        "- Tổ chức hội thi tay nghề.",
    ]


def test_web_lines_stay_separate_paragraphs_unless_clearly_broken():
    lines = ["Câu thứ nhất.", "Câu thứ hai không có dấu chấm", "vẫn tiếp tục.", "Đoạn mới."]
    assert rejoin(lines, hard_wrapped=False) == [
        "Câu thứ nhất.",
        "Câu thứ hai không có dấu chấm vẫn tiếp tục.",
        "Đoạn mới.",
    ]


# --- furniture ----------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["12", "- 12 -", "Trang 3", "page 4", "3/12"])
def test_page_numbers_are_recognised(line):
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["2021", "Năm 2021", "Điều 3"])
def test_years_and_text_are_not_page_numbers(line):
    assert not is_page_number(line)


@pytest.mark.parametrize(("line", "stray"), [("' . ~ ;", True), ("|", True), ("Ảnh 1.", False)])
def test_stray_character_lines_are_recognised(line, stray):
    assert is_stray_line(line) is stray


def test_running_header_is_found_despite_ocr_variants():
    lines = [
        "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP BẮC NINH",
        "Nội dung trang một.",
        "1",
        "BAN QUAN LY CAC KHU C0NG NGHIEP BAC NlNH",
        "Nội dung trang hai.",
    ]
    assert running_header_lines(lines) == {0, 3}
    assert strip_page_furniture(lines) == [
        "",
        "Nội dung trang một.",
        "",
        "",
        "Nội dung trang hai.",
    ]


def test_repeated_section_heading_away_from_page_breaks_is_not_a_header():
    lines = [
        "BÁO CÁO TỔNG KẾT",
        "Phần thứ nhất",
        "Năm 2021 các doanh nghiệp trong khu công nghiệp đã chủ động sản xuất.",
        "Công nhân được bảo đảm việc làm và thu nhập ổn định.",
        "Kết quả đạt được",
        "Nhiều sáng kiến được áp dụng trong sản xuất.",
        "Phần thứ hai",
        "Kết quả đạt được",
        "Doanh thu của các doanh nghiệp tăng so với năm trước.",
    ]
    assert running_header_lines(lines) == set()


def test_site_chrome_is_cut_at_the_first_sidebar_heading():
    lines = [
        "Đoạn một.",
        "Chia sẻ",
        "Đoạn hai.",
        "Tỷ giá ngoại tệ",
        "USD 23.250 23.560",
        "Đoạn cuối.",
    ]
    assert cut_site_chrome(lines) == ["Đoạn một.", "Đoạn hai."]


# --- credits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Writer: Thu Huong", Credit(AUTHOR, "Thu Huong")),
        ("Translated by Tran Linh", Credit(TRANSLATOR, "Tran Linh")),
        ("Dịch: Lê Thu Hằng", Credit(TRANSLATOR, "Lê Thu Hằng")),
        ("Nguyễn Văn An - Phòng Lao động", Credit(AUTHOR, "Nguyễn Văn An")),
        ("Minh Anh (TH)", Credit(AUTHOR, "Minh Anh")),
        ("Hoàng Mai", Credit(AUTHOR, "Hoàng Mai")),
        ("By Nguyen Thu Ha", Credit(AUTHOR, "Nguyen Thu Ha")),
    ],
)
def test_signoff_lines_are_read(line, credit):
    assert parse_signoff(line) == credit


@pytest.mark.parametrize(
    "line",
    [
        "By 2025, the park will employ 10,000 workers.",
        "Dịch bệnh đã được kiểm soát.",
        "Tin tức",
        "Contact us",
        "Bắc Ninh - điểm đến của nhà đầu tư.",
        "Hà Nội (Thủ đô)",
    ],
)
def test_ordinary_lines_are_not_signoffs(line):
    assert parse_signoff(line) is None


def test_take_signoff_drops_menu_links_below_it():
    lines = ["Đoạn cuối.", "Minh Anh (TH)", "Giới thiệu", "Liên hệ"]
    assert take_signoff(lines) == (["Đoạn cuối."], [Credit(AUTHOR, "Minh Anh")])
