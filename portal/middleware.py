"""Middleware of the portal's own: browser feature policy, the anonymous page cache, the
request's site and the friendly 503 while the database is away."""

import hashlib
import logging
import pickle
import re
import threading
import time
from collections import OrderedDict
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from csp.middleware import CSPMiddleware

from portal.cache import content_version, content_version_pinned, last_modified, per_content_version
from portal.refusals import bilingual_json, bilingual_response, wants_json
from portal.wagtail_internals import set_request_site

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class PermissionsPolicyMiddleware:
    """Send `Permissions-Policy` built from settings.PERMISSIONS_POLICY.

    Each feature maps to the origins allowed to use it: [] switches it off, ["self"] keeps it
    for the portal's own pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(_origin(item) for item in origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


def _origin(item):
    return item if item in {"self", "*"} else f'"{item}"'


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE applied to
    the Wagtail admin.

    The public site runs without inline scripts. Wagtail's admin widgets (choosers, date
    pickers) and wagtail-modeltranslation start themselves with small inline scripts that
    embed each field's id, so no fixed list of hashes can cover every page type: the admin,
    behind sign-in and two-factor codes, allows inline scripts; nothing else does.
    `get_policy_parts` is django-csp's documented extension point; a view's own
    `@csp_update` still wins.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.update is None and request.path.startswith(_admin_prefix()):
            parts.update = settings.ADMIN_CONTENT_SECURITY_POLICY_UPDATE
        return parts


def _admin_prefix():
    return reverse("wagtailadmin_home")


class DatabaseUnavailableMiddleware:
    """Answer 503 with a friendly page, not a 500, while the database cannot be reached.

    Django closes a broken connection when the request ends and opens a new one for the next
    request, so the site recovers by itself once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            logger.error("Database unavailable: %s", exception)
            return database_unavailable_response(request)
        return None


def database_unavailable_response(request):
    response = bilingual_response(
        request,
        "portal/refusals/database_unavailable.html",
        status=503,
        context={"retry_after": RETRY_AFTER_SECONDS},
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
    patch_cache_control(response, no_store=True)
    return response


# C0 control characters and DEL; tabs and line breaks stay (a pasted address may hold them).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ControlCharactersMiddleware:
    """Refuse a query string that carries control characters (a NUL, say) with a 400.

    No form, filter or API parameter of the portal takes them, and PostgreSQL refuses a NUL
    in text: let through, one in a search, a registry number or an API filter ends as a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            if CONTROL_CHARACTERS.search(name) or any(
                CONTROL_CHARACTERS.search(value) for value in values
            ):
                return bad_query_response(request)
        return self.get_response(request)


def bad_query_response(request):
    if wants_json(request):
        return bilingual_json("bad_query", BAD_QUERY_MESSAGE, status=400)
    return bilingual_response(request, "portal/refusals/bad_query.html", status=400)


BAD_QUERY_MESSAGE = _("The address holds characters that no search or filter accepts.")


class PageCacheMiddleware:
    """Serve public pages to anonymous readers from the cache.

    Only GET/HEAD requests without a session or message cookie are looked up, and only 200
    answers that set no cookie (so no CSRF token and no message) and do not opt out with
    Cache-Control are stored. Keys include the site-wide content version (portal.cache),
    which every publish, unpublish, move, deletion or snippet save bumps, and which is read
    once per request, cached page or not. Cached or not, anonymous answers carry
    Last-Modified, so ConditionalGetMiddleware can answer 304.
    """

    bypass_cookies = ("messages",)
    max_query_length = 200
    recent_pages_kept = 256

    def __init__(self, get_response):
        self.get_response = get_response
        self.recent = RecentPages(self.recent_pages_kept)

    @cached_property
    def excluded(self):
        patterns = [re.escape(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PREFIXES]
        patterns += settings.PAGE_CACHE_EXCLUDED_PATTERNS
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)")

    def eligible(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return False
        if self.excluded.match(request.path):
            return False
        if len(request.META.get("QUERY_STRING", "")) > self.max_query_length:
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME not in cookies and not any(
            name in cookies for name in self.bypass_cookies
        )

    def cache_key(self, request, version):
        address = f"{version}|{request.build_absolute_uri()}"
        return "portal:page:" + hashlib.sha256(address.encode()).hexdigest()

    def __call__(self, request):
        with content_version_pinned():
            return self.respond(request)

    def respond(self, request):
        if not self.eligible(request):
            return self.get_response(request)
        version = content_version()
        key = self.cache_key(request, version)
        stored = self.recent.get(key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                self.recent.put(key, stored)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.storable(request, response):
            response.headers.setdefault("Last-Modified", http_date(last_modified()))
            set_response_etag(response)
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in {"set-cookie", "x-page-cache"}
            ]
            stored = (response.status_code, headers, response.content)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            self.recent.put(key, stored)
            response.headers["X-Page-Cache"] = "miss"
        return response

    def storable(self, request, response):
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return False
        if response.cookies:
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = response.headers.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        if "max-age=0" in cache_control:
            return False
        return "accept-language" not in response.headers.get("Vary", "").lower()


class RecentPages:
    """The pages this process served from the cache most recently, with their expiry.

    A hit then costs one cache read (the content version) instead of two, and no unpickling
    of the page. Keys carry the content version, so a publish anywhere makes every copy
    unreachable here too; they also expire with the shared copy (PAGE_CACHE_SECONDS).
    """

    def __init__(self, size):
        self.size = size
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            held = self.pages.get(key)
            if held is None:
                return None
            expires, stored = held
            if expires < time.monotonic():
                del self.pages[key]
                return None
            self.pages.move_to_end(key)
            return stored

    def put(self, key, stored):
        with self.lock:
            self.pages[key] = (time.monotonic() + settings.PAGE_CACHE_SECONDS, stored)
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


class KnownSiteMiddleware:
    """Tell Wagtail the request's site from a per-process copy, not two queries per request.

    Wagtail looks the site up by host name, then loads its home page again as its specific
    type to start routing. Sites and home pages change only with a publish or a settings
    edit, which bump the content version (portal.cache); each request gets its own copy of
    the site, unpickled, so nothing one request does to it is seen by another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = (request.get_host(), request.get_port())
        try:
            pickled = per_content_version(f"site:{address}", lambda: _pickled_site(request))
        except DatabaseError:
            # Wagtail looks again inside the view, where an outage is answered with a 503.
            return self.get_response(request)
        set_request_site(request, pickle.loads(pickled))
        return self.get_response(request)


def _pickled_site(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return pickle.dumps(site)
