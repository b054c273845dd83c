"""Editors create profiles in Wagtail's real page editor, award rows included."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from exemplars.models import ExemplarProfilePage
from tests.factories import (
    make_exemplar_index,
    make_legal_document,
    make_registry,
)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("bientap", "bientap@example.org", "mat-khau")
    client.force_login(user)
    return user


def _add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def test_editor_creates_a_profile_with_awards_in_the_page_editor(client, editor, home):
    index = make_exemplar_index(home)
    make_registry(home)
    decision = make_legal_document("152/QĐ-UBND", issued=(2023, 2, 1))
    data = nested_form_data(
        {
            "title_vi": "Tổ sản xuất tiêu biểu",
            "title_en": "An outstanding production team",
            "slug_vi": "to-san-xuat-tieu-bieu",
            "slug_en": "",
            "kind": "collective",
            "name": "Tổ sản xuất số 3",
            "organisation_vi": "Một doanh nghiệp điện tử",
            "organisation_en": "An electronics company",
            "zone_vi": "KCN Quế Võ",
            "zone_en": "Que Vo Industrial Zone",
            "summary_vi": "Tóm tắt.",
            "summary_en": "Summary.",
            "story_vi": streamfield([("paragraph", rich_text("<p>Theo 152/QĐ-UBND.</p>"))]),
            "story_en": streamfield([("paragraph", rich_text("<p>Under 152/QD-UBND.</p>"))]),
            "awards": inline_formset(
                [
                    {
                        "award": "emulation-flag",
                        "level": "province",
                        "year": 2023,
                        "decision": decision.pk,
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(_add_url(ExemplarProfilePage, index), data)
    assert response.status_code == 302, response.context and [
        response.context["form"].errors,
        [form.errors for formset in response.context["form"].formsets.values() for form in formset],
    ]
    profile = ExemplarProfilePage.objects.get()
    assert profile.live and profile.english_ready
    assert profile.slug_vi == "to-san-xuat-tieu-bieu"
    assert [(award.award, award.year, award.decision) for award in profile.awards.all()] == [
        ("emulation-flag", 2023, decision)
    ]
    content = client.get("/en/documents/152-qd-ubnd/").content.decode()
    assert "An outstanding production team" in content
