"""What a reader does, click by click, on a phone and on a desktop.

Each flow is a function `(tab, site)`; `READER_FLOWS` lists them and every flow runs at
both viewports. Flows for the zone, directory and registry pages join the list the same way.
"""

import csv
import io
from types import SimpleNamespace

from wagtail.models import Collection, Locale, Page, Site

import pytest

from tests.factories import (
    make_article,
    make_directory,
    make_enterprise,
    make_home,
    make_image,
    make_legal_document,
    make_registry,
    make_section,
    make_zone,
    make_zones_index,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def ensure_page_tree():
    """Recreate what Wagtail's migrations insert, which a transactional test's flush removes."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is not None:
        return
    Locale.objects.get_or_create(language_code="vi")
    root = Page.add_root(instance=Page(title="Root", slug="root"))
    Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


@pytest.fixture
def site(live_server):
    ensure_page_tree()
    home = make_home()
    section = make_section(home)
    older = make_article(
        section,
        title_vi="Khu công nghiệp Yên Phong mở rộng",
        title_en="Yen Phong industrial zone expands",
        standfirst_vi="Thêm diện tích cho nhà đầu tư.",
        published=(2022, 5, 1),
    )
    article = make_article(
        section,
        title_vi="Xuất khẩu của doanh nghiệp KCN đạt 19 tỷ USD",
        title_en="Industrial-zone exports reach USD 19 billion",
        standfirst_vi="Sáu tháng đầu năm, xuất khẩu tăng mạnh.",
        standfirst_en="Exports rose sharply in the first half of the year.",
        lead_image=make_image(),
        published=(2022, 7, 27),
    )
    zones_index = make_zones_index(home)
    que_vo = make_zone(
        zones_index,
        "KCN Quế Võ",
        "Que Vo Industrial Zone",
        slug_vi="que-vo",
        district_vi="Thị xã Quế Võ",
        intro_vi="Khu công nghiệp lâu đời ở phía đông tỉnh.",
    )
    yen_phong = make_zone(zones_index, "KCN Yên Phong", "Yen Phong Industrial Zone")
    make_directory(home)
    enterprises = {
        "electronics_que_vo": make_enterprise(
            name_vi="Công ty TNHH Điện Tử Quế Võ",
            zone=que_vo,
            sector="electronics",
            certificate_number="BROWSER-001",
        ),
        "textiles_que_vo": make_enterprise(
            name_vi="Công ty TNHH Dệt May Quế Võ",
            zone=que_vo,
            sector="textiles",
            certificate_number="BROWSER-002",
        ),
        "electronics_yen_phong": make_enterprise(
            name_vi="Công ty TNHH Điện Tử Yên Phong",
            zone=yen_phong,
            sector="electronics",
            certificate_number="BROWSER-003",
        ),
    }
    make_registry(home)
    decision = make_legal_document(
        "47/QĐ-BQL",
        subject_vi="Thành lập các Cụm thi đua trong các KCN",
        subject_en="Establishing the emulation clusters",
    )
    make_legal_document("34-CT/TW", issued=(2019, 8, 7), document_type="directive")
    return SimpleNamespace(
        url=live_server.url,
        home=home,
        section=section,
        article=article,
        older=older,
        zone=que_vo,
        enterprises=enterprises,
        decision=decision,
    )


def assert_reflows(tab):
    """No sideways scrolling at this width (WCAG 1.4.10 reflow)."""
    overflow = tab.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def read_home(tab, site):
    tab.goto(f"{site.url}/vi/")
    assert tab.locator("html").get_attribute("lang") == "vi"
    lead = tab.locator(".lead-story h2 a")
    assert lead.inner_text() == site.article.title_vi
    tab.keyboard.press("Tab")
    skip_link = tab.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"
    assert_reflows(tab)


def open_a_section(tab, site):
    tab.goto(f"{site.url}/vi/")
    tab.get_by_role("navigation", name="Menu chính").get_by_role(
        "link", name=site.section.title_vi
    ).click()
    tab.wait_for_url(f"{site.url}/vi/tin-tuc-su-kien/")
    assert tab.locator("h1").inner_text() == site.section.title_vi
    titles = tab.locator(".card__title").all_inner_texts()
    assert titles == [site.article.title_vi, site.older.title_vi]
    assert_reflows(tab)


def read_an_article(tab, site):
    tab.goto(f"{site.url}/vi/tin-tuc-su-kien/")
    tab.get_by_role("link", name=site.article.title_vi).click()
    tab.wait_for_url(f"**/{site.article.slug_vi}/")
    assert tab.locator("h1").inner_text() == site.article.title_vi
    assert tab.locator(".article__lead-image img").get_attribute("alt")
    share = tab.get_by_role("region", name="Chia sẻ bài viết")
    assert (
        share.get_by_role("link", name="Facebook")
        .get_attribute("href")
        .startswith("https://www.facebook.com/sharer/sharer.php?u=")
    )
    assert share.get_by_label("Liên kết để sao chép").input_value() == tab.url
    assert_reflows(tab)


def switch_language(tab, site):
    tab.goto(f"{site.url}/vi/tin-tuc-su-kien/{site.article.slug_vi}/")
    tab.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English").click()
    tab.wait_for_url(f"{site.url}/en/news-and-events/{site.article.slug_en}/")
    assert tab.locator("html").get_attribute("lang") == "en"
    assert tab.locator("h1").inner_text() == site.article.title_en
    tab.get_by_role("navigation", name="Language").get_by_role("link", name="Tiếng Việt").click()
    tab.wait_for_url(f"{site.url}/vi/tin-tuc-su-kien/{site.article.slug_vi}/")
    assert_reflows(tab)


def search_with_diacritics(tab, site):
    tab.goto(f"{site.url}/vi/")
    box = tab.get_by_label("Tìm kiếm trên trang", exact=True)
    box.fill("xuất khẩu")
    box.press("Enter")
    tab.wait_for_url("**/vi/search/?q=*")
    tab.get_by_role("link", name=site.article.title_vi).click()
    tab.wait_for_url(f"**/{site.article.slug_vi}/")
    assert_reflows(tab)


def search_without_diacritics(tab, site):
    """Typed without diacritics, a word from a title still finds it.

    Marked `search_backend` in READER_FLOWS: the search issue replaces the search page,
    and this flow's selectors follow whatever that page renders.
    """
    tab.goto(f"{site.url}/vi/")
    box = tab.get_by_label("Tìm kiếm trên trang", exact=True)
    box.fill("xuat khau")
    box.press("Enter")
    tab.wait_for_url("**/vi/search/?q=xuat+khau")
    assert site.article.title_vi in tab.locator("main").inner_text()
    assert_reflows(tab)


def visit_a_zone(tab, site):
    """From the menu to the zones table, then one zone's facts and its enterprises."""
    tab.goto(f"{site.url}/vi/")
    tab.get_by_role("navigation", name="Menu chính").get_by_role(
        "link", name="Các khu công nghiệp"
    ).click()
    tab.wait_for_url(f"{site.url}/vi/cac-khu-cong-nghiep/")
    tab.locator(".zone-table").get_by_role("link", name="KCN Quế Võ").click()
    tab.wait_for_url(f"**/{site.zone.slug_vi}/")
    assert tab.locator("h1").inner_text() == "KCN Quế Võ"
    main = tab.locator("main").inner_text()
    assert "Thị xã Quế Võ" in main
    assert "Công ty TNHH Điện Tử Quế Võ" in main and "Công ty TNHH Dệt May Quế Võ" in main
    assert "Công ty TNHH Điện Tử Yên Phong" not in main
    feed = tab.locator('link[rel="alternate"][type="application/rss+xml"]').first
    assert f"/vi/feeds/zone/{site.zone.slug_vi}/rss.xml" in feed.get_attribute("href")
    assert_reflows(tab)


def filter_the_directory_and_download_csv(tab, site):
    """Filter by zone and sector with the form, then download exactly those rows as CSV."""
    tab.goto(f"{site.url}/vi/doanh-nghiep-trong-cac-kcn/")
    filters = tab.locator("form.directory-filters")
    filters.get_by_label("Khu công nghiệp").select_option(label="KCN Quế Võ")
    filters.get_by_label("Ngành").select_option(label="Điện tử")
    filters.get_by_role("button", name="Xem doanh nghiệp").click()
    tab.wait_for_url("**/doanh-nghiep-trong-cac-kcn/?*sector=electronics*")
    names = tab.locator(".directory-table tbody th").all_inner_texts()
    assert names == ["Công ty TNHH Điện Tử Quế Võ"]
    assert_reflows(tab)
    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Tải về CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig") as downloaded:
        rows = list(csv.DictReader(io.StringIO(downloaded.read())))
    assert [row["certificate_number"] for row in rows] == ["BROWSER-001"]
    assert rows[0]["name_vi"] == "Công ty TNHH Điện Tử Quế Võ"
    assert rows[0]["zone"] == "que-vo" and rows[0]["sector"] == "electronics"


def look_up_a_document_number_without_diacritics(tab, site):
    """47/QD-BQL typed without the Đ goes straight to the entry for 47/QĐ-BQL."""
    tab.goto(f"{site.url}/vi/van-ban-chinh-sach/")
    box = tab.get_by_label("Tra cứu số hiệu văn bản")
    box.fill("47/QD-BQL")
    tab.locator("form.registry-lookup").get_by_role("button", name="Tìm").click()
    tab.wait_for_url(f"{site.url}/vi/van-ban-chinh-sach/47-qd-bql/")
    heading = tab.locator("h1").inner_text()
    assert "47/QĐ-BQL" in heading and "Thành lập các Cụm thi đua" in heading
    assert_reflows(tab)


READER_FLOWS = [
    pytest.param(read_home, id="home"),
    pytest.param(open_a_section, id="section"),
    pytest.param(read_an_article, id="article"),
    pytest.param(switch_language, id="switch-language"),
    pytest.param(visit_a_zone, id="zone"),
    pytest.param(filter_the_directory_and_download_csv, id="directory-filter-csv"),
    pytest.param(look_up_a_document_number_without_diacritics, id="registry-by-number"),
    pytest.param(search_with_diacritics, id="search", marks=pytest.mark.search_backend),
    pytest.param(
        search_without_diacritics,
        id="search-without-diacritics",
        marks=pytest.mark.search_backend,
    ),
]


@pytest.mark.parametrize("flow", READER_FLOWS)
def test_reader_flow(tab, site, flow):
    flow(tab, site)


def test_pages_reflow_at_320_css_pixels(chromium, site):
    """1280 px at 400% zoom leaves 320 CSS px: nothing may need sideways scrolling."""
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    try:
        for path in (
            "/vi/",
            "/en/",
            "/vi/tin-tuc-su-kien/",
            f"/vi/tin-tuc-su-kien/{site.article.slug_vi}/",
            f"/en/news-and-events/{site.article.slug_en}/",
            "/vi/cac-khu-cong-nghiep/",
            f"/vi/cac-khu-cong-nghiep/{site.zone.slug_vi}/",
            "/vi/doanh-nghiep-trong-cac-kcn/",
            "/en/enterprises/",
            "/vi/van-ban-chinh-sach/",
            "/vi/van-ban-chinh-sach/47-qd-bql/",
        ):
            tab.goto(site.url + path)
            assert tab.locator("h1").count() == 1, path
            assert_reflows(tab)
    finally:
        context.close()


def test_every_control_in_the_header_is_reachable_by_keyboard(chromium, site):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    try:
        tab.goto(f"{site.url}/vi/")
        reached = []
        for _ in range(12):
            tab.keyboard.press("Tab")
            reached.append(
                tab.evaluate(
                    "(() => { const e = document.activeElement;"
                    " return e.getAttribute('name') || e.textContent.trim(); })()"
                )
            )
        for expected in ("Chuyển đến nội dung chính", "English", "q", "Tìm kiếm", "Trang chủ"):
            assert expected in reached
        assert site.section.title_vi in reached
    finally:
        context.close()
