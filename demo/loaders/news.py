"""Demo news: sections, topics, event threads and articles from content/articles.json."""

from datetime import datetime

from django.utils import timezone
from django.utils.html import escape

from demo.data import read_content
from demo.drawings import demo_image
from demo.pages import home_page, upsert_child_page
from news.models import ArticlePage, EventThread, SectionPage, Topic
from portal.text import vietnamese_slugify


def _paragraphs(paragraphs):
    return [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs or []]


def _table(table, english):
    header = table.get("header_en") if english else table.get("header")
    caption = table.get("caption_en") if english else table.get("caption_vi")
    return (
        "table",
        {
            "caption": caption or "",
            "table": {
                "data": [header or table["header"], *table["rows"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": caption or "",
            },
        },
    )


def _body(article, english):
    paragraphs = article["body_en"] if english else article["body_vi"]
    if not paragraphs:
        return []
    blocks = _paragraphs(paragraphs[:2])
    quote = article.get("quote")
    quote_text = quote and (quote.get("text_en") if english else quote.get("text_vi"))
    if quote_text:
        blocks.append(("quote", {"text": quote_text, "attribution": quote["attribution"]}))
    if article.get("table"):
        blocks.append(_table(article["table"], english))
    blocks.extend(_paragraphs(paragraphs[2:]))
    return blocks


def load(command, **options):
    data = read_content("articles.json")
    home = home_page()
    topics = {}
    for item in data["topics"]:
        topic, _created = Topic.objects.update_or_create(
            slug=item["slug"], defaults={"name_vi": item["name_vi"], "name_en": item["name_en"]}
        )
        topics[item["slug"]] = topic
    threads = {}
    for item in data["event_threads"]:
        thread, _created = EventThread.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "title_vi": item["title_vi"],
                "title_en": item["title_en"],
                "intro_vi": item.get("intro_vi", ""),
                "intro_en": item.get("intro_en", ""),
            },
        )
        threads[item["slug"]] = thread
    sections = {}
    for item in data["sections"]:
        section, _changed = upsert_child_page(
            home,
            SectionPage,
            slug_vi=_section_slug(item),
            title_vi=item["title_vi"],
            title_en=item["title_en"],
            slug_en=vietnamese_slugify(item["title_en"]),
            intro_vi=item.get("intro_vi", ""),
            intro_en=item.get("intro_en", ""),
            show_in_menus=True,
        )
        sections[item["key"]] = section
    changed = 0
    for article in data["articles"]:
        changed += _load_article(article, sections, topics, threads)
    command.stdout.write(
        f"News: {len(sections)} sections, {len(data['articles'])} articles ({changed} written)."
    )


def _section_slug(item):
    return vietnamese_slugify(item["title_vi"])


def _load_article(article, sections, topics, threads):
    image_info = article["image"]
    image = demo_image(
        article["key"],
        image_info["motif"],
        image_info["caption_vi"],
        image_info.get("caption_en"),
        image_info.get("credit", ""),
    )
    published_at = timezone.make_aware(datetime.fromisoformat(article["published_at"]))
    english = bool(article.get("title_en"))

    page, changed = upsert_child_page(
        sections[article["section"]],
        ArticlePage,
        slug_vi=vietnamese_slugify(article["title_vi"]),
        many_to_many={"topics": [topics[slug] for slug in article.get("topics", [])]},
        title_vi=article["title_vi"],
        title_en=article.get("title_en") or None,
        slug_en=vietnamese_slugify(article["title_en"]) if english else None,
        standfirst_vi=article.get("standfirst_vi") or "",
        standfirst_en=article.get("standfirst_en") or "",
        lead_image=image,
        lead_image_caption_vi=image_info.get("caption_vi") or "",
        lead_image_caption_en=image_info.get("caption_en") or "",
        body_vi=_body(article, english=False),
        body_en=_body(article, english=True),
        author=article.get("author", ""),
        translator=article.get("translator") or "",
        published_at=published_at,
        first_published_at=published_at,
        event_thread=threads.get(article.get("event_thread") or ""),
    )
    return int(changed)
