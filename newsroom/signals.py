"""Keep translation states current and the roles complete, without the page models knowing."""

from django.apps import apps as django_apps
from django.db.models.signals import post_save

from wagtail.models import Revision

from newsroom.roles import grant_directory_pages, sync_roles
from newsroom.tracking import record_revision


def revision_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        record_revision(instance)


def top_up_roles(sender, **kwargs):
    """After every migrate, grant the roles permissions of models that arrived since."""
    sync_roles(django_apps)
    grant_directory_pages(django_apps)


def connect():
    post_save.connect(revision_saved, sender=Revision, dispatch_uid="newsroom_revision_saved")
