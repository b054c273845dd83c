"""The demo loaders build the registry, profiles and reports, and a second run writes nothing."""

import io
from datetime import date

from django.core.management.base import BaseCommand

from wagtail.models import Revision

import pytest

from demo.data import read_facts
from demo.loaders import documents as documents_demo
from demo.loaders import exemplars as exemplars_demo
from demo.loaders import reports as reports_demo
from documents.models import DocumentCitation, LegalDocument
from exemplars.models import ExemplarProfilePage
from reports.models import ConferenceReportPage


def _run_loaders():
    command = BaseCommand(stdout=io.StringIO())
    for loader in (documents_demo, exemplars_demo, reports_demo):
        loader.load(command)
    return command.stdout.getvalue()


@pytest.mark.django_db
def test_demo_content_loads_and_is_idempotent(client):
    _run_loaders()
    facts = read_facts("documents.json")
    numbers = {item["number"] for item in facts["documents"]}
    assert set(LegalDocument.objects.values_list("number", flat=True)) == numbers
    assert 4 <= ExemplarProfilePage.objects.live().count() <= 6
    assert sorted(ConferenceReportPage.objects.values_list("start_date", flat=True)) == [
        date(2018, 8, 28),
        date(2020, 1, 3),
    ]
    assert DocumentCitation.objects.filter(document__number="47/QĐ-BQL").exists()
    revisions = Revision.objects.count()

    output = _run_loaders()
    assert output.count("(0 written)") == 3, output
    assert Revision.objects.count() == revisions, "nothing changed, so nothing is republished"

    for url in ("/vi/van-ban-chinh-sach/", "/en/documents/"):
        content = client.get(url).content.decode()
        for number in numbers:
            assert number in content
    english = client.get("/en/documents/29-2008-nd-cp/").content.decode()
    assert 'href="/en/documents/82-2018-nd-cp/"' in english
