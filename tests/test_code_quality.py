"""The house style's tooling stays clean: ruff everywhere, mypy strict on core/storage.

Also guards the architecture rule that the core and storage never import Qt.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

CORE = [
    "groupkeeper/storage",
    "groupkeeper/agenda.py",
    "groupkeeper/meeting.py",
    "groupkeeper/meeting_session.py",
    "groupkeeper/model.py",
    "groupkeeper/metrics.py",
    "groupkeeper/suppression.py",
    "groupkeeper/export_csv.py",
    "groupkeeper/wellbeing.py",
    "groupkeeper/demo.py",
    "groupkeeper/roster.py",
    "groupkeeper/csv_import.py",
    "groupkeeper/member_export.py",
    "groupkeeper/reports_export.py",
    "groupkeeper/settings.py",
    "groupkeeper/paths.py",
    "groupkeeper/hardening.py",
    "groupkeeper/fileio.py",
    "groupkeeper/launch.py",
]


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


def test_mypy_strict_on_core_and_storage_and_plain_on_ui() -> None:
    strict = _run(_tool("mypy"), "--strict", *CORE)
    assert strict.returncode == 0, strict.stdout[-4000:]
    loose = _run(_tool("mypy"), "groupkeeper")
    assert loose.returncode == 0, loose.stdout[-4000:]


def test_core_modules_import_no_qt() -> None:
    modules = [
        p.relative_to(REPO).with_suffix("").as_posix().replace("/", ".")
        for c in CORE
        for p in ([REPO / c] if c.endswith(".py") else sorted((REPO / c).glob("*.py")))
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 imported by the core'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
