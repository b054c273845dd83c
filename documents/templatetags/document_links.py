from django import template

from documents.linking import link_document_numbers as link_numbers

register = template.Library()


@register.filter(name="link_document_numbers")
def link_document_numbers(value):
    """`{{ value|richtext|link_document_numbers }}`: registry numbers become links."""
    return link_numbers(value)
