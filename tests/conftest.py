import pytest

from tests.factories import make_home, make_section


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def section(home):
    return make_section(home)


@pytest.fixture
def zones_index(home):
    from tests.factories import make_zones_index

    return make_zones_index(home)


@pytest.fixture
def directory(home):
    from tests.factories import make_directory

    return make_directory(home)
