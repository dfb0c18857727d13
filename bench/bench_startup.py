"""Warm start to the unlock screen, against a bare PySide6 window in the same run.

Target (DESIGN.md): the app shows its first window (the unlock screen) within 1.3x the
time a bare ``QMainWindow`` takes to show, whole process, offscreen, warm (after one
untimed run of each so the OS file cache is hot). Median of several alternated runs.

The app side runs ``python -m groupkeeper --bench-startup``, a flag that exits right
after the first window is shown. Until the flag exists, the row reports "not available".
"""

from __future__ import annotations

import subprocess

from bench.common import Row, bench_env, median_of, python, time_process

TARGET_RATIO = 1.3

# A bare window, shown and the event loop entered once: what any PySide6 app pays.
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

APP = ["-m", "groupkeeper", "--bench-startup"]


def _app_supports_flag(env: dict[str, str]) -> tuple[bool, str]:
    """Run the app once (also the warm-up); tell whether ``--bench-startup`` works."""
    try:
        time_process([python(), *APP], env, timeout=60)
    except subprocess.CalledProcessError as exc:
        tail = (exc.stderr or b"").decode(errors="replace").strip().splitlines()[-1:]
        return False, f"--bench-startup failed (exit {exc.returncode}): {' '.join(tail)}"[:120]
    except subprocess.TimeoutExpired:
        return False, "--bench-startup did not exit within 60 s"
    return True, ""


def run(quick: bool) -> list[Row]:
    """Measure the bare window and the app start, alternating so drift hits both."""
    runs = 3 if quick else 9
    env = bench_env()
    bare_cmd = [python(), "-c", BARE_WINDOW]
    time_process(bare_cmd, env)  # warm-up, untimed
    bare_samples = [time_process(bare_cmd, env)]
    ok, why = _app_supports_flag(env)
    if not ok:
        bare_samples += [time_process(bare_cmd, env) for _ in range(runs - 1)]
        bare = median_of(bare_samples)
        return [
            Row("bare QMainWindow shown (baseline)", bare, None, float("inf")),
            Row.not_available("start to unlock screen", TARGET_RATIO, why),
        ]
    app_samples = []
    for _ in range(runs):
        app_samples.append(time_process([python(), *APP], env))
        bare_samples.append(time_process(bare_cmd, env))
    bare = median_of(bare_samples)
    return [
        Row("bare QMainWindow shown (baseline)", bare, None, float("inf")),
        Row("start to unlock screen", median_of(app_samples), bare, TARGET_RATIO),
    ]
