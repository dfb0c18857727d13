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
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from groupkeeper.model import Group, Member
from groupkeeper.settings import Settings
from groupkeeper.ui.services import Services

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def _sqlite_memory_used() -> int:
    """Bytes SQLite (SQLCipher's copy, linked into its driver) holds right now."""
    import sqlcipher3._sqlite3 as driver

    library = ctypes.CDLL(driver.__file__)
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return int(library.sqlite3_memory_used())


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
