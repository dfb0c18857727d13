"""Applying other laptops' changes: 10,000 operations pulled from a shared folder.

One sample is one ``Replica.pull`` by a laptop that has seen nothing yet, of 10,000
entries written by two other laptops in 20 change files of 500 (check-ins, apologies and
corrections, walk-in and safety counters, member field edits with personal fields sealed
under member keys; 200 members). It reads, checks the signature of, decrypts and
validates every file, then merges every entry. Target: under 1 s (issue 14).

Baseline, same run: reading the same 20 files and ``json.loads`` of the same entries
written as plain JSON (no signature, no decryption, no merge): what any file-based log
pays. The ratio is what authentication, encryption and the merge rules add.

Second row, the whole way into a vault: ``SyncService.sync_once`` on a real vault
(SQLCipher, WAL, ``synchronous=FULL``) that shares the group and has seen nothing yet:
the same pull, plus capturing its own changes, writing the 200 members, 12 meetings,
their attendance and counts into the tables, and saving the replica, in one transaction.
Target: under 1 s too.

Third row, end to end through the real engine: two vaults sharing a group through two
Syncthing instances on loopback (``tests/syncthing_pair.py``); from the check-in on A
(operation + ``sync_once`` writing the change file) until B, syncing every 50 ms, shows
the person present. Median of several check-ins; target under 5 s. Its baseline row is
the engine alone: a file of the same size written into A's folder until it appears in
B's. Skipped (not available) without Syncthing.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import Row, median_of

TARGET_S = 1.0
GROUP = "group-bench"
ENTRIES = 10_000
PER_FILE = 500


def _write(folder: Path, key: bytes | None = None) -> tuple[bytes, int]:
    """Two other laptops' change files in ``folder`` (under the group ``key``, a new one
    if None); returns the key and the size of the same entries as plain JSON."""
    from groupkeeper.sync import changefile
    from groupkeeper.sync.identity import DeviceIdentity
    from groupkeeper.sync.replica import Replica

    key = key if key is not None else changefile.new_key()
    writers = [Replica(DeviceIdentity.generate(), GROUP, key) for _ in range(2)]
    members = [
        writers[0].add_member(
            {"display_name": f"Person {i}", "pseudonym": f"p{i}", "groups": [GROUP]}
        )
        for i in range(200)
    ]
    writers[0].flush(folder)
    writers[1].pull(folder)
    n = 0
    while n < ENTRIES:
        w = writers[n // PER_FILE % 2]
        for _ in range(PER_FILE):
            i = n
            meeting = f"2026-{1 + i % 12:02d}-01#1"
            kind = i % 5
            if kind == 0:
                w.mark(meeting, f"p{i % 200}", "present")
            elif kind == 1:
                w.mark(meeting, f"p{i % 200}", "apologies", correction=i % 10 == 1)
            elif kind == 2:
                w.count(meeting, "walk_ins", 1)
            elif kind == 3:
                w.set_field(members[i % 200], "active", i % 2 == 0)
            else:
                w.set_field(members[i % 200], "notes", f"note {i}")
            n += 1
        w.flush(folder)
    plain = json.dumps([{"i": i, "pad": "x" * 120} for i in range(ENTRIES)]).encode()
    return key, len(plain)


def run(quick: bool) -> list[Row]:
    """Pull 10,000 entries into a fresh replica, several times; then the baseline."""
    from groupkeeper.sync.identity import DeviceIdentity
    from groupkeeper.sync.replica import Replica

    repeat = 3 if quick else 7
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        folder = root / "shared"
        key, _ = _write(folder)
        files = sorted(folder.rglob("*.gkops"))
        samples = []
        applied = 0
        for _ in range(repeat):
            reader = Replica(DeviceIdentity.generate(), GROUP, key)
            start = time.perf_counter()
            report = reader.pull(folder)
            samples.append(time.perf_counter() - start)
            applied = report.entries
            assert not report.refused
        # Baseline: the same number of entries as plain JSON in the same number of files.
        plain_dir = root / "plain"
        plain_dir.mkdir()
        entry = {
            "op": "attendance.mark",
            "meeting": "2026-01-01#1",
            "member": "p1",
            "status": "present",
            "correction": False,
            "stamp": [1, 0, "x" * 24],
        }
        for k in range(len(files)):
            (plain_dir / f"{k}.json").write_text(json.dumps({"entries": [entry] * PER_FILE}))
        base_samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            for path in sorted(plain_dir.iterdir()):
                json.loads(path.read_bytes())
            base_samples.append(time.perf_counter() - start)
        vault_samples, changed = _into_vaults(root, folder, key, repeat)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    ours, base = median_of(samples), median_of(base_samples)
    vault_median = median_of(vault_samples)
    rows = [
        Row(
            "read + json.loads of the same entries as plain JSON (baseline)",
            base,
            None,
            float("inf"),
        ),
        Row(
            f"pull {applied:,} entries from {len(files)} change files",
            ours,
            None,
            TARGET_S,
            note=f"{ours / base:.1f}x the baseline",
        ),
        Row(
            f"sync_once into a vault: {applied:,} entries -> {changed:,} rows written",
            vault_median,
            None,
            TARGET_S,
            note=f"{vault_median / base:.1f}x the baseline",
        ),
    ]
    return rows + _through_syncthing(3 if quick else 7)


def _into_vaults(root: Path, folder: Path, key: bytes, repeat: int) -> tuple[list[float], int]:
    """``SyncService.sync_once`` of a fresh vault that shares ``group-bench``."""
    from groupkeeper.model import Group
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.sync import SyncRepo
    from groupkeeper.storage.vault import Vault
    from groupkeeper.sync.identity import DeviceIdentity
    from groupkeeper.sync.replica import Replica
    from groupkeeper.sync.service import SyncService

    samples, changed = [], 0
    for n in range(repeat):
        vault, _ = Vault.create(root / f"vault-{n}", "bench passphrase for sync")
        try:
            store = Store(vault.db, vault.folder)
            repo = SyncRepo(store)
            group = store.groups.add(Group(name="Bench group"))
            repo.set_uuid("groups", group.id or 0, GROUP)
            identity = DeviceIdentity(repo.ensure_device_key(DeviceIdentity.generate().private_key))
            data = Replica(identity, GROUP, key).to_data()
            repo.save_group(GROUP, group.id, str(folder), data, local={})
            service = SyncService(store)
            start = time.perf_counter()
            summary = service.sync_once()
            samples.append(time.perf_counter() - start)
            assert not summary.refused and summary.changes_received >= ENTRIES
            changed = summary.records_changed
        finally:
            vault.lock()
    return samples, changed


def _through_syncthing(repeat: int) -> list[Row]:
    """Check-in on A until B shows it, through two real Syncthing instances."""
    from tests import syncthing_pair

    name = "check-in on A visible on B through two Syncthing instances (loopback)"
    base_name = "a file carried by Syncthing alone, A's folder to B's (baseline)"
    if not syncthing_pair.available():
        return [
            Row.not_available(base_name, float("inf"), "syncthing is not installed"),
            Row.not_available(name, 5.0, "syncthing is not installed"),
        ]
    from datetime import date

    from groupkeeper import ops
    from groupkeeper.model import Group, Member
    from groupkeeper.ops import perform
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.vault import Vault
    from groupkeeper.sync.service import SyncService
    from tests.syncthing_pair import SyncthingPair, wait_for

    root = Path(tempfile.mkdtemp(prefix="bench-syncthing-"))
    vaults = []
    try:
        with SyncthingPair(root / "st") as pair:
            va, _ = Vault.create(root / "a", "bench passphrase for sync")
            vb, _ = Vault.create(root / "b", "bench passphrase for sync")
            vaults = [va, vb]
            a, b = Store(va.db, va.folder), Store(vb.db, vb.folder)
            sa, sb = SyncService(a), SyncService(b)
            group = a.groups.add(Group(name="Bench group"))
            people = [
                a.members.add(Member(display_name=f"Person {i}", group_ids=[group.id or 0]))
                for i in range(repeat)
            ]
            code = sa.share_group(group.id or 0, pair.folder_a, root / "invite").code
            gid_b = sb.join(root / "invite", code, pair.folder_b)

            def members_arrived() -> bool:
                sb.sync_once()
                return len(b.members.all(gid_b)) == repeat

            wait_for(members_arrived, 120)
            meeting = a.meetings.start(group.id or 0, date.today().isoformat())
            samples = []
            size = 0
            for person in people:
                start = time.perf_counter()
                perform(
                    a, ops.attendance.check_in(meeting_id=meeting.id, pseudonym=person.pseudonym)
                )
                sa.sync_once()
                size = max(p.stat().st_size for p in pair.folder_a.rglob("*.gkops"))

                def arrived(pseudonym: str = person.pseudonym) -> bool:
                    sb.sync_once()
                    return any(
                        pseudonym in b.meetings.present(m.id or 0) for m in b.meetings.recent(gid_b)
                    )

                wait_for(arrived, 60, interval=0.05)
                samples.append(time.perf_counter() - start)
            base_samples = []
            for n in range(repeat):
                start = time.perf_counter()
                (pair.folder_a / f"plain-{n}.bin").write_bytes(b"x" * size)
                target = pair.folder_b / f"plain-{n}.bin"
                wait_for(lambda t=target: t.exists() and t.stat().st_size == size, 60)
                base_samples.append(time.perf_counter() - start)
    finally:
        for vault in vaults:
            vault.lock()
        shutil.rmtree(root, ignore_errors=True)
    ours, base = median_of(samples), median_of(base_samples)
    return [
        Row(base_name, base, None, float("inf")),
        Row(
            name,
            ours,
            None,
            5.0,
            note=f"{ours / base:.2f}x the engine alone; max {max(samples):.2f} s",
        ),
    ]
