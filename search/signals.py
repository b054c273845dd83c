"""Keep the search entries in step with publishing, deletion, moves and privacy."""

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import registry


def on_page_published(sender, instance, **kwargs):
    page = instance.specific if type(instance) is Page else instance
    registry.index_object(page)
    registry.reindex_dependents(page)


def on_page_unpublished(sender, instance, **kwargs):
    registry.remove_object(instance.specific_class or type(instance), instance.pk)
    registry.reindex_dependents(instance.specific if type(instance) is Page else instance)


def on_page_moved(sender, instance, **kwargs):
    registry.reindex_page_tree(instance)


def on_page_deleted(sender, instance, **kwargs):
    indexer = registry.indexer_for(sender)
    if indexer is not None:
        registry.remove_object(sender, instance.pk)


def on_dependency_deleting(sender, instance, **kwargs):
    """Note what depends on the page before the deletion clears its links."""
    instance._search_dependents = registry.dependent_ids(instance)


def on_dependency_deleted(sender, instance, **kwargs):
    registry.reindex_dependents(instance, getattr(instance, "_search_dependents", None))


def on_view_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        registry.reindex_page_tree(page)


def on_model_saved(sender, instance, **kwargs):
    registry.index_object(instance)


def on_model_deleted(sender, instance, **kwargs):
    registry.remove_object(sender, instance.pk)


def _receivers(indexer):
    model = indexer.model
    if indexer.is_page:
        return [(post_delete, on_page_deleted, f"search_page_deleted_{model._meta.label}")]
    return [
        (post_save, on_model_saved, f"search_saved_{model._meta.label}"),
        (post_delete, on_model_deleted, f"search_deleted_{model._meta.label}"),
    ]


def _dependency_receivers(page_model):
    label = page_model._meta.label
    return [
        (pre_delete, on_dependency_deleting, f"search_dependency_deleting_{label}"),
        (post_delete, on_dependency_deleted, f"search_dependency_deleted_{label}"),
    ]


def connect_model(indexer):
    for signal, receiver, uid in _receivers(indexer):
        signal.connect(receiver, sender=indexer.model, dispatch_uid=uid)
    for page_model in indexer.depends_on:
        for signal, receiver, uid in _dependency_receivers(page_model):
            signal.connect(receiver, sender=page_model, dispatch_uid=uid)


def disconnect_model(indexer):
    for signal, _receiver, uid in _receivers(indexer):
        signal.disconnect(sender=indexer.model, dispatch_uid=uid)


def connect():
    page_published.connect(on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    post_save.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_pvr_saved"
    )
    post_delete.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_pvr_gone"
    )
