"""A small cache-based rate limiter for the public APIs (search, directory).

Fixed windows per client address: cheap (one cache increment a request), shared between
processes when the cache is Redis, and harmless when the cache is down (the limit simply
stops counting rather than refusing readers).
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext

from portal.languages import LANGUAGE_CODES
from portal.refusals import bilingual_response, wants_json


def _message(language, seconds):
    with translation.override(language):
        return gettext(
            "You have sent too many requests. Please wait %(seconds)s seconds and try again."
        ) % {"seconds": seconds}


def client_address(request):
    """The client's address; behind N trusted proxies, the Nth address from the right of
    X-Forwarded-For (settings.PORTAL_TRUSTED_PROXY_COUNT, 0 by default)."""
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(scope, address, limit, period, now=None):
    """Count one request; return the seconds to wait if it is over the limit, else 0."""
    now = time.time() if now is None else now
    window = int(now // period)
    key = f"portal:ratelimit:{scope}:{address}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=period + 1)
        count = 1
    if count is None or count <= limit:
        return 0
    return max(1, int((window + 1) * period - now))


def rate_limited(scope):
    """Refuse a view with 429 once an address passes settings.PORTAL_RATE_LIMITS[scope].

    `scope` names a (requests, seconds) pair; views of the same scope share one count.
    Works on plain views and on page route methods such as `view(page, request)`: the
    request is found among the arguments.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not settings.PORTAL_RATE_LIMITS_ENABLED:
                return view(*args, **kwargs)
            request = next(arg for arg in args if isinstance(arg, HttpRequest))
            limit, period = settings.PORTAL_RATE_LIMITS[scope]
            wait = hit(scope, client_address(request), limit, period)
            if wait:
                return too_many_requests(request, wait)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def too_many_requests(request, wait):
    headers = {"Retry-After": str(wait), "Cache-Control": "no-store"}
    if wants_json(request):
        response = JsonResponse(
            {
                "error": "rate_limited",
                "retry_after": wait,
                "messages": {code: _message(code, wait) for code in LANGUAGE_CODES},
            },
            status=429,
        )
        for name, value in headers.items():
            response[name] = value
        return response
    return bilingual_response(
        request,
        "accounts/rate_limited.html",
        status=429,
        context={"retry_after": wait},
        headers=headers,
    )
