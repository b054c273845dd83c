"""Demo registry: the documents of facts/documents.json, with our own summaries and links.

content/documents.json holds what the facts do not say: a summary of what each document
means for the zones, which ones replaced which, which are related, and which took effect
the day they were signed.
"""

from datetime import date

from demo.data import read_content, read_facts
from demo.drawings import demo_pdf
from demo.pages import home_page, upsert_child_page
from documents.models import (
    DocumentRegistryPage,
    DocumentStatus,
    LegalDocument,
    LegalDocumentAttachment,
)

SCANNED_DECISION = "47/QĐ-BQL"


def registry_page(home, fields):
    page, _changed = upsert_child_page(home, DocumentRegistryPage, show_in_menus=True, **fields)
    return page


def _save_if_changed(document, fields):
    """Save only what differs, so a second run sends no signals and re-links nothing."""
    if document.pk and all(getattr(document, name) == value for name, value in fields.items()):
        return False
    for name, value in fields.items():
        setattr(document, name, value)
    document.save()
    return True


def _document_fields(item, content):
    summary = content["summaries"].get(item["number"], {})
    issued = date.fromisoformat(item["date"])
    on_signature = item["number"] in content["effective_on_signature"]
    return {
        "document_type": item["type"],
        "issuer_vi": item["issuer_vi"],
        "issuer_en": item["issuer_en"],
        "date_issued": issued,
        "effective_date": issued if on_signature else None,
        "subject_vi": item["subject_vi"],
        "subject_en": item["subject_en"],
        "summary_vi": summary.get("summary_vi", ""),
        "summary_en": summary.get("summary_en", ""),
    }


def load(command, **options):
    facts = read_facts("documents.json")
    content = read_content("documents.json")
    registry_page(home_page(), content["index"])
    documents, written = {}, set()
    for item in facts["documents"]:
        number = item["number"]
        document = LegalDocument.objects.filter(number=number).first()
        document = document or LegalDocument(number=number)
        if _save_if_changed(document, _document_fields(item, content)):
            written.add(number)
        documents[number] = document
    for old, new in content["replaced_by"].items():
        replaced = {"status": DocumentStatus.REPLACED, "replaced_by_id": documents[new].pk}
        if _save_if_changed(documents[old], replaced):
            written.add(old)
    for first, second in content["related"]:
        documents[first].related_documents.add(documents[second])
    decision = documents[SCANNED_DECISION]
    if not LegalDocumentAttachment.objects.filter(legal_document=decision).exists():
        LegalDocumentAttachment.objects.create(
            legal_document=decision,
            file=demo_pdf(
                SCANNED_DECISION, ["Thanh lap cac Cum thi dua trong cac KCN", "17/06/2022"]
            ),
            label_vi="Bản quét quyết định (PDF)",
            label_en="Scan of the decision (PDF)",
        )
    command.stdout.write(
        f"Documents registry: {len(documents)} documents ({len(written)} written)."
    )
