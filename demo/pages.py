"""Idempotent page writing for the demo loaders: same input, no new revision."""

import json

from wagtail.fields import StreamField
from wagtail.models import Page, Site

from news.models import HomePage


def home_page():
    """The site's home page, created in place of Wagtail's welcome page on first run."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title_vi="Trang chủ",
            title_en="Home",
            slug_vi="trang-chu",
            slug_en="portal-home",
            intro_vi="Cổng thông tin của Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh.",
            intro_en="The portal of the Bac Ninh Industrial Zones Authority.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.site_name = "Ban Quản lý các KCN Bắc Ninh"
        site.save()
        if not isinstance(welcome.specific, HomePage) and not welcome.get_children().exists():
            welcome.delete()
    return home


def _without_block_ids(data):
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_block_ids(value) for key, value in data.items() if key != "id"}
    return data


def _comparable(page, name, value):
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        prepared = field.get_prep_value(field.to_python(value)) or []
        if isinstance(prepared, str):
            prepared = json.loads(prepared)
        return _without_block_ids(prepared)
    return value


def _differs(page, fields):
    return any(
        _comparable(page, name, getattr(page, name)) != _comparable(page, name, value)
        for name, value in fields.items()
    )


def upsert_child_page(parent, model, slug_vi, many_to_many=None, **fields):
    """Create or update `parent`'s child with `slug_vi`, publishing only when something changed.

    Returns (page, created_or_changed).
    """
    many_to_many = many_to_many or {}
    existing = Page.objects.child_of(parent).filter(slug_vi=slug_vi).first()
    if existing is None:
        page = model(slug_vi=slug_vi, **fields)
        for name, values in many_to_many.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, True
    page = existing.specific
    current_related = {
        name: {item.pk for item in getattr(page, name).all()} for name in many_to_many
    }
    wanted_related = {name: {item.pk for item in values} for name, values in many_to_many.items()}
    if not _differs(page, fields) and current_related == wanted_related and page.live:
        return page, False
    for name, value in fields.items():
        setattr(page, name, value)
    for name, values in many_to_many.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return page, True


def _child_rows(page, relation, names):
    return [
        {name: getattr(child, name) for name in names} for child in getattr(page, relation).all()
    ]


def upsert_child_page_with_children(parent, model, slug_vi, children, **fields):
    """`upsert_child_page` for pages with InlinePanel rows: `children` maps a child relation
    name to a list of field dicts, written (and published) only when they changed."""
    page, changed = upsert_child_page(parent, model, slug_vi=slug_vi, **fields)
    stale = {
        relation: rows
        for relation, rows in children.items()
        if _child_rows(page, relation, rows[0].keys() if rows else ()) != rows
        or getattr(page, relation).count() != len(rows)
    }
    if stale:
        for relation, rows in stale.items():
            child_model = getattr(page, relation).model
            setattr(page, relation, [child_model(**row) for row in rows])
        page.save_revision().publish()
    return page, changed or bool(stale)
