from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Who may sign in and how often anyone may ask: login throttling (django-axes), two-step
    sign-in for administrators and moderators (django-otp), per-address rate limits on the
    public APIs, and the first administrator account (`manage.py ensure_admin`).

    Throttled sign-ins and rate-limited requests are the same kind of answer, a bilingual 429
    counted per client address, so they sit side by side."""

    name = "accounts"
