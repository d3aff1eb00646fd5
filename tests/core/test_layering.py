"""The dependency rule (DESIGN §2): only ui/ imports PySide6; core and services run headless."""

import subprocess
import sys
from pathlib import Path

import sotttt_desktop

PACKAGE = Path(sotttt_desktop.__file__).parent

BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ImportError('blocked by the layering test: ' + name)
sys.meta_path.insert(0, Block())
import importlib, pkgutil, sotttt_desktop
for sub in {packages!r}:
    pkg = importlib.import_module('sotttt_desktop.' + sub)
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
        importlib.import_module(info.name)
for mod in {modules!r}:
    importlib.import_module('sotttt_desktop.' + mod)
print('imported')
"""


def _import_with_blocked(blocked: set[str], packages: list[str], modules: list[str]) -> None:
    code = BLOCKER.format(blocked=blocked, packages=packages, modules=modules)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stdout


def test_core_services_and_cli_import_with_pyside6_blocked() -> None:
    _import_with_blocked({"PySide6", "shiboken6"},
                         ["core", "services", "registers", "permits", "cli", "documents"],
                         ["areas", "i18n", "settings", "errors", "resources"])


def test_core_imports_without_reportlab() -> None:
    _import_with_blocked({"PySide6", "shiboken6", "reportlab"}, ["core"], [])


def test_no_module_outside_ui_mentions_pyside6() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts and "PySide6" in path.read_text("utf-8")
    ]
    assert offenders == []


def test_the_cli_reaches_the_database_only_through_services() -> None:
    """cli/ imports neither SQLAlchemy nor the models: every query goes through a service,
    which checks the rights and the district scope (issue #12 item 7)."""
    import ast

    offenders = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                if name.split(".")[0] == "sqlalchemy" or name.startswith(
                        "sotttt_desktop.core.models"):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
