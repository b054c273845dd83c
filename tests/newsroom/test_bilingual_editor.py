"""Every bilingual page type is previewed in both languages and shows its translation state
in the editor, not only articles: both come from the page base (portal.pages)."""

from django.apps import apps
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from newsroom.forms import NewsroomPageForm
from newsroom.panels import TranslationStatePanel
from portal.pages import BilingualPage
from tests.factories import make_zone, sign_in
from zones.models import IndustrialZonePage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    model
    for model in apps.get_models()
    if issubclass(model, BilingualPage) and not model._meta.abstract
]


def preview_url(page):
    return reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])


def zone_form_data(zone, **changes):
    values = {
        "title_vi": zone.title_vi,
        "title_en": zone.title_en or "",
        "slug_vi": zone.slug_vi,
        "slug_en": zone.slug_en or "",
        "status": zone.status,
        "latitude": str(zone.latitude),
        "longitude": str(zone.longitude),
        "lease_offers": inline_formset([]),
        "photos": inline_formset([]),
        "comments": inline_formset([]),
    }
    values.update(changes)
    return nested_form_data(values)


def section_form_data(section, **changes):
    values = {
        "title_vi": section.title_vi,
        "title_en": section.title_en or "",
        "slug_vi": section.slug_vi,
        "slug_en": section.slug_en or "",
        "comments": inline_formset([]),
    }
    values.update(changes)
    return nested_form_data(values)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model._meta.label)
def test_every_page_type_previews_in_both_languages_with_the_translation_panel(model):
    """A page type that put a routable mixin before the base would lose the bilingual
    preview without a word; this names it."""
    assert [code for code, _label in model().preview_modes] == ["vi", "en"]
    assert model.serve_preview is BilingualPage.serve_preview, model
    edit_handler = model.get_edit_handler()
    assert issubclass(edit_handler.get_form_class(), NewsroomPageForm)
    content_tab = edit_handler.children[0]
    assert isinstance(content_tab.children[0], TranslationStatePanel)


def test_a_zone_page_previews_in_each_language_through_the_admin(client, moderator, zones_index):
    zone = make_zone(zones_index, "KCN Quế Võ", "Que Vo Industrial Zone", slug_vi="que-vo")
    sign_in(client, moderator)
    data = zone_form_data(
        zone,
        intro_vi="Khu công nghiệp đầu tiên của tỉnh, bản nháp chưa xuất bản.",
        intro_en="The province's first industrial zone, a draft not yet published.",
    )
    assert client.post(preview_url(zone), data).json()["is_valid"]
    vietnamese = client.get(preview_url(zone), {"mode": "vi"}).content.decode()
    english = client.get(preview_url(zone), {"mode": "en"}).content.decode()
    assert '<html lang="vi">' in vietnamese
    assert "bản nháp chưa xuất bản" in vietnamese
    assert "not yet published" not in vietnamese
    assert '<html lang="en">' in english
    assert "The province&#x27;s first industrial zone, a draft not yet published." in english
    assert "Que Vo Industrial Zone" in english
    assert "bản nháp" not in english


def test_a_routable_section_previews_its_main_route_in_each_language(client, moderator, section):
    sign_in(client, moderator)
    data = section_form_data(
        section, intro_vi="Lời giới thiệu bản nháp.", intro_en="A draft introduction."
    )
    assert client.post(preview_url(section), data).json()["is_valid"]
    vietnamese = client.get(preview_url(section), {"mode": "vi"}).content.decode()
    english = client.get(preview_url(section), {"mode": "en"}).content.decode()
    assert '<html lang="vi">' in vietnamese and "Lời giới thiệu bản nháp." in vietnamese
    assert '<html lang="en">' in english and "A draft introduction." in english
    assert "Lời giới thiệu" not in english


def test_a_zone_editor_shows_its_translation_state(client, moderator, zones_index):
    zone = make_zone(zones_index, "KCN Yên Phong")
    sign_in(client, moderator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[zone.pk])).content.decode()
    assert 'data-newsroom-translation-state="missing"' in html
    assert "You are editing as a translator" not in html


def test_a_translator_still_cannot_save_a_zone_page(client, translator, zones_index):
    """Its lease offers and photos are rows the translator form cannot lock."""
    zone = make_zone(zones_index, "KCN Thuận Thành", slug_vi="thuan-thanh")
    sign_in(client, translator)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[zone.pk])).content.decode()
    assert "data-newsroom-translation-state" in page
    assert "You are editing as a translator" not in page
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[zone.pk]),
        zone_form_data(zone, title_en="Thuan Thanh Industrial Zone"),
    )
    assert response.status_code == 403
    assert not IndustrialZonePage.objects.get(pk=zone.pk).get_latest_revision_as_object().title_en
