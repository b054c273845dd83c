from django.apps import AppConfig, apps


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.cache import connect_signals

        connect_signals()
        restore_one_query_routing()


def restore_one_query_routing():
    """Give bilingual pages back their one-query child lookup.

    wagtail-modeltranslation replaces `route` on every page model it registers with one that
    loads all children and compares slugs in Python; under a section of 3,000 articles that
    is most of an article's render time. BilingualPage.route does the same lookup in SQL.
    """
    from wagtail_modeltranslation.patch_wagtailadmin import _new_route

    from portal.pages import BilingualPage

    for model in apps.get_models():
        if issubclass(model, BilingualPage) and model.__dict__.get("route") is _new_route:
            del model.route
