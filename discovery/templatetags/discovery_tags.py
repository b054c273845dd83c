from urllib.parse import quote, urlencode

from django import template

from discovery.metadata import canonical_url, head_metadata
from discovery.structured_data import as_json_ld

register = template.Library()

# Plain links, no third-party script: each opens the network's own share page.
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?{query}"
# The page Zalo's own share plugin opens; without JavaScript it is the plain-link way in.
ZALO_SHARE = "https://sp.zalo.me/share_inline?{query}"


@register.simple_tag(takes_context=True)
def discovery_metadata(context):
    """Canonical, robots, hreflang, OpenGraph, Twitter Card, feeds and JSON-LD of the view."""
    if context.get("request") is None:
        return None
    return head_metadata(context)


@register.filter
def json_ld(data):
    return as_json_ld(data)


@register.inclusion_tag("discovery/share_links.html", takes_context=True)
def share_links(context, title):
    request = context["request"]
    url = canonical_url(request)
    return {
        "share_url": url,
        "facebook_url": FACEBOOK_SHARE.format(query=urlencode({"u": url})),
        "zalo_url": ZALO_SHARE.format(query=urlencode({"url": url})),
        "email_url": "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
    }
