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
