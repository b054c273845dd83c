"""The directory's file format, shared by export and import so an export re-imports as is.

Import rules: every row is checked before anything is written; one bad row rejects the
whole file with messages that name the row (as a spreadsheet numbers it, header = row 1)
and the column; a good file is written in one transaction, updating enterprises whose
certificate number is already known instead of adding them twice.
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from openpyxl import load_workbook

from portal.cache import bump_content_version
from portal.text import normalize_nfc
from search import registry as search_registry
from zones.models import IndustrialZonePage

from .choices import COUNTRIES, SECTORS, EnterpriseStatus
from .models import Enterprise

BATCH_SIZE = 1000


@dataclass(frozen=True)
class Column:
    key: str
    required: bool = False
    max_length: int | None = None


COLUMNS = (
    Column("certificate_number", required=True, max_length=60),
    Column("certificate_date"),
    Column("name_vi", required=True, max_length=255),
    Column("name_en", max_length=255),
    Column("zone"),
    Column("country", required=True),
    Column("sector", required=True),
    Column("status", required=True),
    Column("registered_capital_usd"),
    Column("employees"),
    Column("main_products_vi"),
    Column("main_products_en"),
    Column("website", max_length=200),
    Column("email", max_length=254),
    Column("phone", max_length=60),
    Column("address", max_length=255),
)
COLUMN_KEYS = [column.key for column in COLUMNS]
WRITTEN_FIELDS = [key if key != "zone" else "zone_id" for key in COLUMN_KEYS]


EXPORT_LOOKUPS = [key if key != "zone" else "zone__slug_vi" for key in COLUMN_KEYS]


def export_rows(enterprises):
    """One list of cells per enterprise, in COLUMNS order, read as tuples (no model objects)."""
    for values in enterprises.values_list(*EXPORT_LOOKUPS).iterator(chunk_size=2000):
        yield [
            "" if value is None else value.isoformat() if isinstance(value, date) else value
            for value in values
        ]


class ImportRejected(Exception):
    """The file was not applied; `problems` lists what to fix, one sentence each."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return normalize_nfc(str(value)).strip()


def read_rows(name, content):
    """(header, [(row number, cells as text)]) from CSV or XLSX bytes, by the file's suffix."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:
            raise ImportRejected(
                [_("The file could not be read as XLSX: %(error)s") % {"error": error}]
            ) from error
        sheet = workbook.worksheets[0]
        rows = [[_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    elif suffix == ".csv":
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportRejected([_("The CSV file must be saved as UTF-8.")]) from error
        rows = [[_text(cell) for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise ImportRejected([_("Only .csv and .xlsx files can be imported.")])
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(row)]
    if not numbered:
        raise ImportRejected([_("The file is empty.")])
    return numbered[0][1], numbered[1:]


def _parse_header(header):
    keys = [cell.strip().lower() for cell in header]
    missing = [column.key for column in COLUMNS if column.required and column.key not in keys]
    if missing:
        raise ImportRejected(
            [
                _("The first row must name the columns; missing: %(columns)s.")
                % {"columns": ", ".join(missing)}
            ]
        )
    return {key: index for index, key in enumerate(keys) if key in COLUMN_KEYS}


_URL = URLValidator()
_EMAIL = EmailValidator()
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _RowChecker:
    def __init__(self):
        self.zones = dict(IndustrialZonePage.objects.values_list("slug_vi", "pk"))

    def check(self, values):
        """(cleaned dict, [(column, message)])."""
        cleaned, errors = {}, []
        for column in COLUMNS:
            raw = values.get(column.key, "")
            if column.required and not raw:
                errors.append((column.key, _("this value is required")))
                continue
            if column.max_length and len(raw) > column.max_length:
                errors.append(
                    (
                        column.key,
                        _("at most %(limit)d characters, this has %(count)d")
                        % {"limit": column.max_length, "count": len(raw)},
                    )
                )
                continue
            try:
                cleaned[column.key] = getattr(self, f"clean_{column.key}", lambda value: value)(raw)
            except ValidationError as error:
                errors.append((column.key, error.messages[0]))
        return cleaned, errors

    def clean_certificate_date(self, value):
        if not value:
            return None
        try:
            if not _DATE.match(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                _("“%(value)s” is not a date written as YYYY-MM-DD") % {"value": value}
            ) from None

    def clean_zone(self, value):
        if not value:
            return None
        if value not in self.zones:
            raise ValidationError(
                _("“%(value)s” is not the slug of a known industrial zone") % {"value": value}
            )
        return self.zones[value]

    def clean_country(self, value):
        code = value.upper()
        if code not in COUNTRIES:
            raise ValidationError(
                _("“%(value)s” is not a known country or territory code (use %(codes)s)")
                % {"value": value, "codes": ", ".join(COUNTRIES)}
            )
        return code

    def clean_sector(self, value):
        if value not in SECTORS:
            raise ValidationError(
                _("“%(value)s” is not a known sector (use %(codes)s)")
                % {"value": value, "codes": ", ".join(SECTORS)}
            )
        return value

    def clean_status(self, value):
        if value not in EnterpriseStatus.values:
            raise ValidationError(
                _("“%(value)s” is not a status (use %(codes)s)")
                % {"value": value, "codes": ", ".join(EnterpriseStatus.values)}
            )
        return value

    def clean_registered_capital_usd(self, value):
        if not value:
            return None
        try:
            amount = Decimal(value.replace(",", "").replace(" ", ""))
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0 or amount >= Decimal("1e14"):
            raise ValidationError(
                _("“%(value)s” is not an amount of US dollars") % {"value": value}
            )
        return amount.quantize(Decimal("0.01"))

    def clean_employees(self, value):
        if not value:
            return None
        if not value.isdigit():
            raise ValidationError(_("“%(value)s” is not a whole number") % {"value": value})
        return int(value)

    def clean_website(self, value):
        if value:
            _URL(value)
        return value

    def clean_email(self, value):
        if value:
            _EMAIL(value)
        return value


def check_rows(header, rows):
    """Validate every row; return the cleaned rows or raise ImportRejected naming them all."""
    positions = _parse_header(header)
    checker = _RowChecker()
    cleaned_rows, problems, seen = [], [], {}
    for row_number, row in rows:
        values = {key: row[index] if index < len(row) else "" for key, index in positions.items()}
        cleaned, errors = checker.check(values)
        number = cleaned.get("certificate_number")
        if number and number in seen:
            errors.append(
                (
                    "certificate_number",
                    _("“%(value)s” already appears in row %(row)d")
                    % {"value": number, "row": seen[number]},
                )
            )
        elif number:
            seen[number] = row_number
        for column, message in errors:
            problems.append(
                _("Row %(row)d, column “%(column)s”: %(message)s.")
                % {"row": row_number, "column": column, "message": message}
            )
        cleaned_rows.append(cleaned)
    if problems:
        raise ImportRejected(problems)
    return cleaned_rows


def _as_enterprise(cleaned, existing=None):
    enterprise = existing or Enterprise()
    for key in COLUMN_KEYS:
        value = cleaned.get(key)
        if key == "zone":
            enterprise.zone_id = value
        elif value is None and key not in {
            "certificate_date",
            "registered_capital_usd",
            "employees",
        }:
            setattr(enterprise, key, "")
        else:
            setattr(enterprise, key, value)
    enterprise.prepare()
    return enterprise


def _snapshot(enterprise):
    return tuple(getattr(enterprise, field) for field in [*WRITTEN_FIELDS, "name_folded"])


def apply_rows(cleaned_rows):
    """Upsert on certificate number in one transaction, in batches."""
    numbers = [row["certificate_number"] for row in cleaned_rows]
    created = updated = unchanged = 0
    with transaction.atomic():
        existing = {}
        for start in range(0, len(numbers), BATCH_SIZE):
            batch = numbers[start : start + BATCH_SIZE]
            existing.update(
                (enterprise.certificate_number, enterprise)
                for enterprise in Enterprise.objects.filter(certificate_number__in=batch)
            )
        to_create, to_update = [], []
        for cleaned in cleaned_rows:
            current = existing.get(cleaned["certificate_number"])
            if current is None:
                to_create.append(_as_enterprise(cleaned))
                continue
            before = _snapshot(current)
            _as_enterprise(cleaned, current)
            if _snapshot(current) == before:
                unchanged += 1
            else:
                to_update.append(current)
        Enterprise.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Enterprise.objects.bulk_update(
            to_update, [*WRITTEN_FIELDS, "name_folded"], batch_size=BATCH_SIZE
        )
        created, updated = len(to_create), len(to_update)
        if created or updated:
            # Bulk writes send no signals: refresh the pages that list enterprises.
            transaction.on_commit(bump_content_version)
    reindex([enterprise.certificate_number for enterprise in [*to_create, *to_update]])
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


def reindex(certificate_numbers):
    """Bulk writes skip the signals that keep the archive search in step: index here."""
    ids = []
    for start in range(0, len(certificate_numbers), BATCH_SIZE):
        batch = certificate_numbers[start : start + BATCH_SIZE]
        ids.extend(
            Enterprise.objects.filter(certificate_number__in=batch).values_list("pk", flat=True)
        )
    search_registry.index_objects(Enterprise, ids)


def import_file(name, content):
    """Read, check and apply one file. Raises ImportRejected and writes nothing on a bad row."""
    header, rows = read_rows(name, content)
    if not rows:
        raise ImportRejected([_("The file has a header but no enterprises.")])
    return apply_rows(check_rows(header, rows))
