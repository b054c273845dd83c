"""The news section: home page, sections with their archives, articles, topics and threads.

One module per page type, as consumerfinance.gov's v1/models/; what other apps use is
imported here, so `from news.models import ArticlePage` names the same class as before.
"""

from news.models.article import (
    ARTICLE_CARD_FIELDS,
    ArticlePage,
    article_cards,
    published_articles,
    topic_sizes,
)
from news.models.home import HomePage
from news.models.listings import ARTICLES_PER_PAGE, listing_count, paginate
from news.models.section import SectionPage
from news.models.snippets import EventThread, Topic

__all__ = [
    "ARTICLES_PER_PAGE",
    "ARTICLE_CARD_FIELDS",
    "ArticlePage",
    "EventThread",
    "HomePage",
    "SectionPage",
    "Topic",
    "article_cards",
    "listing_count",
    "paginate",
    "published_articles",
    "topic_sizes",
]
