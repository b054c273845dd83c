"""The editors' import form in the Wagtail admin, beside the enterprise listing."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .transfer import COLUMN_KEYS, ImportRejected, import_file

MAX_IMPORT_BYTES = 20 * 1024 * 1024


class EnterpriseImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy(
            "First row: the column names. Saved as UTF-8 if CSV. Rows whose certificate "
            "number is already known update that enterprise."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Only .csv and .xlsx files can be imported."))
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class EnterpriseImportView(WagtailAdminTemplateMixin, FormView):
    form_class = EnterpriseImportForm
    template_name = "enterprises/admin/import.html"
    page_title = gettext_lazy("Import enterprises")
    header_icon = "upload"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (
            user.has_perm("enterprises.add_enterprise")
            and user.has_perm("enterprises.change_enterprise")
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = COLUMN_KEYS
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            result = import_file(upload.name, upload.read())
        except ImportRejected as rejected:
            return self.render_to_response(
                self.get_context_data(form=form, problems=rejected.problems)
            )
        messages.success(
            self.request,
            _("%(name)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % {
                "name": upload.name,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
        return redirect(reverse(self.index_url_name))
