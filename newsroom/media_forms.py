"""Upload forms that check what a file is, not only what it is called."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

# The first bytes each allowed document type starts with (PDF, and the zip container
# of docx, xlsx and odt).
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
}


class SafeDocumentForm(BaseDocumentForm):
    """Refuses a document whose content does not match its extension (a renamed program)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not hasattr(uploaded, "read"):
            return uploaded
        extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
        signatures = DOCUMENT_SIGNATURES.get(extension)
        if signatures is None:
            raise ValidationError(
                _("Files of type %(extension)s are not accepted."),
                params={"extension": extension or "?"},
            )
        position = uploaded.tell()
        uploaded.seek(0)
        head = uploaded.read(8)
        uploaded.seek(position)
        if not head.startswith(signatures):
            raise ValidationError(
                _("The file's content is not a %(extension)s document."),
                params={"extension": extension.upper()},
            )
        return uploaded
