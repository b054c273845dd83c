"""Django's app-directories template loader, with a few of Wagtail's admin strings translated.

Wagtail writes a handful of English strings into its admin templates as plain text
(portal.wagtail_internals.UNTRANSLATED_ADMIN_STRINGS), so a Vietnamese editor would meet them
in English. Copying those templates whole to add `{% translate %}` would also freeze every
other line at the copied version; reading Wagtail's own template and changing only the one
string keeps each upgrade's changes. Loaders are a documented Django extension point:
https://docs.djangoproject.com/en/5.2/ref/templates/api/#custom-loaders
"""

from collections import defaultdict
from pathlib import Path

from django.template.loaders import app_directories

import wagtail

from portal.wagtail_internals import UNTRANSLATED_ADMIN_STRINGS

WAGTAIL_PACKAGE = Path(wagtail.__file__).resolve().parent


def _strings_by_template():
    by_template = defaultdict(list)
    for entry in UNTRANSLATED_ADMIN_STRINGS:
        by_template[entry.template_name].append(entry)
    return dict(by_template)


STRINGS_BY_TEMPLATE = _strings_by_template()


class Loader(app_directories.Loader):
    def get_contents(self, origin):
        source = super().get_contents(origin)
        entries = STRINGS_BY_TEMPLATE.get(origin.template_name)
        if entries and Path(origin.name).resolve().is_relative_to(WAGTAIL_PACKAGE):
            for entry in entries:
                source = entry.translate_in(source)
        return source
