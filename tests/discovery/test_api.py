import json

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from news.models import ArticlePage
from tests.discovery.helpers import make_draft_article, make_private
from tests.factories import make_article, make_image


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.django_db
def test_pages_are_served_in_the_language_asked_for(client, section):
    article = make_article(
        section,
        title_vi="Xuất khẩu tăng",
        title_en="Exports rise",
        standfirst_vi="Tóm tắt.",
        standfirst_en="Summary.",
    )
    make_article(section, title_vi="Chưa dịch")
    url = "/api/v2/pages/?type=news.ArticlePage&fields=standfirst,topics"
    assert titles(client, url) == ["Xuất khẩu tăng", "Chưa dịch"]
    assert titles(client, url + "&lang=vi") == ["Xuất khẩu tăng", "Chưa dịch"]
    response = client.get(url + "&lang=en")
    assert response["Content-Language"] == "en"
    (item,) = response.json()["items"]
    assert item["title"] == "Exports rise"
    assert item["standfirst"] == "Summary."
    assert item["meta"]["html_url"].endswith(f"/en/news-and-events/{article.slug_en}/")


@pytest.mark.django_db
def test_an_untranslated_page_is_not_found_in_english(client, section):
    untranslated = make_article(section, title_vi="Chưa dịch")
    assert client.get(f"/api/v2/pages/{untranslated.pk}/").status_code == 200
    assert client.get(f"/api/v2/pages/{untranslated.pk}/?lang=en").status_code == 404


@pytest.mark.django_db
def test_an_unknown_language_is_a_bad_request_that_says_why(client, home):
    response = client.get("/api/v2/pages/?lang=fr")
    assert response.status_code == 400
    assert response.json() == {"message": "unknown language 'fr': lang must be one of vi, en"}
    assert client.get(f"/api/v2/pages/{home.pk}/?lang=zz").status_code == 400


@pytest.mark.django_db
def test_drafts_and_private_pages_never_appear_in_the_api(client, section):
    make_article(section, title_vi="Công khai", title_en="Public")
    draft = make_draft_article(section)
    private = make_private(make_article(section, title_vi="Nội bộ", title_en="Internal"))
    for language in ("vi", "en"):
        found = titles(client, f"/api/v2/pages/?type=news.ArticlePage&lang={language}")
        assert found == (["Công khai"] if language == "vi" else ["Public"])
        for hidden in (draft, private):
            assert client.get(f"/api/v2/pages/{hidden.pk}/?lang={language}").status_code == 404


@pytest.mark.django_db
def test_article_detail_has_body_topics_and_a_lead_image_rendition(client, section):
    article = make_article(
        section, title_vi="Có ảnh", title_en="With a picture", lead_image=make_image()
    )
    data = client.get(f"/api/v2/pages/{article.pk}/?lang=en").json()
    assert data["body"][0]["type"] == "paragraph"
    assert data["lead_image_rendition"]["url"].startswith("/media/images/")
    assert (
        data["lead_image_rendition"]["width"] == 1200
        or data["lead_image_rendition"]["width"] <= 320
    )
    assert data["topics"] == []


@pytest.mark.django_db
def test_images_carry_alt_text_in_both_languages(client):
    image = make_image()
    data = client.get(f"/api/v2/images/{image.pk}/").json()
    assert data["alt_text_vi"] == "Nhà máy trong khu công nghiệp"
    assert data["alt_text_en"] == "A factory in an industrial zone"


@pytest.mark.django_db
def test_documents_in_a_restricted_collection_are_hidden(client):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Nội bộ")
    public = Document.objects.create(
        title="Quyết định công khai", file=ContentFile(b"%PDF-1.4", name="a.pdf")
    )
    hidden = Document.objects.create(
        title="Tài liệu nội bộ", file=ContentFile(b"%PDF-1.4", name="b.pdf"), collection=internal
    )
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    assert titles(client, "/api/v2/documents/") == [public.title]
    assert client.get(f"/api/v2/documents/{hidden.pk}/").status_code == 404


def add_stories(section, how_many):
    """English-ready articles with a picture and two topics each; their ids."""
    from news.models import Topic

    image = make_image()
    ids = []
    for _number in range(how_many):
        article = make_article(section, title_en=f"API story {image.pk}-{len(ids)}")
        article.lead_image = image
        for name in ("Xuất khẩu", "Môi trường"):
            topic, _created = Topic.objects.get_or_create(name_vi=name, defaults={"name_en": name})
            article.topics.add(topic)
        article.save_revision().publish()
        ids.append(article.pk)
    return ids


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "fields",
    [
        "",
        "&fields=standfirst,topics,lead_image_rendition",
    ],
    ids=["default fields", "relation fields"],
)
def test_page_listing_query_count_does_not_grow_with_the_pages(
    section, count_queries, language, fields
):
    url = f"/api/v2/pages/?type=news.ArticlePage{fields}&limit=20&lang={language}"
    ids = add_stories(section, 3)
    small, body = count_queries(url)
    ids += add_stories(section, 12)
    large, body = count_queries(url)
    assert {item["id"] for item in json.loads(body)["items"]} == set(ids)
    assert large <= small


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_page_detail_query_count_does_not_grow_with_its_topics(section, count_queries, language):
    from news.models import Topic

    (article_id,) = add_stories(section, 1)
    url = f"/api/v2/pages/{article_id}/?lang={language}"
    small, body = count_queries(url)
    article = ArticlePage.objects.get(pk=article_id)
    for number in range(8):
        article.topics.add(Topic.objects.create(name_vi=f"Chủ đề {number}", name_en=f"T{number}"))
    article.save_revision().publish()
    large, body = count_queries(url)
    assert len(json.loads(body)["topics"]) == 10
    assert large <= small


def add_media(how_many):
    for number in range(how_many):
        make_image(f"Ảnh {number}")
        Document.objects.create(
            title=f"Văn bản {number}", file=ContentFile(b"%PDF-1.4", name=f"van-ban-{number}.pdf")
        )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_image_and_document_listings_cost_the_same_queries_at_any_size(
    count_queries, language, endpoint
):
    url = f"/api/v2/{endpoint}/?limit=20&lang={language}"
    add_media(3)
    small, body = count_queries(url)
    add_media(12)
    large, body = count_queries(url)
    assert len(json.loads(body)["items"]) == 15
    assert large <= small


API_ENDPOINTS = ["pages", "images", "documents"]
HUGE_NUMBER = "99999999999999999999999"
NUL = "%00"


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_broken_api_query_strings_are_client_errors_not_server_errors(
    client, section, hostile_input, endpoint
):
    article = make_article(section, title_en="Public story")
    parameters = ["lang", "type", "fields", "limit", "order", "child_of", "offset", "search"]
    for parameter in parameters:
        hostile_input.assert_no_server_error(client, f"/api/v2/{endpoint}/", [parameter])
    if endpoint == "pages":
        hostile_input.assert_no_server_error(client, f"/api/v2/pages/{article.pk}/", ["lang"])
    for language in ("xx", "vi-VN", hostile_input.text):
        response = client.get(f"/api/v2/{endpoint}/", {"lang": language})
        assert response.status_code == 400, language
        assert response["Content-Type"] == "application/json"


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_an_offset_past_any_integer_is_a_400(client, section, endpoint):
    make_article(section, title_en="Public story")
    client.raise_request_exception = False
    response = client.get(f"/api/v2/{endpoint}/?offset={HUGE_NUMBER}")
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_a_nul_in_the_search_parameter_is_a_400(client, section, endpoint):
    make_article(section, title_en="Public story")
    client.raise_request_exception = False
    response = client.get(f"/api/v2/{endpoint}/?search=a{NUL}b")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    messages = response.json()["messages"]
    assert messages["en"].startswith("The address holds characters")
    assert messages["vi"] != messages["en"]
