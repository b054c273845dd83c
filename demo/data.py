"""Readers for the demo's data files, which live in this package and nowhere else."""

import json
from pathlib import Path

FACTS_DIR = Path(__file__).resolve().parent / "facts"
CONTENT_DIR = Path(__file__).resolve().parent / "content"


def read_facts(name):
    """One facts file (`zones.json`, ...): names, numbers and dates, no prose of ours."""
    return json.loads((FACTS_DIR / name).read_text(encoding="utf-8"))


def read_content(name):
    """One file of our own demo text (`articles.json`, `zones.json`, ...)."""
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))
