"""The import arrow points from `demo` to the domain apps: no app of the site imports the demo."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings


def _imported_modules(source):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_no_app_of_the_site_imports_the_demo():
    base = Path(settings.BASE_DIR).resolve()
    own_apps = [
        Path(config.path).resolve()
        for config in apps.get_app_configs()
        if config.name != "demo" and Path(config.path).resolve().is_relative_to(base)
    ]
    assert {path.name for path in own_apps} >= {"portal", "news", "zones", "search"}
    importers = [
        f"{path.relative_to(base)}: {module}"
        for app in own_apps
        for path in app.rglob("*.py")
        for module in _imported_modules(path.read_text(encoding="utf-8"))
        if module == "demo" or module.startswith("demo.")
    ]
    assert importers == []
