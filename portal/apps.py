from django.apps import AppConfig, apps


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.cache import connect_signals

        connect_signals()
        restore_one_query_routing()


def restore_one_query_routing():
    """Give bilingual pages back their own routing and site root paths.

    wagtail-modeltranslation replaces `route` on every page model it registers with one that
    loads all children and compares slugs in Python; under a section of 3,000 articles that
    is most of an article's render time. BilingualPage.route does the same lookup in SQL.
    It also replaces `_get_site_root_paths`, which BilingualPage keeps per content version.
    """
    from portal.pages import BilingualPage
    from portal.wagtail_internals import modeltranslation_page_patches

    patched = modeltranslation_page_patches()
    for model in apps.get_models():
        if issubclass(model, BilingualPage):
            for name, replacement in patched.items():
                if model.__dict__.get(name) is replacement:
                    delattr(model, name)
