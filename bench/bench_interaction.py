"""The live meeting under the fingers: each interaction's p95 against one frame (16 ms).

On the 10,000-member, 20-group, 5-year demo vault, in one process with the real main
window (offscreen Qt), each sample is one user action through Qt's key events, measured
until the event queue is empty (what the facilitator sees next is ready to paint):

* a keystroke in check-in's search, to its list of matches;
* Enter on a typed name, to the person checked in (a durable write: fsync included);
* a mood score key in the mood round, to the score recorded and the next person shown;
* Ctrl+Right, to the next segment built and shown;
* opening Home and opening the Roster from the navigation (screens already built once).

Baseline, same run, same process: a bare widget doing the same job with nothing behind it
(a QLineEdit filling a QListWidget with as many rows, a QLineEdit's Enter adding a row,
a key press setting two labels, a QStackedWidget showing a freshly built page of the same
kind of controls, a QStackedWidget switching to a 10,000-row QTableView). The ratio is
what the app's own work costs on top of Qt's.

A check-in and a segment step are durable writes (each commit fsyncs the vault's WAL):
their floor is the disk's, so the notes also give the p95 of a bare 4 KB append + fsync in
the vault's folder, in the same run. Each note gives the p95 of the thread's CPU time as
well (what the app computes, without the waits of a busy machine or a slow disk).

Context rows (no target): opening Home and the Roster right after an operation changed
what they show (the reload path: a member deactivated and activated again between two
openings), and the disk's fsync.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Row, demo_vault

TARGET_MS = 16.0


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


#: Thread CPU milliseconds of each sample of ``_timed``, in order (read beside the wall times).
_CPU: list[float] = []


def _timed(app: Any, action: Callable[[], object]) -> float:
    start, cpu = time.perf_counter(), time.thread_time()
    action()
    app.processEvents()
    _CPU.append((time.thread_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def _fsync_floor(folder: Path, count: int) -> list[float]:
    """Milliseconds of a 4 KB append + fsync in ``folder`` (what one durable commit waits)."""
    samples = []
    path = folder / "fsync-probe.bin"
    with open(path, "ab") as f:
        for _ in range(count):
            start = time.perf_counter()
            f.write(b"\0" * 4096)
            f.flush()
            os.fsync(f.fileno())
            samples.append((time.perf_counter() - start) * 1000)
    path.unlink()
    return samples


def _baselines(app: Any, names: list[str], rows: int, count: int) -> dict[str, list[float]]:
    """The bare-widget versions of each interaction."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QLabel,
        QLineEdit,
        QListWidget,
        QPushButton,
        QStackedWidget,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    out: dict[str, list[float]] = {}
    host = QWidget()
    box = QVBoxLayout(host)
    edit = QLineEdit()
    matches = QListWidget()
    box.addWidget(edit)
    box.addWidget(matches)
    edit.textChanged.connect(lambda text: (matches.clear(), matches.addItems(names[:rows])))
    edit.returnPressed.connect(lambda: matches.insertItem(0, edit.text()))
    host.resize(1366, 768)
    host.show()
    edit.setFocus()
    app.processEvents()
    out["keystroke"] = []
    for name in names[:count]:
        edit.clear()
        for char in name[:4]:
            out["keystroke"].append(_timed(app, lambda c=char: QTest.keyClick(edit, c)))
    out["enter"] = [
        _timed(app, lambda: QTest.keyClick(edit, Qt.Key.Key_Return)) for _ in range(count)
    ]
    name_label, score_label = QLabel(), QLabel()
    box.addWidget(name_label)
    box.addWidget(score_label)

    def score() -> None:
        QTest.keyClick(edit, Qt.Key.Key_7)
        score_label.setText("7")
        name_label.setText(names[0])

    out["mood"] = [_timed(app, score) for _ in range(count)]
    stack = QStackedWidget()
    box.addWidget(stack)

    def next_page() -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        for i in range(6):
            layout.addWidget(QPushButton(f"Button {i}"))
        layout.addWidget(QListWidget())
        stack.addWidget(page)
        stack.setCurrentWidget(page)
        old = stack.widget(0)
        if old is not None and old is not page:
            stack.removeWidget(old)
            old.deleteLater()

    out["next"] = [_timed(app, next_page) for _ in range(count)]
    model = QStandardItemModel(10_000, 6)
    for r in range(10_000):
        model.setItem(r, 0, QStandardItem(names[r % len(names)]))
    table = QTableView()
    table.setModel(model)
    empty = QWidget()
    stack.addWidget(table)
    stack.addWidget(empty)
    samples: list[float] = []
    for _ in range(count):
        samples.append(_timed(app, lambda: stack.setCurrentWidget(table)))
        stack.setCurrentWidget(empty)
        app.processEvents()
    out["open"] = samples
    host.close()
    host.deleteLater()
    app.processEvents()
    return out


def run(quick: bool) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from groupkeeper.agenda import SegmentKind
    from groupkeeper.demo import DEMO_PASSPHRASE
    from groupkeeper.settings import Settings
    from groupkeeper.ui import binding_fix
    from groupkeeper.ui.main_window import MainWindow
    from groupkeeper.ui.services import Services

    binding_fix.keep_singletons_alive()  # as the app does: thousands of Qt calls follow
    app = QApplication.instance() or QApplication([])
    _CPU.clear()
    count = 10 if quick else 40
    folder = demo_vault(10_000, 20, 5)
    with tempfile.TemporaryDirectory() as tmp:
        services = Services(Settings(Path(tmp) / "settings.json"), folder)
        services.settings.set("tour_done", True)
        services.unlock(DEMO_PASSPHRASE)
        window = MainWindow(services)
        window.resize(1366, 768)
        window.show()
        window.finish_start()
        window._on_unlocked()
        app.processEvents()
        store = services.store
        group = store.groups.all()[0]
        meeting = store.meetings.start(int(group.id), "2026-01-02")
        window.open_meeting(int(meeting.id))
        runner = window.runner
        app.processEvents()
        ours: dict[str, list[float]] = {k: [] for k in ("keystroke", "enter", "mood", "next")}
        cpu: dict[str, list[float]] = {}
        search = runner.segment_widget.panel.search
        members = runner.session.members()
        names = [m.display_name for m in members]
        # Keystrokes: the first letters of names, as typed at the door.
        for name in names[:count]:
            search.clear()
            app.processEvents()
            for char in name[:4]:
                ours["keystroke"].append(_timed(app, lambda c=char: QTest.keyClick(search, c)))
        # Enter on a whole name: checked in (one durable write each).
        for name in names[: count + 6]:
            search.setText(name)
            app.processEvents()
            ours["enter"].append(_timed(app, lambda: QTest.keyClick(search, Qt.Key.Key_Return)))
        ours["enter"] = ours["enter"][6:]  # the first writes warm the page cache
        cpu["keystroke"] = _CPU[: len(ours["keystroke"])]
        cpu["enter"] = _CPU[-len(ours["enter"]) :]
        rows = max(1, runner.segment_widget.panel.matches.count() or 8)
        # Mood scores: one key per person, then the next person is shown.
        mood = next(
            i for i, s in enumerate(runner.session.run.segments) if s.kind is SegmentKind.MOOD_ROUND
        )
        runner.go_to(mood)
        app.processEvents()
        segment = runner.segment_widget
        segment.setFocus()
        for _ in range(count):
            ours["mood"].append(_timed(app, lambda: QTest.keyClick(segment, Qt.Key.Key_7)))
        cpu["mood"] = _CPU[-count:]
        # Next segment, back and forth between the first segments (Ctrl+Right / Ctrl+Left).
        for _ in range(count):
            runner.go_to(0)
            app.processEvents()
            ours["next"].append(
                _timed(
                    app,
                    lambda: QTest.keyClick(
                        runner, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
                    ),
                )
            )
        cpu["next"] = _CPU[-count:]
        window.show_roster()
        window.show_home()
        app.processEvents()
        ours["home"], ours["roster"] = [], []
        cpu["home"], cpu["roster"] = [], []
        for _ in range(count):
            ours["roster"].append(_timed(app, window.show_roster))
            cpu["roster"].append(_CPU[-1])
            ours["home"].append(_timed(app, window.show_home))
            cpu["home"].append(_CPU[-1])
        # The reload path: an operation changes a member between two openings.
        from groupkeeper import ops

        someone = int(members[0].id or 0)
        ours["home_reload"], ours["roster_reload"] = [], []
        for i in range(count):
            services.ops.run(ops.members.set_active(member_id=someone, active=i % 2 == 1))
            ours["roster_reload"].append(_timed(app, window.show_roster))
            services.ops.run(ops.members.set_active(member_id=someone, active=i % 2 == 0))
            ours["home_reload"].append(_timed(app, window.show_home))
        services.ops.run(ops.members.set_active(member_id=someone, active=True))
        floor = _fsync_floor(folder.parent, count + 6)[6:]  # same disk, beside the vault
        n_members = len(store.members.all())
        window.lock()
        window.close()
        window.deleteLater()
        app.processEvents()
        base = _baselines(app, names, rows, count)
    what = {
        "keystroke": "check-in: keystroke to list of matches",
        "enter": "check-in: Enter to checked in (durable write)",
        "mood": "mood round: score key to recorded, next person",
        "next": "Ctrl+Right: next segment built and shown",
        "home": "opening Home",
        "roster": f"opening the Roster ({n_members:,} members)",
    }
    bare = {
        "keystroke": "keystroke",
        "enter": "enter",
        "mood": "mood",
        "next": "next",
        "home": "open",
        "roster": "open",
    }
    result: list[Row] = []
    fsync95 = _p95(floor)
    for key, words in what.items():
        p95, b95 = _p95(ours[key]), _p95(base[bare[key]])
        note = f"bare widget p95 {b95:.2f} ms ({p95 / b95:.1f}x); CPU p95 {_p95(cpu[key]):.1f} ms"
        if key in ("enter", "next"):
            note += f"; fsync floor p95 {fsync95:.1f} ms"
        result.append(
            Row(
                f"{words}, p95", p95, None, TARGET_MS, unit="ms", note=f"{note}; n={len(ours[key])}"
            )
        )
    for key, words in (
        ("home_reload", "opening Home after an operation changed it"),
        ("roster_reload", "opening the Roster after an operation changed it (reload)"),
    ):
        result.append(
            Row(f"{words}, p95", _p95(ours[key]), None, float("inf"), unit="ms", note=f"n={count}")
        )
    result.append(
        Row(
            "disk: 4 KB append + fsync, p95",
            fsync95,
            None,
            float("inf"),
            unit="ms",
            note=f"n={count}",
        )
    )
    return result


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)  # noqa: T201
