"""The dependency direction of STYLE.md section 2, held by a test."""

import subprocess
import sys

import pytest

PURE = ["tracker.domain.model", "tracker.domain.status", "tracker.extraction", "tracker.temporal",
        "tracker.gazetteer"]


@pytest.mark.parametrize("module", PURE)
def test_pure_packages_import_neither_sqlalchemy_nor_typer(module):
    code = (f"import sys, {module}; bad = [m for m in ('sqlalchemy', 'typer') if m in sys.modules]; "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"{module} pulls in {out}"
