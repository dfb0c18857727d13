"""Applying other laptops' changes: 10,000 operations pulled from a shared folder.

One sample is one ``Replica.pull`` by a laptop that has seen nothing yet, of 10,000
entries written by two other laptops in 20 change files of 500 (check-ins, apologies and
corrections, walk-in and safety counters, member field edits with personal fields sealed
under member keys; 200 members). It reads, checks the signature of, decrypts and
validates every file, then merges every entry. Target: under 1 s (issue 14).

Baseline, same run: reading the same 20 files and ``json.loads`` of the same entries
written as plain JSON (no signature, no decryption, no merge): what any file-based log
pays. The ratio is what authentication, encryption and the merge rules add.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import Row, median_of

TARGET_S = 1.0
ENTRIES = 10_000
PER_FILE = 500


def _write(folder: Path) -> tuple[bytes, int]:
    from groupkeeper.sync import changefile
    from groupkeeper.sync.identity import DeviceIdentity
    from groupkeeper.sync.replica import Replica

    key = changefile.new_key()
    writers = [Replica(DeviceIdentity.generate(), "group-bench", key) for _ in range(2)]
    members = [
        writers[0].add_member({"display_name": f"Person {i}", "pseudonym": f"p{i}"})
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
            reader = Replica(DeviceIdentity.generate(), "group-bench", key)
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
    finally:
        shutil.rmtree(root, ignore_errors=True)
    ours, base = median_of(samples), median_of(base_samples)
    return [
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
    ]
