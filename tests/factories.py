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


def make_home():
    root = Page.get_first_root_node()
    home = HomePage(title_vi="Trang chủ", title_en="Home", slug_vi="trang-chu", slug_en="home")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def make_section(home, title_vi="Tin tức - Sự kiện", title_en="News and events", **fields):
    section = SectionPage(title_vi=title_vi, title_en=title_en, show_in_menus=True, **fields)
    home.add_child(instance=section)
    section.save_revision().publish()
    return section


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
    section.add_child(instance=article)
    article.save_revision().publish()
    return article


def vi_url(page):
    """The page's Vietnamese URL, whatever language the last request left active."""
    return page_url_in(page, "vi")


def en_url(page):
    return page_url_in(page, "en")
