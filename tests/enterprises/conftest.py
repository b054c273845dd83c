"""Zones and enterprises shared by the directory page and its JSON endpoint tests."""

from datetime import date
from decimal import Decimal

import pytest

from tests.factories import make_enterprise, make_zone


@pytest.fixture
def que_vo(zones_index):
    return make_zone(zones_index, "KCN Quế Võ", "Que Vo Industrial Zone", slug_vi="que-vo")


@pytest.fixture
def yen_phong(zones_index):
    return make_zone(zones_index, "KCN Yên Phong", "Yen Phong Industrial Zone", slug_vi="yen-phong")


@pytest.fixture
def catalogue(directory, que_vo, yen_phong):
    return {
        "dien_tu": make_enterprise(
            name_vi="Công ty TNHH Điện Tử Đông Á",
            name_en="Dong A Electronics Co., Ltd.",
            zone=que_vo,
            country="KR",
            sector="electronics",
            status="operating",
            registered_capital_usd=Decimal("5000000"),
            certificate_date=date(2015, 3, 1),
        ),
        "bao_bi": make_enterprise(
            name_vi="Công ty Cổ phần Bao Bì Kinh Bắc",
            name_en="Kinh Bac Packaging JSC",
            zone=yen_phong,
            country="VN",
            sector="packaging",
            status="construction",
            registered_capital_usd=Decimal("800000"),
            certificate_date=date(2021, 8, 9),
        ),
        "co_khi": make_enterprise(
            name_vi="Công ty TNHH Cơ Khí Ánh Dương",
            name_en="Anh Duong Engineering Co., Ltd.",
            zone=que_vo,
            country="JP",
            sector="mechanical",
            status="terminated",
            registered_capital_usd=Decimal("12000000"),
            certificate_date=date(2008, 1, 15),
        ),
    }
