"""Demo exemplary models from content/exemplars.json: the three cluster leaders, the
authority, and two illustrative profiles (clearly marked as such) that give the honour roll
something to show."""

from django.utils.html import escape

from demo.data import read_content
from demo.drawings import demo_image
from demo.pages import home_page, upsert_child_page, upsert_child_page_with_children
from documents.models import LegalDocument
from exemplars.models import ExemplarIndexPage, ExemplarProfilePage
from portal.text import vietnamese_slugify


def _story(paragraphs):
    return [("paragraph", f"<p>{escape(text)}</p>") for text in paragraphs]


def _write_profile(index, profile, known_documents):
    photo = demo_image(
        f"exemplar-{profile['key']}",
        profile["motif"],
        profile["organisation_vi"],
        profile["organisation_en"],
        "Ảnh minh hoạ",
    )
    awards = [
        {**award, "decision": known_documents.get(award.get("decision", ""))}
        for award in profile["awards"]
    ]
    _page, changed = upsert_child_page_with_children(
        index,
        ExemplarProfilePage,
        slug_vi=vietnamese_slugify(profile["title_vi"]),
        children={"awards": awards},
        title_vi=profile["title_vi"],
        title_en=profile["title_en"],
        slug_en=vietnamese_slugify(profile["title_en"]),
        kind=profile["kind"],
        name=profile["name"],
        organisation_vi=profile["organisation_vi"],
        organisation_en=profile["organisation_en"],
        zone_vi=profile["zone_vi"],
        zone_en=profile["zone_en"],
        photo=photo,
        summary_vi=profile["summary_vi"],
        summary_en=profile["summary_en"],
        story_vi=_story(profile["story_vi"]),
        story_en=_story(profile["story_en"]),
    )
    return changed


def load(command, **options):
    content = read_content("exemplars.json")
    index, _changed = upsert_child_page(
        home_page(), ExemplarIndexPage, show_in_menus=True, **content["index"]
    )
    known = {document.number: document for document in LegalDocument.objects.all()}
    profiles = content["profiles"]
    written = sum(int(_write_profile(index, profile, known)) for profile in profiles)
    command.stdout.write(f"Exemplary models: {len(profiles)} profiles ({written} written).")
