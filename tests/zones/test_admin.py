from django.contrib.auth.models import User

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from tests.factories import make_article
from zones.models import EmulationClusterPage, IndustrialZonePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, db):
    user = User.objects.create_superuser("editor", "editor@example.com", "secret-pass-123")
    client.force_login(user)
    return user


def test_editor_creates_and_publishes_a_zone_in_the_page_tree(client, editor, zones_index):
    url = f"/admin/pages/add/zones/industrialzonepage/{zones_index.pk}/"
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title_vi": "KCN Mới Thử",
            "title_en": "New Test Industrial Zone",
            "slug_vi": "kcn-moi-thu",
            "slug_en": "new-test-industrial-zone",
            "status": "construction",
            "district_vi": "Lương Tài",
            "district_en": "Luong Tai",
            "planned_area_ha": "120.50",
            "latitude": "21.0300",
            "longitude": "106.2200",
            "lease_offers": inline_formset(
                [
                    {
                        "kind": "land",
                        "area_m2": "20000",
                        "price_from_usd": "80",
                        "price_to_usd": "95",
                        "contact": "Phòng Xúc tiến đầu tư",
                    }
                ]
            ),
            "photos": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    zone = IndustrialZonePage.objects.get(slug_vi="kcn-moi-thu")
    assert zone.live and zone.english_ready
    assert zone.lease_offers.get().area_m2 == 20000
    assert "KCN Mới Thử" in client.get("/vi/cac-khu-cong-nghiep/").content.decode()
    assert client.get("/en/industrial-zones/new-test-industrial-zone/").status_code == 200


def test_zones_index_is_a_singleton_under_the_home_page(zones_index):
    from news.models import HomePage
    from zones.models import ZonesIndexPage

    assert not ZonesIndexPage.can_create_at(HomePage.objects.get())
    assert IndustrialZonePage.can_create_at(zones_index)
    assert EmulationClusterPage.can_create_at(zones_index)


def test_article_editor_offers_the_zones_field(client, editor, section, zones_index):
    article = make_article(section, title_vi="Tin có khu", title_en="News with a zone")
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'name="zones"' in html
