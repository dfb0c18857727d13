"""A laptop's identity in shared groups: an Ed25519 key pair and the id derived from it.

The device id is a fingerprint of the public key, so a change file's folder name, the id
in its header and the key that signed it must all agree: nobody can write "as" another
laptop without that laptop's private key. The private key is kept in the vault (never in
the shared folder, never in a backup of settings).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

SIGNATURE_SIZE = 64
PUBLIC_KEY_SIZE = 32


def device_id_for(public_key: bytes) -> str:
    """The device id of a raw 32-byte Ed25519 public key (20 lowercase base32 letters)."""
    digest = hashlib.sha256(b"groupkeeper-device\0" + public_key).digest()
    return base64.b32encode(digest[:15]).decode("ascii").lower()


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    """True if ``signature`` is ``public_key``'s signature of ``data``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class DeviceIdentity:
    """This laptop's signing key and the id other laptops know it by."""

    private_key: bytes  # raw 32 bytes

    @classmethod
    def generate(cls) -> DeviceIdentity:
        """A new random identity."""
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return cls(raw)

    @property
    def _key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.private_key)

    @property
    def public_key(self) -> bytes:
        """The raw 32-byte public key."""
        return self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def device_id(self) -> str:
        """The id this laptop's files are filed under."""
        return device_id_for(self.public_key)

    @property
    def box_key(self) -> X25519PrivateKey:
        """This laptop's X25519 key for receiving a new group key when a laptop is removed
        (derived from the signing key, so nothing more is stored)."""
        seed = HKDF(hashes.SHA256(), 32, salt=None, info=b"groupkeeper-box-key").derive(
            self.private_key
        )
        return X25519PrivateKey.from_private_bytes(seed)

    @property
    def box_public(self) -> bytes:
        """The raw 32-byte X25519 public key other laptops wrap new group keys to."""
        return self.box_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def sign(self, data: bytes) -> bytes:
        """An Ed25519 signature of ``data``."""
        return self._key.sign(data)

    def __repr__(self) -> str:  # never print the private key
        return f"DeviceIdentity({self.device_id})"
