"""Translation tracking: is the English side of a bilingual page missing, current or stale?

Each new revision is compared with the one before it, field by field, for the Vietnamese
and the English values of the page's translated content fields.
"""

import json
import re

from django.db.models import Q

from modeltranslation.translator import NotRegistered, translator
from wagtail.models import Revision

from newsroom.models import TranslationState, TranslationStatus
from portal.pages import BilingualPage

# Page fields wagtail-modeltranslation translates that are addresses or metadata, not content.
NON_CONTENT_FIELDS = {"slug", "url_path", "seo_title", "search_description"}


def content_fields(model):
    """Names of the translated content fields of a page model (title, body, ...)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return sorted(name for name in options.all_fields if name not in NON_CONTENT_FIELDS)


def is_tracked(model):
    return issubclass(model, BilingualPage) and bool(content_fields(model))


# Draftail adds a random key to every rich text block it saves.
BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _without_block_ids(data):
    if isinstance(data, str):
        return BLOCK_KEY.sub("", data)
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_block_ids(value) for key, value in data.items() if key != "id"}
    return data


def _comparable(value):
    """Stream data without block ids, which change when content is set again unchanged."""
    if value in (None, "", "[]", []):
        return None
    if isinstance(value, str) and value.startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    return _without_block_ids(value)


def _values(content, fields, language):
    return [_comparable(content.get(f"{name}_{language}")) for name in fields]


def _has_text(values):
    return any(value not in (None, "", "[]", []) for value in values)


def state_for(status, english_ready):
    if not english_ready:
        return TranslationState.MISSING
    vietnamese, english = status.vietnamese_changed_at, status.english_changed_at
    if vietnamese and english and vietnamese > english:
        return TranslationState.OUTDATED
    return TranslationState.UP_TO_DATE


def record_revision(revision):
    """Update the page's TranslationStatus from a newly saved revision."""
    page = revision.content_object
    model = type(page)
    if not is_tracked(model):
        return None
    fields = content_fields(model)
    previous = (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
        )
        .filter(
            Q(created_at__lt=revision.created_at)
            | Q(created_at=revision.created_at, pk__lt=revision.pk)
        )
        .order_by("-created_at", "-pk")
        .values_list("content", flat=True)
        .first()
    ) or {}
    current = revision.content
    status, _created = TranslationStatus.objects.get_or_create(page_id=page.pk)
    if _values(current, fields, "vi") != _values(previous, fields, "vi"):
        status.vietnamese_changed_at = revision.created_at
    if _values(current, fields, "en") != _values(previous, fields, "en") and _has_text(
        _values(current, fields, "en")
    ):
        status.english_changed_at = revision.created_at
    status.last_editor_id = revision.user_id
    status.state = state_for(status, revision.as_object().compute_english_ready())
    status.save()
    return status


def refresh_page(page):
    """Rebuild a page's status from its whole revision history (used to backfill)."""
    TranslationStatus.objects.filter(page_id=page.pk).delete()
    status = None
    for revision in page.revisions.order_by("created_at", "pk"):
        status = record_revision(revision)
    return status
