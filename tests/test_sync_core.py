"""The sync core: clocks, change files (tamper, truncate, foreign signature), merge rules.

Plays the attacker against the shared folder: every file that is not a complete, genuine
file of the group, written by the laptop whose folder it sits in, is refused with a
warning and nothing in it is applied; what crosses the folder never holds a planted name.
"""

from __future__ import annotations

import base64
import logging
import shutil
from pathlib import Path

import pytest

from groupkeeper.sync import changefile
from groupkeeper.sync.changefile import RefusedFile
from groupkeeper.sync.hlc import Clock, Stamp
from groupkeeper.sync.identity import DeviceIdentity
from groupkeeper.sync.replica import Replica

GROUP = "group-0123456789"


class FakeTime:
    def __init__(self, start: int = 1_000_000) -> None:
        self.now = start

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def key() -> bytes:
    return changefile.new_key()


def replica(key: bytes, time: FakeTime | None = None) -> Replica:
    return Replica(DeviceIdentity.generate(), GROUP, key, time or FakeTime())


def carry(src: Path, dst: Path) -> None:
    """What a sync tool does: copy every file of ``src`` into ``dst``."""
    for path in src.rglob("*"):
        if path.is_file():
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


# --- clock -----------------------------------------------------------------------------


def test_clock_never_runs_backwards_and_moves_past_what_it_sees() -> None:
    time = FakeTime(5000)
    clock = Clock("dev-a", time)
    first = clock.tick()
    time.now = 1000  # the wall clock is set back
    second = clock.tick()
    assert second > first
    clock.observe(Stamp(9000, 4, "dev-b"))
    third = clock.tick()
    assert third > Stamp(9000, 4, "dev-b") and third.device == "dev-a"
    assert Stamp.from_json(third.to_json()) == third
    with pytest.raises(ValueError):
        Stamp.from_json([1, -1, "x"])


def test_device_id_is_the_public_key_fingerprint_and_never_shows_the_private_key() -> None:
    me = DeviceIdentity.generate()
    assert changefile.valid_id(me.device_id)
    assert me.device_id != DeviceIdentity.generate().device_id
    assert me.private_key.hex() not in repr(me)


# --- change files: genuine, or refused ------------------------------------------------


def sealed(me: DeviceIdentity, key: bytes, seq: int = 1) -> bytes:
    return changefile.seal_file(
        me, key, kind="ops", group=GROUP, seq=seq, payload={"entries": ["PLANTED"]}
    )


def open_(data: bytes, key: bytes, device: str, seq: int = 1) -> changefile.OpenedFile:
    return changefile.open_file(data, key, kind="ops", group=GROUP, device=device, seq=seq)


def test_a_genuine_file_opens_and_holds_no_plaintext(key: bytes) -> None:
    me = DeviceIdentity.generate()
    data = sealed(me, key)
    assert b"PLANTED" not in data
    assert open_(data, key, me.device_id).payload == {"entries": ["PLANTED"]}


def test_every_altered_byte_is_refused(key: bytes) -> None:
    me = DeviceIdentity.generate()
    data = sealed(me, key)
    for i in range(len(data)):
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises(RefusedFile):
            open_(bytes(bad), key, me.device_id)


def test_every_truncation_and_extension_is_refused(key: bytes) -> None:
    me = DeviceIdentity.generate()
    data = sealed(me, key)
    for n in range(len(data)):
        with pytest.raises(RefusedFile):
            open_(data[:n], key, me.device_id)
    with pytest.raises(RefusedFile):
        open_(data + b"\0", key, me.device_id)


def test_a_file_signed_by_another_key_is_refused(key: bytes) -> None:
    me, intruder = DeviceIdentity.generate(), DeviceIdentity.generate()
    data = sealed(me, key)
    forged = data[:-64] + intruder.sign(data[:-64])
    with pytest.raises(RefusedFile) as caught:
        open_(forged, key, me.device_id)
    assert caught.value.reason == "bad-signature"
    # The intruder's own key put in the header instead: not the named device's key.
    i = data.index(b'"public_key":"') + len(b'"public_key":"')
    theirs = base64.b64encode(intruder.public_key)
    swapped = data[:i] + theirs + data[i + len(theirs) :]
    swapped = swapped[:-64] + intruder.sign(swapped[:-64])
    with pytest.raises(RefusedFile) as caught:
        open_(swapped, key, me.device_id)
    assert caught.value.reason == "foreign-signature"
    # A genuine file of the intruder placed in my folder, or renumbered, is misplaced.
    with pytest.raises(RefusedFile) as caught:
        open_(sealed(intruder, key), key, me.device_id)
    assert caught.value.reason == "wrong-place"
    with pytest.raises(RefusedFile) as caught:
        open_(data, key, me.device_id, seq=2)
    assert caught.value.reason == "wrong-place"


def test_a_file_under_another_group_key_is_refused(key: bytes) -> None:
    me = DeviceIdentity.generate()
    with pytest.raises(RefusedFile) as caught:
        open_(sealed(me, changefile.new_key()), key, me.device_id)
    assert caught.value.reason == "unreadable"


def test_files_are_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "g" / "d" / changefile.change_name(1)
    changefile.write_new(path, b"one")
    with pytest.raises(FileExistsError):
        changefile.write_new(path, b"two")
    assert path.read_bytes() == b"one"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


# --- replicas through a folder --------------------------------------------------------


def test_sync_conflict_temp_and_partial_files_are_skipped(tmp_path: Path, key: bytes) -> None:
    a, b = replica(key), replica(key)
    a.mark("2026-01-06#1", "calm-otter", "present")
    a.flush(tmp_path / "A")
    real = next((tmp_path / "A").rglob("*.gkops"))
    folder = real.parent
    shutil.copyfile(real, folder / "00000002.sync-conflict-20260101-120000-ABCDEFG.gkops")
    shutil.copyfile(real, folder / ".syncthing.00000003.gkops.tmp")
    shutil.copyfile(real, folder / "~syncthing~00000004.gkops.tmp")
    shutil.copyfile(real, folder / "00000005.gkops.part")
    report = b.pull(tmp_path / "A")
    assert report.applied == [(a.device, 1)] and report.refused == []
    assert b.state.attendance("2026-01-06#1") == {"calm-otter": "present"}


def test_tampered_file_is_refused_with_a_warning_and_nothing_applied(
    tmp_path: Path, key: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    a, b = replica(key), replica(key)
    meeting = "2026-01-06#1"
    a.mark(meeting, "calm-otter", "present")
    a.count(meeting, "walk_ins", 2)
    a.flush(tmp_path)
    a.mark(meeting, "brave-heron", "present")
    a.flush(tmp_path)
    second = changefile.device_folder(tmp_path, GROUP, a.device) / changefile.change_name(2)
    data = bytearray(second.read_bytes())
    data[len(data) // 2] ^= 0xFF
    second.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        report = b.pull(tmp_path)
    assert report.applied == [(a.device, 1)]
    assert [reason for _, reason in report.refused] == ["bad-signature"]
    assert "Refused a file" in caplog.text and "calm-otter" not in caplog.text
    assert b.state.attendance(meeting) == {"calm-otter": "present"}
    assert b.state.counter(meeting, "walk_ins") == 2
    # A truncated copy (a sync cut short) is refused the same way and applies nothing.
    second.write_bytes(bytes(data[:40]))
    assert [r for _, r in b.pull(tmp_path).refused] == ["truncated"]
    assert b.state.attendance(meeting) == {"calm-otter": "present"}


def test_a_foreign_file_in_a_device_folder_applies_nothing(tmp_path: Path, key: bytes) -> None:
    a, b = replica(key), replica(key)
    intruder = Replica(DeviceIdentity.generate(), GROUP, key, FakeTime())
    intruder.count("2026-01-06#1", "safety_concerns", 5)
    intruder.flush(tmp_path / "x")
    forged = next((tmp_path / "x").rglob("*.gkops"))
    target = changefile.device_folder(tmp_path, GROUP, a.device) / changefile.change_name(1)
    target.parent.mkdir(parents=True)
    shutil.copyfile(forged, target)
    report = b.pull(tmp_path)
    assert report.applied == [] and report.refused[0][1] == "wrong-place"
    assert b.state.counter("2026-01-06#1", "safety_concerns") == 0


def test_an_entry_stamped_for_another_device_refuses_the_whole_file(
    tmp_path: Path, key: bytes
) -> None:
    a, b = replica(key), replica(key)
    good = {
        "op": "attendance.mark",
        "meeting": "m",
        "member": "p",
        "status": "present",
        "correction": False,
        "stamp": [1, 0, a.device],
    }
    bad = dict(good, member="q", stamp=[1, 0, b.device])
    data = changefile.seal_file(
        a.identity, key, kind="ops", group=GROUP, seq=1, payload={"entries": [good, bad]}
    )
    changefile.write_new(
        changefile.device_folder(tmp_path, GROUP, a.device) / changefile.change_name(1), data
    )
    report = b.pull(tmp_path)
    assert report.refused and report.refused[0][1] == "malformed"
    assert b.state.attendance("m") == {}


# --- merge rules ----------------------------------------------------------------------


def exchange(folder: Path, *replicas: Replica) -> None:
    for r in replicas:
        r.flush(folder)
    for r in replicas:
        r.pull(folder)


def test_field_edits_last_writer_wins_and_concurrent_edits_are_kept(
    tmp_path: Path, key: bytes
) -> None:
    time = FakeTime()
    a, b = replica(key, time), replica(key, time)
    member = a.add_member({"display_name": "Ottoline", "pseudonym": "calm-otter"})
    exchange(tmp_path, a, b)
    assert b.state.member(member, b.open_sealed)["display_name"] == "Ottoline"
    # Sequential: b saw a's value, so its later edit simply wins.
    time.now += 10
    b.set_field(member, "phone", "0100")
    exchange(tmp_path, a, b)
    time.now += 10
    a.set_field(member, "phone", "0200")
    exchange(tmp_path, a, b)
    assert a.state.conflicts(a.open_sealed) == {}
    # Concurrent: neither saw the other's edit; the later stamp wins, the other is kept.
    time.now += 10
    a.set_field(member, "display_name", "Otto")
    time.now += 10
    b.set_field(member, "display_name", "Lina")
    exchange(tmp_path, a, b)
    for r in (a, b):
        assert r.state.member(member, r.open_sealed)["display_name"] == "Lina"
        assert r.state.member(member, r.open_sealed)["phone"] == "0200"
        assert r.state.conflicts(r.open_sealed) == {(member, "display_name"): ["Otto"]}
    assert a.dump() == b.dump()
    # Settling: an edit that saw both versions clears the conflict everywhere.
    time.now += 10
    a.set_field(member, "display_name", "Otto")
    exchange(tmp_path, a, b)
    for r in (a, b):
        assert r.state.conflicts(r.open_sealed) == {}
        assert r.state.member(member, r.open_sealed)["display_name"] == "Otto"


def test_present_wins_unless_a_later_correction(tmp_path: Path, key: bytes) -> None:
    time = FakeTime()
    a, b = replica(key, time), replica(key, time)
    m = "2026-01-06#1"
    a.mark(m, "calm-otter", "present")
    time.now += 5
    b.mark(m, "calm-otter", "apologies")  # later, but present wins
    b.mark(m, "brave-heron", "absent")
    exchange(tmp_path, a, b)
    assert (
        a.state.attendance(m)
        == b.state.attendance(m)
        == {
            "calm-otter": "present",
            "brave-heron": "absent",
        }
    )
    time.now += 5
    b.mark(m, "calm-otter", "none", correction=True)  # "undo check-in"
    exchange(tmp_path, a, b)
    assert a.state.attendance(m) == {"brave-heron": "absent"}
    time.now += 5
    a.mark(m, "calm-otter", "present")  # checked in again after the correction
    exchange(tmp_path, a, b)
    assert b.state.attendance(m)["calm-otter"] == "present"


def test_counters_from_two_laptops_add_up(tmp_path: Path, key: bytes) -> None:
    a, b = replica(key), replica(key)
    m = "2026-01-06#1"
    a.count(m, "walk_ins", 1)
    a.count(m, "walk_ins", 1)
    b.count(m, "walk_ins", 3)
    b.count(m, "walk_ins", -1)
    exchange(tmp_path, a, b)
    exchange(tmp_path, a, b)  # a file read twice changes nothing
    assert a.state.counter(m, "walk_ins") == b.state.counter(m, "walk_ins") == 4


def test_forget_wins_over_edits_made_before_and_after(tmp_path: Path, key: bytes) -> None:
    time = FakeTime()
    a, b = replica(key, time), replica(key, time)
    member = a.add_member({"display_name": "Zephyrine Quillifax", "pseudonym": "calm-otter"})
    exchange(tmp_path, a, b)
    time.now += 10
    b.set_field(member, "notes", "Snorkelmancy on Tuesdays")  # concurrent with the forget
    a.forget_member(member)
    exchange(tmp_path, a, b)
    exchange(tmp_path, a, b)  # keyrings rewritten without the member's key
    for r in (a, b):
        assert member not in r.state.members() and member not in r.member_keys
        assert member in r.state.forgotten
    b.set_field(member, "notes", "after")  # a late edit is dropped
    assert b.pending == []
    assert a.dump() == b.dump()
    # With the group key, every change file and keyring opens; the member's key is in
    # none of them, so the sealed fields in older files open for nobody.
    for path in tmp_path.rglob("*.gk*"):
        kind = "keys" if path.name == changefile.KEYRING_NAME else "ops"
        opened = changefile.open_file(path.read_bytes(), key, kind=kind, group=GROUP)
        text = str(opened.payload)
        assert "Zephyrine" not in text and "Snorkelmancy" not in text
        if kind == "keys":
            assert member not in opened.payload["member_keys"]
    for planted in (b"Zephyrine", b"Quillifax", b"Snorkelmancy"):
        for path in tmp_path.rglob("*"):
            assert path.is_dir() or planted not in path.read_bytes()


def test_an_oversized_or_vanishing_file_is_refused_and_tried_again(
    tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = replica(key), replica(key)
    a.mark("m", "calm-otter", "present")
    a.flush(tmp_path)
    monkeypatch.setattr(changefile, "MAX_FILE", 10)
    assert [r for _, r in b.pull(tmp_path).refused] == ["too-large", "too-large"]
    monkeypatch.undo()
    real_open = Path.open

    def vanished(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.suffix == ".gkops":
            raise FileNotFoundError(2, "gone", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", vanished)
    assert [r for _, r in b.pull(tmp_path).refused] == ["unavailable"]
    assert b.state.attendance("m") == {}
    monkeypatch.undo()
    report = b.pull(tmp_path)  # the next sync finds it again
    assert report.applied == [(a.device, 1)] and b.state.attendance("m") == {
        "calm-otter": "present"
    }


def test_a_removed_laptop_reads_nothing_new_and_its_new_files_are_refused(
    tmp_path: Path, key: bytes
) -> None:
    a, b, c = replica(key), replica(key), replica(key)
    meeting = "2026-01-06#1"

    def round_trip() -> None:
        for r in (a, b, c, a, b, c):
            r.pull(tmp_path)
            r.flush(tmp_path)

    a.mark(meeting, "calm-otter", "present")
    c.count(meeting, "walk_ins", 1)  # written before the removal: it stays counted
    round_trip()
    assert c.state.attendance(meeting) == {"calm-otter": "present"}
    a.remove_device(c.device, tmp_path)
    a.mark(meeting, "brave-heron", "present")
    a.flush(tmp_path)
    b.pull(tmp_path)
    assert b.group_key == a.group_key != key and b.removed == {c.device: 1}
    assert b.state.attendance(meeting) == {"calm-otter": "present", "brave-heron": "present"}
    # B writes under the new key; A reads it.
    b.count(meeting, "walk_ins", 2)
    b.flush(tmp_path)
    a.pull(tmp_path)
    assert a.state.counter(meeting, "walk_ins") == 3
    # C keeps what it had, reads nothing new, and knows it was removed.
    report = c.pull(tmp_path)
    assert c.removed_here and c.group_key == key
    assert c.state.attendance(meeting) == {"calm-otter": "present"}
    assert c.state.counter(meeting, "walk_ins") == 1
    assert {reason for _, reason in report.refused} == {"unreadable"}
    # What C writes now is refused by the others, nothing applied.
    c.count(meeting, "safety_concerns", 7)
    c.flush(tmp_path)
    refused = [reason for _, reason in a.pull(tmp_path).refused]
    assert refused == ["removed-laptop"] and a.state.counter(meeting, "safety_concerns") == 0
    # A restart keeps all of it; a removed laptop cannot be removed twice.
    again = Replica.from_data(a.identity, a.to_data())
    assert again.group_key == a.group_key and again.removed == a.removed
    with pytest.raises(KeyError):
        again.remove_device(c.device, tmp_path)
    # A laptop that joins later with the new key reads the old files too.
    d = Replica(DeviceIdentity.generate(), GROUP, a.group_key, FakeTime())
    d.old_keys = [key]
    d.pull(tmp_path)
    assert d.state.attendance(meeting) == {"calm-otter": "present", "brave-heron": "present"}
