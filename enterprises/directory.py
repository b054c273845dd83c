"""Reading the directory's GET parameters into a queryset, with readable errors."""

from django import forms
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.cache import per_content_version
from portal.languages import ENGLISH
from portal.text import fold_vietnamese
from zones.models import IndustrialZonePage, live_pages

from .choices import COUNTRIES, SECTORS, EnterpriseStatus, coded_choices
from .models import Enterprise

SORTS = {
    "name": _("Name (A to Z)"),
    "-name": _("Name (Z to A)"),
    "-capital": _("Capital (largest first)"),
    "capital": _("Capital (smallest first)"),
    "-date": _("Certificate date (newest first)"),
    "date": _("Certificate date (oldest first)"),
}
PER_PAGE = 30


def zone_choices():
    """(slug, title) of every live zone, read once per language and content version."""
    return per_content_version(f"directory:zone-choices:{translation.get_language()}", _zones)


def _zones():
    zones = live_pages(IndustrialZonePage.objects.all()).order_by("path")
    return [(zone.slug_vi, zone.title) for zone in zones.only("slug_vi", "title_vi", "title_en")]


class DirectoryFilterForm(forms.Form):
    """The directory's filters. Codes only, so links are short and language-neutral."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    zone = forms.ChoiceField(label=_("Industrial zone"), required=False)
    country = forms.ChoiceField(label=_("Country or territory"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", gettext("All"))]
        self.fields["zone"].choices = everything + zone_choices()
        self.fields["country"].choices = everything + coded_choices(COUNTRIES)
        self.fields["sector"].choices = everything + coded_choices(SECTORS)
        self.fields["status"].choices = everything + list(EnterpriseStatus.choices)
        self.fields["sort"].choices = list(SORTS.items())

    def error_messages(self):
        """One sentence per rejected parameter, naming it and the value that was given."""
        messages = []
        for name, _errors in self.errors.items():
            field = self.fields[name]
            messages.append(
                gettext("“%(value)s” is not a valid value for “%(field)s”; it was ignored.")
                % {"value": self.data.get(name, "")[:100], "field": field.label}
            )
        return messages

    def valid_filters(self):
        """The filters that passed, so one bad parameter does not throw away the others."""
        values = {}
        for name in self.fields:
            if name in self.errors:
                continue
            value = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
            if value:
                values[name] = value
        return values


def name_ordering(descending=False):
    if translation.get_language() == ENGLISH:
        key = Coalesce(NullIf(F("name_en"), Value("")), F("name_vi"))
    else:
        key = F("name_folded")
    return [key.desc() if descending else key.asc(), "pk"]


def ordering(sort):
    if sort in {"name", "-name", ""}:
        return name_ordering(descending=sort == "-name")
    field = "registered_capital_usd" if sort.endswith("capital") else "certificate_date"
    expression = (
        F(field).desc(nulls_last=True) if sort.startswith("-") else F(field).asc(nulls_last=True)
    )
    return [expression, "pk"]


def filtered_enterprises(filters):
    enterprises = Enterprise.objects.all()
    if filters.get("q"):
        enterprises = enterprises.filter(name_folded__contains=fold_vietnamese(filters["q"]))
    if filters.get("zone"):
        enterprises = enterprises.filter(zone__slug_vi=filters["zone"])
    for name in ("country", "sector", "status"):
        if filters.get(name):
            enterprises = enterprises.filter(**{name: filters[name]})
    return enterprises.order_by(*ordering(filters.get("sort", "name")))


def read_filters(query):
    """(form, filters, messages) for a GET query; never raises on bad input."""
    form = DirectoryFilterForm(query)
    form.is_valid()
    return form, form.valid_filters(), form.error_messages()
