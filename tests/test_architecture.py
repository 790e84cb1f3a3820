"""The dependency direction of STYLE.md section 2, held by a test."""

import subprocess
import sys

import pytest

PURE = [
    "tracker.domain.model",
    "tracker.domain.status",
    "tracker.domain.identity",
    "tracker.extraction",
    "tracker.temporal",
    "tracker.gazetteer",
    "tracker.limits",
    # The speed tricks a pure layer may use (the exporters: tracker.speed.ical) load no database code.
    "tracker.speed.ical",
    "tracker.speed.json_text",
    "tracker.speed.collector",
]


@pytest.mark.parametrize("module", PURE)
def test_pure_packages_import_neither_sqlalchemy_nor_typer(module):
    code = (
        f"import sys, {module}; bad = [m for m in ('sqlalchemy', 'typer') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"{module} pulls in {out}"


EXPORTERS = [
    "tracker.exporters.ics",
    "tracker.exporters.report",
    "tracker.exporters.records",
    "tracker.exporters.extract_json",
]


@pytest.mark.parametrize("module", EXPORTERS)
def test_exporters_take_domain_objects_not_sessions(module):
    code = (
        f"import sys, {module}; "
        "bad = [m for m in ('sqlalchemy', 'typer', 'tracker.services', 'tracker.storage') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"{module} pulls in {out}"


def test_domain_imports_only_domain():
    code = (
        "import sys, tracker.domain.model, tracker.domain.status, tracker.domain.report, tracker.domain.identity; "
        "bad = sorted(m for m in sys.modules if m.startswith('tracker.') and not m.startswith('tracker.domain')); "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"the domain pulls in {out}"


def _imported_modules(path):
    """Every module a file imports (`from a import b` counts as a and a.b), anywhere in it."""
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_cli_builds_no_sql():
    # Queries live in tracker/storage (STYLE.md section 10): a command asks for rows with keyword
    # filters and never sees the tables or SQLAlchemy's query builders.
    from pathlib import Path

    import tracker.cli

    folder = Path(tracker.cli.__file__).parent
    found = {
        path.name: sorted(
            name
            for name in _imported_modules(path)
            if name == "sqlalchemy" or name.startswith("sqlalchemy.") or name == "tracker.storage.models"
        )
        for path in sorted(folder.glob("*.py"))
    }
    assert {name: modules for name, modules in found.items() if modules} == {}


# What a service may name from SQLAlchemy: the session or Core connection it is handed and the rows
# storage returns.
_SQLALCHEMY_TYPES = {"sqlalchemy.orm": {"Session"}, "sqlalchemy": {"Row", "Connection"}}


def test_services_build_no_sql():
    # Services combine storage's queries; only `dump` reads every table generically, by design
    # (docs/performance.md, "Queries outside storage"). A service may name a Session and catch
    # SQLAlchemy's errors and rows, never import its query builders (select, update, delete, func ...).
    import ast
    from pathlib import Path

    import tracker.services

    builders = {}
    for path in sorted(Path(tracker.services.__file__).parent.glob("*.py")):
        if path.name == "dump.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                if node.module == "sqlalchemy.exc":
                    continue
                allowed = _SQLALCHEMY_TYPES.get(node.module or "", set())
                extra = [alias.name for alias in node.names if alias.name not in allowed]
                if extra:
                    builders.setdefault(path.name, []).extend(extra)
    assert builders == {}
