"""Feed URLs, mounted under each language prefix at `feeds/`."""

from django.urls import path

from discovery.feeds import ArticleFeed, AtomArticleFeed

app_name = "feeds"

urlpatterns = [
    path("rss.xml", ArticleFeed(), name="site_rss"),
    path("atom.xml", AtomArticleFeed(), name="site_atom"),
    path("<slug:scope>/<slug:slug>/rss.xml", ArticleFeed(), name="scoped_rss"),
    path("<slug:scope>/<slug:slug>/atom.xml", AtomArticleFeed(), name="scoped_atom"),
]
