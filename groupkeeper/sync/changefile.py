"""The files laptops exchange through a shared folder: layout, encryption and signatures.

Layout in the shared folder (one writer per folder, so a sync tool never has a conflict
to resolve)::

    <group-id>/<device-id>/00000001.gkops   change files, append-only, never changed
    <group-id>/<device-id>/keyring.gkkeys   the writer's member keys, replaced whole
    <group-id>/<device-id>/snapshot-00000040.gksnap
                                            the writer's changes of files 1..40 in one
                                            file, once every laptop had applied them
                                            (those files are then deleted: compaction)

Every file is ``MAGIC | len | header | len | body | signature``: the header (plain JSON:
kind, group, device, sequence number, the device's public key, the nonce) is
authenticated as associated data of the body, the body is ChaCha20-Poly1305 under the
group key, and the Ed25519 signature by the device covers everything before it. A reader
refuses a file (``RefusedFile``, nothing applied) that is truncated, altered, signed by a
key that is not the device's, filed under another device, group or number, or that the
group key does not open. Files are written under a temporary name that Syncthing ignores
(``.syncthing.*.tmp``) and renamed when complete; readers skip temporary, partial and
``*.sync-conflict-*`` files.

A member's personal fields travel sealed a second time, under that member's own key
(``seal_field``): forgetting the member destroys the key everywhere, so what older change
files hold about them can no longer be read by anyone, even with the group key.
"""

from __future__ import annotations

import base64
import json
import os
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from groupkeeper.fileio import fsync_dir, open_private
from groupkeeper.sync.identity import (
    PUBLIC_KEY_SIZE,
    SIGNATURE_SIZE,
    DeviceIdentity,
    device_id_for,
    verify,
)

MAGIC = b"GKSYNC\x00\x01"
KEY_SIZE = 32
NONCE_SIZE = 12
MAX_HEADER = 4096
#: Larger files are refused unread (a change file of 10,000 entries is about 3 MB).
MAX_FILE = 64 * 1024 * 1024
KIND_OPS = "ops"
KIND_KEYS = "keys"
KIND_ROTATION = "rotation"
KIND_SNAPSHOT = "snapshot"
CHANGE_SUFFIX = ".gkops"
KEYRING_NAME = "keyring.gkkeys"
_CHANGE_NAME = re.compile(r"^(\d{8})\.gkops$")
_ROTATION_NAME = re.compile(r"^rotation-(\d{4})\.gkrot$")
_SNAPSHOT_NAME = re.compile(r"^snapshot-(\d{8})\.gksnap$")
_ID = re.compile(r"^[a-z0-9-]{8,64}$")


class RefusedFile(Exception):
    """A file in the shared folder that is not a genuine, complete file of this group.

    ``reason`` is a code: ``truncated``, ``malformed``, ``wrong-place``,
    ``foreign-signature`` or ``unreadable`` (altered, or not under this group's key).
    Nothing from a refused file is applied.
    """

    def __init__(self, path: Path | None, reason: str) -> None:
        super().__init__(f"{reason}: {path}")
        self.path = path
        self.reason = reason


def new_key() -> bytes:
    """A random 32-byte key (group key or member key)."""
    return os.urandom(KEY_SIZE)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64")
    return base64.b64decode(text.encode("ascii"), validate=True)


def valid_id(text: str) -> bool:
    """True if ``text`` can be a group or device id (a safe folder name)."""
    return bool(_ID.match(text))


# --- one sealed file -------------------------------------------------------------------


def seal_file(
    identity: DeviceIdentity, group_key: bytes, *, kind: str, group: str, seq: int, payload: Any
) -> bytes:
    """The bytes of a signed, encrypted file holding ``payload`` (plain JSON data)."""
    nonce = os.urandom(NONCE_SIZE)
    header = json.dumps(
        {
            "v": 1,
            "kind": kind,
            "group": group,
            "device": identity.device_id,
            "seq": seq,
            "public_key": _b64(identity.public_key),
            "nonce": _b64(nonce),
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")
    prefix = MAGIC + struct.pack(">I", len(header)) + header
    plain = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")
    body = ChaCha20Poly1305(group_key).encrypt(nonce, plain, prefix)
    signed = prefix + struct.pack(">I", len(body)) + body
    return signed + identity.sign(signed)


@dataclass(frozen=True)
class OpenedFile:
    """A genuine file: who wrote it, its number and its payload."""

    kind: str
    group: str
    device: str
    seq: int
    payload: Any


def open_file(
    data: bytes,
    group_key: bytes,
    *,
    path: Path | None = None,
    kind: str,
    group: str,
    device: str | None = None,
    seq: int | None = None,
) -> OpenedFile:
    """Check and decrypt a file; ``device``/``seq`` are what its place in the folder says.

    Raises:
        RefusedFile: the file is not a complete, genuine file of this group written by
            the device whose folder it is in.
    """
    if len(data) < len(MAGIC) + 8 + SIGNATURE_SIZE:
        raise RefusedFile(path, "truncated")
    if not data.startswith(MAGIC):
        raise RefusedFile(path, "malformed")
    (header_len,) = struct.unpack_from(">I", data, len(MAGIC))
    if header_len > MAX_HEADER:
        raise RefusedFile(path, "malformed")
    header_end = len(MAGIC) + 4 + header_len
    if header_end + 4 + SIGNATURE_SIZE > len(data):
        raise RefusedFile(path, "truncated")
    (body_len,) = struct.unpack_from(">I", data, header_end)
    body_end = header_end + 4 + body_len
    if body_end + SIGNATURE_SIZE != len(data):
        short = body_end + SIGNATURE_SIZE > len(data)
        raise RefusedFile(path, "truncated" if short else "malformed")
    try:
        header = json.loads(data[len(MAGIC) + 4 : header_end].decode("utf-8"))
        public_key = _unb64(header["public_key"])
        nonce = _unb64(header["nonce"])
        h_kind, h_group, h_device, h_seq = (
            header["kind"],
            header["group"],
            header["device"],
            header["seq"],
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise RefusedFile(path, "malformed") from exc
    if len(public_key) != PUBLIC_KEY_SIZE or len(nonce) != NONCE_SIZE:
        raise RefusedFile(path, "malformed")
    signed, signature = data[:body_end], data[body_end:]
    if device_id_for(public_key) != h_device:
        raise RefusedFile(path, "foreign-signature")
    if not verify(public_key, signature, signed):
        raise RefusedFile(path, "bad-signature")
    if (
        h_kind != kind
        or h_group != group
        or (device is not None and h_device != device)
        or (seq is not None and h_seq != seq)
        or not isinstance(h_seq, int)
    ):
        raise RefusedFile(path, "wrong-place")
    try:
        plain = ChaCha20Poly1305(group_key).decrypt(
            nonce, data[header_end + 4 : body_end], data[:header_end]
        )
        payload = json.loads(plain.decode("utf-8"))
    except (InvalidTag, ValueError, UnicodeDecodeError) as exc:
        raise RefusedFile(path, "unreadable") from exc
    return OpenedFile(h_kind, h_group, h_device, h_seq, payload)


# --- personal fields under a member's own key ------------------------------------------


def _field_aad(member: str, field: str, stamp: list[object]) -> bytes:
    return json.dumps([member, field, stamp], separators=(",", ":")).encode("utf-8")


def seal_field(member_key: bytes, member: str, field: str, stamp: list[object], value: Any) -> str:
    """``value`` encrypted under the member's key, bound to member, field and stamp."""
    nonce = os.urandom(NONCE_SIZE)
    plain = json.dumps(value, separators=(",", ":")).encode("utf-8")
    sealed = ChaCha20Poly1305(member_key).encrypt(nonce, plain, _field_aad(member, field, stamp))
    return _b64(nonce + sealed)


def open_field(member_key: bytes, member: str, field: str, stamp: list[object], sealed: str) -> Any:
    """The value sealed by ``seal_field``.

    Raises:
        ValueError: the value is not a genuine sealed value for this member and field.
    """
    try:
        raw = _unb64(sealed)
        plain = ChaCha20Poly1305(member_key).decrypt(
            raw[:NONCE_SIZE], raw[NONCE_SIZE:], _field_aad(member, field, stamp)
        )
    except InvalidTag as exc:
        raise ValueError("sealed value does not open") from exc
    return json.loads(plain.decode("utf-8"))


# --- a new group key for each remaining laptop ----------------------------------------


def _wrap_kek(shared_secret: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"gk-rotate" + ephemeral + recipient).derive(
        shared_secret
    )


def wrap_key(recipient_public: bytes, key: bytes, context: bytes) -> str:
    """``key`` encrypted so that only the holder of ``recipient_public``'s X25519 private
    key can read it (ephemeral X25519, HKDF, ChaCha20-Poly1305 bound to ``context``)."""
    ephemeral = X25519PrivateKey.generate()
    eph_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    secret = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = os.urandom(NONCE_SIZE)
    sealed = ChaCha20Poly1305(_wrap_kek(secret, eph_public, recipient_public)).encrypt(
        nonce, key, context
    )
    return _b64(eph_public + nonce + sealed)


def unwrap_key(private: X25519PrivateKey, wrapped: str, context: bytes) -> bytes:
    """The key ``wrap_key`` wrapped for ``private``'s public key.

    Raises:
        ValueError: it was not wrapped for this key, or was altered.
    """
    raw = _unb64(wrapped)
    eph_public, nonce, sealed = raw[:32], raw[32 : 32 + NONCE_SIZE], raw[32 + NONCE_SIZE :]
    recipient = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    try:
        secret = private.exchange(X25519PublicKey.from_public_bytes(eph_public))
        key = ChaCha20Poly1305(_wrap_kek(secret, eph_public, recipient)).decrypt(
            nonce, sealed, context
        )
    except InvalidTag as exc:
        raise ValueError("not wrapped for this key") from exc
    if len(key) != KEY_SIZE:
        raise ValueError("not a key")
    return key


# --- the folder ------------------------------------------------------------------------


def read_limited(path: Path) -> bytes:
    """The bytes of a file in the shared folder.

    Raises:
        RefusedFile: ``too-large`` (over ``MAX_FILE``, not read) or ``unavailable`` (it
            vanished or cannot be read just now; it is tried again at the next sync).
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        raise RefusedFile(path, "unavailable") from exc
    if len(data) > MAX_FILE:
        raise RefusedFile(path, "too-large")
    return data


def change_name(seq: int) -> str:
    """The file name of change file number ``seq``."""
    return f"{seq:08d}{CHANGE_SUFFIX}"


def device_folder(shared: Path, group: str, device: str) -> Path:
    """Where ``device`` writes its files for ``group``."""
    return shared / group / device


def write_new(path: Path, data: bytes) -> None:
    """Write a file that must never be changed: under a name sync tools ignore, then
    renamed into place. An existing file is never overwritten.

    Raises:
        FileExistsError: ``path`` exists already.
        OSError: the folder cannot be written (nothing is left under ``path``).
    """
    _write_then_rename(path, data, replace=False)


def replace_file(path: Path, data: bytes) -> None:
    """Replace this device's own mutable file (its keyring) in one rename."""
    _write_then_rename(path, data, replace=True)


def _write_then_rename(path: Path, data: bytes, *, replace: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not replace and path.exists():
        raise FileExistsError(path)
    tmp = path.with_name(f".syncthing.{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        with os.fdopen(open_private(tmp), "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def _numbered_files(
    shared: Path, group: str, name: re.Pattern[str]
) -> Iterator[tuple[str, int, Path]]:
    """The files of ``group`` whose name matches ``name`` (its group 1 is the number) as
    ``(device, number, path)``, in a stable order; folders that are not device ids are
    skipped."""
    root = shared / group
    if not root.is_dir():
        return
    for device_dir in sorted(root.iterdir()):
        if not device_dir.is_dir() or not valid_id(device_dir.name):
            continue
        for path in sorted(device_dir.iterdir()):
            match = name.match(path.name)
            if match and path.is_file():
                yield device_dir.name, int(match.group(1)), path


def change_files(shared: Path, group: str) -> Iterator[tuple[str, int, Path]]:
    """Every complete change file of ``group`` as ``(device, seq, path)``, in a stable
    order. Temporary, partial and ``*.sync-conflict-*`` files and foreign folder names
    are skipped (they never match the change file name)."""
    yield from _numbered_files(shared, group, _CHANGE_NAME)


def rotation_name(epoch: int) -> str:
    """The file name of the key rotation that starts key epoch ``epoch``."""
    return f"rotation-{epoch:04d}.gkrot"


def rotations(shared: Path, group: str) -> Iterator[tuple[str, int, Path]]:
    """Every key rotation file of ``group`` as ``(device, epoch, path)``."""
    yield from _numbered_files(shared, group, _ROTATION_NAME)


def snapshot_name(seq: int) -> str:
    """The file name of a snapshot of a device's change files up to number ``seq``."""
    return f"snapshot-{seq:08d}.gksnap"


def snapshots(shared: Path, group: str) -> Iterator[tuple[str, int, Path]]:
    """Every snapshot file of ``group`` as ``(device, seq, path)``."""
    yield from _numbered_files(shared, group, _SNAPSHOT_NAME)


def keyrings(shared: Path, group: str) -> Iterator[tuple[str, Path]]:
    """Every device's keyring file of ``group`` as ``(device, path)``."""
    root = shared / group
    if not root.is_dir():
        return
    for device_dir in sorted(root.iterdir()):
        path = device_dir / KEYRING_NAME
        if valid_id(device_dir.name) and path.is_file():
            yield device_dir.name, path
