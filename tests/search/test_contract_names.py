"""The contract, continued: a query that names an entry puts that entry first, on every
backend (the database on SQLite or PostgreSQL, osmem-server, a real cluster when
ELASTICSEARCH_URL is set). A query names an entry when, folded, it is the entry's title,
or its title without a generic prefix such as "KCN" or "Công ty TNHH"."""

from datetime import date

import pytest

from tests.factories import make_article, make_zone, paragraph


def titles(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return [hit["title"] for hit in response.json()["results"]]


@pytest.fixture
def namesakes(portal_archive, section):
    """Newer entries that share the words of a name: the zones Quế Võ II and III, and
    articles whose titles start with the name (all words in the title, as a phrase)."""
    zones_index = portal_archive["que_vo"].get_parent()
    make_zone(
        zones_index,
        "KCN Quế Võ II",
        "Que Vo II Industrial Zone",
        intro_vi="Khu công nghiệp mở rộng của Quế Võ.",
        established_on=date(2008, 1, 10),
    )
    make_zone(
        zones_index,
        "KCN Quế Võ III",
        "Que Vo III Industrial Zone",
        intro_vi="Khu công nghiệp mới nhất của Quế Võ.",
        established_on=date(2016, 6, 1),
    )
    make_article(
        section,
        title_vi="KCN Quế Võ đón thêm nhà đầu tư",
        title_en="Que Vo Industrial Zone welcomes more investors",
        body_vi=paragraph("Quế Võ thu hút dự án mới."),
        body_en=paragraph("New projects come to Que Vo."),
        published=(2025, 3, 2),
    )
    make_article(
        section,
        title_vi="Điện tử Đại Đồng khánh thành nhà máy mới",
        body_vi=paragraph("Công ty TNHH Điện tử Đại Đồng mở rộng sản xuất."),
        published=(2025, 4, 8),
    )
    make_article(
        section,
        title_vi="Cụm thi đua số 3 ký kết giao ước thi đua",
        body_vi=paragraph("Các doanh nghiệp ký giao ước năm 2025."),
        published=(2025, 2, 14),
    )
    return portal_archive


def test_que_vo_puts_kcn_que_vo_before_que_vo_ii_iii_and_a_newer_article(client, namesakes):
    """The gap the first release left: KCN Quế Võ came third for "Que Vo"."""
    found = titles(client, q="Que Vo")
    assert found[0] == "KCN Quế Võ"
    assert {"KCN Quế Võ II", "KCN Quế Võ III", "KCN Quế Võ đón thêm nhà đầu tư"} <= set(found)


@pytest.mark.parametrize(
    "query", ["que vo", "Quế Võ", "QUẾ VÕ", "KCN Que Vo", "kcn quế võ", "Khu công nghiệp Quế Võ"]
)
def test_a_zone_named_in_any_spelling_comes_first(client, namesakes, query):
    """With or without diacritics, with "KCN" or its long form "Khu công nghiệp"."""
    assert titles(client, q=query)[0] == "KCN Quế Võ"


@pytest.mark.parametrize(
    ("query", "zone"), [("que vo ii", "KCN Quế Võ II"), ("Quế Võ III", "KCN Quế Võ III")]
)
def test_naming_a_later_zone_puts_that_zone_first(client, namesakes, query, zone):
    assert titles(client, q=query)[0] == zone


@pytest.mark.parametrize(
    ("query", "zone"),
    [("que vo", "Que Vo Industrial Zone"), ("Que Vo II", "Que Vo II Industrial Zone")],
)
def test_in_english_a_zone_named_without_industrial_zone_comes_first(
    client, namesakes, query, zone
):
    assert titles(client, q=query, lang="en")[0] == zone


def test_an_enterprise_named_without_company_tnhh_comes_before_a_newer_article(client, namesakes):
    found = titles(client, q="dien tu dai dong")
    assert found[:2] == [
        "Công ty TNHH Điện tử Đại Đồng",
        "Điện tử Đại Đồng khánh thành nhà máy mới",
    ]


def test_a_query_equal_to_a_whole_title_puts_that_entry_before_a_newer_one(client, namesakes):
    found = titles(client, q="cum thi dua so 3")
    assert found[:2] == ["Cụm thi đua số 3", "Cụm thi đua số 3 ký kết giao ước thi đua"]


def test_a_query_naming_nothing_keeps_relevance_then_recency(client, namesakes):
    """ "que vo dau tu" names no entry: the article holding every word in its title leads."""
    assert titles(client, q="que vo dau tu")[0] == "KCN Quế Võ đón thêm nhà đầu tư"


def test_sorting_by_date_and_filters_still_apply_to_a_named_entry(client, namesakes):
    assert titles(client, q="que vo", sort="date")[0] == "KCN Quế Võ đón thêm nhà đầu tư"
    assert "KCN Quế Võ" not in titles(client, q="que vo", type="article")
    assert "KCN Quế Võ" not in titles(client, q="que vo", year="2016")
