"""Editors create conference reports in Wagtail's real page editor, inline rows included."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from reports.models import ConferenceReportPage
from tests.factories import make_report_index


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


def test_editor_creates_a_conference_report_with_figures_in_the_page_editor(client, editor, home):
    index = make_report_index(home)
    data = nested_form_data(
        {
            "title_vi": "Hội nghị sơ kết",
            "title_en": "Mid-year review",
            "slug_vi": "hoi-nghi-so-ket",
            "slug_en": "",
            "start_date": "2020-01-03",
            "end_date": "2020-01-04",
            "place_vi": "Hải Dương",
            "place_en": "Hai Duong",
            "organiser_vi": "Khối thi đua",
            "organiser_en": "The emulation bloc",
            "summary_vi": "Tóm tắt.",
            "summary_en": "Summary.",
            "body_vi": streamfield([]),
            "body_en": streamfield([]),
            "full_report": "",
            "participants": inline_formset(
                [{"name": "Trần Văn An", "title_vi": "Trưởng ban", "title_en": "Head"}]
            ),
            "key_figures": inline_formset(
                [
                    {
                        "label_vi": "Dự án mới",
                        "label_en": "New projects",
                        "value": "532",
                        "unit_vi": "dự án",
                        "unit_en": "projects",
                        "period_vi": "2019",
                        "period_en": "2019",
                    }
                ]
            ),
            "resolutions": inline_formset([{"text_vi": "Ký giao ước.", "text_en": "Sign."}]),
            "attachments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(_add_url(ConferenceReportPage, index), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    report = ConferenceReportPage.objects.get()
    assert report.key_figures.get().unit_en == "projects"
    assert client.get("/en/conference-reports/2020/").status_code == 200
    assert "Mid-year review" in client.get("/en/conference-reports/").content.decode()


def test_editor_cannot_end_a_conference_before_it_starts(client, editor, home):
    index = make_report_index(home)
    data = nested_form_data(
        {
            "title_vi": "Sai ngày",
            "slug_vi": "sai-ngay",
            "start_date": "2020-01-04",
            "end_date": "2020-01-03",
            "place_vi": "Hải Dương",
            "organiser_vi": "Khối thi đua",
            "summary_vi": "Tóm tắt.",
            "body_vi": streamfield([]),
            "body_en": streamfield([]),
            "participants": inline_formset([]),
            "key_figures": inline_formset([]),
            "resolutions": inline_formset([]),
            "attachments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(_add_url(ConferenceReportPage, index), data)
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert not ConferenceReportPage.objects.exists()
