"""Finding English interface text on an admin screen rendered for a Vietnamese editor."""

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

import wagtail

import polib

WAGTAIL_DIR = Path(wagtail.__file__).resolve().parent
PROJECT_VI = Path(settings.BASE_DIR) / "locale" / "wagtailadmin" / "vi" / "LC_MESSAGES"
PROJECT_OWN = Path(settings.BASE_DIR) / "locale"
VISIBLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}
SKIPPED_TAGS = {"script", "style", "code", "pre"}
PLACEHOLDER = re.compile(r"%\(|%s|%d|\{")


def _entries(path):
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        yield entry


def _english_forms(entry):
    forms = [entry.msgid]
    if entry.msgid_plural:
        forms.append(entry.msgid_plural)
    return [form for form in forms if form.strip() and not PLACEHOLDER.search(form)]


@cache
def english_interface_strings():
    """Every English msgid our editors can meet, mapped to whether Vietnamese keeps it as is.

    Sources: the English catalogues shipped with Wagtail (all apps), and our own project's
    catalogue. A msgid whose Vietnamese translation is identical (a name like "URL") is allowed.
    """
    vietnamese = {}
    for path in [*PROJECT_VI.glob("*.po"), PROJECT_OWN / "vi" / "LC_MESSAGES" / "django.po"]:
        for entry in _entries(path):
            translated = entry.msgstr or (entry.msgstr_plural or {}).get(0, "")
            if translated and "fuzzy" not in entry.flags:
                vietnamese[entry.msgid] = translated
                if entry.msgid_plural:
                    vietnamese[entry.msgid_plural] = translated
    english = {}
    sources = [
        *WAGTAIL_DIR.glob("**/locale/en/LC_MESSAGES/*.po"),
        PROJECT_OWN / "en" / "LC_MESSAGES" / "django.po",
    ]
    for path in sources:
        for entry in _entries(path):
            for form in _english_forms(entry):
                english[form.strip()] = vietnamese.get(form, vietnamese.get(entry.msgid))
    # Language names in the admin's language menu are written in their own language.
    own_names = {str(name) for _code, name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES}
    return {
        text: translation
        for text, translation in english.items()
        if translation != text and text not in own_names
    }


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.skipping = 0
        self.hidden = []  # [tag, nesting] of the elements marked `hidden` we are inside

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        if self.hidden and self.hidden[-1][0] == tag:
            self.hidden[-1][1] += 1
        if any(name == "hidden" for name, _value in attrs):
            self.hidden.append([tag, 1])
        if self.hidden:
            return
        for name, value in attrs:
            if value and name in VISIBLE_ATTRIBUTES:
                self.texts.append(value)
            if value and name == "value" and dict(attrs).get("type") in {"submit", "button"}:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1
        if self.hidden and self.hidden[-1][0] == tag:
            self.hidden[-1][1] -= 1
            if not self.hidden[-1][1]:
                self.hidden.pop()

    def handle_data(self, data):
        if not self.skipping and not self.hidden:
            self.texts.append(data)


def visible_texts(html):
    parser = _VisibleText()
    parser.feed(html)
    texts = set()
    for text in parser.texts:
        text = " ".join(text.split())
        if text:
            texts.add(text)
            texts.add(text.rstrip(":…").strip())
    return texts


def json_label_texts(html):
    """Labels handed to the JavaScript side (block and panel definitions) in JSON."""
    labels = set()
    for match in re.finditer(
        r'<script[^>]*type="application/json"[^>]*>(.*?)</script>', html, re.S
    ):
        try:
            data = json.loads(match.group(1))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for key, value in item.items():
                    if key in {"label", "title", "helpText", "heading", "text"} and isinstance(
                        value, str
                    ):
                        labels.add(" ".join(value.split()))
                    else:
                        stack.append(value)
            elif isinstance(item, list):
                stack.extend(item)
    return labels


def untranslated_strings(html):
    """English interface strings shown on the page that have a Vietnamese translation
    elsewhere, or none at all."""
    english = english_interface_strings()
    shown = visible_texts(html) | json_label_texts(html)
    return sorted(text for text in shown if text in english)
