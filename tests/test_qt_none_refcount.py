"""PySide6 6.12 on Python 3.11 drops a reference to None at each void Qt call; importing
``groupkeeper.ui`` pins None so a long meeting cannot run its count down to an abort."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_a_million_void_qt_calls_do_not_abort_python() -> None:
    code = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import groupkeeper.ui  # noqa: F401
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        before = sys.getrefcount(None)
        for i in range(200_000):
            label.setText("x")
            label.setEnabled(True)
        print("alive", sys.getrefcount(None) > 0)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=REPO,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "alive True" in done.stdout
