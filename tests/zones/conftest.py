from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def vietnamese_while_building():
    """A request in English leaves English active in the thread; pages built by the next
    test would then get English URL paths. Start every test as an editor would: in Vietnamese."""
    translation.activate("vi")
    yield
    translation.deactivate()
