"""Pairing invitations: the code opens it, a wrong code or a leaked file alone opens nothing."""

from __future__ import annotations

import re

import pytest

from groupkeeper.sync import changefile, invitation
from groupkeeper.sync.identity import DeviceIdentity
from groupkeeper.sync.invitation import Invitation, NotAnInvitation, WrongCode


def make() -> tuple[Invitation, str, bytes]:
    me = DeviceIdentity.generate()
    inv = Invitation(
        "group-tuesday-circle",
        "Tuesday Quillifax Circle",
        changefile.new_key(),
        me.device_id,
        me.public_key,
    )
    code = invitation.new_code()
    return inv, code, invitation.write(inv, code)


def test_the_code_opens_the_invitation_however_it_is_typed() -> None:
    inv, code, data = make()
    assert re.fullmatch(r"\d{5}-\d{5}-\d{5}-\d{5}", code)
    assert invitation.read(data, code) == inv
    assert invitation.read(data, " " + code.replace("-", " ") + "\n") == inv
    assert invitation.new_code() != code


def test_a_leaked_invitation_without_its_code_opens_nothing() -> None:
    inv, code, data = make()
    # Nothing readable in the file: not the group's name, id or key.
    for secret in (inv.group_name.encode(), inv.group.encode(), inv.group_key):
        assert secret not in data
    wrong = str((int(code.replace("-", "")) + 1) % 10**20).zfill(20)
    for attempt in (wrong, "00000-00000-00000-00000", "12345", "", "abcde-fghij-klmno-pqrst"):
        with pytest.raises(WrongCode):
            invitation.read(data, attempt)


def test_a_damaged_or_foreign_file_is_refused() -> None:
    _, code, data = make()
    for i in (0, len(invitation.MAGIC) + 3, len(data) // 2, len(data) - 1):
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises((WrongCode, NotAnInvitation)):
            invitation.read(bytes(bad), code)
    with pytest.raises(WrongCode):
        invitation.read(data[:-1], code)
    with pytest.raises(NotAnInvitation):
        invitation.read(b"hello", code)
