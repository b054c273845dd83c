from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def vietnamese_while_building(db):
    """Build pages with Vietnamese active, as an editor's request would, whatever ran before."""
    with translation.override("vi"):
        yield
