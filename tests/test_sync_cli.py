"""``groupkeeper share`` / ``join`` / ``sync`` as real subprocesses (issue 14 contracts)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from groupkeeper.model import Group, Member
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import Vault
from tests.test_cli import run_cli

PASS_A = "first laptop passphrase"
PASS_B = "second laptop passphrase"
PLANTED = "Quillon Marchbanks"


def _vault_with_group(folder: Path) -> tuple[int, str]:
    vault, _ = Vault.create(folder, PASS_A)
    try:
        store = Store(vault.db, folder)
        group = store.groups.add(Group(name="Tuesday circle"))
        member = store.members.add(
            Member(display_name=PLANTED, phone="0700 123", group_ids=[group.id or 0])
        )
        meeting = store.meetings.start(group.id or 0, "2026-11-24")
        store.meetings.check_in(meeting.id or 0, member.pseudonym)
        return group.id or 0, member.pseudonym
    finally:
        vault.lock()


def _code(stdout: str) -> str:
    match = re.search(r"^Code: (\d{5}-\d{5}-\d{5}-\d{5})$", stdout, re.MULTILINE)
    assert match, stdout
    return match.group(1)


def test_share_join_a_new_vault_and_sync_both_ways(tmp_path: Path) -> None:
    a, b, shared = tmp_path / "a", tmp_path / "b", tmp_path / "shared"
    invite = tmp_path / "usb" / "invite.gkinvite"
    _, pseudonym = _vault_with_group(a)

    unknown = run_cli(
        "share",
        str(a),
        "--group",
        "Nope",
        "--folder",
        str(shared),
        "--invitation",
        str(invite),
        "--passphrase-stdin",
        stdin=PASS_A + "\n",
    )
    assert unknown.returncode == 1 and "Groups in this vault: Tuesday circle" in unknown.stderr

    shared_run = run_cli(
        "share",
        str(a),
        "--group",
        "Tuesday circle",
        "--folder",
        str(shared),
        "--invitation",
        str(invite),
        "--passphrase-stdin",
        stdin=PASS_A + "\n",
    )
    assert shared_run.returncode == 0, shared_run.stderr
    code = _code(shared_run.stdout)
    assert invite.is_file() and PLANTED not in shared_run.stdout + shared_run.stderr

    # A wrong code creates nothing.
    wrong = "11111-11111-11111-11111" if code != "11111-11111-11111-11111" else "2" * 20
    refused = run_cli(
        "join",
        str(b),
        "--invitation",
        str(invite),
        "--folder",
        str(shared),
        "--passphrase-stdin",
        stdin=f"{PASS_B}\n{wrong}\n",
    )
    assert refused.returncode == 1 and not b.exists(), refused.stderr

    joined = run_cli(
        "join",
        str(b),
        "--invitation",
        str(invite),
        "--folder",
        str(shared),
        "--passphrase-stdin",
        stdin=f"{PASS_B}\n{code}\n",
    )
    assert joined.returncode == 0, joined.stderr
    assert "Joined the shared group: 1 members, 1 meetings" in joined.stdout
    assert "Recovery key" in joined.stdout and PLANTED not in joined.stdout

    with Vault.unlock(b, PASS_B) as vault:
        store = Store(vault.db, b)
        (member,) = store.members.all()
        assert (member.display_name, member.phone, member.pseudonym) == (
            PLANTED,
            "0700 123",
            pseudonym,
        )
        (meeting,) = store.meetings.recent()
        store.meetings.change_walk_ins(meeting.id or 0, 4)

    synced = run_cli("sync", str(b), "--passphrase-stdin", stdin=PASS_B + "\n")
    assert synced.returncode == 0, synced.stderr
    assert "Changes sent: 1" in synced.stdout
    back = run_cli("sync", str(a), "--passphrase-stdin", stdin=PASS_A + "\n")
    assert back.returncode == 0 and "Changes received: 1 (in 1 files)" in back.stdout, back.stdout
    assert PLANTED not in back.stdout + back.stderr
    with Vault.unlock(a, PASS_A) as vault:
        (meeting,) = Store(vault.db, a).meetings.recent()
        assert meeting.walk_ins == 4

    # Joining the same group again into the same vault is refused and changes nothing.
    again = run_cli(
        "join",
        str(b),
        "--invitation",
        str(invite),
        "--folder",
        str(shared),
        "--passphrase-stdin",
        stdin=f"{PASS_B}\n{code}\n",
    )
    assert again.returncode == 1 and "already shared" in again.stderr
    for path in shared.rglob("*"):
        if path.is_file():
            assert PLANTED.encode() not in path.read_bytes()
            assert b"0700 123" not in path.read_bytes()


def test_join_into_an_existing_vault_with_a_wrong_code_changes_nothing(tmp_path: Path) -> None:
    a, b, shared = tmp_path / "a", tmp_path / "b", tmp_path / "shared"
    invite = tmp_path / "invite.gkinvite"
    _vault_with_group(a)
    shared_run = run_cli(
        "share",
        str(a),
        "--group",
        "Tuesday circle",
        "--folder",
        str(shared),
        "--invitation",
        str(invite),
        "--passphrase-stdin",
        stdin=PASS_A + "\n",
    )
    code = _code(shared_run.stdout)
    vault, _ = Vault.create(b, PASS_B)
    vault.lock()
    before = (b / "vault.db").read_bytes() if (b / "vault.db").exists() else b""
    wrong = "11111-11111-11111-11111" if code != "11111-11111-11111-11111" else "2" * 20
    refused = run_cli(
        "join",
        str(b),
        "--invitation",
        str(invite),
        "--folder",
        str(shared),
        "--passphrase-stdin",
        stdin=f"{PASS_B}\n{wrong}\n",
    )
    assert refused.returncode == 1 and "code" in refused.stderr.lower(), refused.stderr
    assert before == b"" or (b / "vault.db").read_bytes() == before
    with Vault.unlock(b, PASS_B) as vault:
        assert Store(vault.db, b).groups.all() == []
    nothing = run_cli("sync", str(b), "--passphrase-stdin", stdin=PASS_B + "\n")
    assert nothing.returncode == 0 and "shares no group" in nothing.stdout


def _share(a: Path, shared: Path, invite: Path) -> str:
    done = run_cli(
        "share",
        str(a),
        "--group",
        "Tuesday circle",
        "--folder",
        str(shared),
        "--invitation",
        str(invite),
        "--passphrase-stdin",
        stdin=PASS_A + "\n",
    )
    assert done.returncode == 0, done.stderr
    return _code(done.stdout)


def _join(dir_: Path, invite: Path, shared: Path, code: str) -> Any:
    return run_cli(
        "join",
        str(dir_),
        "--invitation",
        str(invite),
        "--folder",
        str(shared),
        "--passphrase-stdin",
        stdin=f"{PASS_B}\n{code}\n",
    )


def test_an_invitation_lets_one_laptop_join_and_share_again_invites_the_next(
    tmp_path: Path,
) -> None:
    a, b, c, shared = tmp_path / "a", tmp_path / "b", tmp_path / "c", tmp_path / "shared"
    invite = tmp_path / "usb" / "invite.gkinvite"
    _vault_with_group(a)
    code = _share(a, shared, invite)
    assert _join(b, invite, shared, code).returncode == 0

    second = _join(c, invite, shared, code)  # the same invitation and code again
    assert second.returncode == 1
    assert "used already" in second.stderr and not c.exists(), second.stderr

    # "share" on a group shared already writes a new invitation for one more laptop.
    invite2 = tmp_path / "usb" / "invite2.gkinvite"
    code2 = _share(a, shared, invite2)
    assert code2 != code
    third = _join(c, invite2, shared, code2)
    assert third.returncode == 0, third.stderr
    assert "Joined the shared group: 1 members, 1 meetings" in third.stdout
    # ... and that one is used now too.
    assert _join(tmp_path / "d", invite2, shared, code2).returncode == 1
