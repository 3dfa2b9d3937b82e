"""The project's apps form layers, read from the source of every module of every app.

The apps are those Django has installed from this repository, so an app added later is covered
without editing this file. Only the project's root — the URL configuration and the settings —
may import every app: it is the one place that puts them together.
"""

import ast
import re
import tomllib
from collections import defaultdict
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT_MODULES = (settings.ROOT_URLCONF, settings.SETTINGS_MODULE.rpartition(".")[0])


def first_party_apps() -> dict[str, Path]:
    base = Path(settings.BASE_DIR).resolve()
    return {
        config.name: Path(config.path).resolve()
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(base)
        and ".venv" not in Path(config.path).parts
    }


APPS = first_party_apps()


def module_name(app: str, app_path: Path, file: Path) -> str:
    parts = [*app.split("."), *file.relative_to(app_path).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {
        module_name(app, path, file): file
        for app, path in APPS.items()
        for file in path.rglob("*.py")
    }


MODULES = modules()


def app_of(module: str) -> str | None:
    return next((app for app in APPS if module == app or module.startswith(app + ".")), None)


def is_root(module: str) -> bool:
    return any(module == root or module.startswith(root + ".") for root in ROOT_MODULES)


def imported(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The first-party modules ``node`` imports, relative imports resolved."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
        for _level in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = ".".join(part for part in (package if node.level else "", node.module or "") if part)
        # ``from package import module`` imports the module; ``from module import name`` the module.
        names = [
            f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
            for alias in node.names
        ]
    return [
        name
        for target in names
        if target in MODULES
        for name in (target, *packages_run_first(module, target))
    ]


def packages_run_first(module: str, target: str) -> list[str]:
    """The packages Python runs before ``target`` (their ``__init__``), except those ``module``
    is inside, which are running already: a package's ``__init__`` that imports back is a
    circle too."""
    parts = target.split(".")
    return [
        package
        for package in (".".join(parts[:length]) for length in range(1, len(parts)))
        if package in MODULES and not (module == package or module.startswith(package + "."))
    ]


def function_bodies(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield node


def is_ready(function, file: Path) -> bool:
    """``AppConfig.ready()``: where Django wants signals connected and registries filled, once
    every model is loaded."""
    return file.name == "apps.py" and getattr(function, "name", None) == "ready"


def import_graph() -> tuple[dict[str, set[str]], dict[str, set[str]], list[str]]:
    """Module → modules it imports when it is imported; module → modules its ``ready()``
    imports; and every other import placed inside a function."""
    graph: dict[str, set[str]] = defaultdict(set)
    at_ready: dict[str, set[str]] = defaultdict(set)
    inside_functions = []
    for module, file in MODULES.items():
        tree = ast.parse(file.read_text(), str(file))
        enclosing = {
            id(node): function
            for function in function_bodies(tree)
            for node in ast.walk(function)
            if isinstance(node, ast.Import | ast.ImportFrom)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            targets = {target for target in imported(module, node) if target != module}
            function = enclosing.get(id(node))
            if function is None:
                graph[module] |= targets
            elif is_ready(function, file):
                at_ready[module] |= targets
            else:
                inside_functions += [f"{file}:{node.lineno} imports {t}" for t in sorted(targets)]
    return graph, at_ready, inside_functions


GRAPH, AT_READY, INSIDE_FUNCTIONS = import_graph()


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as the list of its nodes, or None."""
    visiting, done = [], set()

    def visit(node):
        if node in visiting:
            return visiting[visiting.index(node) :] + [node]
        if node in done:
            return None
        visiting.append(node)
        for successor in sorted(graph.get(node, ())):
            if cycle := visit(successor):
                return cycle
        visiting.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        if cycle := visit(start):
            return cycle
    return None


def app_graph() -> dict[str, set[str]]:
    """App → the apps it imports, at import time or in its ``ready()``: an import deferred to
    ``ready()`` is as much a dependency as any other."""
    graph: dict[str, set[str]] = defaultdict(set)
    for imports in (GRAPH, AT_READY):
        for module, targets in imports.items():
            if is_root(module):
                continue
            for target in targets:
                if app_of(target) != app_of(module):
                    graph[app_of(module)].add(app_of(target))
    return graph


def test_the_apps_are_found():
    # A wrong base directory would find nothing and prove nothing.
    assert {"cms", "pages", "home", "partners", "translations"} <= set(APPS)
    assert len(MODULES) > 100


def test_no_two_apps_import_each_other_directly_or_round_about():
    assert find_cycle(app_graph()) is None


def test_no_two_modules_import_each_other_directly_or_round_about():
    assert find_cycle(GRAPH) is None


def test_no_import_of_the_project_is_placed_inside_a_function():
    """Except in an ``AppConfig.ready()`` (``is_ready``), whose imports count as the app's."""
    assert INSIDE_FUNCTIONS == []


def test_nothing_imports_the_project_root():
    """The URL configuration and the settings import every app: an app importing them would
    close a circle the app graph does not show (it leaves the root out)."""
    importers = {
        module
        for imports in (GRAPH, AT_READY)
        for module, targets in imports.items()
        if not is_root(module) and any(is_root(target) for target in targets)
    }
    assert importers == set()


def test_the_shared_layers_know_no_app_built_on_them():
    """``cms`` (outside its URLs and settings) imports only apps that import nothing of the
    project; ``pages``, the machinery every content app shares, only ``cms`` and those."""
    graph = app_graph()
    leaves = {name for name in APPS if not graph.get(name)}
    assert graph.get("cms", set()) <= leaves
    assert graph.get("pages", set()) <= {"cms"} | leaves


def test_every_app_is_measured_by_coverage_and_compiled_in_the_image():
    """Both name the apps one by one; an app added later must be added there too."""
    base = Path(settings.BASE_DIR)
    coverage = tomllib.loads((base / "pyproject.toml").read_text())["tool"]["coverage"]["run"]
    compiled = re.search(r"compileall -q ([\w ]+)", (base / "Dockerfile").read_text())
    assert set(coverage["source"]) == set(APPS)
    assert set(compiled.group(1).split()) == set(APPS)
