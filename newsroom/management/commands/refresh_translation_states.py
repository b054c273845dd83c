from django.core.management.base import BaseCommand

from wagtail.models import Page

from newsroom.tracking import is_tracked, refresh_page


class Command(BaseCommand):
    help = (
        "Rebuild the translation state (English missing, up to date or outdated) of every "
        "bilingual page from its revision history. Needed once for pages created before the "
        "newsroom app was installed; afterwards every new revision keeps the state current."
    )

    def handle(self, *args, **options):
        counts = {}
        for page in Page.objects.specific().iterator(chunk_size=200):
            if not is_tracked(type(page)):
                continue
            status = refresh_page(page)
            if status is not None:
                counts[status.state] = counts.get(status.state, 0) + 1
        summary = ", ".join(f"{state}: {total}" for state, total in sorted(counts.items()))
        self.stdout.write(f"Translation states rebuilt ({summary or 'no bilingual pages'}).")
