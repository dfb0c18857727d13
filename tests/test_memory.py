"""Idle memory (issue 11, bench/bench_memory.py): what is given back, and that it still works.

* ``ui/memory.py``: after a load the GUI connection's page cache is given back and glibc's
  ``malloc_trim`` returns free heap pages; where there is no ``malloc_trim`` nothing breaks.
* ``storage/_lean_imports.py``: sqlite-utils is imported without numpy, dateutil and
  click, and each still works (or loads) when really used.
* Home on a vault that never shared a group does not import the sync stack; the roster
  does not import its dialogs until one is opened; its notice holds a count, not ids.
"""

from __future__ import annotations

import ctypes
import os
import platform
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from groupkeeper.model import Group, Member
from groupkeeper.settings import Settings
from groupkeeper.ui import memory
from groupkeeper.ui.services import Services

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


def _sqlite_memory_used() -> int:
    """Bytes SQLite (SQLCipher's copy, linked into its driver) holds right now."""
    import sqlcipher3._sqlite3 as driver

    library = ctypes.CDLL(driver.__file__)
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return int(library.sqlite3_memory_used())


def _rss_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.fixture
def releaser(qapp) -> Iterator[memory.IdleRelease]:  # type: ignore[no-untyped-def]
    """The app's releaser with a short delay (the app waits ``DELAY_MS``)."""
    releaser = memory.releaser()
    releaser.timer.setInterval(100)
    yield releaser
    releaser.timer.stop()
    releaser.timer.setInterval(memory.DELAY_MS)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault", now=lambda: NOW)
    s.create_vault(tmp_path / "vault", "correct horse battery staple")
    yield s
    s.lock()


def _fill(services: Services, count: int = 3000) -> None:
    from groupkeeper.storage import bulk

    store = services.store
    group = store.groups.add(Group(name="Tuesday Circle"))
    people = [
        Member(
            display_name=f"Person {i:05d}",
            full_name=f"Person Number {i:05d} " + "x" * 60,
            phone=f"0123 {i:06d}",
            group_ids=[group.id or 0],
            joined_on="2026-01-01",
        )
        for i in range(count)
    ]
    with bulk.session(store) as writer:
        writer.add_members(people, store.now_iso())


# -- malloc_trim ---------------------------------------------------------------------------
@pytest.mark.skipif(not GLIBC, reason="glibc's malloc_trim")
def test_trim_heap_gives_freed_heap_pages_back() -> None:
    # 48 MB in 32 KB blocks (below the mmap threshold: on the heap), the last one kept so
    # free() cannot give the heap's top back by itself.
    blocks = [ctypes.create_string_buffer(32 * 1024) for _ in range(1500)]
    for block in blocks:
        ctypes.memset(block, 1, len(block))
    del blocks[:-1]
    before = _rss_kb()
    assert memory.trim_heap() is True
    assert before - _rss_kb() > 30 * 1024  # KB: most of the 48 MB went back


def test_trim_heap_is_harmless_without_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    memory._malloc_trim.cache_clear()
    try:
        monkeypatch.setattr(sys, "platform", "win32")
        assert memory._malloc_trim() is None
        assert memory.trim_heap() is False
        memory._malloc_trim.cache_clear()
        monkeypatch.setattr(sys, "platform", "linux")

        from groupkeeper import native

        def no_trim(library: str | None, name: str) -> int:  # a C library without it (musl)
            raise OSError(f"undefined symbol: {name}")

        monkeypatch.setattr(native, "c_function", no_trim)
        assert memory.trim_heap() is False
    finally:
        monkeypatch.undo()
        memory._malloc_trim.cache_clear()
    assert memory.trim_heap() is GLIBC


# -- the GUI connection's page cache --------------------------------------------------------
def test_release_memory_gives_back_the_page_cache(services: Services) -> None:
    _fill(services)
    store = services.store
    store.release_memory()
    empty = _sqlite_memory_used()
    rows = store.members.search_rows(None, True)  # reads every member page
    assert len(rows) == 3000
    loaded = _sqlite_memory_used()
    assert loaded - empty > 500_000  # bytes of decrypted pages kept by the cache
    store.release_memory()
    assert _sqlite_memory_used() - empty < 100_000
    # The connection still works, and reads the pages again.
    assert len(store.members.search_rows(None, True)) == 3000


def test_one_release_after_a_burst_of_loads_and_one_after_lock(
    qtbot, services: Services, releaser: memory.IdleRelease, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    trims: list[int] = []
    monkeypatch.setattr(memory, "trim_heap", lambda: trims.append(1) or True)
    shrinks: list[int] = []
    real = type(services.store).release_memory

    def counted(store) -> None:  # type: ignore[no-untyped-def]
        shrinks.append(1)
        real(store)

    monkeypatch.setattr(type(services.store), "release_memory", counted)
    start = releaser.releases
    for _ in range(3):
        memory.release_soon(services)
    qtbot.waitUntil(lambda: releaser.releases == start + 1, timeout=2000)
    qtbot.wait(300)
    assert (releaser.releases - start, len(shrinks), len(trims)) == (1, 1, 1)
    # Locked: only the heap is trimmed (the connection is closed), and nothing raises.
    memory.release_soon(services)
    services.lock()
    qtbot.waitUntil(lambda: releaser.releases == start + 2, timeout=2000)
    assert (len(shrinks), len(trims)) == (1, 2)


def test_roster_and_home_give_back_what_their_load_read(
    qtbot, services: Services, releaser: memory.IdleRelease
) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.home import HomeScreen
    from groupkeeper.ui.roster import RosterScreen

    _fill(services)
    start = releaser.releases
    services.store.release_memory()
    empty = _sqlite_memory_used()
    roster = RosterScreen(services)
    qtbot.addWidget(roster)
    roster.refresh()
    roster.show()
    assert roster.model.rowCount() == 3000
    loaded = _sqlite_memory_used() - empty
    assert loaded > 300_000  # the load's pages are cached...
    qtbot.waitUntil(lambda: releaser.releases == start + 1, timeout=3000)
    # ...and given back once idle (what stays is the statements the load compiled).
    assert _sqlite_memory_used() - empty < loaded / 3, (loaded, _sqlite_memory_used() - empty)
    # Still the same roster: typing finds, the rows read their page again.
    roster.search.setText("Person 01234")
    assert roster.model.rowCount() == 1
    assert roster.model.row_data(0).display_name == "Person 01234"
    home = HomeScreen(services)
    qtbot.addWidget(home)
    home.refresh()
    qtbot.waitUntil(lambda: releaser.releases == start + 2, timeout=3000)
    assert home.cards[0].members_label.text().startswith("3000 active member")


def test_a_report_gives_back_what_its_build_left(
    qtbot, services: Services, releaser: memory.IdleRelease
) -> None:  # type: ignore[no-untyped-def]
    """The report is built in a worker (own connection, own malloc arena): once it is
    shown, the freed memory goes back (about 20 MB for five years of 20 groups)."""
    from groupkeeper.ui.reports import ReportsScreen

    _fill(services, 300)
    start = releaser.releases
    screen = ReportsScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.updated, timeout=10000):
        screen.refresh()
    qtbot.waitUntil(lambda: releaser.releases == start + 1, timeout=3000)
    assert screen.bundle is not None  # the report stays on screen


# -- imports the idle app does not need -----------------------------------------------------
def _child(code: str, *args: str, tmp_path: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GROUPKEEPER_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_storage_imports_sqlite_utils_without_numpy_dateutil_or_click(tmp_path: Path) -> None:
    code = """
import sys
import groupkeeper.storage.vault
print("loaded:" + ",".join(sorted({m.split(".")[0] for m in sys.modules} & {
    "numpy", "pandas", "dateutil", "click"})))
# What sqlite-utils would use them for still works: the real packages load then.
import sqlite_utils.recipes, sqlite_utils.utils
print("date:" + sqlite_utils.recipes.parsedate("5 March 2024"))
print("bar:" + sqlite_utils.utils.click.progressbar.__module__)
import click, dateutil.parser
print("real:", click.Group.__module__, dateutil.parser.parse.__module__)
"""
    out = _child(code, tmp_path=tmp_path).splitlines()
    assert "loaded:" in out, out
    assert "date:2024-03-05" in out
    assert "bar:click.termui" in out
    assert "real: click.core dateutil.parser._parser" in out


def test_idle_main_window_holds_no_sync_stack_nor_roster_dialogs(tmp_path: Path) -> None:
    """Home and the roster of a vault that never shared a group, idle: the sync service
    (and cryptography's key types) and the roster's dialogs are not imported."""
    from groupkeeper.storage.vault import Vault

    folder = tmp_path / "vault"
    Vault.create(folder, "kettle river purple bicycle")[0].lock()
    code = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from groupkeeper.settings import Settings
from groupkeeper.storage import keyheader
from groupkeeper.ui import worker
from groupkeeper.ui.main_window import MainWindow
from groupkeeper.ui.services import Services
app = QApplication([])
services = Services(Settings(), Path(sys.argv[1]))
window = MainWindow(services)
window.show()
app.processEvents()
with keyheader.lowered_floor_for_tests():  # the test vault's KDF, as in this process
    services.unlock("kettle river purple bicycle")
window.unlock_screen.unlocked.emit()
app.processEvents()
window.show_roster()
assert worker.wait_idle()  # Home's sync status read, in the worker
app.processEvents()
print("panel:" + window.home.sync_panel.status_label.text()[:15])
watched = ("groupkeeper.sync.service", "groupkeeper.ui.member_dialog",
           "groupkeeper.ui.member_history", "groupkeeper.ui.csv_import_dialog")
print("loaded:" + ",".join(m for m in watched if m in sys.modules))
window.lock()
"""
    out = _child(code, str(folder), tmp_path=tmp_path).splitlines()
    assert "panel:Co-facilitating" in out, out
    assert "loaded:" in out, out


def test_home_finds_open_meetings_without_reading_every_meeting(store) -> None:  # type: ignore[no-untyped-def]
    """Home's ``latest_by_group`` reads each group's open meeting from the partial index
    (migration 10), not every meeting row with its agenda."""
    group = store.groups.add(Group(name="Tuesday Circle"))
    agenda = '["' + "segment " * 1200 + '"]'  # about 10 KB a meeting, as real agendas grow
    rows = [(group.id, f"2020-01-{1 + i % 28:02d}", "closed", agenda) for i in range(300)]
    rows.append((group.id, "2020-02-01", "open", agenda))
    store.db.conn.executemany(
        "INSERT INTO meetings (group_id, date, state, agenda) VALUES (?, ?, ?, ?)", rows
    )
    store.db.conn.commit()
    open_id = store.meetings.open_meeting(group.id).id
    store.release_memory()
    before = _sqlite_memory_used()
    assert store.meetings.latest_by_group()[group.id or 0][1] == open_id
    assert _sqlite_memory_used() - before < 300_000  # without the index: 690 KB here
