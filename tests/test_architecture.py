"""The apps depend on each other one way, read from their source: committee → learning → surveys → home
→ cms. An app uses another only through module-level imports of its entry points, never its views."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Highest first: an app may import the apps after it, never those before it.
LAYERS = ["committee", "learning", "surveys", "home", "cms"]
# The Django project's own modules in cms/: they name every app, as strings (INSTALLED_APPS, include()).
PROJECT = {"cms/settings", "cms/urls.py", "cms/wsgi.py", "cms/celery.py"}


def modules():
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if not any(relative.startswith(project) for project in PROJECT):
                yield app, relative, ast.parse(path.read_text(), relative)


def imported(node, module_path):
    """The project app and dotted module an import statement names, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:  # from . import x / from ..recommendations import y
        package = module_path.removesuffix(".py").split("/")[: -node.level]
        return [".".join([*package, node.module] if node.module else package)]
    return [node.module]


def imports():
    """(app, module path, imported module, at module level?) for every import of a project app."""
    found = []
    for app, path, tree in modules():
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for name in imported(node, path):
                    other = name.split(".")[0]
                    if other in LAYERS:
                        found.append((app, path, name, id(node) in top))
    return found


def test_the_import_graph_is_read_from_the_source():
    edges = {(app, name.split(".")[0]) for app, _, name, _ in imports()}
    assert ("committee", "learning") in edges and ("surveys", "home") in edges and ("home", "cms") in edges


def test_apps_import_only_the_apps_below_them():
    upward = [
        f"{path} imports {name}"
        for app, path, name, _ in imports()
        if LAYERS.index(name.split(".")[0]) < LAYERS.index(app)
    ]
    assert upward == []


def test_no_app_imports_another_apps_views():
    crossing = [
        f"{path} imports {name}"
        for app, path, name, _ in imports()
        if name.split(".")[0] != app and name.split(".")[1:2] == ["views"]
    ]
    assert crossing == []


def test_another_apps_modules_are_imported_at_the_top_of_a_module():
    lazy = [
        f"{path} imports {name} inside a function"
        for app, path, name, at_top in imports()
        if name.split(".")[0] != app and not at_top
    ]
    assert lazy == []


def test_every_relative_import_names_a_module_of_the_app():
    """A module moved into a package keeps its imports pointing where they did (``from .views`` in
    committee/models/pages.py would look for committee/models/views.py)."""
    missing = []
    for _, path, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                [name] = imported(node, path)
                target = ROOT / name.replace(".", "/")
                if not (target.with_suffix(".py").exists() or (target / "__init__.py").exists()):
                    missing.append(f"{path} imports {name}")
    assert missing == []
