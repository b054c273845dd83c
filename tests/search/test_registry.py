"""The index follows the registry: rebuilds, and what never gets a row."""

import io

from django.core.management import call_command

from wagtail.models import PageViewRestriction

from search.models import SearchEntry
from tests.factories import make_article, make_section


def test_a_rebuild_restores_public_entries_only(settings, home, section):
    settings.SEARCH_BACKEND = "database"
    public = make_article(section, title_vi="Công khai", title_en="Public")
    private_section = make_section(home, title_vi="Nội bộ", title_en="Internal")
    make_article(private_section, title_vi="Tài liệu nội bộ")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    draft = make_article(section, title_vi="Bản nháp")
    draft.unpublish()
    SearchEntry.objects.all().delete()
    output = io.StringIO()
    call_command("search_index", "--rebuild", stdout=output)
    assert "Search index rebuilt: 2 entries." in output.getvalue()
    rows = set(SearchEntry.objects.values_list("object_id", "language"))
    assert rows == {(public.pk, "vi"), (public.pk, "en")}
    entry = SearchEntry.objects.get(language="vi")
    assert entry.folded_title == "cong khai" and entry.year == 2022
    assert entry.section == "Tin tức - Sự kiện" and entry.url == public.url


def test_without_rebuild_flag_the_command_explains_itself(db):
    output = io.StringIO()
    call_command("search_index", stdout=output)
    assert "--rebuild" in output.getvalue()
