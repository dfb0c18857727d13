"""Hostile key headers and revoke leftovers: refused before any key derivation, with a
sentence, files untouched; a stale ``vault.key.revoke`` never blocks a sound vault.

"Fast" is proven structurally: Argon2 must never run for a refused header (a crafted
file can only cost what parsing costs). ``bench/bench_unlock.py`` prints the times.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from groupkeeper.storage import keyheader
from groupkeeper.storage.errors import VaultCorrupt, WrongPassphrase
from groupkeeper.storage.vault import KEY_HEADER, PENDING_KEY_HEADER, VAULT_DB, Vault

PASS = "correct horse battery"
NEW_PASS = "a brand new passphrase"
MARKER = "Marker group"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, PASS)
    with vault:
        vault.db.table("groups").insert({"name": MARKER, "created_at": "2026-11-01"})
    return path


@pytest.fixture
def no_argon2(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def refuse(*args: Any, **kwargs: Any) -> bytes:
        calls.append(1)
        raise AssertionError("a hostile header reached the key derivation")

    monkeypatch.setattr(keyheader, "hash_secret_raw", refuse)
    return calls


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _names(vault: Vault) -> list[str]:
    return [row["name"] for row in vault.db.table("groups").rows]


def _edit_file(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    doc = json.loads(path.read_bytes())
    change(doc)
    path.write_bytes(json.dumps(doc, indent=2).encode())


def _slot(name: str, field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["slots"][name].__setitem__(field, value)


def _kdf(name: str, field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["slots"][name]["kdf"].__setitem__(field, value)


HOSTILE: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "memory_4gib": (_kdf("passphrase", "memory_kib", 4 * 1024 * 1024), "more memory or time"),
    "memory_just_over_1gib": (_kdf("recovery", "memory_kib", 1024 * 1024 + 1), "more memory"),
    "time_cost_17": (_kdf("passphrase", "time_cost", 17), "more memory or time"),
    "time_cost_64": (_kdf("recovery", "time_cost", 64), "more memory or time"),
    "parallelism_64": (_kdf("passphrase", "parallelism", 64), "more memory or time"),
    "empty_salt": (_slot("passphrase", "salt", ""), "damaged"),
    "three_byte_salt": (_slot("recovery", "salt", "AAAA"), "damaged"),
    "long_salt": (_slot("passphrase", "salt", "A" * 4000), "damaged"),
    "empty_nonce": (_slot("passphrase", "nonce", ""), "damaged"),
    "long_nonce": (_slot("recovery", "nonce", "A" * 24), "damaged"),
    "short_wrapped_key": (_slot("passphrase", "wrapped_key", "AAAA"), "damaged"),
    "short_mac": (lambda d: d.__setitem__("mac", "00"), "damaged"),
    "unknown_top_field": (lambda d: d.__setitem__("extra", 1), "does not know"),
    "unknown_slot": (lambda d: d["slots"].__setitem__("third", {}), "does not know"),
    "unknown_slot_field": (_slot("passphrase", "pepper", "x"), "does not know"),
    "unknown_kdf_field": (_kdf("recovery", "secret", 1), "does not know"),
    "float_memory": (_kdf("passphrase", "memory_kib", 65536.0), "damaged"),
    "huge_int": (_kdf("passphrase", "time_cost", 10**400), "more memory or time"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_header_refused_before_deriving_with_its_sentence(
    folder: Path, no_argon2: list[int], case: str
) -> None:
    change, sentence = HOSTILE[case]
    _edit_file(folder / KEY_HEADER, change)
    before = _bytes(folder)
    with pytest.raises(VaultCorrupt, match=sentence):
        Vault.unlock(folder, PASS)
    with pytest.raises(VaultCorrupt, match=sentence):
        Vault.unlock_with_recovery_key(folder, "0000-0000-0000-0000-0000-0000-0000-0000")
    assert no_argon2 == []
    assert _bytes(folder) == before


def test_oversized_header_file_is_refused_without_reading_it_all(
    folder: Path, no_argon2: list[int]
) -> None:
    with open(folder / KEY_HEADER, "ab") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB of nothing after the JSON
    before_size = (folder / KEY_HEADER).stat().st_size
    with pytest.raises(VaultCorrupt, match="too large"):
        Vault.unlock(folder, PASS)
    assert (folder / KEY_HEADER).stat().st_size == before_size


def test_any_argon2_refusal_is_damage_not_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2.exceptions import HashingError

    def failing(*args: Any, **kwargs: Any) -> bytes:
        raise HashingError("Salt is too short")

    monkeypatch.setattr(keyheader, "hash_secret_raw", failing)
    with pytest.raises(VaultCorrupt, match="damaged"):
        keyheader.derive_kek(b"x", b"salt", keyheader.current_floor())


def test_ceiling_is_what_tuning_can_reach_and_not_far_above() -> None:
    ceiling = keyheader.CEILING
    assert ceiling.memory_kib == 1024 * 1024
    assert ceiling.time_cost == 16 and ceiling.parallelism == 16
    assert keyheader.TUNE_MAX_MEMORY_KIB <= ceiling.memory_kib
    assert keyheader.TUNE_MAX_TIME_COST <= ceiling.time_cost
    assert keyheader.FLOOR.within(ceiling)


# ------------------------------------------------------------------ revoke leftovers


def test_junk_revoke_file_never_blocks_a_sound_vault(folder: Path) -> None:
    (folder / PENDING_KEY_HEADER).write_bytes(b"\x00junk{")
    with Vault.unlock(folder, PASS) as vault:
        assert _names(vault) == [MARKER]
    assert not (folder / PENDING_KEY_HEADER).exists()  # discarded once the vault opened


def test_hostile_revoke_file_is_discarded_without_deriving(folder: Path) -> None:
    pending = folder / PENDING_KEY_HEADER
    pending.write_bytes((folder / KEY_HEADER).read_bytes())
    _edit_file(pending, _kdf("passphrase", "memory_kib", 4 * 1024 * 1024))
    with Vault.unlock(folder, PASS) as vault:
        assert _names(vault) == [MARKER]
    assert not pending.exists()


def test_junk_revoke_file_with_a_wrong_passphrase_is_just_a_wrong_passphrase(
    folder: Path,
) -> None:
    (folder / PENDING_KEY_HEADER).write_bytes(b"junk")
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, "not the passphrase")
    assert (folder / PENDING_KEY_HEADER).exists()  # nothing proven yet: left alone


def test_junk_revoke_file_beside_a_header_that_no_longer_fits_says_so(folder: Path) -> None:
    vault = Vault.unlock(folder, PASS)
    vault.revoke_access(NEW_PASS)  # the database now needs the new key
    vault.lock()
    # Pretend the rename never happened and the pending header was damaged instead.
    old = keyheader.create_header(
        keyheader.new_data_key(),
        PASS,
        b"r" * 20,
        vault_id=keyheader.read_header(folder / KEY_HEADER).vault_id,
    )
    keyheader.write_header(folder / KEY_HEADER, old)
    (folder / PENDING_KEY_HEADER).write_bytes(b"junk")
    before = _bytes(folder)
    with pytest.raises(VaultCorrupt, match="revoke"):
        Vault.unlock(folder, PASS)
    assert _bytes(folder) == before


def test_crash_while_writing_the_revoke_file_leaves_a_sound_vault(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Vault.unlock(folder, PASS)
    real_replace = os.replace

    def die_before_rename(src: str | Path, dst: str | Path) -> None:
        if str(dst).endswith(PENDING_KEY_HEADER):
            raise KeyboardInterrupt  # the temp file is written, never renamed
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", die_before_rename)
    with pytest.raises(KeyboardInterrupt):
        vault.revoke_access(NEW_PASS)
    monkeypatch.setattr(os, "replace", real_replace)
    vault.lock()
    assert not (folder / PENDING_KEY_HEADER).exists()
    # A SIGKILL (not an exception) would leave the temp file itself behind:
    (folder / f".{PENDING_KEY_HEADER}.0badc0de.tmp").write_bytes(b'{"half": ')
    with Vault.unlock(folder, PASS) as again:
        assert _names(again) == [MARKER]
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_crash_during_the_rekey_leaves_the_old_key_working(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from groupkeeper.storage import vault as vault_module

    vault = Vault.unlock(folder, PASS)

    def die(*args: Any) -> None:
        raise KeyboardInterrupt  # SQLCipher's rekey is one transaction: all or nothing

    monkeypatch.setattr(vault_module, "_rekey_connection", die)
    with pytest.raises(KeyboardInterrupt):
        vault.revoke_access(NEW_PASS)
    vault.lock()
    assert (folder / PENDING_KEY_HEADER).exists()
    with pytest.raises(WrongPassphrase, match="other passphrase"):
        Vault.unlock(folder, NEW_PASS)
    with Vault.unlock(folder, PASS) as again:
        assert _names(again) == [MARKER]
    assert not (folder / PENDING_KEY_HEADER).exists()
    assert (folder / VAULT_DB).exists()
