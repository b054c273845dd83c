"""Finding English interface text on an admin screen rendered for a Vietnamese editor."""

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
from django.conf import settings

import wagtail
import wagtail_modeltranslation

import polib

WAGTAIL_DIR = Path(wagtail.__file__).resolve().parent
DJANGO_DIR = Path(django.__file__).resolve().parent
# Packages that call gettext in the admin without shipping an English catalogue.
UNCATALOGUED = [Path(wagtail_modeltranslation.__file__).resolve().parent]
GETTEXT_CALL = re.compile(r"""\b_\(\s*["']([^"']+)["']\s*\)""")
PROJECT_VI = Path(settings.BASE_DIR) / "locale" / "wagtailadmin" / "vi" / "LC_MESSAGES"
PROJECT_OWN = Path(settings.BASE_DIR) / "locale"
VISIBLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}
SKIPPED_TAGS = {"script", "style", "code", "pre"}
PLACEHOLDER = re.compile(r"%\((\w+)\)([sdfi])|%([sdfi])|\{\w*\}")
ENGLISH_WORD = re.compile(r"[A-Za-z]{4,}")


def _entries(path):
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        yield entry


def _catalogued_english():
    sources = [
        *WAGTAIL_DIR.glob("**/locale/en/LC_MESSAGES/*.po"),
        DJANGO_DIR / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po",
        *DJANGO_DIR.glob("contrib/{auth,admin,humanize}/locale/en/LC_MESSAGES/django.po"),
        PROJECT_OWN / "en" / "LC_MESSAGES" / "django.po",
    ]
    for path in sources:
        for entry in _entries(path):
            for form in entry_forms(entry):
                yield form, entry.msgid
    for package in UNCATALOGUED:
        for module in package.glob("*.py"):
            for match in GETTEXT_CALL.finditer(module.read_text(encoding="utf-8")):
                yield match.group(1), match.group(1)


def entry_forms(entry):
    forms = [entry.msgid]
    if entry.msgid_plural:
        forms.append(entry.msgid_plural)
    return [form for form in forms if form.strip()]


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
    for form, msgid in _catalogued_english():
        english[form.strip()] = vietnamese.get(form, vietnamese.get(msgid))
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
        if any(character.isalpha() for character in text):
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


@cache
def english_patterns():
    """Regular expressions for the English msgids with placeholders ("%(num)d minutes")."""
    patterns = []
    for text in english_interface_strings():
        if not PLACEHOLDER.search(text):
            continue
        literal = PLACEHOLDER.sub(" ", text)
        if not ENGLISH_WORD.search(literal):
            continue
        parts = []
        position = 0
        for match in PLACEHOLDER.finditer(text):
            parts.append(re.escape(text[position : match.start()]))
            number = (match.group(2) or match.group(3)) in {"d", "i", "f"}
            parts.append(r"\d[\d.,]*" if number else r".+?")
            position = match.end()
        parts.append(re.escape(text[position:]))
        patterns.append((text, re.compile(r"(?<![A-Za-z])" + "".join(parts) + r"(?![A-Za-z])")))
    return patterns


SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
STRING_LITERAL = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"")


def script_texts(html):
    """Multi-word string literals of inline scripts, which some packages write labels into."""
    texts = set()
    for script in SCRIPT.finditer(html):
        for match in STRING_LITERAL.finditer(script.group(1)):
            text = match.group(1) if match.group(1) is not None else match.group(2)
            if " " in text.strip():
                texts.add(" ".join(text.split()))
    return texts


def untranslated_strings(html):
    """English interface strings shown on the page: whole texts equal to an English msgid,
    or texts in which an English msgid with placeholders appears filled in."""
    english = english_interface_strings()
    shown = visible_texts(html) | json_label_texts(html) | script_texts(html)
    found = {text for text in shown if text in english and not PLACEHOLDER.search(text)}
    for msgid, pattern in english_patterns():
        found.update(f"{text} ({msgid})" for text in shown if pattern.search(text))
    return sorted(found)
