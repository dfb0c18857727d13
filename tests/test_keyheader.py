"""Key header: wrapping, recovery keys, the KDF floor and tamper detection."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from groupkeeper.storage import keyheader
from groupkeeper.storage.errors import KdfTooWeak, VaultCorrupt, VaultTooNew, WrongPassphrase
from groupkeeper.storage.keyheader import PASSPHRASE_SLOT, RECOVERY_SLOT, KdfParams

PASS = "correct horse battery"


def _make(params: KdfParams | None = None) -> tuple[keyheader.KeyHeader, bytearray, str]:
    key = keyheader.new_data_key()
    text, raw = keyheader.new_recovery_key()
    return keyheader.create_header(key, PASS, raw, params=params), key, text


def _edit(header: keyheader.KeyHeader, change: Any) -> keyheader.KeyHeader:
    doc = json.loads(keyheader.dumps(header))
    change(doc)
    return keyheader.loads(json.dumps(doc).encode())


def test_both_slots_unwrap_the_same_data_key() -> None:
    header, key, text = _make()
    secret = keyheader.passphrase_secret(PASS)
    assert header.unwrap(PASSPHRASE_SLOT, secret) == key
    assert header.unwrap(RECOVERY_SLOT, keyheader.parse_recovery_key(text)) == key
    assert len(key) == 32


def test_round_trip_through_bytes() -> None:
    header, key, _ = _make()
    again = keyheader.loads(keyheader.dumps(header))
    assert again == header
    assert again.unwrap(PASSPHRASE_SLOT, keyheader.passphrase_secret(PASS)) == key


def test_wrong_passphrase() -> None:
    header, _, _ = _make()
    with pytest.raises(WrongPassphrase):
        header.unwrap(PASSPHRASE_SLOT, keyheader.passphrase_secret("not the passphrase"))


def test_passphrase_is_unicode_normalised() -> None:
    key = keyheader.new_data_key()
    header = keyheader.create_header(key, "caf\u00e9 au lait", b"r" * 20)
    assert header.unwrap(PASSPHRASE_SLOT, keyheader.passphrase_secret("cafe\u0301 au lait")) == key


def test_recovery_key_format_and_tolerant_parsing() -> None:
    text, raw = keyheader.new_recovery_key()
    groups = text.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert len(raw) * 8 >= 128
    typed = " ".join(groups).lower().replace("0", "o").replace("1", "l")
    assert keyheader.parse_recovery_key(typed) == raw
    assert keyheader.parse_recovery_key(text.replace("-", "")) == raw


@pytest.mark.parametrize("typed", ["", "ABCD-EFGH", "U" * 32, "correct horse battery staple"])
def test_not_a_recovery_key(typed: str) -> None:
    with pytest.raises(WrongPassphrase):
        keyheader.parse_recovery_key(typed)


def test_data_keys_and_ids_are_random() -> None:
    assert keyheader.new_data_key() != keyheader.new_data_key()
    assert _make()[0].vault_id != _make()[0].vault_id


def test_zero_overwrites_key() -> None:
    key = keyheader.new_data_key()
    keyheader.zero(key)
    assert key == bytearray(32)


# ---------------------------------------------------------------------------- floor


def test_real_floor_is_argon2id_64mib_t3_p4() -> None:
    assert keyheader.FLOOR == KdfParams(time_cost=3, memory_kib=65536, parallelism=4)
    assert keyheader.current_floor() == keyheader.TEST_FLOOR  # conftest lowered it in code


def test_header_below_floor_refused_before_deriving(monkeypatch: pytest.MonkeyPatch) -> None:
    header, _, _ = _make()
    weak = {"name": "argon2id", "time_cost": 1, "memory_kib": 1024, "parallelism": 1}

    def derive_called(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("derived a key from a header below the floor")

    monkeypatch.setattr(keyheader, "hash_secret_raw", derive_called)
    with pytest.raises(KdfTooWeak):
        _edit(header, lambda d: d["slots"]["passphrase"].update(kdf=weak))


def test_a_header_file_cannot_lower_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    # Written while the floor is lowered in code (like a test vault)...
    header, _, _ = _make()
    data = keyheader.dumps(header)
    # ...it is refused the moment the real floor is in force, whatever the file says.
    monkeypatch.setattr(keyheader, "_floor", keyheader.FLOOR)
    with pytest.raises(KdfTooWeak):
        keyheader.loads(data)
    with pytest.raises(KdfTooWeak):
        header.unwrap(PASSPHRASE_SLOT, keyheader.passphrase_secret(PASS))


def test_lowered_floor_is_restored_on_exit() -> None:
    inner = KdfParams(time_cost=2, memory_kib=16384, parallelism=2)
    before = keyheader.current_floor()
    with keyheader.lowered_floor_for_tests(inner):
        assert keyheader.current_floor() == inner
    assert keyheader.current_floor() == before


def test_unknown_kdf_refused() -> None:
    header, _, _ = _make()
    with pytest.raises(KdfTooWeak):
        _edit(header, lambda d: d["slots"]["recovery"]["kdf"].update(name="pbkdf2"))


def test_absurd_params_are_damage_not_a_memory_bomb() -> None:
    header, _, _ = _make()
    with pytest.raises(VaultCorrupt):
        _edit(header, lambda d: d["slots"]["passphrase"]["kdf"].update(memory_kib=2**40))


def test_tuning_raises_memory_then_time_never_below_floor() -> None:
    floor = keyheader.FLOOR

    def machine(seconds_at_floor: float) -> Callable[[KdfParams], float]:
        # Argon2 cost grows with memory x passes.
        return lambda p: (
            seconds_at_floor * (p.memory_kib / floor.memory_kib) * (p.time_cost / floor.time_cost)
        )

    slow_machine = keyheader.tune_params(floor, 0.5, measure=machine(2.0))
    assert slow_machine == floor
    fast_machine = keyheader.tune_params(floor, 0.5, measure=machine(0.01))
    assert fast_machine.memory_kib == keyheader.TUNE_MAX_MEMORY_KIB
    assert fast_machine.time_cost > floor.time_cost
    assert fast_machine.meets(floor)
    medium = keyheader.tune_params(floor, 0.5, measure=machine(0.2))
    assert floor.memory_kib < medium.memory_kib <= keyheader.TUNE_MAX_MEMORY_KIB
    assert medium.time_cost == floor.time_cost


def test_no_tuning_under_lowered_floor() -> None:
    assert keyheader.tune_params() == keyheader.TEST_FLOOR


# ---------------------------------------------------------------------------- tampering


def test_lowered_params_detected() -> None:
    stronger = KdfParams(time_cost=2, memory_kib=16384, parallelism=2)
    header, _, text = _make(stronger)
    tampered = _edit(header, lambda d: d["slots"]["passphrase"]["kdf"].update(time_cost=1))
    with pytest.raises(WrongPassphrase):
        tampered.unwrap(PASSPHRASE_SLOT, keyheader.passphrase_secret(PASS))
    # Unwrapping with the untouched slot reveals the edit through the header MAC.
    with pytest.raises(VaultCorrupt, match="altered"):
        tampered.unwrap(RECOVERY_SLOT, keyheader.parse_recovery_key(text))


def test_swapped_slots_detected() -> None:
    header, _, text = _make()

    def swap(doc: dict[str, Any]) -> None:
        slots = doc["slots"]
        slots["passphrase"], slots["recovery"] = slots["recovery"], slots["passphrase"]

    swapped = _edit(header, swap)
    with pytest.raises(WrongPassphrase):
        swapped.unwrap(PASSPHRASE_SLOT, keyheader.passphrase_secret(PASS))
    with pytest.raises(WrongPassphrase):
        swapped.unwrap(RECOVERY_SLOT, keyheader.parse_recovery_key(text))


def test_slot_from_another_vault_detected() -> None:
    header, _, _ = _make()
    other, _, _ = _make()  # same passphrase, other vault
    doc_other = json.loads(keyheader.dumps(other))
    mixed = _edit(header, lambda d: d["slots"].update(passphrase=doc_other["slots"]["passphrase"]))
    with pytest.raises(WrongPassphrase):
        mixed.unwrap(PASSPHRASE_SLOT, keyheader.passphrase_secret(PASS))
    moved = _edit(other, lambda d: d.update(vault_id=header.vault_id.hex()))
    with pytest.raises(WrongPassphrase):
        moved.unwrap(PASSPHRASE_SLOT, keyheader.passphrase_secret(PASS))


@pytest.mark.parametrize(
    "data",
    [b"", b"\xff\xfe", b"[]", b"{}", b'{"format": "groupkeeper-key-header", "version": 1}'],
)
def test_unparseable_header_is_corrupt(data: bytes) -> None:
    with pytest.raises(VaultCorrupt):
        keyheader.loads(data)


def test_newer_header_version_is_too_new() -> None:
    header, _, _ = _make()
    doc = json.loads(keyheader.dumps(header))
    doc["version"] = keyheader.FORMAT_VERSION + 1
    with pytest.raises(VaultTooNew):
        keyheader.loads(json.dumps(doc).encode())


# ---------------------------------------------------------------------------- writing


def test_write_is_atomic_and_leaves_no_temp(tmp_path: Path) -> None:
    header, _, _ = _make()
    path = tmp_path / "vault.key"
    keyheader.write_header(path, header)
    assert keyheader.read_header(path) == header
    assert [p.name for p in tmp_path.iterdir()] == ["vault.key"]


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "vault.key"
    first, _, _ = _make()
    keyheader.write_header(path, first)
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    second, _, _ = _make()
    with pytest.raises(OSError):
        keyheader.write_header(path, second)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["vault.key"]


def test_header_holds_nothing_but_key_material() -> None:
    header, _, _ = _make()
    doc = json.loads(keyheader.dumps(header))
    assert set(doc) == {"format", "version", "vault_id", "slots", "mac"}
    assert PASS.encode() not in keyheader.dumps(header)
