"""Builders for pages a reader must never find: drafts and private pages."""

from wagtail.models import PageViewRestriction

from news.models import ArticlePage
from tests.factories import paragraph


def make_draft_article(section, title_vi="Bài nháp chưa xuất bản", title_en="Unpublished draft"):
    draft = ArticlePage(
        title_vi=title_vi,
        title_en=title_en,
        body_vi=paragraph("Nháp."),
        body_en=paragraph("Draft."),
        live=False,
    )
    section.add_child(instance=draft)
    draft.save_revision()
    return draft


def make_private(page, password="bi-mat"):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )
    return page


class QueryCounter:
    """Counts database queries, surviving the query-log reset at the start of each request."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def queries_for(callable_):
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        callable_()
    return counter.count
