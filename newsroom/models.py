"""What the newsroom remembers about pages: where imports came from, flags, translation state."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page


class LegacySource(models.Model):
    """One export file of the old site and the article it became, so re-imports update it.

    The key is the file's path relative to the import root when it is known, else its
    checksum; the checksum tells whether the file changed since the last run.
    """

    source_key = models.CharField(_("source key"), max_length=500, unique=True)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, db_index=True)
    page = models.OneToOneField(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="legacy_source",
    )
    shape = models.CharField(_("export shape"), max_length=20)
    language = models.CharField(_("language"), max_length=5)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("legacy source")
        verbose_name_plural = _("legacy sources")

    def __str__(self):
        return self.source_key


class PageFlag(models.Model):
    """Something an editor must look at before a page can be trusted.

    Kept out of the page models so that any page type can carry flags.
    """

    NEEDS_REVIEW = "needs_review"
    NEEDS_TRANSLATION = "needs_translation"
    KIND_CHOICES = [
        (NEEDS_REVIEW, _("Needs review")),
        (NEEDS_TRANSLATION, _("Needs translation")),
    ]

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="newsroom_flags"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=KIND_CHOICES)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("flagged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("page flag")
        verbose_name_plural = _("page flags")
        constraints = [
            models.UniqueConstraint(fields=["page", "kind"], name="newsroom_one_flag_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.reason}"


class TranslationState(models.TextChoices):
    MISSING = "missing", _("English missing")
    OUTDATED = "outdated", _("English outdated")
    UP_TO_DATE = "up_to_date", _("Up to date")


class TranslationStatus(models.Model):
    """When each language of a bilingual page last changed, and what that means for English.

    Updated from every new revision by comparing its Vietnamese and English field values
    with the previous revision, so drafts count as much as published edits.
    """

    page = models.OneToOneField(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="translation_status",
    )
    state = models.CharField(
        _("translation state"),
        max_length=20,
        choices=TranslationState.choices,
        default=TranslationState.MISSING,
        db_index=True,
    )
    vietnamese_changed_at = models.DateTimeField(_("Vietnamese last changed"), null=True)
    english_changed_at = models.DateTimeField(_("English last changed"), null=True)
    last_editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")

    def __str__(self):
        return f"{self.page_id}: {self.state}"
