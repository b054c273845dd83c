from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Who may sign in, and how: login throttling (django-axes) for now."""

    name = "accounts"
