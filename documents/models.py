"""The registry of legal documents (Văn bản, chính sách) and the pages that cite them."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from news.models import paginate
from portal.languages import ENGLISH
from portal.pages import BilingualPage, RoutableBilingualPage
from portal.text import fold_document_number, fold_vietnamese, normalize_nfc, vietnamese_slugify

DOCUMENTS_PER_PAGE = 20
_NUMBER_SEPARATORS = re.compile(r"[\s/\-_.]+")


class DocumentType(models.TextChoices):
    DIRECTIVE = "directive", _("Directive")
    DECISION = "decision", _("Decision")
    DECREE = "decree", _("Decree")
    RESOLUTION = "resolution", _("Resolution")
    CIRCULAR = "circular", _("Circular")
    OFFICIAL_LETTER = "official-letter", _("Official letter")
    PLAN = "plan", _("Plan")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in-force", _("In force")
    EXPIRED = "expired", _("Expired")
    REPLACED = "replaced", _("Replaced")


def document_slug(number, year=None):
    """`47/QĐ-BQL` -> `47-qd-bql`: readable in a URL, stable across spellings."""
    base = vietnamese_slugify(" ".join(part for part in _split_number(number) if part))
    return f"{base}-{year}" if year else base


def _split_number(number):
    return _NUMBER_SEPARATORS.split(number or "")


class LegalDocumentQuerySet(models.QuerySet):
    def matching_number(self, text):
        """Documents whose number folds to the same key: forgiving of case, đ and separators."""
        key = fold_document_number(text or "")
        if not key:
            return self.none()
        return self.filter(number_key=key)


class LegalDocument(index.Indexed, ClusterableModel):
    """A directive, decision, decree or letter the authority's news relies on.

    The number is kept exactly as written; `number_key` stores its folded form so that
    `47/QD-BQL`, `47/qđ-bql` and `47 QĐ BQL` find the same document with an index look-up.
    """

    number = models.CharField(_("number as written"), max_length=80)
    number_key = models.CharField(
        _("number key"), max_length=80, editable=False, db_index=True, default=""
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    document_type = models.CharField(_("type"), max_length=20, choices=DocumentType.choices)
    issuer = models.CharField(_("issuer"), max_length=200)
    date_issued = models.DateField(_("date issued"))
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    subject = models.CharField(_("subject"), max_length=400)
    summary = models.TextField(_("summary"), blank=True)
    related_documents = models.ManyToManyField(
        "self", verbose_name=_("related documents"), blank=True, symmetrical=True
    )

    objects = LegalDocumentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("issuer")]),
                FieldRowPanel([FieldPanel("date_issued"), FieldPanel("effective_date")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("replaced_by")]),
            ],
            heading=_("Identification"),
        ),
        FieldPanel("subject"),
        FieldPanel("summary"),
        InlinePanel("attachments", label=_("Attached files")),
        FieldPanel("related_documents"),
        FieldPanel("slug"),
    ]

    # The admin listing searches these through Wagtail's backend: the texts as written and
    # folded, so "quyet dinh thanh lap" finds "Quyết định thành lập" (see wagtail_hooks.py).
    search_fields = [
        index.SearchField("number"),
        index.AutocompleteField("number"),
        index.SearchField("subject"),
        index.AutocompleteField("subject_vi"),
        index.AutocompleteField("subject_en"),
        index.SearchField("summary"),
        index.SearchField("folded_text"),
        index.AutocompleteField("folded_text"),
        index.FilterField("number_key"),
    ]

    class Meta:
        ordering = ["-date_issued", "number"]
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        indexes = [models.Index(fields=["document_type", "date_issued"])]

    def __str__(self):
        return f"{self.number} – {self.subject}"

    def clean(self):
        super().clean()
        if self.status == DocumentStatus.REPLACED and not self.replaced_by_id:
            raise ValidationError({"replaced_by": _("Say which document replaced this one.")})
        if self.replaced_by_id and self.pk and self.replaced_by_id == self.pk:
            raise ValidationError({"replaced_by": _("A document cannot replace itself.")})

    def save(self, *args, **kwargs):
        for name in ("number", "subject_vi", "subject_en", "summary_vi", "summary_en"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                setattr(self, name, normalize_nfc(value.strip()))
        self.number_key = fold_document_number(self.number)
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        slug = document_slug(self.number)
        if LegalDocument.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug = document_slug(self.number, self.date_issued.year if self.date_issued else None)
        return slug

    def folded_text(self):
        """Number, subjects and issuer without diacritics, for the admin's search."""
        parts = [self.number, self.subject_vi, self.subject_en, self.issuer_vi, self.issuer_en]
        return fold_vietnamese(" ".join(part for part in parts if part))

    @property
    def issuer_slug(self):
        return vietnamese_slugify(self.issuer_vi or self.issuer)

    def get_url(self, request=None):
        registry = DocumentRegistryPage.objects.live().first()
        if registry is None:
            return None
        return registry.get_url(request) + registry.reverse_subpage("document", args=[self.slug])


class LegalDocumentAttachment(Orderable):
    """A file of the document (the signed scan, an appendix); only PDF, DOCX, XLSX, ODT."""

    legal_document = ParentalKey(
        LegalDocument, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(_("label"), max_length=200, blank=True)

    panels = [FieldPanel("file"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")


class DocumentCitation(models.Model):
    """A published page mentions a document number, in one language.

    Written when a page is published, so the registry entry can list who cites it without
    scanning every page body at read time. Mentions of numbers that are not registered yet
    are kept with no document; registering the document later attaches them, so pages
    published before their documents were entered still appear in the reverse list.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="document_citations")
    number_key = models.CharField(_("number key"), max_length=80, db_index=True)
    document = models.ForeignKey(
        LegalDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="citations",
    )
    language = models.CharField(_("language"), max_length=5)

    class Meta:
        verbose_name = _("document citation")
        verbose_name_plural = _("document citations")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "document", "language"],
                condition=Q(document__isnull=False),
                name="unique_document_citation",
            )
        ]


class DocumentRegistryPage(RoutableBilingualPage):
    """The public registry: filters by type, issuer, year and status, a forgiving number
    look-up, and one sub-page per document with the pages that cite it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BilingualPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = []
    max_count = 1
    is_creatable = True

    class Meta:
        verbose_name = _("documents registry")

    def filter_choices(self):
        """Issuers and years present in the registry, in two queries that do not grow."""
        issuers = {}
        for issuer_vi, issuer_en in (
            LegalDocument.objects.order_by("issuer_vi")
            .values_list("issuer_vi", "issuer_en")
            .distinct()
        ):
            slug = vietnamese_slugify(issuer_vi)
            issuers.setdefault(slug, (issuer_vi, issuer_en))
        years = [stamp.year for stamp in LegalDocument.objects.dates("date_issued", "year", "DESC")]
        return issuers, years

    def filtered_documents(self, params, issuers):
        documents = LegalDocument.objects.select_related("replaced_by")
        active = {}
        document_type = params.get("type", "")
        if document_type in DocumentType.values:
            documents = documents.filter(document_type=document_type)
            active["type"] = document_type
        issuer = params.get("issuer", "")
        if issuer in issuers:
            documents = documents.filter(issuer_vi=issuers[issuer][0])
            active["issuer"] = issuer
        year = params.get("year", "")
        if year.isdigit() and 1900 < int(year) < 2200:
            documents = documents.filter(date_issued__year=int(year))
            active["year"] = int(year)
        status = params.get("status", "")
        if status in DocumentStatus.values:
            documents = documents.filter(status=status)
            active["status"] = status
        number = normalize_nfc(params.get("number", "").strip())
        if number:
            documents = documents.filter(number_key=fold_document_number(number))
            active["number"] = number
        return documents, active

    @path("", name="index")
    def index_route(self, request):
        issuers, years = self.filter_choices()
        documents, active = self.filtered_documents(request.GET, issuers)
        if "number" in active and len(active) == 1:
            matches = list(documents[:2])
            if len(matches) == 1:
                return redirect(self.document_url(matches[0], request))
        query = request.GET.copy()
        query.pop("page", None)
        english = translation.get_language() == ENGLISH
        return self.render(
            request,
            context_overrides={
                "documents": paginate(request, documents, DOCUMENTS_PER_PAGE),
                "active_filters": active,
                "issuer_choices": [
                    (slug, (names[1] if english and names[1] else names[0]))
                    for slug, names in issuers.items()
                ],
                "year_choices": years,
                "type_choices": DocumentType.choices,
                "status_choices": DocumentStatus.choices,
                "query_prefix": query.urlencode(),
            },
        )

    @path("<slug:document_slug>/", name="document")
    def document_route(self, request, document_slug):
        document = (
            LegalDocument.objects.select_related("replaced_by").filter(slug=document_slug).first()
        )
        if document is None:
            raise Http404
        language = translation.get_language()
        return self.render(
            request,
            template="documents/legal_document.html",
            context_overrides={
                "document": document,
                "attachments": document.attachments.select_related("file"),
                "related": document.related_documents.all(),
                "replaces": document.replaces.all(),
                "citing_pages": citing_pages(document, language),
            },
        )

    def get_sitemap_urls(self, request=None):
        """The registry itself plus one entry per document, so search engines find them."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls.extend(
            {"location": f"{base}{self.reverse_subpage('document', args=[slug])}"}
            for slug in LegalDocument.objects.order_by("slug").values_list("slug", flat=True)
        )
        return urls

    def document_url(self, document, request=None):
        return self.get_url(request) + self.reverse_subpage("document", args=[document.slug])


def citing_pages(document, language):
    """Live pages whose text in `language` mentions the document, newest first."""
    citations = (
        DocumentCitation.objects.filter(document=document, language=language, page__live=True)
        .select_related("page")
        .order_by("-page__first_published_at", "page__pk")
    )
    if language == ENGLISH:
        citations = citations.exclude(Q(page__title_en__isnull=True) | Q(page__title_en=""))
    return [citation.page for citation in citations]
