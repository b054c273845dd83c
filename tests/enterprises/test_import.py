import csv
import io

from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation

import pytest
from openpyxl import Workbook

from enterprises.models import Enterprise
from enterprises.transfer import COLUMN_KEYS, ImportRejected, import_file
from tests.factories import make_enterprise, make_zone

pytestmark = pytest.mark.django_db

HEADER = [
    "certificate_number",
    "certificate_date",
    "name_vi",
    "name_en",
    "zone",
    "country",
    "sector",
    "status",
    "registered_capital_usd",
    "employees",
]
GOOD_ROWS = [
    ["2101234567", "2019-05-02", "Công ty TNHH Linh Kiện Mẫu A", "Sample Parts A", "que-vo", "KR",
     "electronics", "operating", "2500000", "320"],
    ["2101234568", "", "Công ty Cổ phần Bao Bì Mẫu B", "", "", "vn", "packaging",
     "construction", "1,200,000.50", ""],
    ["2101234569", "2010-11-30", "Công ty TNHH Cơ Khí Mẫu C", "Sample Engineering C", "que-vo",
     "JP", "mechanical", "terminated", "", "45"],
]  # fmt: skip


@pytest.fixture
def que_vo(zones_index):
    return make_zone(zones_index, "KCN Quế Võ", "Que Vo Industrial Zone", slug_vi="que-vo")


def csv_bytes(rows, header=HEADER):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def test_command_imports_a_good_csv_file(tmp_path, que_vo):
    output = io.StringIO()
    call_command(
        "import_enterprises", write(tmp_path, "good.csv", csv_bytes(GOOD_ROWS)), stdout=output
    )
    assert "3 created, 0 updated, 0 unchanged" in output.getvalue()
    first = Enterprise.objects.get(certificate_number="2101234567")
    assert first.zone == que_vo
    assert first.employees == 320
    assert first.name_folded.startswith("cong ty tnhh linh kien mau a")
    second = Enterprise.objects.get(certificate_number="2101234568")
    assert second.country == "VN"
    assert str(second.registered_capital_usd) == "1200000.50"
    assert second.zone is None and second.certificate_date is None


def test_command_imports_a_good_xlsx_file(tmp_path, que_vo):
    call_command(
        "import_enterprises",
        write(tmp_path, "good.xlsx", xlsx_bytes(GOOD_ROWS)),
        stdout=io.StringIO(),
    )
    assert Enterprise.objects.count() == 3
    assert Enterprise.objects.get(certificate_number="2101234569").employees == 45


def test_reimporting_the_same_file_adds_nothing(tmp_path, que_vo):
    path = write(tmp_path, "good.csv", csv_bytes(GOOD_ROWS))
    call_command("import_enterprises", path, stdout=io.StringIO())
    output = io.StringIO()
    call_command("import_enterprises", path, stdout=output)
    assert "0 created, 0 updated, 3 unchanged" in output.getvalue()
    assert Enterprise.objects.count() == 3


def test_reimport_updates_rows_by_certificate_number(tmp_path, que_vo):
    call_command(
        "import_enterprises", write(tmp_path, "a.csv", csv_bytes(GOOD_ROWS)), stdout=io.StringIO()
    )
    changed = [row[:] for row in GOOD_ROWS]
    changed[0][2] = "Công ty TNHH Linh Kiện Mẫu A Mới"
    changed[0][7] = "terminated"
    output = io.StringIO()
    call_command(
        "import_enterprises", write(tmp_path, "b.xlsx", xlsx_bytes(changed)), stdout=output
    )
    assert "0 created, 1 updated, 2 unchanged" in output.getvalue()
    enterprise = Enterprise.objects.get(certificate_number="2101234567")
    assert enterprise.name_vi == "Công ty TNHH Linh Kiện Mẫu A Mới"
    assert enterprise.status == "terminated"
    assert "moi" in enterprise.name_folded
    assert Enterprise.objects.count() == 3


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        (5, "XX", ["Dòng 3", "“country”", "XX"]),
        (4, "khong-co-khu", ["Dòng 3", "“zone”", "khong-co-khu"]),
        (1, "02/05/2019", ["Dòng 3", "“certificate_date”", "YYYY-MM-DD"]),
        (8, "nhiều tiền", ["Dòng 3", "“registered_capital_usd”"]),
        (9, "-4", ["Dòng 3", "“employees”"]),
        (2, "", ["Dòng 3", "“name_vi”", "bắt buộc"]),
        (7, "open", ["Dòng 3", "“status”", "open"]),
    ],
)
def test_a_bad_row_rejects_the_whole_file_and_names_row_and_field(
    tmp_path, que_vo, column, value, words
):
    """The command speaks the site's default language, Vietnamese."""
    rows = [row[:] for row in GOOD_ROWS]
    rows[1][column] = value
    with pytest.raises(CommandError) as raised:
        call_command(
            "import_enterprises",
            write(tmp_path, "bad.csv", csv_bytes(rows)),
            stdout=io.StringIO(),
            stderr=(errors := io.StringIO()),
        )
    assert "nothing was written" in str(raised.value)
    for word in words:
        assert word in errors.getvalue()
    assert Enterprise.objects.count() == 0


def test_a_bad_row_does_not_touch_existing_enterprises(que_vo):
    existing = make_enterprise(
        certificate_number="2101234567", name_vi="Tên cũ", name_en="Old name"
    )
    rows = [row[:] for row in GOOD_ROWS]
    rows[2][6] = "spaceships"
    with pytest.raises(ImportRejected) as raised, translation.override("en"):
        import_file("mixed.csv", csv_bytes(rows))
    assert raised.value.problems == [
        "Row 4, column “sector”: “spaceships” is not a known sector (use "
        "electronics, industrial-infrastructure, mechanical, textiles, food, packaging, "
        "plastics-chemicals, building-materials, logistics, pharmaceuticals, other)."
    ]
    existing.refresh_from_db()
    assert existing.name_vi == "Tên cũ"
    assert Enterprise.objects.count() == 1


def test_the_same_certificate_twice_in_one_file_is_rejected(que_vo):
    rows = [GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[0]]
    with pytest.raises(ImportRejected) as raised, translation.override("en"):
        import_file("twice.csv", csv_bytes(rows))
    assert "Row 4" in raised.value.problems[0] and "row 2" in raised.value.problems[0]


def test_rows_keep_their_spreadsheet_numbers_after_blank_lines(que_vo):
    rows = [GOOD_ROWS[0], [""] * len(HEADER), GOOD_ROWS[1][:5] + ["XX"] + GOOD_ROWS[1][6:]]
    with pytest.raises(ImportRejected) as raised, translation.override("en"):
        import_file("gaps.csv", csv_bytes(rows))
    assert raised.value.problems[0].startswith("Row 4, column “country”")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("list.txt", b"a,b", "Only .csv and .xlsx"),
        ("empty.csv", b"", "empty"),
        ("header.csv", b"certificate_number,name_vi,country,sector,status\n", "no enterprises"),
        ("cols.csv", b"name,country\nA,KR\n", "missing: certificate_number"),
        ("latin.csv", "certificate_number,name_vi\n1,Công\n".encode("cp1258"), "UTF-8"),
        ("broken.xlsx", b"not a zip", "XLSX"),
    ],
)
def test_unreadable_files_are_explained(name, content, words):
    with pytest.raises(ImportRejected) as raised, translation.override("en"):
        import_file(name, content)
    assert words in raised.value.problems[0]


def test_export_reimports_without_changes(client, directory, que_vo):
    import_file("good.csv", csv_bytes(GOOD_ROWS))
    exported = b"".join(client.get("/vi/doanh-nghiep-trong-cac-kcn/export/csv/").streaming_content)
    result = import_file("exported.csv", exported)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)


def test_command_help_names_the_columns():
    from enterprises.management.commands.import_enterprises import Command

    assert all(key in Command.help for key in COLUMN_KEYS)


def test_command_rejects_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_enterprises", str(tmp_path / "absent.csv"))


# The admin form ----------------------------------------------------------------------

IMPORT_URL = "/admin/enterprise_import/"


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", "editor@example.com", "secret-pass-123")


def test_admin_import_form_renders_in_the_zones_menu_group(client, editor):
    client.force_login(editor)
    response = client.get(IMPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="file"' in html
    assert "certificate_number" in html
    menu = client.get("/admin/").content.decode()
    assert IMPORT_URL in menu and "/admin/enterprise/" in menu


def test_admin_import_of_a_good_file_redirects_to_the_listing(client, editor, que_vo):
    client.force_login(editor)
    upload = SimpleUploadedFile("good.xlsx", xlsx_bytes(GOOD_ROWS))
    response = client.post(IMPORT_URL, {"file": upload})
    assert response.status_code == 302
    assert response["Location"] == "/admin/enterprise/"
    assert Enterprise.objects.count() == 3
    listing = client.get(response["Location"]).content.decode()
    assert "Công ty TNHH Linh Kiện Mẫu A" in listing


def test_admin_import_of_a_bad_file_lists_the_problems_and_writes_nothing(client, editor, que_vo):
    client.force_login(editor)
    rows = [row[:] for row in GOOD_ROWS]
    rows[0][5] = "ZZ"
    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile("bad.csv", csv_bytes(rows))})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dòng 2" in html and "country" in html and "ZZ" in html
    assert Enterprise.objects.count() == 0


def test_admin_import_rejects_other_file_types(client, editor):
    client.force_login(editor)
    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile("notes.pdf", b"%PDF")})
    assert response.status_code == 200
    assert Enterprise.objects.count() == 0
    assert ".csv" in response.content.decode()


def test_admin_import_needs_permission_to_add_and_change_enterprises(client):
    user = User.objects.create_user("reader", "reader@example.com", "secret-pass-123")
    group = Group.objects.create(name="Readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code in {302, 403}
    group.permissions.add(
        Permission.objects.get(codename="add_enterprise"),
        Permission.objects.get(codename="change_enterprise"),
    )
    user = User.objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code == 200


def test_admin_listing_finds_enterprises_without_diacritics(client, editor):
    make_enterprise(name_vi="Công ty TNHH Điện Tử Đông Á", certificate_number="A-1")
    make_enterprise(name_vi="Công ty Bao Bì", certificate_number="A-2")
    client.force_login(editor)
    html = client.get("/admin/enterprise/", {"q": "dien tu"}).content.decode()
    assert "Điện Tử Đông Á" in html and "Công ty Bao Bì" not in html


def test_admin_can_create_an_enterprise_through_the_form(client, editor, que_vo):
    client.force_login(editor)
    response = client.post(
        "/admin/enterprise/new/",
        {
            "name_vi": "Công ty TNHH Thêm Tay",
            "name_en": "Added By Hand Co",
            "status": "operating",
            "zone": que_vo.pk,
            "country": "TW",
            "sector": "logistics",
            "certificate_number": "HAND-1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/enterprise/"
    enterprise = Enterprise.objects.get(certificate_number="HAND-1")
    assert enterprise.name_folded == "cong ty tnhh them tay | added by hand co"
