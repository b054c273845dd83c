"""How the news archives page through their articles and count them."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils import translation

from portal.cache import shared_per_content_version

ARTICLES_PER_PAGE = 12


def paginate(request, queryset, per_page=ARTICLES_PER_PAGE, count=None):
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        raise Http404 from None


def listing_count(kind, owner, articles):
    """How many articles a site-wide archive lists, counted once per content version."""
    key = f"news:{kind}:{owner.pk}:{translation.get_language()}:count"
    return shared_per_content_version(key, articles.count)
