"""Small hand-written builders for the page tree the tests need."""

import io
from datetime import datetime
from itertools import count

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.models import Page, Site

from PIL import Image

from images.models import PortalImage
from news.models import ArticlePage, HomePage, SectionPage
from portal.languages import page_url_in

_sequence = count(1)


def make_image(title="Ảnh thử"):
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (20, 80, 140)).save(buffer, format="JPEG")
    return PortalImage.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"test-{next(_sequence)}.jpg"),
        alt_text_vi="Nhà máy trong khu công nghiệp",
        alt_text_en="A factory in an industrial zone",
    )


def publish_under(parent, page):
    """Add `page` below `parent` and publish it, as an editor would; returns the page."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_home():
    root = ensure_wagtail_tree()
    home = HomePage(
        title_vi="Trang chủ", title_en="Home", slug_vi="trang-chu", slug_en="portal-home"
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def make_section(home, title_vi="Tin tức - Sự kiện", title_en="News and events", **fields):
    section = SectionPage(title_vi=title_vi, title_en=title_en, show_in_menus=True, **fields)
    return publish_under(home, section)


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def make_article(section, title_vi=None, title_en=None, published=(2022, 7, 27), **fields):
    number = next(_sequence)
    title_vi = title_vi or f"Bài viết thi đua số {number}"
    fields.setdefault("body_vi", paragraph(f"Nội dung tiếng Việt {number}."))
    if title_en:
        fields.setdefault("body_en", paragraph(f"English body {number}."))
    article = ArticlePage(
        title_vi=title_vi,
        title_en=title_en,
        published_at=timezone.make_aware(datetime(*published, 10, 0)),
        **fields,
    )
    return publish_under(section, article)


def vi_url(page):
    """The page's Vietnamese URL, whatever language the last request left active."""
    return page_url_in(page, "vi")


def en_url(page):
    return page_url_in(page, "en")


def make_zones_index(home, **fields):
    from zones.models import ZonesIndexPage

    fields.setdefault("title_vi", "Các khu công nghiệp")
    fields.setdefault("title_en", "Industrial zones")
    index = ZonesIndexPage(show_in_menus=True, **fields)
    return publish_under(home, index)


def make_zone(index, title_vi, title_en=None, **fields):
    from zones.models import IndustrialZonePage

    fields.setdefault("latitude", "21.1500")
    fields.setdefault("longitude", "106.1080")
    zone = IndustrialZonePage(title_vi=title_vi, title_en=title_en, **fields)
    return publish_under(index, zone)


def make_cluster(index, number, member_zones=(), **fields):
    from zones.models import EmulationClusterPage

    fields.setdefault("title_vi", f"Cụm thi đua số {number}")
    fields.setdefault("title_en", f"Emulation Cluster No. {number}")
    cluster = EmulationClusterPage(number=number, **fields)
    cluster.member_zones.set(member_zones)
    return publish_under(index, cluster)


def make_directory(home, **fields):
    from enterprises.models import EnterpriseDirectoryPage

    fields.setdefault("title_vi", "Doanh nghiệp trong các KCN")
    fields.setdefault("title_en", "Enterprise directory")
    fields.setdefault("slug_en", "enterprises")
    directory = EnterpriseDirectoryPage(show_in_menus=True, **fields)
    return publish_under(home, directory)


def make_enterprise(**fields):
    from enterprises.models import Enterprise

    number = next(_sequence)
    fields.setdefault("name_vi", f"Công ty TNHH Thử Nghiệm {number}")
    fields.setdefault("name_en", f"Test Enterprise {number}")
    fields.setdefault("certificate_number", f"TEST-{number:06d}")
    fields.setdefault("country", "KR")
    fields.setdefault("sector", "electronics")
    return Enterprise.objects.create(**fields)


def make_enterprises(count, zone=None, **fields):
    """`count` enterprises written in one query (prepare() fills the search column)."""
    from enterprises.models import Enterprise

    rows = []
    for _index in range(count):
        number = next(_sequence)
        enterprise = Enterprise(
            name_vi=f"Công ty TNHH Hàng Loạt {number:06d}",
            name_en=f"Bulk Enterprise {number:06d}",
            certificate_number=f"BULK-{number:06d}",
            country=fields.get("country", "KR"),
            sector=fields.get("sector", "electronics"),
            status=fields.get("status", "operating"),
            registered_capital_usd=1000 * number,
            zone=zone,
        )
        enterprise.prepare()
        rows.append(enterprise)
    return Enterprise.objects.bulk_create(rows)


def make_legal_document(number="47/QĐ-BQL", issued=(2022, 6, 17), **fields):
    from documents.models import LegalDocument

    fields.setdefault("document_type", "decision")
    fields.setdefault("issuer_vi", "Ban Quản lý các KCN Bắc Ninh")
    fields.setdefault("issuer_en", "Bac Ninh Industrial Zones Authority")
    fields.setdefault("subject_vi", f"Văn bản số {number}")
    fields.setdefault("subject_en", f"Document No. {number}")
    document = LegalDocument(number=number, date_issued=datetime(*issued).date(), **fields)
    document.save()
    return document


def make_registry(home, title_vi="Văn bản, chính sách", title_en="Documents and policies"):
    from documents.models import DocumentRegistryPage

    registry = DocumentRegistryPage(title_vi=title_vi, title_en=title_en, slug_en="documents")
    return publish_under(home, registry)


def make_exemplar_index(home):
    from exemplars.models import ExemplarIndexPage

    index = ExemplarIndexPage(
        title_vi="Điển hình tiên tiến", title_en="Exemplary models", slug_en="exemplary-models"
    )
    return publish_under(home, index)


def make_profile(index, title_vi=None, title_en=None, awards=(), **fields):
    """A published profile; `awards` are (award, level, year, decision) tuples."""
    from exemplars.models import AwardRecord, ExemplarProfilePage

    number = next(_sequence)
    fields.setdefault("kind", "enterprise")
    fields.setdefault("name", f"Đơn vị {number}")
    fields.setdefault("story_vi", paragraph(f"Câu chuyện {number}."))
    if title_en:
        fields.setdefault("story_en", paragraph(f"Story {number}."))
    profile = ExemplarProfilePage(
        title_vi=title_vi or f"Điển hình số {number}", title_en=title_en, **fields
    )
    profile.awards = [
        AwardRecord(award=award, level=level, year=year, decision=decision)
        for award, level, year, decision in awards
    ]
    return publish_under(index, profile)


def make_report_index(home):
    from reports.models import ConferenceReportIndexPage

    index = ConferenceReportIndexPage(
        title_vi="Báo cáo hội nghị", title_en="Conference reports", slug_en="conference-reports"
    )
    return publish_under(home, index)


def make_report(index, start=(2020, 1, 3), end=None, title_vi=None, title_en=None, **fields):
    from reports.models import ConferenceReportPage

    number = next(_sequence)
    fields.setdefault("place_vi", "Hải Dương")
    fields.setdefault("place_en", "Hai Duong")
    fields.setdefault("organiser_vi", "Khối thi đua")
    fields.setdefault("organiser_en", "The emulation bloc")
    fields.setdefault("summary_vi", f"Tóm tắt hội nghị {number}.")
    if title_en:
        fields.setdefault("summary_en", f"Summary of conference {number}.")
    report = ConferenceReportPage(
        title_vi=title_vi or f"Hội nghị số {number}",
        title_en=title_en,
        start_date=datetime(*start).date(),
        end_date=datetime(*end).date() if end else None,
        **fields,
    )
    return publish_under(index, report)


def ensure_wagtail_tree():
    """The locale, root page and default site Wagtail's migrations create, made again if a
    transactional test before this one flushed them."""
    from django.conf import settings

    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", title_vi="Root", slug="root"))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)
    return root


def sign_in(client, user):
    """Sign `user` in to the admin as a person would: with a second factor when their role
    requires one (see PORTAL_TWO_FACTOR_GROUPS)."""
    from django.conf import settings

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    if user.groups.filter(name__in=settings.PORTAL_TWO_FACTOR_GROUPS).exists():
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, name="test authenticator", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
