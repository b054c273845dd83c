"""Sign-in protection: login throttling (django-axes)."""

from django.conf import settings

from axes.backends import AxesStandaloneBackend

from portal.refusals import bilingual_response


class ThrottledLoginBackend(AxesStandaloneBackend):
    """Axes' lockout check for sign-ins that come through a web form.

    Axes refuses to authenticate without a request; sign-ins without one (the test client's
    `login()`, management commands) have no address to throttle, so they pass to the next
    backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """Axes' answer once an address has failed too often: 429 in both languages."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return bilingual_response(
        request,
        "accounts/locked_out.html",
        status=429,
        context={"minutes": minutes},
        headers={"Retry-After": str(minutes * 60)},
    )
