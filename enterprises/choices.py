"""Coded values of the directory, each with its Vietnamese and English name.

Codes are what files and URLs carry (`?country=KR`, a CSV column), names are what readers
see. Countries and territories use ISO 3166-1 alpha-2 codes.
"""

from django.db import models
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from portal.languages import ENGLISH

COUNTRIES = {
    "VN": ("Việt Nam", "Viet Nam"),
    "KR": ("Hàn Quốc", "Korea (Republic of)"),
    "JP": ("Nhật Bản", "Japan"),
    "CN": ("Trung Quốc", "China"),
    "TW": ("Đài Loan (Trung Quốc)", "Taiwan (China)"),
    "HK": ("Hồng Kông (Trung Quốc)", "Hong Kong (China)"),
    "SG": ("Xin-ga-po", "Singapore"),
    "US": ("Hoa Kỳ", "United States"),
    "DE": ("Đức", "Germany"),
    "FR": ("Pháp", "France"),
    "GB": ("Vương quốc Anh", "United Kingdom"),
    "MY": ("Ma-lai-xi-a", "Malaysia"),
    "TH": ("Thái Lan", "Thailand"),
    "IN": ("Ấn Độ", "India"),
    "NL": ("Hà Lan", "Netherlands"),
    "VG": ("Quần đảo Virgin thuộc Anh", "British Virgin Islands"),
}

SECTORS = {
    "electronics": ("Điện tử", "Electronics"),
    "industrial-infrastructure": ("Hạ tầng khu công nghiệp", "Industrial infrastructure"),
    "mechanical": ("Cơ khí chế tạo", "Mechanical engineering"),
    "textiles": ("Dệt may", "Textiles and garments"),
    "food": ("Chế biến thực phẩm", "Food processing"),
    "packaging": ("Bao bì, in ấn", "Packaging and printing"),
    "plastics-chemicals": ("Nhựa, hóa chất", "Plastics and chemicals"),
    "building-materials": ("Vật liệu xây dựng", "Building materials"),
    "logistics": ("Kho vận", "Logistics"),
    "pharmaceuticals": ("Dược phẩm, thiết bị y tế", "Pharmaceuticals and medical devices"),
    "other": ("Ngành khác", "Other"),
}


def _name_in_language(names, code):
    pair = names.get(code)
    if pair is None:
        return code
    return pair[1] if translation.get_language() == ENGLISH else pair[0]


name_in_language = lazy(_name_in_language, str)


def coded_choices(names):
    """Choices whose labels follow the reader's (or editor's) language when rendered."""
    return [(code, name_in_language(names, code)) for code in names]


def country_name(code):
    return _name_in_language(COUNTRIES, code)


def sector_name(code):
    return _name_in_language(SECTORS, code)


class EnterpriseStatus(models.TextChoices):
    OPERATING = "operating", _("Operating")
    UNDER_CONSTRUCTION = "construction", _("Under construction")
    TERMINATED = "terminated", _("Terminated")
