"""Pairing in person: an invitation file that only the one-time code read aloud opens.

"Share this group" writes an invitation (onto the shared folder or a USB stick) holding
what a second laptop needs to join: the group's id, name and key, and the inviting
laptop's public key. It is encrypted under a key derived with scrypt from a random
one-time code of 20 digits in four groups (``12345-67890-13579-24680``, about 66 bits):
easy to read out or type, no camera needed, and far too many to guess offline even with
the file in hand. A wrong code opens nothing and changes nothing; the code itself is
never written anywhere.

An invitation is meant for one laptop: it carries a random id, the laptop that joins
with it publishes that id in the shared folder (in its keyring), and a second laptop
that tries to join with the same invitation finds it there and is refused
(``InvitationUsed``). See ``service.SyncService.join`` for what this can and cannot
stop.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from groupkeeper.storage.errors import KnownError

MAGIC = b"GKINVITE\x00\x01"
SALT_SIZE = 16
NONCE_SIZE = 12
CODE_GROUPS = 4
CODE_GROUP_DIGITS = 5
#: scrypt cost: about 0.1 s here; the code's 66 bits make guessing hopeless regardless.
SCRYPT_N = 2**15


class WrongCode(KnownError):
    """That code does not open this invitation (or the invitation file is damaged)."""

    code = "wrong_code"


class InvitationUsed(KnownError):
    """This invitation has been used already by another laptop; ask for a new one."""

    code = "invitation_used"


class NotAnInvitation(KnownError):
    """That file is not a GroupKeeper invitation."""

    code = "not_an_invitation"


@dataclass(frozen=True)
class Invitation:
    """What a laptop needs to join a shared group."""

    group: str  # the shared group's id
    group_name: str
    group_key: bytes
    inviter: str  # the inviting laptop's device id
    inviter_public_key: bytes
    #: A random id the joining laptop publishes (empty in invitations written before
    #: invitations were single-use: those are not).
    invitation_id: str = ""


def new_invitation_id() -> str:
    """A random id for a new invitation."""
    return secrets.token_hex(16)


def new_code() -> str:
    """A random one-time code: four groups of five digits."""
    digits = "".join(secrets.choice("0123456789") for _ in range(CODE_GROUPS * CODE_GROUP_DIGITS))
    step = CODE_GROUP_DIGITS
    return "-".join(digits[i : i + step] for i in range(0, len(digits), step))


def normalise_code(text: str) -> str:
    """The digits of a code as typed (spaces, dashes and dots ignored).

    Raises:
        WrongCode: the text is not 20 digits.
    """
    digits = "".join(ch for ch in text if not ch.isspace() and ch not in "-.")
    if (
        len(digits) != CODE_GROUPS * CODE_GROUP_DIGITS
        or not digits.isascii()
        or not digits.isdigit()
    ):
        raise WrongCode()
    return digits


def _key(code: str, salt: bytes) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1)
    return kdf.derive(normalise_code(code).encode("ascii"))


def write(invitation: Invitation, code: str) -> bytes:
    """The bytes of an invitation file that ``code`` opens."""
    salt, nonce = os.urandom(SALT_SIZE), os.urandom(NONCE_SIZE)
    payload = json.dumps(
        {
            "group": invitation.group,
            "group_name": invitation.group_name,
            "group_key": base64.b64encode(invitation.group_key).decode("ascii"),
            "inviter": invitation.inviter,
            "inviter_public_key": base64.b64encode(invitation.inviter_public_key).decode("ascii"),
            "id": invitation.invitation_id,
        },
        sort_keys=True,
    ).encode("utf-8")
    sealed = ChaCha20Poly1305(_key(code, salt)).encrypt(nonce, payload, MAGIC + salt)
    return MAGIC + salt + nonce + sealed


def read(data: bytes, code: str) -> Invitation:
    """Open an invitation file with the code read out by the inviting facilitator.

    Raises:
        NotAnInvitation: the file is not an invitation.
        WrongCode: the code is wrong, or the file was altered or cut short.
    """
    if not data.startswith(MAGIC):
        raise NotAnInvitation()
    head = len(MAGIC)
    salt = data[head : head + SALT_SIZE]
    nonce = data[head + SALT_SIZE : head + SALT_SIZE + NONCE_SIZE]
    if len(data) < head + SALT_SIZE + NONCE_SIZE + 16:
        raise WrongCode()
    try:
        plain = ChaCha20Poly1305(_key(code, salt)).decrypt(
            nonce, data[head + SALT_SIZE + NONCE_SIZE :], MAGIC + salt
        )
        fields = json.loads(plain.decode("utf-8"))
        return Invitation(
            group=str(fields["group"]),
            group_name=str(fields["group_name"]),
            group_key=base64.b64decode(fields["group_key"], validate=True),
            inviter=str(fields["inviter"]),
            inviter_public_key=base64.b64decode(fields["inviter_public_key"], validate=True),
            invitation_id=str(fields.get("id", ""))[:64],
        )
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise WrongCode() from exc
