"""Check-ins while a background write runs: how long the GUI waits (issue 11).

On a copy of the 10,000-member, 20-group, 5-year demo vault, the main thread (the GUI's,
owning the vault's writer connection) checks members in, each a durable
``MeetingSession.check_in``, while a worker thread on its own writer connection
(``Vault.thread_connection(write=True)``, as ``worker.run_on_vault`` opens it) does one
of the app's background writes. The first check-in comes 0.05, 0.25 or 0.5 s (one per
repeat) after the background write took the lock, the next ones a second apart until
it ends:

- **import**: the ``member.import`` operation of 10,000 CSV rows (what the import dialog
  runs through ``OperationRunner.run_in_background``);
- **sync**: ``sync.now`` applying 10,600 entries (200 new members, check-ins, apologies
  and corrections, counts, member field edits; ``bench_sync``'s data) written by two
  other laptops, into the vault that already shares the group (its first sync, which
  sends the group's five years, is made beforehand and not timed); and the same
  applying one check-in made on another laptop, what auto-sync does all meeting long;
- **revoke**: "Revoke access" (new data key, ``PRAGMA rekey`` of the whole file, new
  header), as the Vault settings page runs it;
- **export**: a CSV export of one group's quarter (rebuilt, audited, written, logged).

Per writer two figures: the longest time a background connection held the write lock
(from taking its turn to giving it back: ``BEGIN IMMEDIATE`` to ``COMMIT``, or to the
rollback of an attempt that gave way to a check-in; before "Revoke access" took a turn,
its rekey was not seen there), reported; and the slowest check-in made while the
background write ran, from the moment it could begin until it is saved: waits for the
lock and stalls of the main thread while a C call elsewhere holds the GIL alike (what a
facilitator would feel as a freeze). Target: under 1 s. The baseline, same run, same
vault: check-ins with nothing in the background. Check-ins refused (``VaultBusy``, the
clear message the user would read; a bare "database is locked" before it existed) are
counted in the note.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import Row, demo_vault, median_of

TARGET_S = 1.0
#: Between two check-ins: one a second, quicker than anyone reads a name and types it.
#: (Back to back check-ins would keep any background write giving way until its last
#: allowed attempt, which then runs to its end: see ``ops.base.GIVE_WAY_TIMES``.)
GAP_S = 1.0
#: When the first check-in comes after the background write took the lock, per repeat,
#: so the samples fall in different steps of it.
OFFSETS_S = (0.05, 0.25, 0.5)


@dataclass
class _Holds:
    """Write-lock holds of background threads: (start, end) from ``perf_counter``."""

    main: int = field(default_factory=threading.get_ident)
    spans: list[tuple[float, float]] = field(default_factory=list)
    first: threading.Event = field(default_factory=threading.Event)
    _started: dict[int, float] = field(default_factory=dict)

    def taken(self) -> None:
        if threading.get_ident() != self.main:
            self._started[threading.get_ident()] = time.perf_counter()
            self.first.set()

    def given_back(self) -> None:
        start = self._started.pop(threading.get_ident(), None)
        if start is not None:
            self.spans.append((start, time.perf_counter()))


def _watch_turns(holds: _Holds) -> Callable[[], None]:
    """Record every background turn (patched on the class, so it works on any version of
    ``WriteTurns``); returns the undo."""
    from groupkeeper.storage._sqlcipher import WriteTurns

    take, give_back = WriteTurns.take, WriteTurns.give_back

    def watched_take(self: Any, *args: Any, **kwargs: Any) -> bool:
        got = bool(take(self, *args, **kwargs))
        if got:
            holds.taken()
        return got

    def watched_give_back(self: Any) -> None:
        holds.given_back()
        give_back(self)

    WriteTurns.take = watched_take  # type: ignore[method-assign]
    WriteTurns.give_back = watched_give_back  # type: ignore[method-assign]

    def undo() -> None:
        WriteTurns.take = take  # type: ignore[method-assign]
        WriteTurns.give_back = give_back  # type: ignore[method-assign]

    return undo


@dataclass
class _Outcome:
    waits: list[float]
    during: list[float]  # check-ins begun while a background connection held the lock
    busy: int
    longest_hold: float
    task_seconds: float
    error: BaseException | None


def _copy(root: Path, name: str) -> Path:
    folder = root / name
    shutil.copytree(demo_vault(10_000, 20, 5), folder)
    return folder


def _check_ins(
    vault: Any,
    background: Callable[[], None] | None,
    count: int | None = None,
    offset: float = 0.0,
) -> _Outcome:
    """Check members in on this thread, ``GAP_S`` apart, until ``background`` (run in a
    thread with its own writer connection) ends, the first ``offset`` seconds after it
    took the write lock; or ``count`` times when there is none."""
    from groupkeeper.meeting_session import MeetingSession
    from groupkeeper.storage._sqlcipher import DatabaseError
    from groupkeeper.storage.errors import KnownError
    from groupkeeper.storage.repos import Store

    store = Store(lambda: vault.db, vault.folder)
    group = store.groups.all()[0]
    pseudonyms = [m.pseudonym for m in store.members.all()]
    meeting = store.meetings.start(group.id, "2026-01-02")
    session = MeetingSession(store, meeting.id)
    session.check_in(pseudonyms[0])  # warm-up
    holds = _Holds()
    undo = _watch_turns(holds)
    failure: list[BaseException] = []
    task_time: list[float] = []

    def work() -> None:
        assert background is not None
        start = time.perf_counter()
        try:
            with vault.thread_connection(write=True):
                background()
        except BaseException as exc:  # noqa: BLE001 - reported in the row
            failure.append(exc)
        task_time.append(time.perf_counter() - start)

    waits: list[tuple[float, float]] = []
    busy = 0
    try:
        thread = threading.Thread(target=work) if background is not None else None
        gap = 0.0 if thread is None else GAP_S
        if thread is not None:
            thread.start()
            while not holds.first.wait(0.01) and thread.is_alive():
                pass
            gap = offset
        for n, pseudonym in enumerate(pseudonyms[1:], 1):
            if thread is None and count is not None and n > count:
                break
            if thread is not None and not thread.is_alive():
                break
            # From the moment the facilitator could act (after the gap) until the
            # check-in is saved: a wait for the lock, and also a stall of this thread
            # while another holds the GIL (a C call that does not let go of it), which
            # freezes a GUI just the same.
            before = time.perf_counter()
            time.sleep(gap)
            start = time.perf_counter()
            try:
                session.check_in(pseudonym)
            except (KnownError, DatabaseError):  # busy (or, before VaultBusy, "locked")
                busy += 1
            waits.append((start, time.perf_counter() - before - gap))
            gap = GAP_S if thread is not None else 0.0
        if thread is not None:
            thread.join()
    finally:
        undo()
    during = [w for s, w in waits if any(a <= s <= b for a, b in holds.spans)]
    return _Outcome(
        [w for _, w in waits],
        during,
        busy,
        max((b - a for a, b in holds.spans), default=0.0),
        task_time[0] if task_time else 0.0,
        failure[0] if failure else None,
    )


def _import(vault: Any) -> Callable[[], None]:
    from groupkeeper import csv_import
    from groupkeeper.model import Member
    from groupkeeper.ops import perform
    from groupkeeper.storage.repos import Store

    group = Store(vault.db, vault.folder).groups.all()[1]
    rows = [
        Member(
            display_name=f"Imported {i:05d}",
            full_name=f"Imported Person {i:05d}",
            email=f"imported{i}@example.org",
            phone="555-0100",
            group_ids=[group.id or 0],
        )
        for i in range(10_000)
    ]

    def background() -> None:
        # As ``OperationRunner.run_in_background``: the operation is made in the worker.
        op = csv_import.import_op(rows, [])
        perform(Store(lambda: vault.db, vault.folder), op)

    return background


def _sync(vault: Any, root: Path, *, small: bool = False) -> Callable[[], None]:
    import groupkeeper.ops.sync as sync_ops
    from bench.bench_sync import GROUP, _write
    from groupkeeper.ops import perform
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.sync import SyncRepo
    from groupkeeper.sync import changefile
    from groupkeeper.sync.identity import DeviceIdentity
    from groupkeeper.sync.replica import Replica
    from groupkeeper.sync.service import SyncService

    store = Store(lambda: vault.db, vault.folder)
    repo = SyncRepo(store)
    group = store.groups.all()[0]
    repo.set_uuid("groups", group.id or 0, GROUP)
    identity = DeviceIdentity(repo.ensure_device_key(DeviceIdentity.generate().private_key))
    key = changefile.new_key()
    folder = root / "shared"
    folder.mkdir()
    repo.save_group(GROUP, group.id, str(folder), Replica(identity, GROUP, key).to_data(), local={})
    SyncService(store).sync_once()  # sends the group's five years: not timed
    if small:  # another laptop checked one person in: what auto-sync meets all meeting long
        other = Replica(DeviceIdentity.generate(), GROUP, key)
        other.pull(folder)
        other.add_member({"display_name": "Visitor", "pseudonym": "p-visitor", "groups": [GROUP]})
        other.mark("2026-01-02#1", "p-visitor", "present")
        other.flush(folder)
    else:
        _write(folder, key)  # the other laptops' 10,600 entries

    def background() -> None:
        perform(Store(lambda: vault.db, vault.folder), sync_ops.sync_now())

    return background


def _revoke(vault: Any) -> Callable[[], None]:
    def background() -> None:
        vault.revoke_access("a new passphrase for the bench")

    return background


def _export(vault: Any, root: Path) -> Callable[[], None]:
    import datetime as dt

    from groupkeeper import reports_export
    from groupkeeper.metrics import Period
    from groupkeeper.storage.repos import Store

    group = Store(vault.db, vault.folder).groups.all()[2]
    period = Period((2025, 10), (2025, 12))
    bundle = reports_export.build_report(
        vault.db,
        (group.id or 0,),
        period,
        threshold=5,
        scope_label="Group",
        today=dt.date(2026, 1, 1),
    )

    def background() -> None:
        reports_export.export_csv_now(vault.db, bundle, root / "export.csv")

    return background


def _background(kind: str, vault: Any, root: Path) -> Callable[[], None]:
    if kind == "import":
        return _import(vault)
    if kind == "sync":
        return _sync(vault, root)
    if kind == "sync-one":
        return _sync(vault, root, small=True)
    if kind == "revoke":
        return _revoke(vault)
    return _export(vault, root)


def _writers() -> list[tuple[str, str]]:
    return [
        ("import", "CSV import of 10,000 rows"),
        ("sync", "sync applying 10,600 entries"),
        ("sync-one", "sync applying one check-in (auto-sync in a meeting)"),
        ("revoke", "revoke access (rekey of the whole vault)"),
        ("export", "CSV export of one group's quarter (export log)"),
    ]


def _measure(kind: str, repeat: int) -> list[_Outcome]:
    from groupkeeper.demo import DEMO_PASSPHRASE
    from groupkeeper.storage.vault import Vault

    outcomes = []
    for n in range(repeat):
        root = Path(tempfile.mkdtemp(prefix="bench-write-wait-"))
        try:
            vault = Vault.unlock(_copy(root, f"vault-{n}"), DEMO_PASSPHRASE)
            try:
                if kind == "baseline":
                    outcomes.append(_check_ins(vault, None, count=60))
                    continue
                offset = OFFSETS_S[n % len(OFFSETS_S)]
                outcomes.append(_check_ins(vault, _background(kind, vault, root), offset=offset))
            finally:
                vault.lock()
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return outcomes


def run(quick: bool, kinds: tuple[str, ...] = ()) -> list[Row]:
    """Each background writer (or those of ``kinds``) with check-ins beside it; the
    baseline first."""
    repeat = 1 if quick else 3
    base = median_of([w for o in _measure("baseline", 1) for w in o.waits])
    rows = [Row("durable check-in, nothing in the background (baseline)", base, None, float("inf"))]
    for kind, words in _writers():
        if kinds and kind not in kinds:
            continue
        outcomes = _measure(kind, repeat)
        failed = [o.error for o in outcomes if o.error is not None]
        worst = max(max(o.waits, default=0.0) for o in outcomes)
        hold = max(o.longest_hold for o in outcomes)
        during = sum(len(o.during) for o in outcomes)
        busy = sum(o.busy for o in outcomes)
        task = median_of([o.task_seconds for o in outcomes])
        note = f"{worst / base:.0f}x the baseline; {during} begun mid-write; {busy} refused"
        if failed:
            note += f"; the write failed: {type(failed[0]).__name__}"
        rows.append(
            Row(
                f"{words}: longest write-lock hold",
                hold,
                None,
                float("inf"),
                note=f"whole task {task:.2f} s; an attempt that gave way counts as one hold",
            )
        )
        rows.append(Row(f"{words}: slowest check-in beside it", worst, None, TARGET_S, note=note))
    return rows


if __name__ == "__main__":  # python -m bench.bench_write_wait [import sync revoke export]
    import sys

    from bench.__main__ import format_table

    print(format_table("write_wait", run(quick=True, kinds=tuple(sys.argv[1:]))))
