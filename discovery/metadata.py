"""What the <head> of every page says about it: canonical URL, robots, sharing and feeds.

`head_metadata(context)` builds a `HeadMetadata` for the template `discovery/head.html`.
The page-specific parts come from a *discovery adapter*, found in this order:

1. methods the page type defines itself: `structured_data(request)`, `sharing_image()`,
   `meta_description()`, `sharing_title()`, `feed_links(request)`, `og_type`;
2. an adapter registered with `@register_adapter(Model)` for page types owned by another app
   (see news/discovery.py);
3. `PageDiscovery`, the defaults every page gets.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from discovery import structured_data as schema
from portal.languages import ENGLISH, LANGUAGE_CODES, VIETNAMESE, switch_language_url

SHARING_RENDITION = "fill-1200x630"
OPEN_GRAPH_LOCALES = {VIETNAMESE: "vi_VN", ENGLISH: "en_US"}

# Context variables a routable view sets for each filter it applies. A view with two or more
# filters (these plus query-string parameters other than `page`) is marked noindex.
ROUTE_FILTER_CONTEXT_KEYS = ["year", "month", "topic"]
IGNORED_QUERY_PARAMETERS = {"page"}
NOINDEX_FILTER_THRESHOLD = 2
# Context variables holding the object a routable view shows, for its sharing title.
ROUTE_OBJECT_CONTEXT_KEYS = ["topic", "thread"]

_adapters = {}


def register_adapter(model):
    """Class decorator: use this PageDiscovery subclass for `model` and its subclasses."""

    def decorator(adapter_class):
        _adapters[model] = adapter_class
        return adapter_class

    return decorator


@dataclass
class FeedLink:
    title: str
    rss_url: str
    atom_url: str


@dataclass
class SharingImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass
class HeadMetadata:
    title: str
    description: str
    canonical_url: str
    robots: str
    og_type: str
    locale: str
    alternate_locales: list
    alternates: list
    image: SharingImage
    feeds: list
    structured_data: list
    extra_properties: list = field(default_factory=list)
    site_name: str = field(default_factory=schema.site_name)


def feed_links(request, scope=None, slug=None, title=""):
    """The RSS and Atom links of a feed scope (None for the site-wide feed)."""
    from django.urls import reverse

    if scope is None:
        rss, atom = reverse("feeds:site_rss"), reverse("feeds:site_atom")
    else:
        rss = reverse("feeds:scoped_rss", kwargs={"scope": scope, "slug": slug})
        atom = reverse("feeds:scoped_atom", kwargs={"scope": scope, "slug": slug})
    return FeedLink(title, request.build_absolute_uri(rss), request.build_absolute_uri(atom))


class PageDiscovery:
    """Defaults for any page; a page type's own methods of the same names win."""

    og_type = "website"

    def __init__(self, page, request, context):
        self.page = page
        self.request = request
        self.context = context

    def _own(self, name):
        return getattr(self.page, name, None) if self.page is not None else None

    def title(self):
        """The sharing title; None falls back to the route's object or the page title."""
        own = self._own("sharing_title")
        return own() if callable(own) else None

    def description(self):
        own = self._own("meta_description")
        if callable(own) and own():
            return own()
        if self.page is not None:
            search_description = getattr(self.page, "search_description", "")
            if search_description:
                return search_description
            intro = getattr(self.page, "intro", "")
            if intro and isinstance(intro, str):
                return intro
        return ""

    def sharing_image(self):
        own = self._own("sharing_image")
        return own() if callable(own) else None

    def structured_data(self):
        own = self._own("structured_data")
        return own(self.request) if callable(own) else None

    def feeds(self):
        own = self._own("feed_links")
        return list(own(self.request)) if callable(own) else []

    def page_og_type(self):
        return getattr(self.page, "og_type", None) or self.og_type

    def extra_properties(self):
        return []


def adapter_for(page, request, context):
    if page is not None:
        for klass in type(page).__mro__:
            if klass in _adapters:
                return _adapters[klass](page, request, context)
    return PageDiscovery(page, request, context)


def canonical_url(request):
    query = {}
    page_number = request.GET.get("page")
    if page_number and page_number != "1":
        query["page"] = page_number
    suffix = f"?{urlencode(query)}" if query else ""
    return request.build_absolute_uri(request.path) + suffix


def active_filter_count(request, context):
    from_route = sum(1 for key in ROUTE_FILTER_CONTEXT_KEYS if context.get(key))
    from_query = sum(
        1
        for key, values in request.GET.lists()
        if key not in IGNORED_QUERY_PARAMETERS and any(value.strip() for value in values)
    )
    return from_route + from_query


def robots_directive(request, context):
    """noindex for search results and archive views that combine several filters."""
    explicit = context.get("robots")
    if explicit:
        return explicit
    if context.get("search_query"):
        return "noindex, follow"
    if active_filter_count(request, context) >= NOINDEX_FILTER_THRESHOLD:
        return "noindex, follow"
    return ""


def language_alternates(request, page):
    """(hreflang, absolute URL): the same view in each language it exists in."""
    if page is not None and hasattr(page, "language_alternates"):
        codes = [code for code, _url in page.language_alternates(request)]
        return [
            (code, request.build_absolute_uri(switch_language_url(request, page, code)))
            for code in codes
        ]
    return [
        (code, request.build_absolute_uri(translate_url(request.get_full_path(), code)))
        for code in LANGUAGE_CODES
    ]


def _title(page, context):
    if context.get("meta_title"):
        return str(context["meta_title"])
    for key in ROUTE_OBJECT_CONTEXT_KEYS:
        value = context.get(key)
        if value is not None and not isinstance(value, (int, str)):
            return str(value)
    if page is not None:
        return getattr(page, "seo_title", "") or page.title
    return _("Bac Ninh Industrial Zones Authority")


def sharing_rendition(image):
    """The image cut for link previews. `get_renditions` reuses renditions prefetched with
    the image; `get_rendition` would write one back to the cache on every request."""
    return image.get_renditions(SHARING_RENDITION)[SHARING_RENDITION]


def _sharing_image(request, image):
    if image is None:
        width, height = schema.DEFAULT_SHARING_IMAGE_SIZE
        return SharingImage(
            schema.absolute_static(request, schema.DEFAULT_SHARING_IMAGE_PATH),
            width,
            height,
            _("Bac Ninh Industrial Zones Authority"),
        )
    rendition = sharing_rendition(image)
    return SharingImage(
        request.build_absolute_uri(rendition.url),
        rendition.width,
        rendition.height,
        getattr(image, "default_alt_text", "") or image.title,
    )


def head_metadata(context):
    request = context["request"]
    page = context.get("page")
    adapter = adapter_for(page, request, context)
    language = translation.get_language()
    data = adapter.structured_data()
    structured = [] if not data else (data if isinstance(data, list) else [data])
    site_feed = feed_links(request, title=_("All news"))
    alternates = language_alternates(request, page)
    return HeadMetadata(
        title=adapter.title() or _title(page, context),
        description=adapter.description()
        or _(
            "News, industrial zones, investment procedures and documents of the Bac Ninh "
            "Industrial Zones Authority."
        ),
        canonical_url=canonical_url(request),
        robots=robots_directive(request, context),
        og_type=adapter.page_og_type(),
        locale=OPEN_GRAPH_LOCALES.get(language, "vi_VN"),
        alternate_locales=[
            OPEN_GRAPH_LOCALES[code] for code, _url in alternates if code != language
        ],
        alternates=alternates,
        image=_sharing_image(request, adapter.sharing_image()),
        feeds=[*adapter.feeds(), site_feed],
        structured_data=structured,
        extra_properties=adapter.extra_properties(),
    )
