"""`manage.py ensure_admin`: no default password, ever; a second run changes nothing."""

import io
import re

from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db


def _run(*args):
    output = io.StringIO()
    call_command("ensure_admin", *args, stdout=output)
    return output.getvalue()


def _printed_password(output):
    return re.search(r"password (\S+)", output).group(1)


def test_the_first_run_creates_admin_with_a_fresh_password_that_signs_in():
    password = _printed_password(_run())
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert len(password) >= 16
    assert admin.password != password, "stored hashed, never in clear"
    assert authenticate(username="admin", password=password) == admin


def test_a_second_run_keeps_the_password_and_prints_none():
    password = _printed_password(_run())
    again = _run()
    assert "account exists" in again
    assert password not in again
    assert authenticate(username="admin", password=password) is not None


def test_new_password_replaces_the_old_one_and_differs_each_time():
    first = _printed_password(_run())
    second = _printed_password(_run("--new-password"))
    assert second != first
    assert authenticate(username="admin", password=first) is None
    assert authenticate(username="admin", password=second) is not None
