"""Which app imports which: the framework apps import no domain app, and no apps import
each other round a circle (CONVENTIONS.md, "Who owns what").

The graph is read from the source, not from what happens to be loaded: every tracked .py
file of a project app (migrations and tests left out) is parsed with `ast`, and an import
of another app's module is an arrow from the importing app to that app. Imports inside
functions count like the others: a lazy import ties two apps together just the same, it
only hides the tie from Python until the function runs. Imports by name
(`importlib.import_module("news.demo")`) are not seen.

The project's wiring (portal/urls.py, portal/wsgi.py, portal/settings/) names the apps it
puts together, so it is left out of the portal app, and no app may import it.
"""

import ast
import subprocess
from collections import defaultdict
from pathlib import Path

from django.apps import apps
from django.conf import settings

import pytest

FRAMEWORK_APPS = {"search", "discovery"}
# What every app builds on: the bilingual page base, text and language helpers, the cache;
# and the accounts app's per-client rate limits, which the framework apps' views apply.
SHARED_BASE = {"portal", "accounts"}
PROJECT_WIRING = ("portal.urls", "portal.wsgi", "portal.settings")
# Arrows known to go away with work on another branch: (from, to) -> why it is still here.
# Each must still exist, so an entry is deleted when its arrow is.
PENDING_ARROWS = {}


def project_apps():
    """The installed apps that are top-level packages of this repository (not of .venv)."""
    root = Path(settings.BASE_DIR).resolve()
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == root
    }


def tracked_modules(app_names):
    """(module name, path) of every tracked .py file of the apps, without migrations."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", "*.py"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        parts = Path(name).with_suffix("").parts
        if parts[0] in app_names and "migrations" not in parts and "tests" not in parts:
            yield (
                ".".join(part for part in parts if part != "__init__"),
                Path(settings.BASE_DIR, name),
            )


def imported_modules(path):
    """(line, absolute module name) of each import in the file, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:
                # `from news import models` imports the module news.models.
                yield node.lineno, f"{node.module}.{alias.name}"


def is_wiring(module):
    return any(module == root or module.startswith(root + ".") for root in PROJECT_WIRING)


def import_graph(app_names=None):
    """{app: {imported app: ["file:line module", ...]}} over the project's apps."""
    app_names = app_names or project_apps()
    graph = defaultdict(lambda: defaultdict(list))
    for module, path in tracked_modules(app_names):
        if is_wiring(module):
            continue
        source = module.split(".")[0]
        for line, imported in imported_modules(path):
            target = imported.split(".")[0]
            if target in app_names and target != source:
                place = f"{path.relative_to(settings.BASE_DIR)}:{line}"
                if not any(where.startswith(place + " ") for where in graph[source][target]):
                    graph[source][target].append(f"{place} {imported}")
    return graph


def find_cycle(graph):
    """One circle of apps as a list [a, b, ..., a], or None."""
    state = {}

    def visit(app, trail):
        state[app] = "open"
        for target in sorted(graph.get(app, {})):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state:
                found = visit(target, [*trail, target])
                if found:
                    return found
        state[app] = "done"
        return None

    for app in sorted(graph):
        if app not in state:
            found = visit(app, [app])
            if found:
                return found
    return None


def without_pending(graph):
    return {
        source: {
            target: where
            for target, where in targets.items()
            if (source, target) not in PENDING_ARROWS
        }
        for source, targets in graph.items()
    }


@pytest.fixture(scope="module")
def graph():
    return import_graph()


def test_the_graph_sees_the_apps_and_their_lazy_imports(graph):
    """The reader finds what is known to be there, so an empty graph cannot pass."""
    assert {"news", "zones", "search", "discovery", "portal"} <= project_apps()
    assert "search" in graph["news"]
    assert any("zones/models/zone.py" in where for where in graph["zones"]["news"]), (
        "the zone page's lazy import of the news listings"
    )


@pytest.mark.parametrize("framework", sorted(FRAMEWORK_APPS))
def test_framework_apps_import_no_domain_app(graph, framework):
    imported = set(graph.get(framework, {}))
    domain = imported - SHARED_BASE - FRAMEWORK_APPS
    assert not domain, {app: graph[framework][app] for app in domain}


def test_no_two_apps_import_each_other_round_a_circle(graph):
    cycle = find_cycle(without_pending(graph))
    if cycle:
        arrows = [
            f"{source} -> {target}: {'; '.join(graph[source][target][:3])}"
            for source, target in zip(cycle, cycle[1:], strict=False)
        ]
        pytest.fail("Import circle " + " -> ".join(cycle) + "\n" + "\n".join(arrows))


def test_pending_arrows_still_exist(graph):
    """An exemption outlives its reason only until the arrow is gone; then delete it."""
    gone = [arrow for arrow in PENDING_ARROWS if arrow[1] not in graph.get(arrow[0], {})]
    assert not gone


def test_no_app_imports_the_project_wiring():
    app_names = project_apps()
    found = [
        f"{path.relative_to(settings.BASE_DIR)}:{line} {imported}"
        for module, path in tracked_modules(app_names)
        if not is_wiring(module)
        for line, imported in imported_modules(path)
        if is_wiring(imported)
    ]
    assert not found


def test_the_cycle_finder_names_a_circle_through_three_apps():
    graph = {"a": {"b": []}, "b": {"c": []}, "c": {"a": []}, "d": {"a": []}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": []}, "b": {}}) is None


def test_each_app_registers_its_search_and_discovery_parts_from_its_ready():
    """Importing such a module registers it, so each app says in apps.py what it plugs in."""
    missing = []
    for app in sorted(project_apps()):
        path = Path(apps.get_app_config(app).path)
        parts = [
            part for part in ("search_indexers", "discovery") if (path / f"{part}.py").exists()
        ]
        if not parts:
            continue
        tree = ast.parse((path / "apps.py").read_text(encoding="utf-8"))
        ready = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name == "ready"
        ]
        imported = {
            f"{node.module}.{alias.name}"
            for function in ready
            for node in ast.walk(function)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        missing += [f"{app}.{part}" for part in parts if f"{app}.{part}" not in imported]
    assert not missing, "not imported by their app's ready(): " + ", ".join(missing)
