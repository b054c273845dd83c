"""Upload forms that look at what a file is, not only at what it is called."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

# Content that must never be served as a document whatever its name: programs and
# markup a browser would run (HTML, SVG, XML with scripts).
FORBIDDEN_STARTS = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"<")


class SafeDocumentForm(BaseDocumentForm):
    """Refuses a renamed program or web page, and a "PDF" that is not one.

    Wagtail already refuses extensions outside WAGTAILDOCS_EXTENSIONS with its own message;
    this form only looks inside files whose extension is allowed.
    """

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not hasattr(uploaded, "read"):
            return uploaded
        extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
        if extension not in getattr(settings, "WAGTAILDOCS_EXTENSIONS", [extension]):
            return uploaded
        position = uploaded.tell()
        uploaded.seek(0)
        head = uploaded.read(1024).lstrip()
        uploaded.seek(position)
        forbidden = head.startswith(FORBIDDEN_STARTS)
        if forbidden or (extension == "pdf" and not head.startswith(b"%PDF-")):
            raise ValidationError(
                _("The file's content is not a %(extension)s document."),
                params={"extension": extension.upper()},
            )
        return uploaded
