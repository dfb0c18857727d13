"""The vault's key header (``vault.key``): the data key, wrapped twice.

The database is keyed with a random 256-bit *data key*. This module keeps that key in a
small JSON file, wrapped (AES-256-GCM) under two key-encryption keys, each derived with
Argon2id from a secret: the facilitator's passphrase (slot ``passphrase``) and the
recovery key printed at setup (slot ``recovery``). Slot name, vault id and KDF parameters
are bound as GCM associated data, so editing any of them makes unwrapping fail; a MAC
over the whole header, keyed from the data key, catches edits to the *other* slot.

Security rests on a fixed KDF **floor**: a header whose parameters are below it is refused
(``KdfTooWeak``) before anything is derived, so a crafted file can never make the app do a
cheap derivation. Only code can lower the floor (``lowered_floor_for_tests``), never a file.

Nothing in the header is personal: salts, nonces, wrapped keys and parameters.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from _argon2_cffi_bindings import ffi, lib
from argon2.exceptions import HashingError
from argon2.low_level import ARGON2_VERSION, Type, error_to_str
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from groupkeeper.fileio import atomic_write_bytes
from groupkeeper.storage import keymem
from groupkeeper.storage.errors import KdfTooWeak, VaultCorrupt, VaultTooNew, WrongPassphrase

FORMAT = "groupkeeper-key-header"
FORMAT_VERSION = 1
KDF_NAME = "argon2id"
PASSPHRASE_SLOT = "passphrase"  # noqa: S105  (a slot name, not a password)
RECOVERY_SLOT = "recovery"
SLOTS = (PASSPHRASE_SLOT, RECOVERY_SLOT)
DATA_KEY_BYTES = 32
VAULT_ID_BYTES = 16
RECOVERY_KEY_BYTES = 20  # 160 bits: 32 Crockford characters, 8 groups of 4
SALT_BYTES = 16
NONCE_BYTES = 12
WRAPPED_KEY_BYTES = DATA_KEY_BYTES + 16  # AES-GCM appends a 16-byte tag
MAC_BYTES = 32
#: A real header is about 1 KB; anything far larger is not read at all.
MAX_HEADER_BYTES = 64 * 1024
TUNE_TARGET_SECONDS = 0.5

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Crockford's decoding is forgiving of the letters people confuse with digits.
_CROCKFORD_ALIASES = {"O": "0", "I": "1", "L": "1"}


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def meets(self, floor: KdfParams) -> bool:
        return (
            self.time_cost >= floor.time_cost
            and self.memory_kib >= floor.memory_kib
            and self.parallelism >= floor.parallelism
        )

    def within(self, ceiling: KdfParams) -> bool:
        return (
            self.time_cost <= ceiling.time_cost
            and self.memory_kib <= ceiling.memory_kib
            and self.parallelism <= ceiling.parallelism
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": KDF_NAME,
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }


#: The floor every header must meet in the shipped app.
FLOOR = KdfParams(time_cost=3, memory_kib=64 * 1024, parallelism=4)
#: What ``lowered_floor_for_tests`` uses: cheap, so tests stay fast.
TEST_FLOOR = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
#: Above this a header is refused: a crafted file must not exhaust memory or stall the
#: app for minutes. Close to what tuning can ever produce (256 MiB, t<=12, p=4).
CEILING = KdfParams(time_cost=16, memory_kib=1024 * 1024, parallelism=16)
#: Tuning raises memory first (what makes guessing expensive) up to this much.
TUNE_MAX_MEMORY_KIB = 256 * 1024
TUNE_MAX_TIME_COST = 12

_floor = FLOOR
_tuning = True


def current_floor() -> KdfParams:
    """The floor in force in this process."""
    return _floor


@contextmanager
def lowered_floor_for_tests(params: KdfParams = TEST_FLOOR) -> Iterator[None]:
    """Lower the KDF floor (and skip tuning) inside this process, for fast tests.

    This is the *only* way to go below ``FLOOR``; header files are checked against
    the floor in force and cannot change it.
    """
    global _floor, _tuning
    saved = (_floor, _tuning)
    _floor, _tuning = params, False
    try:
        yield
    finally:
        _floor, _tuning = saved


#: What a refused header is told, by reason (English; the UI words ``code``).
DAMAGED = "The key file is damaged."
TOO_COSTLY = (
    "The key file asks for more memory or time than this app ever uses, so it was not"
    " used; restore the key file from a backup."
)
UNKNOWN_FIELDS = (
    "The key file has fields this version of GroupKeeper does not know, so it was not"
    " used; restore it from a backup or update the app."
)
TOO_LARGE = "The key file is too large to be a key file, so it was not used."


def hash_secret_raw(
    secret: bytes | bytearray,
    salt: bytes,
    time_cost: int,
    memory_cost: int,
    parallelism: int,
    hash_len: int,
    type: Type,  # noqa: A002  (argon2-cffi's own parameter name)
) -> bytearray:
    """argon2-cffi's ``hash_secret_raw``, without its copies of the secret and the result.

    The library copies the secret into a buffer it frees without clearing and returns
    the hash as ``bytes``; here the secret is passed in place and the hash comes back in a
    ``bytearray`` the caller zeroes, the C buffer being cleared first.
    """
    out = ffi.new("uint8_t[]", hash_len)
    secret_buf = ffi.from_buffer(secret)
    rv = lib.argon2_hash(
        time_cost,
        memory_cost,
        parallelism,
        secret_buf,
        len(secret),
        ffi.from_buffer(salt),
        len(salt),
        out,
        hash_len,
        ffi.NULL,
        0,
        type.value,
        ARGON2_VERSION,
    )
    try:
        if rv != lib.ARGON2_OK:
            raise HashingError(error_to_str(rv))
        return bytearray(ffi.buffer(out, hash_len))
    finally:
        ffi.memmove(out, bytes(hash_len), hash_len)


def derive_kek(secret: bytes | bytearray, salt: bytes, params: KdfParams) -> bytearray:
    """Derive a 256-bit key-encryption key with Argon2id (refuses params below the floor).

    Returns:
        The key in a ``bytearray``: zero it after use.

    Raises:
        KdfTooWeak: below the floor. VaultCorrupt: Argon2 refused the inputs.
    """
    if not params.meets(_floor):
        raise KdfTooWeak()
    if not params.within(CEILING):
        raise VaultCorrupt(TOO_COSTLY)
    try:
        return hash_secret_raw(
            secret,
            salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=32,
            type=Type.ID,
        )
    except HashingError:
        # Only a header can bring inputs Argon2 refuses (a short salt...): damage, not a bug.
        raise VaultCorrupt(DAMAGED) from None


def tune_params(
    floor: KdfParams | None = None,
    target_seconds: float = TUNE_TARGET_SECONDS,
    measure: Callable[[KdfParams], float] | None = None,
) -> KdfParams:
    """Parameters that take about ``target_seconds`` here, never below the floor.

    One measurement at the floor (about 0.1 s) gives a linear estimate for memory,
    which is raised first (up to ``TUNE_MAX_MEMORY_KIB``); a second measurement at that
    memory sets the passes. About 0.4 s in all, once, at creation. With the test floor
    in force there is no tuning.

    Args:
        floor: Starting point (defaults to the floor in force).
        target_seconds: Wanted derivation time.
        measure: Returns seconds for one derivation (injectable for tests).
    """
    base = floor or _floor
    if measure is None:
        if not _tuning:
            return base
        measure = _measure
    elapsed = max(measure(base), 1e-4)
    factor = target_seconds / elapsed
    if factor <= 1.0:
        return base
    memory = min(TUNE_MAX_MEMORY_KIB, int(base.memory_kib * factor) // 1024 * 1024)
    memory = max(memory, base.memory_kib)
    tuned = replace(base, memory_kib=memory)
    if memory != base.memory_kib:
        # Large memory costs more than linearly (caches), so measure once more.
        factor = target_seconds / max(measure(tuned), 1e-4)
    time_cost = min(TUNE_MAX_TIME_COST, max(base.time_cost, int(base.time_cost * factor)))
    return replace(tuned, time_cost=time_cost)


def _measure(params: KdfParams) -> float:
    start = time.perf_counter()
    derive_kek(b"calibration", bytes(16), params)
    return time.perf_counter() - start


# ---------------------------------------------------------------------------- secrets


def new_data_key() -> bytearray:
    """A fresh random 256-bit data key (a bytearray, so it can be zeroed)."""
    raw = secrets.token_bytes(DATA_KEY_BYTES)
    key = bytearray(raw)
    keymem.wipe_bytes(raw)
    return key


def zero(buffer: bytearray) -> None:
    """Overwrite a key buffer in place (as far as Python allows)."""
    keymem.zero(buffer)


#: A passphrase as the app receives it: a ``str`` from a text field, or the bytes the
#: command line read into a buffer it wipes.
Passphrase = str | bytearray


def passphrase_length(passphrase: Passphrase) -> int:
    """Characters in the passphrase (UTF-8 for a buffer), without decoding a copy."""
    if isinstance(passphrase, str):
        return len(passphrase)
    return sum(1 for byte in passphrase if byte & 0xC0 != 0x80)


def passphrase_secret(passphrase: Passphrase) -> bytearray:
    """The passphrase's bytes for the KDF, in a fresh buffer the caller zeroes.

    NFC, so the same passphrase typed on another keyboard/OS gives the same bytes.
    Temporary ``bytes``/``str`` made here are wiped; the caller's own ``str`` is not
    touched (see ``keymem``).
    """
    if isinstance(passphrase, bytearray):
        if all(byte < 0x80 for byte in passphrase):
            return bytearray(passphrase)  # ASCII is already NFC: no str at all
        text = passphrase.decode("utf-8", errors="replace")
        result = passphrase_secret(text)
        keymem.wipe_str(text)
        return result
    normalized = unicodedata.normalize("NFC", passphrase)
    encoded = normalized.encode("utf-8")
    result = bytearray(encoded)
    keymem.wipe_bytes(encoded)
    if normalized is not passphrase:
        keymem.wipe_str(normalized)
    return result


def new_recovery_key() -> tuple[str, bytes]:
    """A fresh recovery key: (text to show, e.g. ``ABCD-EFGH-...``, raw secret bytes)."""
    raw = secrets.token_bytes(RECOVERY_KEY_BYTES)
    return format_recovery_key(raw), raw


def format_recovery_key(raw: bytes) -> str:
    number = int.from_bytes(raw, "big")
    length = len(raw) * 8 // 5
    chars = [_CROCKFORD[(number >> (5 * (length - 1 - i))) & 31] for i in range(length)]
    return "-".join("".join(chars[i : i + 4]) for i in range(0, length, 4))


def parse_recovery_key(text: str) -> bytearray:
    """Decode a typed recovery key; case, spaces and dashes do not matter.

    Raises:
        WrongPassphrase: the text is not a recovery key at all.
    """
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    cleaned = "".join(_CROCKFORD_ALIASES.get(ch, ch) for ch in cleaned)
    if len(cleaned) != RECOVERY_KEY_BYTES * 8 // 5 or any(c not in _CROCKFORD for c in cleaned):
        raise WrongPassphrase("That is not a recovery key.")
    number = 0
    for ch in cleaned:
        number = (number << 5) | _CROCKFORD.index(ch)
    raw = number.to_bytes(RECOVERY_KEY_BYTES, "big")
    secret = bytearray(raw)
    keymem.wipe_bytes(raw)
    return secret


# ---------------------------------------------------------------------------- header


@dataclass(frozen=True)
class Slot:
    """One wrapping of the data key."""

    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True)
class KeyHeader:
    """The parsed ``vault.key``."""

    vault_id: bytes
    slots: dict[str, Slot]
    mac: bytes = b""

    @property
    def params(self) -> KdfParams:
        return self.slots[PASSPHRASE_SLOT].params

    def check_floor(self) -> None:
        """Raise ``KdfTooWeak`` if any slot is below the floor in force."""
        for slot in self.slots.values():
            if not slot.params.meets(_floor):
                raise KdfTooWeak()

    def unwrap(self, slot_name: str, secret: bytes | bytearray) -> bytearray:
        """Return the data key, or raise ``KdfTooWeak``/``WrongPassphrase``/``VaultCorrupt``.

        The key is decrypted straight into the returned buffer; the KEK is zeroed.
        """
        self.check_floor()  # every slot, before deriving anything
        slot = self.slots[slot_name]
        kek = derive_kek(secret, slot.salt, slot.params)
        key = bytearray(len(slot.wrapped) - 16)
        try:
            AESGCM(kek).decrypt_into(
                slot.nonce, slot.wrapped, _aad(self.vault_id, slot_name, slot), key
            )
        except InvalidTag:
            zero(key)
            raise WrongPassphrase() from None
        finally:
            zero(kek)
        if not hmac.compare_digest(self.mac, _header_mac(key, self)):
            zero(key)
            raise VaultCorrupt("The key file was altered; restore a backup.")
        return key

    def with_slot(
        self, slot_name: str, data_key: bytearray, secret: bytes | bytearray, params: KdfParams
    ) -> KeyHeader:
        """A copy with ``slot_name`` rewrapped under ``secret`` (fresh salt and nonce)."""
        slots = dict(self.slots)
        slots[slot_name] = _wrap(self.vault_id, slot_name, data_key, secret, params)
        return _sealed(KeyHeader(self.vault_id, slots), data_key)


def create_header(
    data_key: bytearray,
    passphrase: Passphrase,
    recovery_secret: bytes | bytearray,
    params: KdfParams | None = None,
    vault_id: bytes | None = None,
) -> KeyHeader:
    """Wrap ``data_key`` under a passphrase and a recovery secret."""
    params = params or tune_params()
    if not params.meets(_floor):
        raise KdfTooWeak()
    vid = vault_id or secrets.token_bytes(VAULT_ID_BYTES)
    secret = passphrase_secret(passphrase)
    try:
        slots = {
            PASSPHRASE_SLOT: _wrap(vid, PASSPHRASE_SLOT, data_key, secret, params),
            RECOVERY_SLOT: _wrap(vid, RECOVERY_SLOT, data_key, recovery_secret, params),
        }
    finally:
        zero(secret)
    return _sealed(KeyHeader(vid, slots), data_key)


def _wrap(
    vault_id: bytes,
    slot_name: str,
    data_key: bytearray,
    secret: bytes | bytearray,
    params: KdfParams,
) -> Slot:
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kek = derive_kek(secret, salt, params)
    stub = Slot(params, salt, nonce, b"")
    try:
        wrapped = AESGCM(kek).encrypt(nonce, data_key, _aad(vault_id, slot_name, stub))
    finally:
        zero(kek)
    return Slot(params, salt, nonce, wrapped)


def _aad(vault_id: bytes, slot_name: str, slot: Slot) -> bytes:
    bound = {
        "format": FORMAT,
        "slot": slot_name,
        "vault_id": vault_id.hex(),
        "kdf": slot.params.as_dict(),
    }
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode()


def _header_mac(data_key: bytearray, header: KeyHeader) -> bytes:
    # The key goes in as the buffer itself (no bytes copy); the derived MAC key is wiped.
    mac_key = hmac.new(data_key, b"groupkeeper key header mac", hashlib.sha256).digest()
    body = json.dumps(_to_json(header, with_mac=False), sort_keys=True, separators=(",", ":"))
    try:
        return hmac.new(mac_key, body.encode(), hashlib.sha256).digest()
    finally:
        keymem.wipe_bytes(mac_key)


def _sealed(header: KeyHeader, data_key: bytearray) -> KeyHeader:
    return replace(header, mac=_header_mac(data_key, header))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _to_json(header: KeyHeader, *, with_mac: bool = True) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "vault_id": header.vault_id.hex(),
        "slots": {
            name: {
                "kdf": slot.params.as_dict(),
                "salt": _b64(slot.salt),
                "nonce": _b64(slot.nonce),
                "wrapped_key": _b64(slot.wrapped),
            }
            for name, slot in sorted(header.slots.items())
        },
    }
    if with_mac:
        doc["mac"] = header.mac.hex()
    return doc


def dumps(header: KeyHeader) -> bytes:
    """Serialise a header to the bytes of ``vault.key``."""
    return (json.dumps(_to_json(header), indent=2, sort_keys=True) + "\n").encode("utf-8")


_TOP_FIELDS = frozenset({"format", "version", "vault_id", "slots", "mac"})
_SLOT_FIELDS = frozenset({"kdf", "salt", "nonce", "wrapped_key"})
_KDF_FIELDS = frozenset({"name", "time_cost", "memory_kib", "parallelism"})


def _check_fields(doc: Any, allowed: frozenset[str]) -> None:
    if not isinstance(doc, dict):
        raise VaultCorrupt(DAMAGED)
    if set(doc) - allowed:
        raise VaultCorrupt(UNKNOWN_FIELDS)


def loads(data: bytes) -> KeyHeader:
    """Parse header bytes, refusing anything a real header could not hold.

    Every check here is cheap (no key derivation), so a hostile file is refused in
    about a millisecond: unknown fields, sizes of salt/nonce/wrapped key/MAC other than
    ours, and KDF parameters outside [floor, ceiling].

    Raises:
        VaultCorrupt: not a key header, damaged, or hostile (with a sentence saying which).
        VaultTooNew: written by a newer app version.
        KdfTooWeak: a slot uses a KDF this app does not accept.
    """
    if len(data) > MAX_HEADER_BYTES:
        raise VaultCorrupt(TOO_LARGE)
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise VaultCorrupt(DAMAGED) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise VaultCorrupt(DAMAGED)
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise VaultCorrupt(DAMAGED)
    if version > FORMAT_VERSION:
        raise VaultTooNew()
    _check_fields(doc, _TOP_FIELDS)
    raw_slots: Any = doc.get("slots")
    _check_fields(raw_slots, frozenset(SLOTS))
    try:
        vault_id = bytes.fromhex(doc["vault_id"])
        mac = bytes.fromhex(doc["mac"])
        slots: dict[str, Slot] = {}
        for name in SLOTS:
            raw = raw_slots[name]
            _check_fields(raw, _SLOT_FIELDS)
            kdf = raw["kdf"]
            _check_fields(kdf, _KDF_FIELDS)
            if kdf["name"] != KDF_NAME:
                raise KdfTooWeak()
            params = KdfParams(
                time_cost=_int(kdf["time_cost"]),
                memory_kib=_int(kdf["memory_kib"]),
                parallelism=_int(kdf["parallelism"]),
            )
            slots[name] = Slot(
                params=params,
                salt=base64.b64decode(raw["salt"], validate=True),
                nonce=base64.b64decode(raw["nonce"], validate=True),
                wrapped=base64.b64decode(raw["wrapped_key"], validate=True),
            )
    except (KeyError, TypeError, ValueError):
        raise VaultCorrupt(DAMAGED) from None
    sizes_ok = len(vault_id) == VAULT_ID_BYTES and len(mac) == MAC_BYTES
    for slot in slots.values():
        sizes_ok = sizes_ok and (
            len(slot.salt) == SALT_BYTES
            and len(slot.nonce) == NONCE_BYTES
            and len(slot.wrapped) == WRAPPED_KEY_BYTES
        )
    if not sizes_ok:
        raise VaultCorrupt(DAMAGED)
    if not all(s.params.within(CEILING) for s in slots.values()):
        raise VaultCorrupt(TOO_COSTLY)
    header = KeyHeader(vault_id, slots, mac)
    header.check_floor()
    return header


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError("not a positive integer")
    return value


def read_header(path: Path) -> KeyHeader:
    """Read and parse ``vault.key`` (``OSError`` propagates for the caller's ``guarded``).

    At most ``MAX_HEADER_BYTES`` + 1 bytes are read: a huge file is refused, not loaded.
    """
    with open(path, "rb") as handle:
        data = handle.read(MAX_HEADER_BYTES + 1)
    return loads(data)


def write_header(path: Path, header: KeyHeader) -> None:
    """Write ``vault.key`` atomically (temp file, fsync, rename, fsync folder)."""
    atomic_write_bytes(path, dumps(header))
