"""Abstract page bases: what every public page of the portal does in two languages."""

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from portal.languages import ENGLISH, VIETNAMESE, page_url_in
from portal.text import fold_vietnamese, normalize_nfc, vietnamese_slugify


def _has_content(value):
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return len(value) > 0
    except TypeError:
        return bool(value)


class BilingualPage(Page):
    """A page written in Vietnamese first and, once translated, in English.

    `english_fields` names the fields that must be filled in English before the page
    counts as available in English; `english_ready` stores that verdict so listings can
    filter on it in SQL.
    """

    english_fields = ("title",)

    english_ready = models.BooleanField(
        _("available in English"),
        default=False,
        editable=False,
        db_index=True,
    )

    is_creatable = False

    search_fields = [
        *Page.search_fields,
        index.SearchField("folded_titles"),
        index.AutocompleteField("folded_titles"),
    ]

    class Meta:
        abstract = True

    def folded_titles(self):
        """Both titles without diacritics, so the admin's search finds "thi dua" too."""
        return fold_vietnamese(" ".join(filter(None, [self.title_vi, self.title_en])))

    def _translated_text_fields(self):
        for field in self._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)) and field.name.endswith(
                ("_vi", "_en")
            ):
                yield field.attname

    def normalise_text(self):
        for attname in self._translated_text_fields():
            value = getattr(self, attname)
            if isinstance(value, str):
                setattr(self, attname, normalize_nfc(value))

    def fill_slugs(self):
        if not self.slug_vi and self.title_vi:
            self.slug_vi = vietnamese_slugify(self.title_vi)
        if not self.slug_en and self.title_en:
            self.slug_en = vietnamese_slugify(self.title_en)

    def compute_english_ready(self):
        return all(_has_content(getattr(self, f"{name}_en", None)) for name in self.english_fields)

    def full_clean(self, *args, **kwargs):
        self.normalise_text()
        self.fill_slugs()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.normalise_text()
        self.fill_slugs()
        self.english_ready = self.compute_english_ready()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "english_ready"}
        return super().save(*args, **kwargs)

    def route(self, request, path_components):
        """Find a child by its slug in the reader's language with one query, not a scan."""
        if not path_components:
            return super().route(request, path_components)
        child_slug, *remaining = path_components
        if translation.get_language() == ENGLISH:
            slug_match = Q(slug_en=child_slug) | (
                (Q(slug_en__isnull=True) | Q(slug_en="")) & Q(slug_vi=child_slug)
            )
        else:
            slug_match = Q(slug_vi=child_slug)
        child = self.get_children().filter(slug_match).first()
        if child is not None:
            return child.specific.route(request, remaining)
        if isinstance(self, RoutablePageMixin) and self.live:
            view, args, kwargs = self.resolve_subpage("/" + "/".join(path_components) + "/")
            return RouteResult(self, args=(view, args, kwargs))
        raise Http404

    def is_available_in(self, language):
        return language == VIETNAMESE or self.english_ready

    def available_languages(self):
        return [VIETNAMESE, ENGLISH] if self.english_ready else [VIETNAMESE]

    def language_alternates(self, request=None):
        """(language, URL) for each language the page exists in, for hreflang."""
        return [(code, page_url_in(self, code, request)) for code in self.available_languages()]

    def serve(self, request, *args, **kwargs):
        if not self.is_available_in(translation.get_language()):
            return TemplateResponse(
                request,
                "portal/untranslated_page.html",
                {"page": self, "self": self, "vietnamese_url": page_url_in(self, VIETNAMESE)},
            )
        return super().serve(request, *args, **kwargs)
