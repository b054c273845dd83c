"""Two-step sign-in enforced in the admin: members of the groups that can publish or manage
users (settings.PORTAL_TWO_FACTOR_GROUPS) enter a one-time code before any other admin page."""

from functools import cached_property

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


class AdminTwoFactorMiddleware:
    """Send members of settings.PORTAL_TWO_FACTOR_GROUPS to set up or enter a one-time code
    before any other admin page, once per sign-in.

    The icon sprite and the JavaScript catalogue hold nothing private and are fetched by the
    code screens themselves: redirected, the sprite loader would paste a second copy of the
    code form (with the sprite's address as its `next`) into the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    @cached_property
    def exempt_paths(self):
        return {
            reverse("accounts_two_factor_setup"),
            reverse("accounts_two_factor_verify"),
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_sprite"),
            reverse("wagtailadmin_javascript_catalog"),
        }

    def __call__(self, request):
        if (
            request.path.startswith(self.admin_prefix)
            and request.path not in self.exempt_paths
            and request.user.is_authenticated
            and not request.user.is_verified()
            and requires_two_factor(request.user)
        ):
            if has_confirmed_device(request.user):
                target = reverse("accounts_two_factor_verify")
            else:
                target = reverse("accounts_two_factor_setup")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def requires_two_factor(user):
    return user.groups.filter(name__in=settings.PORTAL_TWO_FACTOR_GROUPS).exists()


def has_confirmed_device(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
