"""The project's own search index: one row per public object per language."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

KIND_ARTICLE = "article"
KIND_PROFILE = "profile"
KIND_REPORT = "report"
KIND_DOCUMENT = "document"
KIND_ZONE = "zone"
KIND_CLUSTER = "cluster"
KIND_ENTERPRISE = "enterprise"

KIND_CHOICES = [
    (KIND_ARTICLE, _("Article")),
    (KIND_PROFILE, _("Profile")),
    (KIND_REPORT, _("Report")),
    (KIND_DOCUMENT, _("Document")),
    (KIND_ZONE, _("Industrial zone")),
    (KIND_CLUSTER, _("Emulation cluster")),
    (KIND_ENTERPRISE, _("Enterprise")),
]
KINDS = [kind for kind, _label in KIND_CHOICES]

# An entry may belong to several zones (an article that mentions two, a cluster's member
# zones): the `zone` column holds their names one per line, and the facets count each.
ZONE_SEPARATOR = "\n"


def join_zones(names):
    """The stored form of a list of zone names (duplicates and blanks dropped, order kept)."""
    return ZONE_SEPARATOR.join(
        dict.fromkeys(name.strip() for name in names if name and name.strip())
    )


def split_zones(value):
    """The zone names of a stored `zone` value (or of a list, as Elasticsearch returns it)."""
    if isinstance(value, (list, tuple)):
        return [name for name in value if name]
    return [name for name in (value or "").split(ZONE_SEPARATOR) if name]


class SearchEntry(models.Model):
    """What the archive search finds: a public object's text in one language.

    The rows are written only by `search.registry` from the indexers other apps
    register, so drafts and private pages never reach this table. `folded_title` and
    `folded_body` hold `fold_vietnamese()` of the originals (same length, so offsets
    found in them point into the originals for highlighting). `title_key` is the title as
    `search.names` compares it with a query that may name the entry. The embedded backends
    add their full-text index over the folded columns in migration 0002; Elasticsearch
    mirrors these rows.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    title = models.CharField(max_length=500)
    folded_title = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    zone = models.CharField(max_length=1000, blank=True)
    section = models.CharField(max_length=200, blank=True)
    document_number = models.CharField(max_length=100, blank=True)
    document_number_key = models.CharField(max_length=100, blank=True, db_index=True)
    title_key = models.CharField(max_length=500, blank=True, db_index=True)
    indexed_at = models.DateTimeField(auto_now=True)
    # Long text last: SQLite then reads the short columns without walking overflow pages.
    body = models.TextField(blank=True)
    folded_body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="search_entry_one_per_language",
            )
        ]
        indexes = [
            models.Index(fields=["language", "date"], name="search_entry_lang_date"),
            models.Index(fields=["language", "kind"], name="search_entry_lang_kind"),
            models.Index(fields=["language", "year"], name="search_entry_lang_year"),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"
