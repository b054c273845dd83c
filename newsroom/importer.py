"""Turning parsed legacy exports into news articles (the Wagtail side of `import_legacy`).

The parsing itself lives in newsroom.legacy and knows nothing of Django.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from news.models import ArticlePage, SectionPage
from newsroom.legacy import LegacyFormatError, parse_legacy_text, read_legacy_file
from newsroom.models import LegacySource, PageFlag
from portal.languages import ENGLISH
from portal.text import fold_vietnamese, vietnamese_slugify

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
FAILED = "failed"


class ImportProblem(Exception):
    """A file that parsed but cannot become an article (no date, no section...)."""


@dataclass
class FileReport:
    """One line of the command's output."""

    path: Path
    outcome: str
    title: str = ""
    published_at: datetime | None = None
    language: str = ""
    shape: str = ""
    words: int = 0
    live: bool = False
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    page_id: int | None = None


def file_checksum(raw):
    return hashlib.sha256(raw).hexdigest()


def source_key_for(path):
    return str(Path(path).resolve())


def _paragraph_blocks(paragraphs):
    return [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]


def _unique_slug(section, base, language):
    """A slug no sibling uses in `language`: base, base-2, base-3..."""
    base = base or "bai-viet"
    taken = set(section.get_children().values_list(f"slug_{language}", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def resolve_section(section_option, section_label):
    """The section an article goes to: --section, else the export's own label, else the only one."""
    sections = SectionPage.objects.all()
    if section_option:
        found = None
        if str(section_option).isdigit():
            found = sections.filter(pk=int(section_option)).first()
        found = found or sections.filter(slug_vi=section_option).first()
        if found is None:
            raise ImportProblem(f"no news section matches --section {section_option!r}")
        return found
    if section_label:
        wanted = fold_vietnamese(section_label).strip()
        for section in sections:
            titles = [section.title_vi or "", section.title_en or ""]
            if wanted in {fold_vietnamese(title).strip() for title in titles}:
                return section
    if sections.count() == 1:
        return sections.get()
    raise ImportProblem("cannot tell which section to use: pass --section")


def _publication_date(article, fallback_date):
    if article.published_at is not None:
        stamp = article.published_at
    elif fallback_date is not None:
        article.warnings = [
            "publication date taken from --date"
            if warning == "no publication date found"
            else warning
            for warning in article.warnings
        ]
        stamp = datetime.combine(fallback_date, datetime.min.time())
    else:
        raise ImportProblem("the file has no publication date: pass --date YYYY-MM-DD")
    if timezone.is_naive(stamp):
        stamp = timezone.make_aware(stamp)
    return stamp


def article_fields(article, published_at):
    """ArticlePage field values for a parsed export, on the side of its language."""
    side = "en" if article.language == ENGLISH else "vi"
    fields = {
        f"title_{side}": article.title,
        f"standfirst_{side}": article.standfirst,
        f"body_{side}": _paragraph_blocks(article.paragraphs),
        f"lead_image_caption_{side}": article.captions[0][:400] if article.captions else "",
        "author": article.author[:200],
        "translator": article.translator[:200],
        "published_at": published_at,
    }
    if side == "en":
        # Vietnamese comes first on this site: until someone translates it, the
        # Vietnamese title repeats the English one and the page stays a flagged draft.
        fields["title_vi"] = article.title
    return fields


def _flags(article):
    """(kind, reason) flags the imported page should carry."""
    flags = []
    reasons = list(article.warnings)
    if len(article.captions) > 1:
        reasons.append("captions waiting for their pictures: " + " | ".join(article.captions[1:]))
    if article.needs_review or reasons:
        flags.append((PageFlag.NEEDS_REVIEW, "; ".join(reasons) or article.review_reason))
    if article.language == ENGLISH:
        flags.append(
            (
                PageFlag.NEEDS_TRANSLATION,
                "imported in English only: the Vietnamese title is a copy of the English "
                "one and the Vietnamese text is still to be written",
            )
        )
    return flags


def _apply_flags(page, flags):
    PageFlag.objects.filter(page=page).exclude(kind__in=[kind for kind, _ in flags]).delete()
    for kind, reason in flags:
        PageFlag.objects.update_or_create(page=page, kind=kind, defaults={"reason": reason})


def _comparable(value):
    if hasattr(value, "raw_data"):  # a StreamValue
        return [(block.block_type, getattr(block.value, "source", block.value)) for block in value]
    if isinstance(value, list):
        return [tuple(item) for item in value]
    return value


def _differs(page, fields):
    """Whether writing `fields` would change the page (so an unchanged text adds no revision)."""
    return any(
        _comparable(getattr(page, name)) != _comparable(value) for name, value in fields.items()
    )


def _save(page, publish):
    revision = page.save_revision(log_action=True)
    if publish:
        revision.publish()
    return page


def import_file(path, *, section=None, publish=False, dry_run=False, fallback_date=None):
    """Import one export inside its own transaction; never raises for a bad file."""
    path = Path(path)
    report = FileReport(path=path, outcome=FAILED)
    try:
        raw = path.read_bytes()
        text = read_legacy_file(path)
        article = parse_legacy_text(text, filename=path.name)
    except (OSError, LegacyFormatError) as error:
        report.error = str(error)
        return report

    report.title = article.title
    report.language = article.language
    report.shape = article.shape
    report.words = article.word_count
    report.warnings = list(article.warnings)
    try:
        with transaction.atomic():
            _write(article, path, raw, report, section, publish, fallback_date)
            if dry_run:
                transaction.set_rollback(True)
    except ImportProblem as error:
        report.outcome = FAILED
        report.error = str(error)
    return report


def _write(article, path, raw, report, section_option, publish, fallback_date):
    checksum = file_checksum(raw)
    key = source_key_for(path)
    published_at = _publication_date(article, fallback_date)
    report.published_at = published_at
    report.warnings = list(article.warnings)
    flags = _flags(article)
    can_go_live = publish and not flags

    source = (
        LegacySource.objects.select_related("page").filter(source_key=key).first()
        or LegacySource.objects.select_related("page").filter(checksum=checksum).first()
    )
    if source is not None:
        page = source.page.specific
        if source.checksum == checksum and source.source_key == key:
            if can_go_live and not page.live:
                _save(page, publish=True)
                report.outcome = UPDATED
            else:
                report.outcome = UNCHANGED
            report.live, report.page_id = page.live, page.pk
            return
        # Build on the newest draft, so an editor's unpublished work on other fields stays.
        page = page.get_latest_revision_as_object()
        # What the export leaves empty (no lead, no caption) does not erase an editor's text.
        fields = {
            name: value
            for name, value in article_fields(article, published_at).items()
            if value not in ("", [])
        }
        if article.language == ENGLISH and page.title_vi != page.title_en:
            # Someone has written the Vietnamese title since: keep it.
            fields.pop("title_vi")
            if page.body_vi:
                flags = [flag for flag in flags if flag[0] != PageFlag.NEEDS_TRANSLATION]
                can_go_live = publish and not flags
        if _differs(page, fields):
            for name, value in fields.items():
                setattr(page, name, value)
            _save(page, publish=can_go_live or (page.live and not flags))
            report.outcome = UPDATED
        elif can_go_live and not page.live:
            _save(page, publish=True)
            report.outcome = UPDATED
        else:
            report.outcome = UNCHANGED
    else:
        section = resolve_section(section_option, article.section_label)
        fields = article_fields(article, published_at)
        page = ArticlePage(**fields)
        page.slug_vi = _unique_slug(section, vietnamese_slugify(page.title_vi), "vi")
        if page.title_en:
            page.slug_en = _unique_slug(section, vietnamese_slugify(page.title_en), "en")
        page.live = False
        section.add_child(instance=page)
        _save(page, publish=can_go_live)
        report.outcome = CREATED

    LegacySource.objects.update_or_create(
        page=page,
        defaults={
            "source_key": key,
            "checksum": checksum,
            "shape": article.shape,
            "language": article.language,
        },
    )
    _apply_flags(page, flags)
    page.refresh_from_db(fields=["live"])
    report.live, report.page_id = page.live, page.pk
    if flags and publish:
        report.warnings.append("kept as a draft: " + ", ".join(kind for kind, _ in flags))
