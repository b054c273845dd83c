"""Related articles: the same thread first, then a shared topic, then the same section."""

import re

import pytest

from news.models import EventThread, Topic
from tests.factories import make_article, make_section, vi_url


def related_titles(client, article):
    body = client.get(vi_url(article)).content.decode()
    related = body.split('id="related-title"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', related)


@pytest.fixture
def topic():
    return Topic.objects.create(name_vi="Công đoàn", name_en="Trade unions")


@pytest.mark.parametrize("threshold", [0, 10_000], ids=["walk-newest", "sort-sharers"])
def test_a_shared_topic_gives_the_newest_sharers_in_either_strategy(
    client, home, section, topic, monkeypatch, threshold
):
    monkeypatch.setattr("news.models.article.RELATED_WALK_THRESHOLD", threshold)
    other_section = make_section(home, title_vi="Đầu tư", title_en="Investment")
    for day in range(1, 6):
        make_article(
            other_section, title_vi=f"Liên quan {day}", published=(2023, 1, day), topics=[topic]
        )
    make_article(section, title_vi="Không chung chủ đề", published=(2023, 2, 1))
    reader = make_article(section, title_vi="Bài đang đọc", published=(2022, 1, 1), topics=[topic])
    assert related_titles(client, reader) == ["Liên quan 5", "Liên quan 4", "Liên quan 3"]


def test_unpublished_sharers_are_never_related(client, section, topic):
    hidden = make_article(section, title_vi="Liên quan 7", published=(2023, 3, 1), topics=[topic])
    hidden.unpublish()
    make_article(section, title_vi="Liên quan 1", published=(2023, 1, 1), topics=[topic])
    reader = make_article(section, title_vi="Bài đang đọc", topics=[topic])
    assert related_titles(client, reader) == ["Liên quan 1"]


def test_a_thread_outranks_topics_and_no_topic_falls_back_to_the_section(client, section, topic):
    thread = EventThread.objects.create(title_vi="Đại hội", title_en="Congress", slug="dai-hoi")
    make_article(section, title_vi="Liên quan 1", published=(2023, 1, 1), event_thread=thread)
    make_article(section, title_vi="Liên quan 2", published=(2023, 1, 2), topics=[topic])
    on_thread = make_article(
        section, title_vi="Bài trong dòng", event_thread=thread, topics=[topic]
    )
    assert related_titles(client, on_thread) == ["Liên quan 1"]
    loner = make_article(section, title_vi="Bài không chủ đề")
    assert related_titles(client, loner) == ["Liên quan 2", "Liên quan 1", "Bài trong dòng"]
