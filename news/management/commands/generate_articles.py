"""Bulk-create clearly generated articles for benchmarks and load tests."""

import json
import random
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Page

from images.models import PortalImage
from news.models import ArticlePage, SectionPage, Topic
from portal.cache import bump_content_version
from portal.text import vietnamese_slugify

FACTS = settings.BASE_DIR.parent / "shared" / "facts" / "zones.json"
FALLBACK_ZONES = [("KCN Quế Võ", "Que Vo Industrial Zone"), ("KCN Yên Phong", "Yen Phong IZ")]

HEADLINES_VI = [
    "{zone}: doanh nghiệp mở rộng dây chuyền sản xuất quý {quarter}",
    "Công đoàn {zone} tổ chức hội thao cho người lao động năm {year}",
    "{zone} đón đoàn khảo sát đầu tư, tháng {month}",
    "Tuyên dương tập thể lao động tiêu biểu tại {zone}",
]
HEADLINES_EN = [
    "{zone}: enterprises extend production lines in Q{quarter}",
    "{zone} union holds a sports day for workers in {year}",
    "{zone} receives an investment survey team in month {month}",
    "Outstanding work teams at {zone} commended",
]
PARAGRAPHS_VI = [
    "Bài viết này được tạo tự động để đo hiệu năng của cổng thông tin tại {zone}.",
    "Số lao động tham gia phong trào thi đua năm {year} tăng so với năm trước.",
    "Ban Quản lý các KCN sẽ tiếp tục theo dõi và hỗ trợ doanh nghiệp trong quý {quarter}.",
]
PARAGRAPHS_EN = [
    "This article was generated to measure the portal's speed at {zone}.",
    "More workers joined the emulation movement in {year} than the year before.",
    "The Authority will keep following and supporting enterprises in Q{quarter}.",
]


def _zones():
    try:
        zones = json.loads(FACTS.read_text(encoding="utf-8"))["zones"]
        return [(zone["name_vi"], zone["name_en"]) for zone in zones] or FALLBACK_ZONES
    except (OSError, KeyError, ValueError):
        return FALLBACK_ZONES


def _body(paragraphs, values):
    return [
        {"type": "paragraph", "value": f"<p>{escape(text.format(**values))}</p>", "id": None}
        for text in paragraphs
    ]


class Command(BaseCommand):
    help = (
        "Bulk-create N generated articles spread over the live news sections, fast (thousands "
        "a minute): page rows are written in batches with their tree paths computed directly. "
        "For benchmarks and load tests only; run load_demo first. Titles say they are generated."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to add.")
        parser.add_argument("--seed", type=int, default=8, help="Random seed (repeatable runs).")

    def handle(self, *args, count, seed, **options):
        sections = list(SectionPage.objects.live().order_by("path"))
        template = ArticlePage.objects.live().first()
        if not sections or template is None:
            raise CommandError("Run load_demo first: no live section or article to copy from.")
        randomiser = random.Random(seed)
        images = list(PortalImage.objects.values_list("pk", flat=True)) or [None]
        topics = list(Topic.objects.values_list("pk", flat=True))
        zones = _zones()
        per_section = [count // len(sections)] * len(sections)
        for index in range(count % len(sections)):
            per_section[index] += 1
        made = 0
        for section, amount in zip(sections, per_section, strict=True):
            with transaction.atomic():
                made += self.fill(section, amount, template, randomiser, images, topics, zones)
            self.stdout.write(f"  {section.title}: +{amount}")
        bump_content_version()
        # Thousands of rows arrived at once: without fresh statistics PostgreSQL plans the
        # neighbour and related-article queries as sorts of a whole section (9 ms, not 0.1).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Generated {made} articles."))

    def fill(self, section, amount, template, randomiser, images, topics, zones):
        last = section.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        page_fields = [
            field.attname for field in Page._meta.concrete_fields if field.attname != "id"
        ]
        start = timezone.make_aware(datetime(2016, 1, 1))
        articles = []
        for _number in range(amount):
            step += 1
            serial = uuid.uuid4().hex[:8]
            zone_vi, zone_en = randomiser.choice(zones)
            published_at = start + timedelta(minutes=randomiser.randrange(0, 10 * 365 * 24 * 60))
            values = {
                "zone": zone_vi,
                "year": published_at.year,
                "month": published_at.month,
                "quarter": (published_at.month - 1) // 3 + 1,
            }
            title_vi = randomiser.choice(HEADLINES_VI).format(**values) + f" ({serial})"
            english = randomiser.random() < 0.6
            title_en = (
                randomiser.choice(HEADLINES_EN).format(**{**values, "zone": zone_en})
                + f" ({serial})"
                if english
                else None
            )
            slug_vi = vietnamese_slugify(title_vi)
            slug_en = vietnamese_slugify(title_en) if english else None
            article = ArticlePage(
                **{name: getattr(template, name) for name in page_fields},
                standfirst_vi=f"Bài tạo tự động ({serial}) cho việc đo hiệu năng.",
                standfirst_en=f"Generated article ({serial}) for speed tests." if english else "",
                lead_image_id=randomiser.choice(images),
                lead_image_caption_vi=zone_vi,
                lead_image_caption_en=zone_en if english else "",
                body_vi=_body(PARAGRAPHS_VI, values),
                body_en=_body(PARAGRAPHS_EN, {**values, "zone": zone_en}) if english else [],
                author="Generated",
                translator="",
                published_at=published_at,
                event_thread=None,
            )
            article.path = Page._get_path(section.path, section.depth + 1, step)
            article.depth = section.depth + 1
            article.numchild = 0
            article.translation_key = uuid.uuid4()
            article.title = article.title_vi = article.draft_title = title_vi
            article.title_en = title_en
            article.slug = article.slug_vi = slug_vi
            article.slug_en = slug_en
            article.url_path = article.url_path_vi = f"{section.url_path_vi}{slug_vi}/"
            article.url_path_en = (
                f"{section.url_path_en or section.url_path_vi}{slug_en or slug_vi}/"
            )
            article.seo_title = article.seo_title_vi = article.seo_title_en = ""
            article.search_description = ""
            article.search_description_vi = article.search_description_en = ""
            article.latest_revision_id = article.live_revision_id = None
            article.live = True
            article.has_unpublished_changes = False
            article.first_published_at = article.last_published_at = published_at
            article.latest_revision_created_at = None
            article.locked = False
            article.locked_at = article.locked_by_id = article.owner_id = None
            article.alias_of_id = None
            article.english_ready = english
            articles.append(article)
        pages = Page.objects.bulk_create(
            [
                Page(**{name: getattr(article, name) for name in page_fields})
                for article in articles
            ],
            batch_size=500,
        )
        for page, article in zip(pages, articles, strict=True):
            article.pk = article.page_ptr_id = article.id = page.pk
            article.save_base(raw=True, force_insert=True)
        if topics:
            through = ArticlePage.topics.through
            through.objects.bulk_create(
                [
                    through(articlepage_id=article.pk, topic_id=randomiser.choice(topics))
                    for article in articles
                ],
                batch_size=1000,
            )
        Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + amount)
        return len(articles)
