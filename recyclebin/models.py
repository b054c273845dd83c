"""The recycle bin: deleted pages and documents wait here before they are really gone.

Pages are moved under a hidden, never-public RecycleBinPage (so their revisions, history and
children stay intact) and unpublished; documents are copied before Wagtail deletes them.
An administrator restores either from the admin; `manage.py purge_recyclebin` removes what
has waited longer than RECYCLEBIN_RETENTION_DAYS.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page


class RecycleBinPage(Page):
    """The one page that deleted pages are moved under. It sits beside the site roots, so
    nothing under it has a public URL, and it never serves anything itself."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    max_count = 1
    is_creatable = False

    class Meta:
        verbose_name = _("recycle bin")

    def serve(self, request, *args, **kwargs):
        raise Http404


class RecycledItem(models.Model):
    deleted_at = models.DateTimeField(_("deleted at"), default=timezone.now, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True
        ordering = ["-deleted_at"]

    @property
    def purge_after(self):
        return self.deleted_at + timedelta(days=settings.RECYCLEBIN_RETENTION_DAYS)


class RecycledPage(RecycledItem):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    original_parent = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    live_revisions = models.JSONField(
        default=dict,
        help_text="Page id -> the revision id that was live at deletion (None: no revision).",
    )

    class Meta(RecycledItem.Meta):
        verbose_name = _("deleted page")
        verbose_name_plural = _("deleted pages")


class RecycledDocument(RecycledItem):
    original_id = models.PositiveIntegerField()
    title = models.CharField(max_length=255)
    file = models.FileField(upload_to="recyclebin/documents/")
    original_file_name = models.CharField(max_length=255)
    collection_id_at_deletion = models.PositiveIntegerField(null=True, blank=True)
    tags = models.JSONField(default=list)

    class Meta(RecycledItem.Meta):
        verbose_name = _("deleted document")
        verbose_name_plural = _("deleted documents")
