"""The page form that keeps translators on the English side."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from newsroom.permissions import is_translator_only

# Fields a translator may change besides the *_en ones.
TRANSLATOR_FIELDS = {"translator"}


class NewsroomPageForm(WagtailAdminPageForm):
    """For a user who is only a translator, every field but the English ones is read-only.

    Django ignores submitted values of disabled fields and keeps the stored ones, so this
    holds on the server whatever the browser sends.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.translator_only = bool(for_user and is_translator_only(for_user))
        if self.translator_only:
            for name, field in self.fields.items():
                if not name.endswith("_en") and name not in TRANSLATOR_FIELDS:
                    field.disabled = True
                    field.widget.attrs["readonly"] = "readonly"
                    field.help_text = _("Read-only for translators.")
