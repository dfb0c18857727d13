"""Resident memory at idle with 10,000 members loaded in the roster screen.

Each sample is a whole process (offscreen Qt): it unlocks the 10,000-member, 20-group,
5-year demo vault through the app's ``Services``, builds the real ``RosterScreen``, loads
it (``refresh``: the windowed model reads every member's id in order, then the rows on
screen a page at a time), shows it, lets the
event loop idle for half a second, and reads ``VmRSS`` from ``/proc/self/status``.
Target: under 100 MB (issue 11; DESIGN.md asked 200 MB). The process starts as the
program does (``groupkeeper/__main__.py``): without Python's OpenSSL ``_hashlib``.

Also reported (no target): the whole main window, with the theme and translations,
unlocked through its unlock screen's signal, Home shown, then the Roster, idle the same
way: what a facilitator's running app holds.

Baseline, same run: a process that shows a bare PySide6 ``QMainWindow``, idles the same
way and reads its ``VmRSS``. Linux only (``/proc``).
"""

from __future__ import annotations

import json
import sys

from bench.common import Row, bench_env, demo_vault, median_of, python, run_json

TARGET_MB = 100.0
IDLE_MS = 500

_RSS = """
def _rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
"""

BARE = (
    _RSS
    + f"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1024, 700)
window.show()
QTimer.singleShot({IDLE_MS}, app.quit)
app.exec()
print(json.dumps({{"rss": _rss_mb()}}))
"""
)

# Both app scripts start as the program does (``groupkeeper/__main__.py``, and the bundle,
# which does not ship it): without Python's OpenSSL-backed ``_hashlib``.
_ENTRY = """
import sys
sys.modules.setdefault("_hashlib", None)
"""

ROSTER = (
    _RSS
    + _ENTRY
    + f"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from groupkeeper.demo import DEMO_PASSPHRASE
from groupkeeper.settings import Settings
from groupkeeper.ui.services import Services
from groupkeeper.ui.roster import RosterScreen
app = QApplication(sys.argv[:1])
services = Services(Settings(), Path(sys.argv[1]))
services.unlock(DEMO_PASSPHRASE)
screen = RosterScreen(services)
screen.refresh()
screen.resize(1024, 700)
screen.show()
QTimer.singleShot({IDLE_MS}, app.quit)
app.exec()
rows = screen.model.rowCount()
rss = _rss_mb()
services.lock()
print(json.dumps({{"rss": rss, "rows": rows}}))
"""
)


# The whole app as a facilitator uses it: the main window with the theme and translations,
# unlocked through the unlock screen's signal, Home shown first, then the Roster.
MAIN_WINDOW = (
    _RSS
    + _ENTRY
    + f"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from groupkeeper.demo import DEMO_PASSPHRASE
from groupkeeper.settings import Settings
from groupkeeper.ui.app import apply_appearance, install_translations
from groupkeeper.ui.main_window import MainWindow
from groupkeeper.ui.services import Services
app = QApplication(sys.argv[:1])
settings = Settings()
install_translations(app, settings.language)
apply_appearance(app, settings)
services = Services(settings, Path(sys.argv[1]))
window = MainWindow(services)
window.show()
app.processEvents()
services.unlock(DEMO_PASSPHRASE)
window.unlock_screen.unlocked.emit()
app.processEvents()
window.show_roster()
QTimer.singleShot({IDLE_MS}, app.quit)
app.exec()
rss = _rss_mb()
window.lock()
print(json.dumps({{"rss": rss}}))
"""
)


def run(quick: bool) -> list[Row]:
    """Alternate bare-window and roster processes; median RSS of each."""
    if not sys.platform.startswith("linux"):
        return [Row.not_available("idle RSS, roster of 10,000", TARGET_MB, "needs /proc")]
    runs = 2 if quick else 5
    env = bench_env()
    folder = str(demo_vault(10_000, 20, 5))
    bare, ours, whole, rows = [], [], [], 0
    for _ in range(runs):
        bare.append(json.loads(run_json([python(), "-c", BARE], env))["rss"])
        result = json.loads(run_json([python(), "-c", ROSTER, folder], env))
        ours.append(result["rss"])
        rows = result["rows"]
        whole.append(json.loads(run_json([python(), "-c", MAIN_WINDOW, folder], env))["rss"])
    base = median_of(bare)
    mine = median_of(ours)
    app = median_of(whole)
    return [
        Row("bare QMainWindow process, idle (baseline)", base, None, float("inf"), unit="MB"),
        Row(
            "idle RSS, roster screen with 10,000 members",
            mine,
            None,
            TARGET_MB,
            unit="MB",
            note=f"{mine / base:.2f}x the bare window; {rows:,} rows in the model",
        ),
        Row(
            "idle RSS, main window: Home, then Roster of 10,000",
            app,
            None,
            float("inf"),
            unit="MB",
            note=f"{app / base:.2f}x the bare window",
        ),
    ]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
