from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What the people who run the portal do to it, not what readers or editors see:
    `manage.py backup` and `manage.py restore` (operations.backup)."""

    name = "operations"
