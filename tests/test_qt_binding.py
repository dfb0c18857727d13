"""The Qt binding must not free ``None`` under us (``ui/binding_fix.py``).

PySide6 6.12.0 under Python 3.11 takes one reference from ``None`` on every call of a Qt
method that returns nothing. These tests show the loss on that combination (so the work-
around is known to be needed), that the app's start-up work-around is in place in this
test session, and that 100,000 such calls, which free ``None`` without it (an abort),
leave it alive.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from groupkeeper.ui import binding_fix

REPO = Path(__file__).resolve().parent.parent


def test_void_calls_and_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        widget.update()
    lost = before - sys.getrefcount(None)
    if binding_fix.affected():
        assert lost >= 1_900, "the binding no longer loses references: drop the work-around"
        assert sys.getrefcount(None) > binding_fix.BALLAST  # the session has the ballast
    else:
        assert lost < 200


def test_many_void_calls_leave_none_alive(tmp_path: Path) -> None:
    """In a fresh interpreter: 100,000 calls abort without the work-around, not with it."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from groupkeeper.ui import binding_fix\n"
        "app = QApplication([])\n"
        "if sys.argv[1] == 'fixed':\n"
        "    binding_fix.keep_singletons_alive()\n"
        "w = QWidget()\n"
        "for _ in range(100_000):\n"
        "    w.update()\n"
        "print('ALIVE', flush=True)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}

    def run(mode: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, mode],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
            env=env,
            check=False,
        )

    fixed = run("fixed")
    assert fixed.returncode == 0 and "ALIVE" in fixed.stdout, fixed.stderr[-2000:]
    if not binding_fix.affected():
        pytest.skip("this binding keeps None's references: nothing to show without it")
    bare = run("bare")
    assert bare.returncode != 0 and "ALIVE" not in bare.stdout
    assert "deallocating None" in bare.stderr


def test_quicker_source_check_answers_as_pysides_own(tmp_path: Path) -> None:
    """The start-up's faster "does this module use PySide6?" (binding_fix) gives PySide6's
    own answer for every module loaded in a fresh interpreter that ran the app's imports,
    and for a module that names PySide6 only in a non-ASCII file."""
    (tmp_path / "uses_it.py").write_text("# café\nimport PySide6  # noqa\n", encoding="utf-8")
    (tmp_path / "does_not.py").write_text("# café, no Qt here\nX = 1\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from groupkeeper.ui import binding_fix\n"
        "assert binding_fix.quicker_source_check()\n"
        "assert binding_fix.quicker_source_check()  # twice is harmless\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "quick = feature._mod_uses_pyside\n"
        "own = quick.__wrapped__\n"
        "import uses_it, does_not\n"
        "import groupkeeper.ui.main_window, groupkeeper.ui.app, groupkeeper.settings\n"
        "checked = differ = 0\n"
        "for name, module in list(sys.modules.items()):\n"
        "    if module is None:\n"
        "        continue\n"
        "    checked += 1\n"
        "    if bool(quick(module)) != bool(own(module)):\n"
        "        differ += 1\n"
        "        print('DIFFERS', name)\n"
        "print('USES', quick(uses_it), quick(does_not), quick(groupkeeper.ui.app))\n"
        "print('CHECKED', checked, differ)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(tmp_path)])
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "USES True False True" in done.stdout
    checked, differ = done.stdout.split("CHECKED ")[1].split()
    assert int(checked) > 100 and int(differ) == 0, done.stdout
