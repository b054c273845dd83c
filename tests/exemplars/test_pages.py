"""Exemplary-model profiles: index filters, honour roll per year, profile pages, citations."""

import pytest

from documents.models import DocumentCitation
from exemplars.models import ExemplarProfilePage
from portal.languages import page_url_in
from tests.factories import (
    make_exemplar_index,
    make_image,
    make_legal_document,
    make_profile,
    make_registry,
    paragraph,
    vi_url,
)


@pytest.fixture
def index(home):
    return make_exemplar_index(home)


@pytest.fixture
def decision(home):
    make_registry(home)
    return make_legal_document("152/QĐ-UBND", issued=(2023, 2, 1))


@pytest.fixture
def profiles(index, decision):
    return {
        "vsip": make_profile(
            index,
            title_vi="VSIP Bắc Ninh dẫn đầu Cụm thi đua số 1",
            title_en="VSIP Bac Ninh leads Emulation Cluster No. 1",
            kind="enterprise",
            name="VSIP Bac Ninh",
            zone_vi="KCN VSIP Bắc Ninh",
            zone_en="VSIP Bac Ninh Industrial Park",
            photo=make_image(),
            awards=[("emulation-flag", "province", 2023, decision)],
        ),
        "worker": make_profile(
            index,
            title_vi="Chị Hoa, chiến sĩ thi đua",
            title_en="Ms Hoa, emulation fighter",
            kind="individual",
            name="Nguyễn Thị Hoa",
            zone_vi="KCN Yên Phong",
            zone_en="Yen Phong Industrial Zone",
            awards=[
                ("emulation-fighter", "authority", 2022, None),
                ("provincial-certificate", "province", 2023, decision),
            ],
        ),
        "union": make_profile(
            index,
            title_vi="Công đoàn chăm lo nhà trọ",
            kind="trade-union",
            name="Công đoàn cơ sở",
            zone_vi="KCN Yên Phong",
            awards=[("labour-order-3", "state", 2022, None)],
        ),
    }


def titles_in(response):
    return {profile.title for profile in response.context["profiles"]}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/vi/dien-hinh-tien-tien/",
            {
                "VSIP Bắc Ninh dẫn đầu Cụm thi đua số 1",
                "Chị Hoa, chiến sĩ thi đua",
                "Công đoàn chăm lo nhà trọ",
            },
        ),
        (
            "/en/exemplary-models/",
            {"VSIP Bac Ninh leads Emulation Cluster No. 1", "Ms Hoa, emulation fighter"},
        ),
    ],
)
def test_index_lists_profiles_an_english_reader_only_sees_translated_ones(
    client, profiles, url, expected
):
    response = client.get(url)
    assert response.status_code == 200
    assert titles_in(response) == expected


@pytest.mark.parametrize(
    ("query", "vietnamese", "english"),
    [
        ("kind=individual", {"worker"}, {"worker"}),
        ("kind=trade-union", {"union"}, set()),
        ("year=2022", {"worker", "union"}, {"worker"}),
        ("year=2023", {"vsip", "worker"}, {"vsip", "worker"}),
        ("zone=kcn-yen-phong", {"worker", "union"}, {"worker"}),
        ("award=emulation-flag", {"vsip"}, {"vsip"}),
        ("award=labour-order-3", {"union"}, set()),
        ("award=emulation-fighter&year=2023", set(), set()),
        ("kind=enterprise&zone=kcn-vsip-bac-ninh&year=2023", {"vsip"}, {"vsip"}),
    ],
)
def test_index_filters_by_kind_year_zone_and_award(client, profiles, query, vietnamese, english):
    for prefix, keys, language in [
        ("/vi/dien-hinh-tien-tien/", vietnamese, "vi"),
        ("/en/exemplary-models/", english, "en"),
    ]:
        response = client.get(f"{prefix}?{query}")
        assert response.status_code == 200
        expected = set()
        for key in keys:
            profile = profiles[key]
            expected.add(profile.title_en if language == "en" else profile.title_vi)
        assert titles_in(response) == expected, (language, query)


def test_zone_filter_is_labelled_in_the_readers_language(client, profiles):
    english = client.get("/en/exemplary-models/").content.decode()
    assert '<option value="kcn-yen-phong">Yen Phong Industrial Zone</option>' in english
    vietnamese = client.get("/vi/dien-hinh-tien-tien/").content.decode()
    assert '<option value="kcn-yen-phong">KCN Yên Phong</option>' in vietnamese


def test_award_filter_offers_the_commendation_forms_in_vietnamese(client, profiles):
    content = client.get("/vi/dien-hinh-tien-tien/").content.decode()
    assert "Huân chương Lao động hạng Nhất" in content
    assert "Bằng khen của Thủ tướng Chính phủ" in content


@pytest.mark.parametrize(
    ("url", "present", "absent"),
    [
        (
            "/vi/dien-hinh-tien-tien/honour-roll/2022/",
            [
                "Bảng vàng năm 2022",
                "Chiến sĩ thi đua",
                "Huân chương Lao động hạng Ba",
                "Chị Hoa, chiến sĩ thi đua",
                "Công đoàn chăm lo nhà trọ",
            ],
            ["VSIP Bắc Ninh dẫn đầu"],
        ),
        (
            "/en/exemplary-models/honour-roll/2023/",
            [
                "Honour roll 2023",
                "Emulation flag",
                "Provincial certificate of merit",
                "VSIP Bac Ninh leads Emulation Cluster No. 1",
                "152/QĐ-UBND",
            ],
            ["Công đoàn chăm lo nhà trọ"],
        ),
    ],
)
def test_honour_roll_lists_each_years_awards(client, profiles, url, present, absent):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    for text in present:
        assert text in content
    for text in absent:
        assert text not in content


def test_honour_roll_groups_the_highest_distinction_first(client, profiles):
    response = client.get("/vi/dien-hinh-tien-tien/honour-roll/2022/")
    labels = [str(label) for label, _records in response.context["groups"]]
    assert labels == ["Huân chương Lao động hạng Ba", "Chiến sĩ thi đua"]


def test_honour_roll_without_year_shows_the_latest(client, profiles):
    response = client.get("/en/exemplary-models/honour-roll/")
    assert response.status_code == 200
    assert response.context["year"] == 2023


def test_honour_roll_of_a_year_without_awards_is_not_found(client, profiles):
    assert client.get("/vi/dien-hinh-tien-tien/honour-roll/1999/").status_code == 404


@pytest.mark.parametrize("language", ["vi", "en"])
def test_profile_page_shows_story_awards_and_the_decision_link(client, profiles, language):
    profile = profiles["worker"]
    response = client.get(page_url_in(profile, language))
    assert response.status_code == 200
    content = response.content.decode()
    registry = "/vi/van-ban-chinh-sach/" if language == "vi" else "/en/documents/"
    assert f'href="{registry}152-qd-ubnd/"' in content
    assert "Nguyễn Thị Hoa" in content
    award = "Chiến sĩ thi đua" if language == "vi" else "Emulation fighter"
    assert award in content


def test_untranslated_profile_tells_english_readers_so(client, profiles):
    response = client.get(page_url_in(profiles["union"], "en"))
    assert response.status_code == 200
    assert response.templates[0].name == "portal/untranslated_page.html"


def test_story_mentions_are_linked_and_award_decisions_count_as_citations(client, index, decision):
    profile = make_profile(
        index,
        title_vi="Điển hình có dẫn chiếu",
        story_vi=paragraph("Được khen theo Quyết định số 152/QĐ-UBND."),
    )
    content = client.get(vi_url(profile)).content.decode()
    assert '<a class="document-ref" href="/vi/van-ban-chinh-sach/152-qd-ubnd/"' in content
    honoured = make_profile(
        index,
        title_vi="Điển hình được khen",
        awards=[("emulation-flag", "province", 2023, decision)],
    )
    cited = set(
        DocumentCitation.objects.filter(document=decision, language="vi").values_list(
            "page_id", flat=True
        )
    )
    assert cited == {profile.pk, honoured.pk}
    registry = client.get("/vi/van-ban-chinh-sach/152-qd-ubnd/").content.decode()
    assert "Điển hình được khen" in registry and "Điển hình có dẫn chiếu" in registry


def test_zone_key_is_derived_from_the_vietnamese_zone_name(index):
    profile = make_profile(index, zone_vi="KCN Quế Võ", zone_en="Que Vo Industrial Zone")
    assert ExemplarProfilePage.objects.get(pk=profile.pk).zone_key == "kcn-que-vo"


@pytest.mark.parametrize(
    "url",
    [
        "/vi/dien-hinh-tien-tien/",
        "/en/exemplary-models/",
        "/vi/dien-hinh-tien-tien/?kind=enterprise&year=2022",
        "/en/exemplary-models/?year=2022",
        "/vi/dien-hinh-tien-tien/honour-roll/2022/",
        "/en/exemplary-models/honour-roll/2022/",
    ],
)
def test_list_query_counts_do_not_grow_with_profiles(index, count_queries, url):
    counts = []
    for size in (2, 9):
        while ExemplarProfilePage.objects.count() < size:
            number = ExemplarProfilePage.objects.count()
            make_profile(
                index,
                title_vi=f"Điển hình {number}",
                title_en=f"Exemplar {number}",
                name=f"Đơn vị điển hình {number}",
                zone_vi=f"KCN số {number}",
                photo=make_image(),
                awards=[
                    ("emulation-fighter", "authority", 2022, None),
                    ("emulation-flag", "province", 2022, None),
                ],
            )
        queries, html = count_queries(url)
        counts.append(queries)
    last_title = "Điển hình 8" if url.startswith("/vi/") else "Exemplar 8"
    assert last_title in html, "the last profile added is listed"
    assert counts[1] <= counts[0], counts


@pytest.mark.parametrize("language", ["vi", "en"])
def test_profile_page_query_count_does_not_grow_with_its_awards(
    index, decision, count_queries, language
):
    from exemplars.models import AwardRecord

    profile = make_profile(
        index,
        title_en="Profile measured",
        photo=make_image(),
        awards=[("emulation-flag", "province", 2010, decision)],
    )
    url = page_url_in(profile, language)
    small, html = count_queries(url)
    for year in range(2011, 2020):
        AwardRecord.objects.create(
            page=profile, award="emulation-fighter", level="authority", year=year, decision=decision
        )
    large, html = count_queries(url)
    assert all(f">{year}</a>" in html for year in range(2010, 2020)), "every award is listed"
    assert large <= small


def test_page_tree_rules(home, section, index):
    from exemplars.models import ExemplarIndexPage
    from reports.models import ConferenceReportIndexPage, ConferenceReportPage

    assert not ExemplarIndexPage.can_create_at(home), "one index per site"
    assert ExemplarProfilePage.can_create_at(index)
    assert not ExemplarProfilePage.can_create_at(section)
    assert ConferenceReportIndexPage.can_create_at(home)
    assert not ConferenceReportPage.can_create_at(index)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_profile_zone_links_the_zone_page_when_one_is_published(client, index, language):
    from tests.factories import make_zone, make_zones_index

    zones_index = make_zones_index(index.get_parent())
    zone = make_zone(zones_index, "KCN Quế Võ", "Que Vo Industrial Zone")
    linked = make_profile(index, title_en="Linked", zone_vi="KCN Quế Võ", zone_en="Que Vo IZ")
    unlinked = make_profile(index, title_en="Unlinked", zone_vi="KCN Chưa Có Trang")
    html = client.get(page_url_in(linked, language)).content.decode()
    assert f'href="{page_url_in(zone, language)}"' in html
    html = client.get(page_url_in(unlinked, language)).content.decode()
    assert "?zone=kcn-chua-co-trang" in html and page_url_in(zone, language) not in html


EXEMPLARS = {"vi": "/vi/dien-hinh-tien-tien/", "en": "/en/exemplary-models/"}
FILTERS = ["kind", "zone", "award", "year", "page"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_markup_typed_into_exemplar_filters_is_inert(client, profiles, hostile_input, language):
    for parameter in FILTERS:
        hostile_input.assert_inert(client.get(EXEMPLARS[language], {parameter: hostile_input.text}))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_broken_exemplar_query_strings_never_cause_a_server_error(
    client, profiles, hostile_input, language
):
    hostile_input.assert_no_server_error(client, EXEMPLARS[language], FILTERS)
    hostile_input.assert_no_server_error(client, f"{EXEMPLARS[language]}honour-roll/", ["page"])
    for path in ("honour-roll/99999/", "honour-roll/%ff/", "honour-roll/0/"):
        assert client.get(EXEMPLARS[language] + path).status_code == 404
