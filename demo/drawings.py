"""Pictures and PDFs for the demo content, drawn here with Pillow so nothing is downloaded.

Each is stored once under a fixed title and found again by that title on later runs.
"""

import io
import random

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model

from PIL import Image, ImageDraw

from images.models import PortalImage

WIDTH, HEIGHT = 1200, 750
PALETTES = {
    "factory": ((28, 74, 122), (214, 228, 240), (90, 96, 104)),
    "meeting": ((120, 32, 40), (246, 232, 214), (196, 150, 60)),
    "workers": ((18, 98, 84), (226, 242, 232), (230, 160, 40)),
    "landscape": ((46, 110, 60), (200, 230, 250), (120, 160, 80)),
    "award": ((140, 20, 24), (252, 236, 200), (222, 176, 40)),
    "chart": ((30, 40, 90), (236, 240, 250), (60, 140, 200)),
}


def _draw(motif, seed):
    rng = random.Random(seed)
    dark, light, accent = PALETTES.get(motif, PALETTES["factory"])
    picture = Image.new("RGB", (WIDTH, HEIGHT), light)
    pen = ImageDraw.Draw(picture)
    for row in range(HEIGHT):
        share = row / HEIGHT
        colour = tuple(int(light[i] * (1 - share) + dark[i] * share * 0.35) for i in range(3))
        pen.line([(0, row), (WIDTH, row)], fill=colour)
    ground = int(HEIGHT * 0.72)
    pen.rectangle([0, ground, WIDTH, HEIGHT], fill=dark)
    if motif in {"factory", "landscape"}:
        x = 40
        while x < WIDTH - 60:
            width = rng.randint(90, 200)
            height = rng.randint(90, 260)
            pen.rectangle([x, ground - height, x + width, ground], fill=accent)
            if rng.random() < 0.5:
                pen.rectangle([x + 20, ground - height - 120, x + 45, ground - height], fill=dark)
            x += width + rng.randint(10, 60)
    elif motif == "chart":
        bars = 7
        for index in range(bars):
            height = rng.randint(80, ground - 80)
            left = 120 + index * 140
            pen.rectangle([left, ground - height, left + 90, ground], fill=accent)
    else:
        for _person in range(rng.randint(5, 9)):
            cx = rng.randint(80, WIDTH - 80)
            size = rng.randint(40, 70)
            top = ground - size * 4
            pen.ellipse([cx - size // 2, top, cx + size // 2, top + size], fill=accent)
            pen.rounded_rectangle([cx - size, top + size + 8, cx + size, ground], 20, fill=dark)
        if motif == "award":
            pen.regular_polygon((WIDTH // 2, HEIGHT // 4, 90), 5, fill=accent)
    return picture


def demo_image(key, motif, alt_vi, alt_en, credit=""):
    """The demo picture named `key`, drawn once; later calls return the same image."""
    title = f"demo-{key}"
    existing = PortalImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    _draw(motif, key).save(buffer, format="JPEG", quality=82)
    return PortalImage.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{title}.jpg"),
        alt_text_vi=alt_vi[:255],
        alt_text_en=(alt_en or alt_vi)[:255],
        credit=credit,
    )


def site_plan_picture(zone):
    """A drawn bird's-eye plan of factory plots (not a photograph), one per zone, made once.

    Its title does not start with "demo-", the prefix of the articles' pictures.
    """
    title = f"so-do-kcn-{zone['slug']}"
    existing = PortalImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rng = random.Random(title)
    width, height = 960, 600
    picture = Image.new("RGB", (width, height), (214, 226, 204))
    pen = ImageDraw.Draw(picture)
    for x in range(0, width, 240):
        pen.rectangle([x + 100, 0, x + 124, height], fill=(120, 120, 120))
    for y in range(0, height, 200):
        pen.rectangle([0, y + 88, width, y + 104], fill=(120, 120, 120))
    for x in range(0, width, 240):
        for y in range(0, height, 200):
            for left, top in (
                (x + 8, y + 8),
                (x + 132, y + 8),
                (x + 8, y + 112),
                (x + 132, y + 112),
            ):
                if rng.random() < 0.8:
                    shade = rng.choice([(178, 190, 204), (200, 170, 130), (150, 168, 186)])
                    pen.rectangle(
                        [left, top, left + 84, top + 70], fill=shade, outline=(70, 80, 90)
                    )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return PortalImage.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"{title}.png"),
        alt_text_vi=f"Sơ đồ minh họa các lô nhà xưởng trong {zone['name_vi']}",
        alt_text_en=f"Illustrative plan of the factory plots in {zone['name_en']}",
        credit="Ban Quản lý các KCN Bắc Ninh",
    )


def demo_pdf(title, lines):
    """A one-page PDF drawn with Pillow, stored once as a Wagtail document."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = Image.new("RGB", (595, 842), "white")
    pen = ImageDraw.Draw(picture)
    for row, line in enumerate([title, "", *lines, "", "Demo file / Tệp minh hoạ"]):
        pen.text((60, 80 + row * 24), line, fill=(20, 20, 20))
    buffer = io.BytesIO()
    picture.save(buffer, format="PDF")
    document = Document(title=title)
    document.file.save(f"{title[:40].replace('/', '-')}.pdf", ContentFile(buffer.getvalue()))
    document.save()
    return document
