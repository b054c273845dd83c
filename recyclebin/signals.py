import logging

from django.db.models.signals import pre_delete

from wagtail.documents import get_document_model

from recyclebin.bin import keep_document_copy

logger = logging.getLogger(__name__)


def _keep_copy(sender, instance, **kwargs):
    if not instance.file:
        return
    try:
        keep_document_copy(instance)
    except OSError:
        logger.warning("Document %s has no file to keep in the recycle bin.", instance.pk)


def connect():
    pre_delete.connect(_keep_copy, sender=get_document_model(), dispatch_uid="recyclebin-docs")
