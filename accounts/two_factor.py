"""Two-factor sign-in for the admin: set up an authenticator app, then enter its codes.

django-otp does the cryptography (TOTP, RFC 6238); these two views are the admin screens
that AdminTwoFactorMiddleware sends Administrators and Moderators to.
"""

from base64 import b32encode

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

import segno
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Six-digit code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"invalid": _("Enter the six digits your app shows.")},
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "wagtailadmin_home"


def _render(request, template, form, **context):
    return TemplateResponse(
        request,
        template,
        {"form": form, "next": _next_url(request), "header_icon": "key", **context},
    )


def setup(request):
    """Pair a new authenticator app: show its secret as a QR code, confirm with one code."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("That code is not right. Check your phone's clock and retry."))
    return _render(
        request,
        "accounts/two_factor/setup.html",
        form,
        page_title=_("Set up two-step sign-in"),
        qr_svg=segno.make(device.config_url, error="m").svg_inline(scale=4, omitsize=False),
        secret=b32encode(device.bin_key).decode(),
    )


def verify(request):
    """Ask for the current code from the app paired at setup."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_is_allowed()[0] and device.verify_token(token):
                otp_login(request, device)
                return redirect(_next_url(request))
        form.add_error("token", _("That code is not right. Check your phone's clock and retry."))
    return _render(
        request,
        "accounts/two_factor/verify.html",
        form,
        page_title=_("Enter your sign-in code"),
    )
