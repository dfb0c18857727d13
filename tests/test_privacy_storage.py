"""Privacy at rest: nothing personal is ever written to disk unencrypted.

Distinctive names, a phone number, an e-mail, notes, a goal, a feeling word and a
group-added skill are planted; a meeting runs through the engine and the store; a backup is
written and restored. Then every file under the vault folder, the backup, the restored
folder and every file the test run created or changed in the temp folder is searched for
those strings as UTF-8, UTF-16 (LE and BE) and case-folded: none may be found. Forgetting a
member removes their name from the decrypted database too.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import GoalOutcome, Group, Member, MoodRound
from groupkeeper.storage import backup
from groupkeeper.storage.repos import Store
from groupkeeper.storage.vault import Vault

PASSPHRASE = "privacy test passphrase"
FULL_NAME = "Zanzibar Quixotic-Fennimore"
DISPLAY_NAME = "Zanzibarre"
NEWCOMER = "Yolandique Brightquarry"
PHONE = "07700 900461"
EMAIL = "zanzibar.qf@example.org"
EMERGENCY = "Ottoline Wobblecourt"
MEMBER_NOTE = "Prefers the marmalade chair by the radiator"
GOAL = "Climb Mount Quillifax before Thursday"
FEELING = "flibbertigibbety"
SKILL = "Snorkelmancy breathing"
SAFETY_NOTE = "Discussed the Hinterwhistle situation privately"

PLANTED = [
    FULL_NAME,
    DISPLAY_NAME,
    NEWCOMER,
    PHONE,
    PHONE.replace(" ", ""),
    EMAIL,
    EMERGENCY,
    MEMBER_NOTE,
    GOAL,
    FEELING,
    SKILL,
    SAFETY_NOTE,
    "Quixotic",
    "Fennimore",
    "Wobblecourt",
    "Hinterwhistle",
]


def _needles() -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for text in PLANTED:
        for variant in {text, text.casefold(), text.upper()}:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.append((f"{text!r} as {encoding}", variant.encode(encoding)))
    return found


def _files(root: Path) -> Iterator[Path]:
    if root.is_file():
        yield root
        return
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _temp_files_since(
    moment: float, skip: Path | None = None, keep: Path | None = None
) -> list[Path]:
    """Files in the temp folder created or changed since ``moment``; ``skip`` leaves out
    a folder (pytest's tree of other tests' temporary folders) except ``keep`` within it."""
    changed = []
    for path in _files(Path(tempfile.gettempdir())):
        if skip is not None and path.is_relative_to(skip):
            if keep is None or not path.is_relative_to(keep):
                continue
        try:
            if path.stat().st_mtime >= moment:
                changed.append(path)
        except OSError:  # a file of another process that vanished meanwhile
            continue
    return changed


def _leaks(paths: list[Path]) -> list[str]:
    needles = _needles()
    leaks = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        lowered = data.lower()  # ASCII case-folding of the haystack, for UTF-8 and UTF-16
        for label, needle in needles:
            if needle in data or needle.lower() in lowered:
                leaks.append(f"{label} in {path}")
    return leaks


def _decrypted_text(vault: Vault) -> str:
    """Every value of every table, as the app itself can read it."""
    db = vault.db
    parts = []
    for table in db.table_names():
        for row in db.table(table).rows:
            parts.extend(str(value) for value in row.values())
    return "\n".join(parts)


def _run_meeting(store: Store) -> str:
    group = store.groups.add(Group(name="Privacy group", crisis_resources="x"))
    assert group.id is not None
    member = store.members.add(
        Member(
            DISPLAY_NAME,
            full_name=FULL_NAME,
            phone=PHONE,
            email=EMAIL,
            emergency_contact=EMERGENCY,
            notes=MEMBER_NOTE,
            contact_consent=True,
            group_ids=[group.id],
        )
    )
    first = store.meetings.start(group.id, date(2026, 11, 17).isoformat())
    assert first.id is not None
    session = MeetingSession(store, first.id)
    session.check_in(member.pseudonym)
    newcomer = session.add_new_member(NEWCOMER)
    session.next_segment()
    session.record_mood(MoodRound.OPENING, member.pseudonym, 2, FEELING)
    session.record_mood(MoodRound.OPENING, newcomer.pseudonym, 4)
    categories = session.skill_categories()
    assert categories[0].id is not None
    skill = session.add_skill(SKILL, categories[0].id)
    assert skill.id is not None
    session.share_skill(skill.id, member.pseudonym)
    goal = session.set_goal(member.pseudonym, GOAL)
    session.change_safety_concerns(1)
    session.add_safety_note(SAFETY_NOTE)
    session.end()
    second = store.meetings.start(group.id, date(2026, 11, 24).isoformat())
    assert second.id is not None and goal.id is not None
    store.meetings.check_in(second.id, member.pseudonym)
    store.goals.review(goal.id, GoalOutcome.PARTLY, second.id)
    return member.pseudonym


def test_nothing_personal_reaches_the_disk_unencrypted(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    start = time.time() - 0.05  # file times are a few ms coarse
    # Other tests' folders (and earlier runs') are not this test's doing; its own is searched.
    pytest_tree = tmp_path_factory.getbasetemp().parent
    folder = tmp_path / "vault"
    backup_file = tmp_path / "usb" / "privacy.gkbackup"
    restored = tmp_path / "restored"

    vault, _recovery = Vault.create(folder, PASSPHRASE)
    with vault:
        store = Store(vault.db, folder)
        pseudonym = _run_meeting(store)
        # While the vault is open its journal (WAL) is on disk too: search it now.
        assert _leaks(list(_files(folder))) == []
        backup.write_backup(vault, backup_file)
    backup.restore_backup(backup_file, restored)
    with Vault.unlock(restored, PASSPHRASE) as copy:  # the restore is real, and readable
        text = _decrypted_text(copy)
        assert FULL_NAME in text and GOAL in text and SAFETY_NOTE in text
        assert Store(copy.db, restored).members.by_pseudonym(pseudonym) is not None

    searched = list(_files(folder)) + [backup_file] + list(_files(restored))
    searched += _temp_files_since(start, skip=pytest_tree, keep=tmp_path)
    assert len(searched) >= 5
    assert _leaks(searched) == []
    for db_file in (folder / "vault.db", restored / "vault.db"):
        assert not db_file.read_bytes().startswith(b"SQLite format 3")
    assert not backup_file.read_bytes()[:64].count(b"SQLite format 3")


def test_forgotten_member_is_gone_from_the_decrypted_database(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    vault, _recovery = Vault.create(folder, PASSPHRASE)
    with vault:
        store = Store(vault.db, folder)
        pseudonym = _run_meeting(store)
        member = store.members.by_pseudonym(pseudonym)
        assert member is not None and member.id is not None
        assert FULL_NAME in _decrypted_text(vault)
        result = store.members.forget(member.id)
        assert result.goal_texts_erased == 1 and result.kept_attendance == 2
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        text = _decrypted_text(reopened)
        for gone in (FULL_NAME, DISPLAY_NAME, PHONE, EMAIL, EMERGENCY, MEMBER_NOTE, GOAL):
            assert gone not in text
        # Pseudonymous records stay, unlinkable; the facilitator's own note is not searched.
        assert pseudonym in text and NEWCOMER in text
    # And on disk, still nothing readable about anyone.
    assert _leaks(list(_files(folder))) == []


def test_the_search_would_see_a_leak(tmp_path: Path) -> None:
    """The search itself works: each encoding and case variant is found."""
    for i, data in enumerate(
        [
            FULL_NAME.encode("utf-8"),
            FULL_NAME.upper().encode("utf-16-le"),
            GOAL.casefold().encode("utf-16-be"),
            b"x" + PHONE.replace(" ", "").encode() + b"y",
            b"..." + "zAnZiBaR qUiXoTiC-fEnNiMoRe".encode("utf-16-le"),
        ]
    ):
        leak = tmp_path / f"leak{i}.bin"
        leak.write_bytes(data)
        assert _leaks([leak]), data
    assert leak in _temp_files_since(time.time() - 5)
