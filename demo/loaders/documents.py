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


def _write_document(item, content):
    summary = content["summaries"].get(item["number"], {})
    issued = date.fromisoformat(item["date"])
    on_signature = item["number"] in content["effective_on_signature"]
    document = LegalDocument.objects.filter(number=item["number"]).first() or LegalDocument(
        number=item["number"]
    )
    document.document_type = item["type"]
    document.issuer_vi = item["issuer_vi"]
    document.issuer_en = item["issuer_en"]
    document.date_issued = issued
    document.effective_date = issued if on_signature else None
    document.subject_vi = item["subject_vi"]
    document.subject_en = item["subject_en"]
    document.summary_vi = summary.get("summary_vi", "")
    document.summary_en = summary.get("summary_en", "")
    document.save()
    return document


def load(command, **options):
    facts = read_facts("documents.json")
    content = read_content("documents.json")
    registry_page(home_page(), content["index"])
    documents = {item["number"]: _write_document(item, content) for item in facts["documents"]}
    for old, new in content["replaced_by"].items():
        document = documents[old]
        document.status = DocumentStatus.REPLACED
        document.replaced_by = documents[new]
        document.save()
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
    command.stdout.write(f"Documents registry: {len(documents)} documents.")
