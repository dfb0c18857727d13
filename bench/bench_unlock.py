"""Unlock time: passphrase to open vault (KDF + key unwrap + open + integrity checks).

Measured in this process on a demo vault of 10,000 members, 20 groups and 5 years made
with the real KDF floor (``keyheader.FLOOR``, tuned up at creation as the app does; the
floor is never lowered here). The parameters used are printed in the row's note. The
target is a range, 0.3-1.0 s: slower annoys the facilitator at every unlock, faster
would mean a cheap key derivation that helps someone guessing passphrases.

The baseline, in the same run and on the same file, is a bare SQLCipher open with the
raw key (no KDF, no checks): connect, ``PRAGMA key``, read ``sqlite_master``.
"""

from __future__ import annotations

import time

from bench.common import Row, demo_vault, median_of

TARGET_MIN_S = 0.3
TARGET_MAX_S = 1.0


def _bare_open(db_path: str, raw_key: str) -> None:
    from groupkeeper.storage._sqlcipher import connect

    conn = connect(db_path)
    try:
        conn.execute(f"PRAGMA key = {raw_key}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def run(quick: bool) -> list[Row]:
    """Unlock the demo vault several times; open it bare with the raw key as often."""
    from groupkeeper.demo import DEMO_PASSPHRASE
    from groupkeeper.storage import keyheader
    from groupkeeper.storage.vault import VAULT_DB, Vault, _raw_key

    runs = 3 if quick else 9
    folder = demo_vault(10_000, 20, 5)
    assert keyheader.current_floor() == keyheader.FLOOR, "benchmarks use the real floor"
    vault = Vault.unlock(folder, DEMO_PASSPHRASE)  # warm-up, and the raw key for the baseline
    params = vault.kdf_params
    kdf_params = keyheader.KdfParams(
        int(params["time_cost"]), int(params["memory_kib"]), int(params["parallelism"])
    )
    raw_key = _raw_key(vault._data_key(), vault._header.vault_id)  # noqa: SLF001
    vault.lock()

    unlock_s: list[float] = []
    kdf_s: list[float] = []
    bare_s: list[float] = []
    db_path = str(folder / VAULT_DB)
    for _ in range(runs):
        start = time.perf_counter()
        vault = Vault.unlock(folder, DEMO_PASSPHRASE)
        unlock_s.append(time.perf_counter() - start)
        vault.lock()
        start = time.perf_counter()
        _bare_open(db_path, raw_key)
        bare_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        keyheader.derive_kek(DEMO_PASSPHRASE.encode(), bytes(16), kdf_params)
        kdf_s.append(time.perf_counter() - start)
    unlock = median_of(unlock_s)
    kdf = median_of(kdf_s)
    floor = keyheader.FLOOR
    shown = (
        f"argon2id t={kdf_params.time_cost} m={kdf_params.memory_kib // 1024} MiB"
        f" p={kdf_params.parallelism}; floor t={floor.time_cost}"
        f" m={floor.memory_kib // 1024} MiB p={floor.parallelism}"
    )
    return [
        Row("bare SQLCipher open with raw key (baseline)", median_of(bare_s), None, float("inf")),
        Row(
            "Argon2id derivation alone (context)",
            kdf,
            None,
            float("inf"),
            note=shown,
        ),
        Row(
            "unlock (KDF + unwrap + open + checks), 10k-member vault",
            unlock,
            None,
            TARGET_MAX_S,
            target_min=TARGET_MIN_S,
            note=f"{unlock / median_of(bare_s):.0f}x the bare open; KDF {kdf / unlock:.0%}",
        ),
    ]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
