"""The facts the demo loaders build from: ../shared/facts beside the checkout by default."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError


def read_facts(name):
    path = Path(settings.DEMO_FACTS_DIR) / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(
            f"The demo needs {path}. Put the shared facts folder beside the checkout "
            "(../shared/facts) or point DEMO_FACTS_DIR at it."
        ) from None
