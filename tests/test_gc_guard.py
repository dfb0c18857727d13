"""Cyclic garbage is collected in the GUI thread only (``ui/gc_guard.py``).

The danger it removes: a worker thread allocating (a report build, an import) crosses
Python's collection threshold, the collection finds the Python wrapper of a GUI Qt
object in a reference cycle, and PySide deletes that Qt object from the worker thread.
These tests play that out with a real worker thread and a real Qt object in a cycle.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref
from pathlib import Path

from PySide6.QtCore import QObject, Qt

from groupkeeper.ui import gc_guard

REPO = Path(__file__).resolve().parent.parent


class _Cycle:
    def __init__(self) -> None:
        self.me = self


class _Probe(QObject):
    """A GUI-thread Qt object whose Python wrapper sits in a reference cycle."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def _churn(n: int = 60_000) -> None:
    """Make far more cyclic garbage than Python's first threshold (700)."""
    for _ in range(n):
        _Cycle()


def test_the_test_session_runs_with_the_guard(qapp) -> None:  # type: ignore[no-untyped-def]
    guard = gc_guard.installed()
    assert guard is not None and guard.thread_id == threading.get_ident()
    assert not gc.isenabled()
    assert gc_guard.install(qapp) is guard  # installing twice keeps the one guard


def test_a_worker_thread_never_collects_and_the_gui_thread_does(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    guard = gc_guard.installed()
    assert guard is not None
    gc.collect()
    collectors: list[int] = []

    def seen(phase: str, _info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            collectors.append(threading.get_ident())

    probe = _Probe()
    destroyed_in: list[int] = []
    probe.destroyed.connect(
        lambda *_: destroyed_in.append(threading.get_ident()),
        Qt.ConnectionType.DirectConnection,
    )
    probe_ref = weakref.ref(probe)
    del probe  # only the cycle holds it now
    gc.callbacks.append(seen)
    try:
        worker = threading.Thread(target=_churn)
        worker.start()
        worker.join()
        assert collectors == []  # 60,000 cycles and not one collection in the worker
        assert probe_ref() is not None and destroyed_in == []
        before = guard.collections
        qtbot.waitUntil(lambda: guard.collections > before and probe_ref() is None, timeout=5000)
    finally:
        gc.callbacks.remove(seen)
    gui = threading.get_ident()
    assert collectors and set(collectors) == {gui}
    assert destroyed_in == [gui]  # the Qt object was deleted by the GUI thread


def test_without_the_guard_a_worker_thread_collects(qapp) -> None:  # type: ignore[no-untyped-def]
    """The check above can fail: with Python's own collection the worker collects."""
    collectors: list[int] = []

    def seen(phase: str, _info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            collectors.append(threading.get_ident())

    gc.callbacks.append(seen)
    gc.enable()
    try:
        worker = threading.Thread(target=_churn)
        worker.start()
        worker.join()
        worker_id = worker.ident
    finally:
        gc.disable()
        gc.callbacks.remove(seen)
    assert worker_id in collectors


def test_collect_due_follows_the_thresholds(qapp) -> None:  # type: ignore[no-untyped-def]
    guard = gc_guard.installed()
    assert guard is not None
    gc.collect()
    before = guard.collections
    assert guard.collect_due() == 0 and guard.collections == before  # nothing due yet
    _churn(5_000)
    assert guard.collect_due() > 0 and guard.collections == before + 1
    assert gc.get_count()[0] < guard.threshold[0]


def test_stopping_a_guard_gives_collection_back(qapp) -> None:  # type: ignore[no-untyped-def]
    gc.enable()
    guard = gc_guard.GcGuard(qapp)
    try:
        assert not gc.isenabled()
    finally:
        guard.stop()
        guard.deleteLater()
    assert gc.isenabled()
    gc.disable()  # the session's guard is still installed


def test_the_app_installs_the_guard(tmp_path: Path) -> None:
    """``run_app`` turns automatic collection off while the app runs and back on after."""
    code = (
        "import gc, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from groupkeeper.ui import app, gc_guard\n"
        "qt = QApplication([])\n"
        "QTimer.singleShot(0, lambda: sys.stdout.write("
        "'RUNNING %s %s ' % (gc.isenabled(), gc_guard.installed() is not None)))\n"
        "app.run_app([], bench_startup=True)\n"
        "sys.stdout.write('AFTER %s' % gc.isenabled())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert "RUNNING False True" in done.stdout, done.stdout + done.stderr[-2000:]
    assert done.stdout.endswith("AFTER True"), done.stdout


def test_qt_subclasses_whose_python_half_was_cleared_read_as_empty(qtbot) -> None:  # type: ignore[no-untyped-def]
    """What a collection does to a wrapper in a garbage cycle: its attributes go first,
    while Qt may still call its overrides during teardown. FlowLayout and the CSV
    preview model then answer as empty instead of raising inside a Qt virtual."""
    from PySide6.QtCore import QModelIndex, QRect
    from PySide6.QtWidgets import QPushButton, QTableView, QWidget

    from groupkeeper.ui.models.import_preview_model import ImportPreviewModel
    from groupkeeper.ui.widgets.flow import FlowLayout

    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    for text in ("one", "two", "three"):
        flow.addWidget(QPushButton(text))
    host.resize(120, 200)
    host.show()
    assert flow.count() == 3 and flow.heightForWidth(120) > flow.itemAt(0).sizeHint().height()
    vars(flow).clear()  # what tp_clear does to the wrapper of an unreachable cycle
    assert flow.count() == 0 and flow.itemAt(0) is None and flow.takeAt(0) is None
    flow.setGeometry(QRect(0, 0, 120, 200))
    assert flow.heightForWidth(120) == 0
    assert flow.sizeHint().width() == 0 and flow.minimumSize().width() <= 0

    model = ImportPreviewModel()
    view = QTableView(host)
    view.setModel(model)
    vars(model).clear()
    assert model.rowCount() == 0 and model.columnCount() == 0
    assert model.data(model.index(0, 0)) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) is None
    assert model.rowCount(QModelIndex()) == 0
