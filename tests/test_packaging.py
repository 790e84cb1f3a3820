"""pyproject.toml lists every package by hand (see the comment there); keep the list complete."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "tracker").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(found - listed)}"


def test_every_importable_folder_is_listed_so_the_install_prints_no_warning():
    """Issue #14: setuptools printed a 'Package would be ignored' box for each folder left out."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    roots = {
        "tracker": ROOT / "tracker",
        **{name: ROOT / folder for name, folder in setuptools["package-dir"].items()},
    }
    found = set()
    for name, folder in roots.items():
        for sub in [folder, *folder.rglob("*")]:
            if sub.is_dir() and sub.name != "__pycache__" and any(p.is_file() for p in sub.iterdir()):
                found.add(".".join([name, *sub.relative_to(folder).parts]))
    assert found <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(found - listed)}"


def test_html_cleaner_is_a_declared_dependency():
    """Issue #14: a fresh install warned 'lxml does not provide the extra html_clean' and lacked the package,
    so justext (under trafilatura) failed to import on HTML with scripts."""
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.replace("-", "_").startswith("lxml_html_clean") for d in dependencies)
    import lxml.html.clean  # noqa: F401
