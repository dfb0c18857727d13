"""The house style's tooling stays clean: ruff everywhere, mypy strict on core/storage.

Also runs the import-linter contracts of pyproject.toml (the layering: only the UI and the
entry points import Qt; storage imports no engine, report or screen) and checks at run
time that importing the core loads no Qt.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

UI = REPO / "groupkeeper" / "ui"
ENTRY_POINTS = {"cli", "launch", "__main__"}


def _modules_outside_ui() -> list[Path]:
    """Every module of the app that is not in ``groupkeeper/ui`` (found, not listed)."""
    return sorted(p for p in (REPO / "groupkeeper").rglob("*.py") if UI not in p.parents)


def _tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    result = _run(_tool("ruff"), "check", "groupkeeper", "tests", "bench", "tools")
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_strict_outside_the_ui_and_plain_on_ui() -> None:
    strict = _run(_tool("mypy"), "--strict", *(str(p) for p in _modules_outside_ui()))
    assert strict.returncode == 0, strict.stdout[-4000:]
    loose = _run(_tool("mypy"), "groupkeeper")
    assert loose.returncode == 0, loose.stdout[-4000:]


def test_the_layering_contracts_are_kept() -> None:
    """import-linter contracts in pyproject.toml: only the UI and the entry points import
    PySide6 or the UI; storage imports no engine, report, screen or entry point."""
    result = _run(_tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "2 kept, 0 broken" in result.stdout


def test_the_contracts_catch_a_qt_import_in_the_core(tmp_path: Path) -> None:
    """The contracts can fail: a copy of the code with one forbidden import is refused."""
    import shutil

    shutil.copytree(REPO / "groupkeeper", tmp_path / "groupkeeper")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "groupkeeper" / "storage" / "faults.py"
    model.write_text(model.read_text() + "\nfrom groupkeeper import metrics  # noqa\n")
    core = tmp_path / "groupkeeper" / "wellbeing.py"
    core.write_text(core.read_text() + "\nimport PySide6.QtCore  # noqa\n")
    result = subprocess.run(
        [_tool("lint-imports"), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": str(BIN)},
        check=False,
    )
    assert result.returncode != 0
    assert "0 kept, 2 broken" in result.stdout, result.stdout[-3000:]
    assert "groupkeeper.wellbeing -> PySide6" in result.stdout
    assert "groupkeeper.storage.faults -> groupkeeper.metrics" in result.stdout


def test_core_modules_import_no_qt_at_run_time() -> None:
    """Beyond the static contracts: importing every module outside the UI (the entry
    points excepted, they start the UI) loads no PySide6."""
    modules = [
        p.relative_to(REPO).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
        for p in _modules_outside_ui()
        if p.stem not in ENTRY_POINTS or p.parent != REPO / "groupkeeper"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 imported by the core'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
