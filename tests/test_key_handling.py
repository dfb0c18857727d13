"""Key handling as a security reviewer would check it, through ``Vault`` as the app uses it.

Already covered elsewhere, and not repeated here:

* delays after wrong passphrases grow 0, 1, 2, 4... and are capped, per folder, and the
  file is untouched - ``test_vault.test_wrong_passphrase_delay_grows_and_file_untouched``,
  ``test_vault.test_delay_is_capped_and_per_folder``;
* a passphrase change rewraps only (``vault.db`` byte-identical), the old passphrase stops
  working, the recovery key still works - ``test_vault.test_change_passphrase_rewraps_only``;
* a header below the floor is refused before any derivation, a header file cannot lower the
  floor (by monkeypatching the private ``_floor``) -
  ``test_keyheader.test_header_below_floor_refused_before_deriving``,
  ``test_keyheader.test_a_header_file_cannot_lower_the_floor``,
  ``test_vault_bad_input.test_header_below_real_floor_refused``.

Added here: the floor proven with the real public switch (made inside
``lowered_floor_for_tests()``, refused once it is left), a tampered header that *lowers* a
stronger vault's parameters, delays that grow across passphrase and recovery-key attempts
alike, and several passphrase changes with the recovery key in between, with ``vault.db``
and its WAL never rewritten.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from groupkeeper.storage import keyheader
from groupkeeper.storage import vault as vault_module
from groupkeeper.storage.errors import KdfTooWeak, VaultCorrupt, WrongPassphrase
from groupkeeper.storage.keyheader import KdfParams
from groupkeeper.storage.vault import KEY_HEADER, VAULT_DB, Vault

PASS = "first passphrase here"
MARK = "Key handling group"


def _files(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _make(folder: Path) -> str:
    vault, recovery = Vault.create(folder, PASS)
    with vault:
        vault.db.table("groups").insert({"name": MARK, "created_at": "2026-11-01"})
    return recovery


def _group_names(vault: Vault) -> list[str]:
    return [row[0] for row in vault.db.execute("SELECT name FROM groups").fetchall()]


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr(vault_module, "_sleep", waited.append)
    return waited


def test_a_vault_made_under_the_test_floor_is_refused_under_the_real_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vault"
    recovery = _make(folder)  # inside conftest's lowered_floor_for_tests()
    before = _files(folder)
    derived: list[object] = []
    real_hash = keyheader.hash_secret_raw
    monkeypatch.setattr(
        keyheader, "hash_secret_raw", lambda *a, **k: derived.append(a) or real_hash(*a, **k)
    )
    # Leave the lowered floor the only way code can: by exiting lowered_floor_for_tests.
    # The conftest's context is still open, so restore the real floor with a nested one.
    with keyheader.lowered_floor_for_tests(keyheader.FLOOR):
        assert keyheader.current_floor() == keyheader.FLOOR
        with pytest.raises(KdfTooWeak):
            Vault.unlock(folder, PASS)
        with pytest.raises(KdfTooWeak):
            Vault.unlock_with_recovery_key(folder, recovery)
    assert derived == []  # refused before any (cheap) derivation
    assert _files(folder) == before
    with Vault.unlock(folder, PASS) as vault:  # back under the test floor it opens
        assert _group_names(vault) == [MARK]


def test_a_tampered_header_cannot_downgrade_a_stronger_vault(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    strong = KdfParams(time_cost=2, memory_kib=16 * 1024, parallelism=2)
    with keyheader.lowered_floor_for_tests(strong):
        recovery = _make(folder)
        doc = json.loads((folder / KEY_HEADER).read_bytes())
        weak = {"time_cost": 1, "memory_kib": 8 * 1024, "parallelism": 1}
        for slot in doc["slots"].values():
            slot["kdf"].update(weak)
        (folder / KEY_HEADER).write_text(json.dumps(doc))
        before = _files(folder)
        with pytest.raises(KdfTooWeak):
            Vault.unlock(folder, PASS)
        with pytest.raises(KdfTooWeak):
            Vault.unlock_with_recovery_key(folder, recovery)
        assert _files(folder) == before
    # Even where the weaker parameters would be allowed, the edit is caught: the
    # parameters are bound into each slot's encryption.
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASS)
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery_key(folder, recovery)
    assert _files(folder) == before


def test_delays_grow_across_passphrase_and_recovery_attempts(
    tmp_path: Path, sleeps: list[float]
) -> None:
    folder = tmp_path / "vault"
    recovery = _make(folder)
    waits = []
    for attempt in range(5):
        with pytest.raises(WrongPassphrase) as caught:
            if attempt % 2:
                Vault.unlock_with_recovery_key(folder, "AAAA-" * 7 + "AAAA")
            else:
                Vault.unlock(folder, f"wrong passphrase {attempt}")
        waits.append(caught.value.wait_seconds)
    assert waits == sorted(waits) and waits[-1] > waits[1] > 0
    assert sleeps == waits[:-1][1:]  # each try waited what the one before announced
    with Vault.unlock_with_recovery_key(folder, recovery) as vault:
        assert _group_names(vault) == [MARK]
    assert vault_module.delay_before_next_attempt(folder) == 0


def test_passphrase_changes_never_rewrite_the_database(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    recovery = _make(folder)
    db_before = {k: v for k, v in _files(folder).items() if k.startswith(VAULT_DB)}
    passphrases = [PASS, "second passphrase", "third passphrase!"]
    for old, new in zip(passphrases, passphrases[1:], strict=False):
        with Vault.unlock(folder, old) as vault:
            vault.change_passphrase(new)
            # While still open: the database and its WAL are as they were.
            now = {k: v for k, v in _files(folder).items() if k.startswith(VAULT_DB)}
            assert now.get(VAULT_DB) == db_before[VAULT_DB]
        with pytest.raises(WrongPassphrase):
            Vault.unlock(folder, old)
        with Vault.unlock_with_recovery_key(folder, recovery) as vault:
            assert _group_names(vault) == [MARK]
    with Vault.unlock(folder, passphrases[-1]) as vault:
        assert _group_names(vault) == [MARK]
    with pytest.raises(WrongPassphrase):
        Vault.unlock(folder, PASS)


def test_key_file_swapped_for_an_older_copy_of_itself_still_opens_the_same_data(
    tmp_path: Path,
) -> None:
    # A header saved before a passphrase change is a valid key for the same data key:
    # this is why "revoke access" (a new data key) exists. The old header opens only
    # with the old passphrase, and never a different vault's database.
    folder = tmp_path / "vault"
    _make(folder)
    old_header = (folder / KEY_HEADER).read_bytes()
    with Vault.unlock(folder, PASS) as vault:
        vault.change_passphrase("a new passphrase")
    (folder / KEY_HEADER).write_bytes(old_header)
    with Vault.unlock(folder, PASS) as vault:
        assert _group_names(vault) == [MARK]
    other = tmp_path / "other"
    _make(other)
    (other / KEY_HEADER).write_bytes(old_header)
    with pytest.raises(VaultCorrupt):
        Vault.unlock(other, PASS)
