"""Draw the site's logo, favicon and default sharing picture into static/img/."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from PIL import Image, ImageDraw, ImageFont

BRAND = (11, 79, 138)
BRAND_DARK = (8, 58, 102)
SUN = (255, 191, 71)
WHITE = (255, 255, 255)
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def _font(size):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def _factory_mark(pen, left, top, size, roof=WHITE, sun=SUN):
    """Three saw-tooth factory roofs under a rising sun: the authority's plain emblem."""
    pen.ellipse([left + size * 0.55, top, left + size * 0.95, top + size * 0.4], fill=sun)
    base = top + size * 0.95
    step = size / 3
    for index in range(3):
        x = left + index * step
        pen.polygon(
            [(x, base), (x, top + size * 0.45), (x + step, top + size * 0.62), (x + step, base)],
            fill=roof,
        )


def draw_logo(size=512):
    picture = Image.new("RGB", (size, size), BRAND)
    pen = ImageDraw.Draw(picture)
    margin = size * 0.16
    _factory_mark(pen, margin, margin, size - 2 * margin)
    return picture


def draw_sharing_image(width=1200, height=630):
    picture = Image.new("RGB", (width, height), BRAND)
    pen = ImageDraw.Draw(picture)
    pen.rectangle([0, height - 90, width, height], fill=BRAND_DARK)
    _factory_mark(pen, 80, 110, 300)
    pen.text((440, 170), "Ban Quản lý các KCN", font=_font(62), fill=WHITE)
    pen.text((440, 250), "tỉnh Bắc Ninh", font=_font(62), fill=WHITE)
    pen.text((440, 350), "Bac Ninh Industrial Zones Authority", font=_font(34), fill=SUN)
    pen.text((80, height - 65), "Tin tức · Khu công nghiệp · Đầu tư", font=_font(30), fill=WHITE)
    return picture


class Command(BaseCommand):
    help = (
        "Draw static/img/logo.png, favicon.png and share-default.png (the picture social "
        "networks show for pages without a lead image). The results are committed; run this "
        "again only to change the design."
    )

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "static" / "img"
        folder.mkdir(parents=True, exist_ok=True)
        logo = draw_logo()
        logo.save(folder / "logo.png", optimize=True)
        logo.resize((48, 48), Image.LANCZOS).save(folder / "favicon.png", optimize=True)
        draw_sharing_image().convert("P", palette=Image.ADAPTIVE, colors=32).save(
            folder / "share-default.png", optimize=True
        )
        for name in ("logo.png", "favicon.png", "share-default.png"):
            size = (folder / name).stat().st_size
            self.stdout.write(f"static/img/{name}: {size // 1024} KiB")
