"""Keep translation states current and the roles complete, without the page models knowing."""

from django.apps import apps as django_apps
from django.db.models.signals import post_save

from wagtail.models import Revision

from newsroom.models import PageFlag
from newsroom.roles import grant_directory_pages, sync_roles
from newsroom.tracking import record_revision


def _has_vietnamese_of_its_own(content):
    title_vi, title_en = content.get("title_vi"), content.get("title_en")
    return (
        bool(title_vi) and title_vi != title_en and content.get("body_vi") not in (None, "", "[]")
    )


def clear_answered_translation_flag(revision):
    """An imported English-only article stops needing a translation once it has one."""
    if not str(revision.object_id).isdigit():
        return
    if _has_vietnamese_of_its_own(revision.content):
        PageFlag.objects.filter(
            page_id=int(revision.object_id), kind=PageFlag.NEEDS_TRANSLATION
        ).delete()


def revision_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record_revision(instance)
        clear_answered_translation_flag(instance)


def top_up_roles(sender, **kwargs):
    """After every migrate, grant the roles permissions of models that arrived since."""
    sync_roles(django_apps)
    grant_directory_pages(django_apps)


def connect():
    post_save.connect(revision_saved, sender=Revision, dispatch_uid="newsroom_revision_saved")
