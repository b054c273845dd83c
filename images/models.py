"""The site's image model: alt text is required in both languages."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image

from portal.text import normalize_nfc


class PortalImage(AbstractImage):
    """Wagtail image with bilingual alt text, so every picture is described to every reader.

    See https://docs.wagtail.org/en/stable/advanced_topics/images/custom_image_model.html
    """

    alt_text_vi = models.CharField(
        _("alt text (Vietnamese)"),
        max_length=255,
        help_text=_("Describe the picture for readers who cannot see it."),
    )
    alt_text_en = models.CharField(
        _("alt text (English)"),
        max_length=255,
        help_text=_("The same description in English."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "alt_text_vi", "alt_text_en", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        if get_language() == "en" and self.alt_text_en:
            return self.alt_text_en
        return self.alt_text_vi or self.title

    def save(self, *args, **kwargs):
        self.alt_text_vi = normalize_nfc(self.alt_text_vi)
        self.title = normalize_nfc(self.title)
        super().save(*args, **kwargs)


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
