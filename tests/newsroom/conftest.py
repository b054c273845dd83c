"""Newsroom fixtures: one user per role, and form data for the real page editor."""

from django.contrib.auth.models import Group, User

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

import pytest

from newsroom import roles

PASSWORD = "mat-khau-thu-nghiem-2026"


def make_user(username, *group_names, language="vi"):
    user = User.objects.create_user(
        username=username, email=f"{username}@example.invalid", password=PASSWORD
    )
    user.groups.set(Group.objects.filter(name__in=group_names))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def editor(db):
    return make_user("bien-tap", roles.EDITORS)


@pytest.fixture
def translator(db):
    return make_user("bien-dich", roles.TRANSLATORS)


@pytest.fixture
def moderator(db):
    return make_user("kiem-duyet", roles.MODERATORS)


@pytest.fixture
def directory_manager(db):
    return make_user("danh-ba", roles.DIRECTORY_MANAGERS)


@pytest.fixture
def administrator(db):
    return make_user("quan-tri", roles.ADMINISTRATORS)


def article_form_data(page=None, **changes):
    """POST data for the article editor: the page's current values, then `changes`.

    Body values are lists of paragraph texts; everything else is a plain form value.
    """
    values = {
        "title_vi": "",
        "title_en": "",
        "slug_vi": "",
        "slug_en": "",
        "standfirst_vi": "",
        "standfirst_en": "",
        "lead_image_caption_vi": "",
        "lead_image_caption_en": "",
        "body_vi": [],
        "body_en": [],
        "published_at": "2026-03-05 09:30",
        "author": "",
        "translator": "",
        "seo_title_vi": "",
        "seo_title_en": "",
        "search_description_vi": "",
        "search_description_en": "",
        "go_live_at": "",
        "expire_at": "",
    }
    if page is not None:
        for name in values:
            if name.startswith("body_"):
                values[name] = [block.value.source for block in getattr(page, name) or []]
            elif name == "published_at":
                values[name] = page.published_at.strftime("%Y-%m-%d %H:%M")
            elif name in ("go_live_at", "expire_at"):
                stamp = getattr(page, name)
                values[name] = stamp.strftime("%Y-%m-%d %H:%M") if stamp else ""
            else:
                values[name] = getattr(page, name) or ""
    values.update(changes)
    for name in ("body_vi", "body_en"):
        values[name] = streamfield(
            [
                ("paragraph", rich_text(text if text.startswith("<") else f"<p>{text}</p>"))
                for text in values[name]
            ]
        )
    values["comments"] = inline_formset([])
    return nested_form_data(values)
