"""schema.org JSON-LD builders, and the one method page types implement to publish their own.

A page type describes itself by defining `structured_data(self, request)` returning a dict (or
a list of dicts) of schema.org data, or None to publish nothing. The builders below return
plain dicts so a page type only fills in its own fields, for example::

    class IndustrialZonePage(BilingualPage):
        def structured_data(self, request):
            return place(self.title, self.get_full_url(request), address=self.address,
                         latitude=self.latitude, longitude=self.longitude)

See https://schema.org/NewsArticle, /GovernmentOrganization, /Place, /Legislation.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

from portal.languages import ENGLISH

AUTHORITY_NAME = {
    "vi": "Ban Quản lý các khu công nghiệp Bắc Ninh",
    "en": "Bac Ninh Industrial Zones Authority",
}
AUTHORITY_FOUNDED = "1998-08-25"
LOGO_PATH = "img/logo.png"
DEFAULT_SHARING_IMAGE_PATH = "img/share-default.png"
DEFAULT_SHARING_IMAGE_SIZE = (1200, 630)


def absolute_static(request, path):
    return request.build_absolute_uri(static(path))


def _language():
    return ENGLISH if translation.get_language() == ENGLISH else "vi"


def authority(request):
    """The authority as a schema.org GovernmentOrganization, in the reader's language."""
    language = _language()
    other = "vi" if language == ENGLISH else ENGLISH
    return {
        "@type": "GovernmentOrganization",
        "@id": request.build_absolute_uri("/#authority"),
        "name": AUTHORITY_NAME[language],
        "alternateName": [AUTHORITY_NAME[other], "Bac Ninh IZA"],
        "url": request.build_absolute_uri(f"/{language}/"),
        "logo": absolute_static(request, LOGO_PATH),
        "foundingDate": AUTHORITY_FOUNDED,
        "areaServed": {"@type": "AdministrativeArea", "name": "Bắc Ninh"},
    }


def news_article(
    request,
    *,
    headline,
    url,
    published,
    modified=None,
    description="",
    image_url=None,
    author="",
    section="",
    keywords=(),
):
    data = {
        "@type": "NewsArticle",
        "headline": headline[:110],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": _language(),
        "datePublished": localtime(published).isoformat(),
        "dateModified": localtime(modified or published).isoformat(),
        "publisher": authority(request),
        "author": ({"@type": "Person", "name": author} if author else authority(request)),
    }
    if description:
        data["description"] = description
    if image_url:
        data["image"] = [image_url]
    if section:
        data["articleSection"] = section
    if keywords:
        data["keywords"] = list(keywords)
    return data


def place(
    name,
    url,
    *,
    description="",
    address="",
    locality="",
    region="",
    latitude=None,
    longitude=None,
    **extra,
):
    """A schema.org Place (an industrial zone). Coordinates are written as numbers."""
    data = {"@type": "Place", "name": name, "url": url}
    if description:
        data["description"] = description
    if address or locality or region:
        postal = {"@type": "PostalAddress", "addressCountry": "VN"}
        if address:
            postal["streetAddress"] = address
        if locality:
            postal["addressLocality"] = locality
        if region:
            postal["addressRegion"] = region
        data["address"] = postal
    if latitude is not None and longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(latitude),
            "longitude": float(longitude),
        }
    data.update(extra)
    return data


# schema.org's LegalForceStatus values, for `legislationLegalForce`.
IN_FORCE = "https://schema.org/InForce"
NOT_IN_FORCE = "https://schema.org/NotInForce"


def legislation(
    name,
    url,
    *,
    identifier="",
    date_issued=None,
    issuer="",
    legislation_type="",
    in_force=None,
    effective_date=None,
    description="",
    **extra,
):
    """A schema.org Legislation (a decree, decision or circular in the registry).

    `in_force` True/False becomes `legislationLegalForce` InForce/NotInForce; None omits it.
    """
    data = {"@type": "Legislation", "name": name, "url": url, "inLanguage": _language()}
    if identifier:
        data["legislationIdentifier"] = identifier
    if date_issued:
        data["legislationDate"] = date_issued.isoformat()
    if effective_date:
        data["legislationDateOfApplicability"] = effective_date.isoformat()
    if legislation_type:
        data["legislationType"] = legislation_type
    if in_force is not None:
        data["legislationLegalForce"] = IN_FORCE if in_force else NOT_IN_FORCE
    if issuer:
        data["legislationPassedBy"] = {"@type": "GovernmentOrganization", "name": issuer}
    if description:
        data["description"] = description
    data.update(extra)
    return data


def as_json_ld(data):
    """One <script> body: the objects under a shared @context, safe inside HTML."""
    items = data if isinstance(data, list) else [data]
    document = (
        {"@context": "https://schema.org", "@graph": items}
        if len(items) > 1
        else {
            "@context": "https://schema.org",
            **items[0],
        }
    )
    text = json.dumps(document, ensure_ascii=False, indent=None, separators=(",", ":"))
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escape)
    return mark_safe(text)


def site_name():
    return getattr(settings, "WAGTAIL_SITE_NAME", AUTHORITY_NAME["vi"])
