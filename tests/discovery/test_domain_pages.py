"""Discovery for the zones, directory, registry, exemplar and report pages: JSON-LD, sharing
tags, the zone feed, sitemap entries and noindex on multi-filter views."""

from datetime import date

import feedparser
import pytest

from portal.languages import page_url_in
from tests.discovery.helpers import make_draft_article, make_private
from tests.discovery.test_head import head_of, links
from tests.discovery.test_sitemap import (
    items_in,
    sitemap_entries,
    sitemap_files,
    sitemap_queries,
)
from tests.factories import (
    make_article,
    make_cluster,
    make_directory,
    make_enterprise,
    make_enterprises,
    make_exemplar_index,
    make_image,
    make_legal_document,
    make_profile,
    make_registry,
    make_report,
    make_report_index,
    make_zone,
)
from zones.models import ZonePhoto

pytestmark = pytest.mark.django_db
LANGUAGES = ["vi", "en"]


@pytest.fixture
def zone(zones_index):
    zone = make_zone(
        zones_index,
        "KCN Quế Võ",
        "Que Vo Industrial Zone",
        slug_en="que-vo",
        district_vi="Thị xã Quế Võ",
        district_en="Que Vo town",
        intro_vi="Khu công nghiệp lâu đời của tỉnh.",
        intro_en="One of the province's oldest zones.",
        latitude="21.14500",
        longitude="106.16500",
    )
    ZonePhoto.objects.create(page=zone, image=make_image("Cổng KCN Quế Võ"), sort_order=0)
    return zone


@pytest.fixture
def zone_news(section, zone):
    mentions = make_article(section, title_vi="Quế Võ đón nhà đầu tư", title_en="Que Vo investors")
    mentions.zones.set([zone])
    mentions.save_revision().publish()
    untranslated = make_article(section, title_vi="Quế Võ chỉ có tiếng Việt")
    untranslated.zones.set([zone])
    untranslated.save_revision().publish()
    elsewhere = make_article(section, title_vi="Tin khu khác", title_en="Other zone news")
    draft = make_draft_article(section, title_vi="Nháp về Quế Võ", title_en="Que Vo draft")
    draft.zones.set([zone])
    draft.save()
    private = make_private(
        make_article(section, title_vi="Tin nội bộ Quế Võ", title_en="Que Vo internal")
    )
    private.zones.set([zone])
    private.save_revision().publish()
    return {
        "mentions": mentions,
        "untranslated": untranslated,
        "elsewhere": elsewhere,
        "draft": draft,
        "private": private,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_zone_page_is_a_place_with_coordinates_district_photo_and_feed(client, zone, language):
    head = head_of(client, page_url_in(zone, language))
    (place,) = [data for data in head.json_ld if data.get("@type") == "Place"]
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 21.145, "longitude": 106.165}
    assert place["address"]["addressRegion"] == "Bắc Ninh"
    assert place["address"]["addressCountry"] == "VN"
    district = "Thị xã Quế Võ" if language == "vi" else "Que Vo town"
    assert place["address"]["addressLocality"] == district
    assert place["url"].endswith(page_url_in(zone, language))
    intro = "Khu công nghiệp lâu đời" if language == "vi" else "One of the province's oldest"
    assert head.meta["description"][0].startswith(intro)
    assert "fill-1200x630" in head.meta["og:image"][0] or "/images/" in head.meta["og:image"][0]
    assert "share-default" not in head.meta["og:image"][0]
    feed_hrefs = {link["href"] for link in links(head, "alternate") if link.get("type")}
    slug = zone.slug_vi if language == "vi" else "que-vo"
    assert f"http://testserver/{language}/feeds/zone/{slug}/rss.xml" in feed_hrefs
    assert f"http://testserver/{language}/feeds/zone/{slug}/atom.xml" in feed_hrefs


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("feed_format", ["rss.xml", "atom.xml"])
def test_zone_feed_lists_only_the_published_articles_that_mention_the_zone(
    client, zone, zone_news, language, feed_format
):
    slug = zone.slug_vi if language == "vi" else "que-vo"
    response = client.get(f"/{language}/feeds/zone/{slug}/{feed_format}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    links_in_feed = {entry.link for entry in feed.entries}
    expected = {f"http://testserver{page_url_in(zone_news['mentions'], language)}"}
    if language == "vi":
        expected.add(f"http://testserver{page_url_in(zone_news['untranslated'], 'vi')}")
    assert links_in_feed == expected
    assert ("Quế Võ" if language == "vi" else "Que Vo") in feed.feed.title


def test_zone_feed_of_an_unknown_or_private_zone_is_not_found(client, zones_index, zone):
    hidden = make_private(make_zone(zones_index, "KCN Nội Bộ", "Private Zone", slug_en="private"))
    assert client.get("/vi/feeds/zone/khong-co/rss.xml").status_code == 404
    assert client.get(f"/vi/feeds/zone/{hidden.slug_vi}/rss.xml").status_code == 404
    untranslated = make_zone(zones_index, "KCN Chưa Dịch")
    assert client.get(f"/en/feeds/zone/{untranslated.slug_vi}/atom.xml").status_code == 404


@pytest.fixture
def registry(home):
    registry = make_registry(home)
    make_legal_document(
        "47/QĐ-BQL",
        subject_vi="Thành lập các Cụm thi đua",
        subject_en="Establishing the emulation clusters",
        summary_vi="Lập ba cụm thi đua.",
        summary_en="Sets up three emulation clusters.",
        effective_date=date(2022, 6, 17),
    )
    replacement = make_legal_document("35/2022/NĐ-CP", issued=(2022, 5, 28), document_type="decree")
    make_legal_document(
        "82/2018/NĐ-CP",
        issued=(2018, 5, 22),
        document_type="decree",
        status="replaced",
        replaced_by=replacement,
    )
    return registry


@pytest.mark.parametrize("language", LANGUAGES)
def test_registry_entry_is_legislation_with_number_as_written_and_legal_force(
    client, registry, language
):
    base = page_url_in(registry, language)
    head = head_of(client, f"{base}47-qd-bql/")
    (law,) = [data for data in head.json_ld if data.get("@type") == "Legislation"]
    assert law["legislationIdentifier"] == "47/QĐ-BQL"
    assert law["legislationDate"] == "2022-06-17"
    assert law["legislationDateOfApplicability"] == "2022-06-17"
    assert law["legislationType"] == ("Quyết định" if language == "vi" else "Decision")
    assert law["legislationLegalForce"] == "https://schema.org/InForce"
    assert law["inLanguage"] == language
    assert law["url"] == f"http://testserver{base}47-qd-bql/"
    summary = "Lập ba cụm thi đua." if language == "vi" else "Sets up three emulation clusters."
    assert head.meta["description"] == [summary]
    assert "47/QĐ-BQL" in head.meta["og:title"][0]
    replaced = head_of(client, f"{base}82-2018-nd-cp/")
    (old_law,) = [data for data in replaced.json_ld if data.get("@type") == "Legislation"]
    assert old_law["legislationLegalForce"] == "https://schema.org/NotInForce"


def test_registry_index_itself_publishes_no_legislation(client, registry):
    head = head_of(client, page_url_in(registry, "vi"))
    assert not [data for data in head.json_ld if data.get("@type") == "Legislation"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_profile_and_report_share_their_photo_and_summary(client, home, language):
    index = make_exemplar_index(home)
    profile = make_profile(
        index,
        title_vi="Công nhân tiêu biểu",
        title_en="An exemplary worker",
        summary_vi="Mười năm sáng kiến.",
        summary_en="Ten years of improvements.",
        photo=make_image("Chân dung"),
    )
    head = head_of(client, page_url_in(profile, language))
    assert head.meta["og:type"] == ["article"]
    assert "share-default" not in head.meta["og:image"][0]
    expected = "Mười năm sáng kiến." if language == "vi" else "Ten years of improvements."
    assert head.meta["description"] == [expected]
    report = make_report(
        make_report_index(home),
        title_vi="Hội nghị tổng kết",
        title_en="Annual review conference",
        summary_vi="Tổng kết năm thi đua.",
        summary_en="The emulation year reviewed.",
    )
    head = head_of(client, page_url_in(report, language))
    expected = "Tổng kết năm thi đua." if language == "vi" else "The emulation year reviewed."
    assert head.meta["description"] == [expected]


@pytest.mark.parametrize("language", LANGUAGES)
def test_enterprise_detail_shares_its_own_name_and_facts(client, home, zone, language):
    directory = make_directory(home)
    enterprise = make_enterprise(
        name_vi="Công ty TNHH Điện tử Mẫu", name_en="Sample Electronics Co., Ltd", zone=zone
    )
    head = head_of(client, f"{page_url_in(directory, language)}{enterprise.pk}/")
    name = "Công ty TNHH Điện tử Mẫu" if language == "vi" else "Sample Electronics Co., Ltd"
    assert head.meta["og:title"] == [name]
    assert head.meta["description"][0].startswith(name)
    assert ("Quế Võ" if language == "vi" else "Que Vo") in head.meta["description"][0]
    (organisation,) = [data for data in head.json_ld if data.get("@type") == "Organization"]
    assert organisation["name"] == name


@pytest.mark.parametrize("language", LANGUAGES)
def test_cluster_shares_a_member_zones_photo(client, zones_index, zone, language):
    cluster = make_cluster(
        zones_index, 2, member_zones=[zone], intro_vi="Cụm hai.", intro_en="Two."
    )
    head = head_of(client, page_url_in(cluster, language))
    assert "share-default" not in head.meta["og:image"][0]
    assert head.meta["description"] == ["Cụm hai." if language == "vi" else "Two."]


@pytest.fixture
def whole_site(home, zones_index, zone, registry):
    make_cluster(zones_index, 1, member_zones=[zone])
    directory = make_directory(home)
    enterprise = make_enterprise(zone=zone)
    exemplars = make_exemplar_index(home)
    profile = make_profile(
        exemplars,
        title_en="Profile in English",
        awards=[("emulation-flag", "province", 2023, None)],
    )
    untranslated_profile = make_profile(
        exemplars, awards=[("emulation-fighter", "authority", 2021, None)]
    )
    reports = make_report_index(home)
    report = make_report(reports, title_en="Review in English")
    return {
        "directory": directory,
        "enterprise": enterprise,
        "exemplars": exemplars,
        "profile": profile,
        "untranslated_profile": untranslated_profile,
        "reports": reports,
        "report": report,
    }


def test_sitemap_lists_every_new_page_type_with_alternates(client, zones_index, zone, whole_site):
    sections = {
        location.removeprefix("http://testserver/") for location, _ in sitemap_files(client)
    }
    assert sections == {
        "sitemap-pages.xml",
        "sitemap-enterprises.xml",
        "sitemap-documents.xml",
        "sitemap-honour_rolls.xml",
    }
    found = sitemap_entries(client)
    host = "http://testserver"
    for page in (
        zones_index,
        zone,
        whole_site["directory"],
        whole_site["exemplars"],
        whole_site["profile"],
        whole_site["reports"],
        whole_site["report"],
    ):
        vi, en = host + page_url_in(page, "vi"), host + page_url_in(page, "en")
        assert found[vi] == {"vi": vi, "en": en}, page
        assert found[en] == {"vi": vi, "en": en}, page
    directory = whole_site["directory"]
    enterprise_id = whole_site["enterprise"].pk
    vi = f"{host}{page_url_in(directory, 'vi')}{enterprise_id}/"
    en = f"{host}{page_url_in(directory, 'en')}{enterprise_id}/"
    assert found[vi] == {"vi": vi, "en": en}
    registry_vi, registry_en = "/vi/van-ban-chinh-sach/", "/en/documents/"
    for slug in ("47-qd-bql", "82-2018-nd-cp", "35-2022-nd-cp"):
        vi, en = f"{host}{registry_vi}{slug}/", f"{host}{registry_en}{slug}/"
        assert found[vi] == {"vi": vi, "en": en}
    exemplars = whole_site["exemplars"]
    roll_2023_vi = f"{host}{page_url_in(exemplars, 'vi')}honour-roll/2023/"
    roll_2023_en = f"{host}{page_url_in(exemplars, 'en')}honour-roll/2023/"
    assert found[roll_2023_vi] == {"vi": roll_2023_vi, "en": roll_2023_en}
    roll_2021_vi = f"{host}{page_url_in(exemplars, 'vi')}honour-roll/2021/"
    assert found[roll_2021_vi] == {"vi": roll_2021_vi}
    untranslated = whole_site["untranslated_profile"]
    assert found[host + page_url_in(untranslated, "vi")] == {
        "vi": host + page_url_in(untranslated, "vi")
    }
    assert not [loc for loc in found if "/en/" in loc and untranslated.slug_vi in loc]


def test_english_only_follows_english_ready_pages_of_the_new_types(client, zones_index):
    untranslated = make_zone(zones_index, "KCN Chỉ Tiếng Việt")
    found = sitemap_entries(client)
    vi = "http://testserver" + page_url_in(untranslated, "vi")
    assert found[vi] == {"vi": vi}


def test_private_and_draft_pages_of_the_new_types_stay_out_of_sitemap_and_api(
    client, home, zones_index, zone
):
    hidden_zone = make_private(make_zone(zones_index, "KCN Bí Mật", "Secret Zone"))
    index = make_exemplar_index(home)
    hidden_profile = make_profile(
        index, title_vi="Hồ sơ nội bộ", awards=[("emulation-flag", "province", 2019, None)]
    )
    make_private(hidden_profile)
    draft = make_profile(index, title_vi="Hồ sơ nháp", title_en="Draft profile")
    draft.unpublish()
    found = sitemap_entries(client)
    text = " ".join(found)
    for page in (hidden_zone, hidden_profile, draft):
        assert page.slug_vi not in text
    assert "honour-roll/2019/" not in text
    for language in LANGUAGES:
        listing = client.get(f"/api/v2/pages/?type=zones.IndustrialZonePage&lang={language}")
        titles = {item["title"] for item in listing.json()["items"]}
        assert titles == {"KCN Quế Võ" if language == "vi" else "Que Vo Industrial Zone"}
        profiles = client.get(f"/api/v2/pages/?type=exemplars.ExemplarProfilePage&lang={language}")
        assert profiles.json()["items"] == []


def robots_of(client, url):
    head = head_of(client, url)
    return head.meta.get("robots", [""])[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_multi_filter_views_of_directory_registry_and_exemplars_are_noindex(
    client, home, zone, registry, language
):
    directory = page_url_in(make_directory(home), language)
    make_enterprise(zone=zone)
    assert "noindex" not in robots_of(client, f"{directory}?zone={zone.slug_vi}")
    assert "noindex" in robots_of(client, f"{directory}?zone={zone.slug_vi}&sector=electronics")
    registry_url = page_url_in(registry, language)
    assert "noindex" not in robots_of(client, f"{registry_url}?type=decree")
    assert "noindex" in robots_of(client, f"{registry_url}?type=decree&year=2018")
    exemplars = make_exemplar_index(home)
    make_profile(
        exemplars, title_en="In English", awards=[("emulation-flag", "province", 2023, None)]
    )
    index_url = page_url_in(exemplars, language)
    assert "noindex" not in robots_of(client, f"{index_url}?kind=enterprise")
    assert "noindex" in robots_of(client, f"{index_url}?kind=enterprise&year=2023")


def test_sitemap_queries_do_not_grow_with_enterprises_or_documents(client, home, zone):
    directory = make_directory(home)
    make_registry(home)
    make_enterprises(3, zone=zone)
    make_legal_document("1/QĐ-BQL")
    addresses = ["/sitemap.xml", "/sitemap-enterprises.xml", "/sitemap-documents.xml"]
    small = [sitemap_queries(client, address) for address in addresses]
    make_enterprises(40, zone=zone)
    for number in range(2, 12):
        make_legal_document(f"{number}/QĐ-BQL")
    large = [sitemap_queries(client, address) for address in addresses]
    assert large == small
    english_directory = "http://testserver" + page_url_in(directory, "en")
    found = sitemap_entries(client)
    assert len([loc for loc in found if loc.startswith(english_directory)]) == 43 + 1
    assert len([loc for loc in found if "/en/documents/" in loc]) == 11 + 1


def test_enterprise_section_is_split_into_files_of_the_page_size(client, home, zone, settings):
    directory = make_directory(home)
    enterprises = make_enterprises(7, zone=zone)
    settings.SITEMAP_PAGE_SIZE = 3
    files = [
        (location, tree)
        for location, tree in sitemap_files(client)
        if "/sitemap-enterprises.xml" in location
    ]
    assert [items_in(tree) for _location, tree in files] == [3, 3, 1]
    vietnamese_directory = "http://testserver" + page_url_in(directory, "vi")
    listed = {
        loc.removeprefix(vietnamese_directory)
        for loc in sitemap_entries(client)
        if loc.startswith(vietnamese_directory) and loc != vietnamese_directory
    }
    assert listed == {f"{enterprise.pk}/" for enterprise in enterprises}
