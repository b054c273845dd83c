from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Who may sign in, and how: login throttling (django-axes) and two-step sign-in for
    administrators and moderators (django-otp)."""

    name = "accounts"
