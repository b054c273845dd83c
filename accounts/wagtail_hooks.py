from django.urls import path

from wagtail import hooks

from accounts import two_factor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", two_factor.setup, name="accounts_two_factor_setup"),
        path("two-factor/verify/", two_factor.verify, name="accounts_two_factor_verify"),
    ]
