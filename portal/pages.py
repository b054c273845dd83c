"""Abstract page bases: what every public page of the portal does in two languages, on the
site and in the editor."""

import pickle

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail.utils.decorators import cached_classmethod
from wagtail_modeltranslation.patch_wagtailadmin import (
    _localized_site_get_site_root_paths as localized_site_root_paths,
)

from portal.cache import per_content_version
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


class PortalPageQuerySet(PageQuerySet):
    """Wagtail's page queries, with a cheaper test for private sections.

    Wagtail finds private sections by joining every view restriction to its page on every
    `.public()`, and SQLite plans that join as a scan of the whole page table (3-4 ms at
    15,000 pages) even when nothing is private. The restricted paths change only with a
    view restriction, which bumps the content version (portal.cache), so each process
    reads them once per version.
    """

    def private_q(self):
        private = Q()
        for path in per_content_version("private-sections", private_section_paths):
            private |= Q(path__startswith=path)
        return private if private else Q(pk__in=[])


def private_section_paths():
    """The tree paths of pages with a view restriction (they and their descendants)."""
    restricted_ids = list(PageViewRestriction.objects.values_list("page_id", flat=True))
    return list(Page.objects.filter(pk__in=restricted_ids).values_list("path", flat=True))


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


class BilingualEditor:
    """What the editor of every bilingual page shows besides the page type's own panels.

    The translation state and the form that keeps translators to the English side belong
    to the app that tracks translations and knows the roles (the newsroom), which builds on
    this module; it hands them over from its ready(), before any editor is built.
    """

    form_class = None
    panels_first = ()

    @classmethod
    def extend(cls, *, form_class, panels_first):
        """Edit every bilingual page with `form_class` (a WagtailAdminPageForm), showing
        `panels_first` above the page's own panels on the Content tab."""
        cls.form_class = form_class
        cls.panels_first = tuple(panels_first)


class BilingualPage(Page):
    """A page written in Vietnamese first and, once translated, in English.

    `english_fields` names the fields that must be filled in English before the page
    counts as available in English; `english_ready` stores that verdict so listings can
    filter on it in SQL.
    """

    english_fields = ("title",)
    # Whether a translator (a user whose only role is to translate) may save this page
    # type. Their form locks every field but the English ones; it cannot lock inline rows
    # (a zone's lease offers, a report's participants), so page types with rows stay closed.
    open_to_translators = False

    english_ready = models.BooleanField(
        _("available in English"),
        default=False,
        editable=False,
        db_index=True,
    )

    is_creatable = False

    objects = PortalPageManager()

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
        """Find a child by its slug in the reader's language, without scanning the children."""
        if not path_components:
            return super().route(request, path_components)
        child_slug, *remaining = path_components
        child = self.child_for_slug(child_slug)
        if child is not None:
            return child.route(request, remaining)
        if isinstance(self, RoutablePageMixin) and self.live:
            view, args, kwargs = self.resolve_subpage("/" + "/".join(path_components) + "/")
            return RouteResult(self, args=(view, args, kwargs))
        raise Http404

    def child_for_slug(self, slug):
        """The child page (specific) reached by `slug` in the active language, or None.

        Which child a slug leads to changes only when pages are published, moved or
        renamed, all of which bump the content version, so each process remembers the
        answer for the version: the child's type and id, and for a child that has children
        of its own (a section, an index: few, and on the way to every page below them) a
        pickled copy, so each request gets its own instance without a query. Other pages
        are loaded afresh.
        """
        language = translation.get_language()
        known_children = per_content_version("child-slugs", dict)
        key = (self.pk, language, slug)
        found = known_children.get(key)
        if found is None:
            found = self.find_child_by_slug(slug, language)
            if found is None:
                return None
            known_children[key] = found
        content_type_id, child_id, pickled = found
        if pickled is not None:
            child = pickle.loads(pickled)
        else:
            child = self.load_child(content_type_id, child_id)
            if child is None:
                return None
            if child.numchild:
                known_children[key] = (content_type_id, child_id, pickle.dumps(child))
        # treebeard's own cache for get_parent(): the routed page knows its parent.
        child._cached_parent_obj = self
        return child

    @staticmethod
    def load_child(content_type_id, child_id):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            return None
        serving = getattr(model, "serving_queryset", model.objects.all)
        return serving().filter(pk=child_id).first()

    @classmethod
    def serving_queryset(cls):
        """How a page of this type is loaded to be served (with what its template reads)."""
        return cls.objects.all()

    def find_child_by_slug(self, slug, language):
        if language == ENGLISH:
            slug_match = Q(slug_en=slug) | (
                (Q(slug_en__isnull=True) | Q(slug_en="")) & Q(slug_vi=slug)
            )
        else:
            slug_match = Q(slug_vi=slug)
        child = self.get_children().filter(slug_match).values_list("content_type_id", "pk").first()
        return (*child, None) if child is not None else None

    def get_view_restrictions(self):
        """Wagtail checks the page and its ancestors with two queries on every view; while no
        page of the site is private there is nothing to find."""
        if not per_content_version("private-sections", private_section_paths):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def _get_site_root_paths(self, request=None):
        """The sites' root paths in the active language, read once per process and content
        version: wagtail-modeltranslation's version asks the cache again at every change of
        language, and a page renders URLs in both languages (hreflang, language links)."""
        language = translation.get_language()
        paths = per_content_version(f"site-root-paths:{language}", localized_site_root_paths)
        # Where Wagtail keeps them (its redirect handling reads them back from there).
        (request or self)._wagtail_cached_site_root_paths = paths
        return paths

    @property
    def preview_modes(self):
        return [(VIETNAMESE, _("Vietnamese")), (ENGLISH, _("English"))]

    def serve_preview(self, request, mode_name):
        """The preview in the language of its mode, rendered before the language is restored
        (the admin would render it after this returns). The English preview shows the
        English side as it stands, even while the page is not yet ready in English."""
        language = mode_name if mode_name in (VIETNAMESE, ENGLISH) else VIETNAMESE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.preview_in_active_language(request, mode_name)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        return response

    def preview_in_active_language(self, request, mode_name):
        return super().serve_preview(request, mode_name)

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's Content, Promote and Settings tabs, with BilingualEditor's panels first
        in Content and its form: every bilingual page type is edited the same way."""
        content = [*BilingualEditor.panels_first, *cls.content_panels]
        tabs = [ObjectList(content, heading=_("Content"))]
        if cls.promote_panels:
            tabs.append(ObjectList(cls.promote_panels, heading=_("Promote")))
        if cls.settings_panels:
            tabs.append(ObjectList(cls.settings_panels, heading=_("Settings")))
        form_class = BilingualEditor.form_class or cls.base_form_class
        return TabbedInterface(tabs, base_form_class=form_class).bind_to_model(cls)

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


class RoutableBilingualPage(RoutablePageMixin, BilingualPage):
    """A bilingual page with sub-routes (archives, entries of a register).

    RoutablePageMixin's preview, which serves the main route, comes before BilingualPage's
    in the method order; this base puts the bilingual preview back around it.
    """

    is_creatable = False

    class Meta:
        abstract = True

    serve_preview = BilingualPage.serve_preview

    def preview_in_active_language(self, request, mode_name):
        return RoutablePageMixin.serve_preview(self, request, mode_name)
