from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from documents.models import DocumentCitation
from documents.signals import record_citations


class Command(BaseCommand):
    help = (
        "Re-read every live page and record which document numbers it cites. Publishing does "
        "this page by page; run it once after importing pages in bulk or after installing the "
        "registry on a site that already has content. Safe to run again."
    )

    def handle(self, *args, **options):
        pages = 0
        with transaction.atomic():
            for page in Page.objects.live().specific().iterator(chunk_size=200):
                record_citations(page)
                pages += 1
        resolved = DocumentCitation.objects.filter(document__isnull=False).count()
        unresolved = (
            DocumentCitation.objects.filter(document=None).values("number_key").distinct().count()
        )
        self.stdout.write(
            f"Read {pages} live pages: {resolved} citations of registered documents, "
            f"{unresolved} numbers mentioned that the registry does not hold yet."
        )
