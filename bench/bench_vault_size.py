"""Vault size on disk per year of weekly meetings of a 30-person group (no target).

Demo vaults (``demo.generate``: one group, 30 fictional members who come and go as in
life, a weekly meeting with check-in, mood rounds, skills and goals) are made for one and
for two years of history; the figure is the bytes of the vault folder after locking
(``vault.db`` checkpointed, plus ``vault.key``). Baseline, same run: a new, empty vault.
"Per year" is the growth from one year to two, so the fixed cost (schema, starter skills)
is not counted as yearly growth. Sizes are the median of a few vaults (seeds differ).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from bench.common import Row, median_of


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def _make(root: Path, name: str, years: int, seed: int) -> tuple[int, int]:
    """Bytes of a demo vault of ``years`` years (0 = empty) and its attendance count."""
    from groupkeeper.demo import DEMO_PASSPHRASE, generate
    from groupkeeper.storage.repos import Store
    from groupkeeper.storage.vault import Vault

    folder = root / name
    vault, _ = Vault.create(folder, DEMO_PASSPHRASE)
    try:
        attendances = 0
        if years:
            summary = generate(
                Store(vault.db, vault.folder),
                members=30,
                groups=1,
                years=years,
                seed=seed,
                today=dt.date(2026, 1, 1),
            )
            attendances = summary.attendances
    finally:
        vault.lock()
    return _folder_bytes(folder), attendances


def run(quick: bool) -> list[Row]:
    """Make empty, 1-year and 2-year vaults; report sizes in kB (1000 bytes)."""
    from groupkeeper.storage import keyheader

    seeds = [1] if quick else [1, 2, 3]
    root = Path(tempfile.mkdtemp(prefix="gk-bench-size-"))
    try:
        # The KDF cost does not change any size; the test floor only saves seconds here.
        with keyheader.lowered_floor_for_tests():
            empty = median_of([_make(root, f"empty{s}", 0, s)[0] for s in seeds])
            one = [_make(root, f"one{s}", 1, s) for s in seeds]
            two = [_make(root, f"two{s}", 2, s) for s in seeds]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    one_kb = median_of([b for b, _ in one]) / 1000
    per_year = median_of([(b2 - b1) / 1000 for (b1, _), (b2, _) in zip(one, two, strict=True)])
    attended = median_of([a for _, a in one])
    return [
        Row("new empty vault (baseline)", empty / 1000, None, float("inf"), unit="kB"),
        Row(
            "vault after 1 year, 30 people, weekly",
            one_kb,
            None,
            float("inf"),
            unit="kB",
            note=f"{attended:.0f} attendances",
        ),
        Row("growth per year of weekly meetings", per_year, None, float("inf"), unit="kB"),
    ]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
