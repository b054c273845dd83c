"""The read-only JSON API at /api/v2/: Wagtail API v2 for pages, images and documents.

`?lang=vi` (default) or `?lang=en` chooses the language of translated fields, URLs and
slugs; in English, pages that are not yet translated are left out. Only live, public pages
are served, and documents in collections with a view restriction are hidden.
See https://docs.wagtail.org/en/stable/advanced_topics/api/v2/usage.html
"""

from django.apps import apps
from django.db.models import Q
from django.utils import translation

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

from taggit.managers import _TaggableManager

from portal.languages import ENGLISH, LANGUAGE_CODES, VIETNAMESE
from portal.pages import BilingualPage

LANGUAGE_PARAMETER = "lang"
MAX_OFFSET = 1_000_000_000
API_URLCONF = "discovery.api_urlconf"


class LanguageParameterMixin:
    """Serves each request in the language its `lang` parameter names (400 if unknown)."""

    @classmethod
    def requested_language(cls, request):
        return request.GET.get(LANGUAGE_PARAMETER, VIETNAMESE)

    def dispatch(self, request, *args, **kwargs):
        language = self.requested_language(request)
        with translation.override(language if language in LANGUAGE_CODES else VIETNAMESE):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        request._request.urlconf = API_URLCONF
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        language = self.requested_language(request)
        if language not in LANGUAGE_CODES:
            raise BadRequestError(
                f"unknown language '{language}': lang must be one of {', '.join(LANGUAGE_CODES)}"
            )
        offset = request.GET.get("offset", "")
        # Wagtail refuses only negative offsets; a larger one than the database's integers
        # reaches SQL and fails there.
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must not be larger than {MAX_OFFSET}")


class PrefetchedTagsField(TagsField):
    """Tag names from the tags prefetched with the listing. Wagtail's field sorts them in
    SQL, one query per item."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name), _TaggableManager):
            return PrefetchedTagsField, {}
        return super().build_property_field(field_name, model_class)


class PortalImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    pass


class PortalDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


def untranslated_pages():
    """A filter matching the pages of every bilingual page type not yet ready in English."""
    condition = Q(pk__in=[])
    for model in apps.get_models():
        if issubclass(model, BilingualPage) and not model._meta.abstract:
            condition |= Q(pk__in=model.objects.filter(english_ready=False).values("pk"))
    return condition


class PortalPagesAPIViewSet(LanguageParameterMixin, PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {LANGUAGE_PARAMETER}

    def get_base_queryset(self):
        pages = super().get_base_queryset()
        if translation.get_language() == ENGLISH:
            pages = pages.exclude(untranslated_pages())
        return pages

    def get_queryset(self):
        pages = super().get_queryset()
        if translation.get_language() == ENGLISH:
            pages = pages.exclude(untranslated_pages())
        # What a page type's API fields read from other tables (see `api_related`).
        select, prefetch = getattr(pages.model, "api_related", ((), ()))
        return pages.select_related(*select).prefetch_related(*prefetch)


class PortalImagesAPIViewSet(LanguageParameterMixin, ImagesAPIViewSet):
    base_serializer_class = PortalImageSerializer
    known_query_parameters = ImagesAPIViewSet.known_query_parameters | {LANGUAGE_PARAMETER}
    body_fields = [*ImagesAPIViewSet.body_fields, "alt_text_vi", "alt_text_en", "credit"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "alt_text_vi"]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


def restricted_collection_ids():
    ids = set()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        ids.update(
            Collection.objects.descendant_of(restriction.collection, inclusive=True).values_list(
                "pk", flat=True
            )
        )
    return ids


class PortalDocumentsAPIViewSet(LanguageParameterMixin, DocumentsAPIViewSet):
    base_serializer_class = PortalDocumentSerializer
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters | {LANGUAGE_PARAMETER}

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .exclude(collection_id__in=restricted_collection_ids())
            .prefetch_related("tags")
        )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
