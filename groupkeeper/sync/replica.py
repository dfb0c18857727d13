"""One laptop's side of a shared group: record changes, write them, apply everyone else's.

``Replica`` keeps the merged state (``MergeState``), the member keys this laptop knows,
the changes not yet written and which files it has applied. ``flush`` writes the pending
changes as the next change file (and the keyring when the keys changed); ``pull`` reads
every other laptop's new files, refuses the ones that are not genuine (with a warning,
nothing applied from them) and merges the rest. Both only touch the shared folder, so
the same code works through Syncthing, a USB stick or any synced folder.
"""

from __future__ import annotations

import base64
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from groupkeeper.sync import changefile
from groupkeeper.sync.changefile import RefusedFile
from groupkeeper.sync.hlc import Clock, Stamp
from groupkeeper.sync.identity import DeviceIdentity
from groupkeeper.sync.merge import (
    CLOSE,
    COUNTER,
    DISCARD,
    FIELD,
    FORGET,
    GROUP_FIELD,
    MARK,
    MEMBER_FIELDS,
    MOOD,
    OPEN,
    PERSONAL_FIELDS,
    RECORD,
    REMOVE,
    BadEntry,
    MergeState,
    check_entry,
    sealed_name,
)

log = logging.getLogger(__name__)


@dataclass
class SyncReport:
    """What one ``flush``/``pull`` did (ids and counts only: safe to log and show)."""

    written: list[str] = field(default_factory=list)  # file names written
    applied: list[tuple[str, int]] = field(default_factory=list)  # (device, seq)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (relative path, reason)
    entries: int = 0


class Replica:
    """This laptop's copy of one shared group.

    Args:
        identity: this laptop's signing key.
        group: the shared group's id.
        group_key: the group's 32-byte key.
        now_ms: wall clock in milliseconds (tests pass a fake one).
    """

    def __init__(
        self,
        identity: DeviceIdentity,
        group: str,
        group_key: bytes,
        now_ms: Callable[[], int] | None = None,
    ) -> None:
        self.identity = identity
        self.device = identity.device_id
        self.group = group
        self.group_key = group_key
        self.clock = Clock(self.device, now_ms) if now_ms else Clock(self.device)
        self.state = MergeState()
        self.member_keys: dict[str, bytes] = {}
        self.pending: list[dict[str, Any]] = []
        self.applied: set[tuple[str, int]] = set()
        self.next_seq = 1
        #: How many changes each of this laptop's change files holds (by seq), so "not
        #: yet seen by the others" counts changes, like ``pending``, not files.
        self.own_sizes: dict[int, int] = {}
        self._keyring_written: dict[str, bytes] | None = None
        self._keyring_seq = 0
        #: This laptop's name as other laptops show it ("Sam's laptop"; may be empty).
        self.name = ""
        #: What every other laptop publishes in its keyring, by device id:
        #: ``{"name": str, "applied": {device: [seq, ...]}}``.
        self.peers: dict[str, dict[str, Any]] = {}
        #: Per other device, the newest wall-clock stamp (ms) of its changes applied here.
        self.last_change: dict[str, int] = {}
        self._published: dict[str, Any] | None = None
        #: Key rotations: the key epoch in force, the device that started it, the keys
        #: of earlier epochs (older files stay readable), the laptops removed (with the
        #: last change file accepted from each) and whether this laptop was removed.
        self.epoch = 0
        self.rotator = ""
        self.old_keys: list[bytes] = []
        self.removed: dict[str, int] = {}
        self.removed_here = False
        #: The invitation this laptop joined with (``{"invitation": id, "stamp": ...}``,
        #: published so nobody joins with it again) and the ids of the invitations it
        #: wrote (it removes a second laptop that joins with one of them).
        self.joined: dict[str, Any] | None = None
        self.issued: list[str] = []

    # --- local changes ----------------------------------------------------------------

    def _record(self, entry: dict[str, Any]) -> None:
        check_entry(entry, self.device)
        self.state.apply(entry)
        self.pending.append(entry)

    def open_sealed(self, member: str, name: str, stamp: list[object], sealed: str) -> Any:
        """Open a personal value (``LookupError`` when the member's key is unknown)."""
        key = self.member_keys.get(member)
        if key is None:
            raise LookupError(member)
        return changefile.open_field(key, member, name, stamp, sealed)

    def add_member(self, fields: dict[str, Any]) -> str:
        """A new member with ``fields``; returns the member's shared id."""
        member = str(uuid.uuid4())
        self.member_keys[member] = changefile.new_key()
        for name, value in sorted(fields.items()):
            self.set_field(member, name, value)
        return member

    def ensure_member(self, member: str) -> None:
        """Give a member known by its id (a vault's stable UUID) a key, if it has none and
        was never forgotten; its fields are then set with ``set_field``."""
        if member not in self.member_keys and member not in self.state.forgotten:
            self.member_keys[member] = changefile.new_key()

    def set_field(self, member: str, name: str, value: Any) -> None:
        """Change one field of a member (does nothing for a forgotten member)."""
        if name not in MEMBER_FIELDS:
            raise KeyError(name)
        if member in self.state.forgotten:
            return
        stamp = self.clock.tick().to_json()
        entry: dict[str, Any] = {
            "op": FIELD,
            "member": member,
            "field": name,
            "stamp": stamp,
            "seen": [s.to_json() for s in self.state.heads(member, name)],
        }
        if name in PERSONAL_FIELDS:
            key = self.member_keys[member]
            entry["sealed"] = changefile.seal_field(key, member, name, stamp, value)
        else:
            entry["value"] = value
        self._record(entry)

    def forget_member(self, member: str) -> None:
        """Forget a member on every laptop: fields, key and later changes are dropped."""
        self._record({"op": FORGET, "member": member, "stamp": self.clock.tick().to_json()})
        self._forget_locally(member)

    def _forget_locally(self, member: str) -> None:
        self.member_keys.pop(member, None)
        self.pending = [
            e
            for e in self.pending
            if not (e["op"] in (FIELD, RECORD) and e.get("member") == member)
        ]

    def open_meeting(self, meeting: str) -> None:
        """A meeting was opened here (it exists everywhere, even with nothing in it)."""
        self._record({"op": OPEN, "meeting": meeting, "stamp": self.clock.tick().to_json()})

    def close_meeting(self, meeting: str) -> None:
        """A meeting was ended here (it is ended on every laptop)."""
        self._record({"op": CLOSE, "meeting": meeting, "stamp": self.clock.tick().to_json()})

    def discard_meeting(self, meeting: str) -> None:
        """Discard a meeting everywhere: everything recorded in it that this laptop has
        applied goes (see ``merge``: what others record without seeing this survives)."""
        self._record(
            {
                "op": DISCARD,
                "meeting": meeting,
                "seen": self.state.latest_seen(),
                "stamp": self.clock.tick().to_json(),
            }
        )

    def set_record(
        self,
        kind: str,
        record: str,
        name: str,
        meeting: str,
        value: Any,
        *,
        member: str | None = None,
    ) -> None:
        """Set one field of an add-only record (goal, skill share, wellbeing answers).

        With ``member`` (a goal's text) the value is sealed under that member's key, so
        forgetting the member makes it unreadable everywhere; nothing is recorded for a
        forgotten member or one whose key is not known here.
        """
        stamp = self.clock.tick().to_json()
        entry: dict[str, Any] = {
            "op": RECORD,
            "kind": kind,
            "record": record,
            "field": name,
            "meeting": meeting,
            "stamp": stamp,
        }
        if member is not None:
            key = self.member_keys.get(member)
            if key is None or member in self.state.forgotten:
                return
            entry["member"] = member
            entry["sealed"] = changefile.seal_field(key, member, sealed_name(record), stamp, value)
        else:
            entry["value"] = value
        self._record(entry)

    def remove_record(self, kind: str, record: str) -> None:
        """Remove an add-only record everywhere (a tombstone: it never comes back)."""
        self._record(
            {"op": REMOVE, "kind": kind, "record": record, "stamp": self.clock.tick().to_json()}
        )

    def set_group_field(self, name: str, value: Any) -> None:
        """Change one of the group's shared settings (the newest change wins)."""
        self._record(
            {"op": GROUP_FIELD, "field": name, "value": value, "stamp": self.clock.tick().to_json()}
        )

    def mark(self, meeting: str, pseudonym: str, status: str, correction: bool = False) -> None:
        """Record attendance (``present``, ``apologies``, ``absent``; ``none`` with
        ``correction=True`` takes a check-in back)."""
        self._record(
            {
                "op": MARK,
                "meeting": meeting,
                "member": pseudonym,
                "status": status,
                "correction": correction,
                "stamp": self.clock.tick().to_json(),
            }
        )

    def set_mood(
        self, meeting: str, round_: str, pseudonym: str, value: dict[str, Any] | None
    ) -> None:
        """Record one person's mood answer in a round (``None``: taken back)."""
        self._record(
            {
                "op": MOOD,
                "meeting": meeting,
                "round": round_,
                "member": pseudonym,
                "value": value,
                "stamp": self.clock.tick().to_json(),
            }
        )

    def count(self, meeting: str, counter: str, delta: int) -> None:
        """Add ``delta`` to this laptop's own count (walk-ins, safety concerns, mood
        tallies). A negative ``delta`` may take back counts made on other laptops too
        (this laptop's own count then goes below zero), never below zero in all."""
        own = self.state.own_count(meeting, counter, self.device)
        value = own + max(delta, -self.state.counter(meeting, counter))
        self._record(
            {
                "op": COUNTER,
                "meeting": meeting,
                "counter": counter,
                "device": self.device,
                "value": value,
                "stamp": self.clock.tick().to_json(),
            }
        )

    # --- the shared folder ------------------------------------------------------------

    def flush(self, shared: Path) -> SyncReport:
        """Write the pending changes as this laptop's next change file, and the keyring
        when the member keys changed. Never overwrites a file."""
        report = SyncReport()
        folder = changefile.device_folder(shared, self.group, self.device)
        if self.pending:
            while True:
                path = folder / changefile.change_name(self.next_seq)
                data = changefile.seal_file(
                    self.identity,
                    self.group_key,
                    kind=changefile.KIND_OPS,
                    group=self.group,
                    seq=self.next_seq,
                    payload={"entries": self.pending},
                )
                try:
                    changefile.write_new(path, data)
                except FileExistsError:  # e.g. a vault restored from an older backup
                    self.next_seq += 1
                    continue
                break
            self.applied.add((self.device, self.next_seq))
            self.own_sizes[self.next_seq] = len(self.pending)
            report.written.append(path.name)
            report.entries = len(self.pending)
            self.pending = []
            self.next_seq += 1
        published = self._publication()
        if self._keyring_written != self.member_keys or self._published != published:
            self._keyring_seq += 1
            keys = {m: base64.b64encode(k).decode("ascii") for m, k in self.member_keys.items()}
            data = changefile.seal_file(
                self.identity,
                self.group_key,
                kind=changefile.KIND_KEYS,
                group=self.group,
                seq=self._keyring_seq,
                payload={"member_keys": keys, **published},
            )
            changefile.replace_file(folder / changefile.KEYRING_NAME, data)
            self._keyring_written = dict(self.member_keys)
            self._published = published
            report.written.append(changefile.KEYRING_NAME)
        return report

    def _publication(self) -> dict[str, Any]:
        """What this laptop tells the others besides the keys: its name and which change
        files it has applied (so each laptop can say what the others have not seen yet)."""
        applied: dict[str, list[int]] = {}
        for device, seq in self.applied:
            applied.setdefault(device, []).append(seq)
        return {
            "name": self.name,
            "applied": {d: sorted(s) for d, s in sorted(applied.items())},
            "box_key": base64.b64encode(self.identity.box_public).decode("ascii"),
            "epoch": self.epoch,
            "joined": self.joined,
        }

    def join_with(self, invitation_id: str) -> None:
        """Record that this laptop joined with an invitation (published at the next
        flush, so a second laptop trying the same invitation is refused)."""
        if invitation_id:
            self.joined = {"invitation": invitation_id, "stamp": self.clock.tick().to_json()}

    def second_joiners(self) -> dict[str, str]:
        """``{device: invitation id}`` of the laptops that joined with an invitation
        another laptop had used first (by join stamp; their files are refused here)."""
        first: dict[str, tuple[Stamp, str]] = {}
        joins = [(d, info["joined"]) for d, info in self.peers.items() if info.get("joined")]
        if self.joined:
            joins.append((self.device, self.joined))
        for device, joined in joins:
            stamp = Stamp.from_json(joined["stamp"])
            known = first.get(joined["invitation"])
            if known is None or (stamp, device) < known:
                first[joined["invitation"]] = (stamp, device)
        return {
            device: joined["invitation"]
            for device, joined in joins
            if first[joined["invitation"]][1] != device
        }

    def unseen_own_changes(self) -> int:
        """How many of this laptop's written changes are in files some other known laptop
        has not applied yet (0 while no other laptop has published anything). A file
        written before the sizes were kept counts as one change."""
        own = {seq for device, seq in self.applied if device == self.device}
        missing: set[int] = set()
        for info in self.peers.values():
            seen = set(info.get("applied", {}).get(self.device, []))
            missing |= own - seen
        return sum(self.own_sizes.get(seq, 1) for seq in missing)

    def _open(self, data: bytes, **where: Any) -> changefile.OpenedFile:
        """Open a file under the group key in force, or an earlier one (files written
        before a laptop was removed)."""
        refused: RefusedFile | None = None
        for key in [self.group_key, *reversed(self.old_keys)]:
            try:
                return changefile.open_file(data, key, **where)
            except RefusedFile as exc:
                if exc.reason != "unreadable":
                    raise
                refused = exc
        assert refused is not None
        raise refused

    # --- removing a laptop ------------------------------------------------------------

    def _rotation_context(self, epoch: int) -> bytes:
        return f"{self.group}/{epoch}".encode()

    def remove_device(self, device: str, shared: Path) -> None:
        """Remove a laptop: a new group key, wrapped for every other known laptop with its
        published X25519 key, is written in a rotation file; from now on this laptop
        writes under it and refuses the removed laptop's later files. What the removed
        laptop already had stays readable to it; nothing new is.

        Raises:
            KeyError: ``device`` is not another laptop of this group.
            ValueError: a remaining laptop has published no key to wrap for.
            OSError: the rotation file cannot be written (nothing changed).
        """
        if device == self.device or device in self.removed or device not in self.peers:
            raise KeyError(device)
        remaining = {
            d: info
            for d, info in self.peers.items()
            if d not in (device, self.device) and d not in self.removed
        }
        publics = {}
        for d, info in remaining.items():
            text = info.get("box_key")
            if not isinstance(text, str):
                raise ValueError(d)
            publics[d] = base64.b64decode(text.encode("ascii"), validate=True)
        publics[self.device] = self.identity.box_public
        key, epoch = changefile.new_key(), self.epoch + 1
        context = self._rotation_context(epoch)
        last = max((s for d, s in self.applied if d == device), default=0)
        payload = {
            "epoch": epoch,
            "removed": {device: last},
            "wrapped": {
                d: changefile.wrap_key(p, key, context) for d, p in sorted(publics.items())
            },
        }
        data = changefile.seal_file(
            self.identity,
            self.group_key,
            kind=changefile.KIND_ROTATION,
            group=self.group,
            seq=epoch,
            payload=payload,
        )
        folder = changefile.device_folder(shared, self.group, self.device)
        changefile.write_new(folder / changefile.rotation_name(epoch), data)
        self._switch_key(key, epoch, self.device, {device: last})

    def _switch_key(self, key: bytes, epoch: int, rotator: str, removed: dict[str, int]) -> None:
        self.old_keys.append(self.group_key)
        self.group_key, self.epoch, self.rotator = key, epoch, rotator
        for device, last in removed.items():
            self.removed[device] = max(last, self.removed.get(device, 0))
        self._published = None  # the keyring goes out again, under the new key

    def _apply_rotations(self, shared: Path, report: SyncReport) -> None:
        found = []
        for device, epoch, path in changefile.rotations(shared, self.group):
            if (epoch, device) <= (self.epoch, self.rotator):
                continue
            try:
                opened = self._open(
                    changefile.read_limited(path),
                    path=path,
                    kind=changefile.KIND_ROTATION,
                    group=self.group,
                    device=device,
                    seq=epoch,
                )
                payload = opened.payload if isinstance(opened.payload, dict) else {}
                wrapped, removed = payload.get("wrapped"), payload.get("removed")
                if not (isinstance(wrapped, dict) and isinstance(removed, dict)):
                    raise RefusedFile(path, "malformed")
                clean = {
                    str(d): int(s)
                    for d, s in removed.items()
                    if isinstance(s, int) and not isinstance(s, bool)
                }
            except RefusedFile as exc:
                self._refuse(report, shared, exc)
                continue
            found.append((epoch, device, wrapped, clean, path))
        for epoch, device, wrapped, removed, path in sorted(found, key=lambda f: (f[0], f[1])):
            if (epoch, device) <= (self.epoch, self.rotator) or device in self.removed:
                continue
            if self.device in removed:
                self.removed_here = True
                continue
            mine = wrapped.get(self.device)
            if not isinstance(mine, str):
                continue
            try:
                key = changefile.unwrap_key(
                    self.identity.box_key, mine, self._rotation_context(epoch)
                )
            except ValueError:
                self._refuse(report, shared, RefusedFile(path, "unreadable"))
                continue
            self._switch_key(key, epoch, device, removed)

    def _refuse(self, report: SyncReport, shared: Path, exc: RefusedFile) -> None:
        where = str(exc.path.relative_to(shared)) if exc.path else "?"
        log.warning("Refused a file in the shared folder (%s): %s", exc.reason, where)
        report.refused.append((where, exc.reason))

    def pull(self, shared: Path) -> SyncReport:
        """Apply every other laptop's change files not applied yet, then learn the member
        keys from their keyrings. A file that is not genuine is refused as a whole."""
        report = SyncReport()
        self._apply_rotations(shared, report)
        # Keyrings first: who joined with which invitation decides whose files count.
        self._learn_keys(shared, report)
        second = self.second_joiners()
        for device, seq, path in changefile.snapshots(shared, self.group):
            if device == self.device:
                continue
            try:
                if device in self.removed and seq > self.removed[device]:
                    raise RefusedFile(path, "removed-laptop")
                if device in second:
                    raise RefusedFile(path, "invitation-used")
                seqs, entries, stamps = self._read_entries(
                    path, changefile.KIND_SNAPSHOT, device, seq
                )
            except RefusedFile as exc:
                self._refuse(report, shared, exc)
                continue
            if all((device, s) in self.applied for s in seqs):
                continue  # everything in it was applied from the files it replaced
            self._apply_entries(device, entries, stamps)  # (entries apply idempotently)
            for s in seqs:
                self.applied.add((device, s))
            report.applied.append((device, seq))
            report.entries += len(entries)
        for device, seq, path in changefile.change_files(shared, self.group):
            if device == self.device or (device, seq) in self.applied:
                continue
            try:
                if device in self.removed and seq > self.removed[device]:
                    raise RefusedFile(path, "removed-laptop")
                if device in second:
                    raise RefusedFile(path, "invitation-used")
                _, entries, stamps = self._read_entries(path, changefile.KIND_OPS, device, seq)
            except RefusedFile as exc:
                self._refuse(report, shared, exc)
                continue
            self._apply_entries(device, entries, stamps)
            self.applied.add((device, seq))
            report.applied.append((device, seq))
            report.entries += len(entries)
        return report

    def _read_entries(
        self, path: Path, kind: str, device: str, seq: int
    ) -> tuple[list[int], list[dict[str, Any]], list[Stamp]]:
        """The checked entries of a change or snapshot file (and, for a snapshot, the
        numbers of the change files it replaces).

        Raises:
            RefusedFile: the file is not genuine or not well formed.
        """
        opened = self._open(
            changefile.read_limited(path),
            path=path,
            kind=kind,
            group=self.group,
            device=device,
            seq=seq,
        )
        payload = opened.payload if isinstance(opened.payload, dict) else {}
        entries = payload.get("entries")
        seqs = payload.get("seqs", [seq])
        if not isinstance(entries, list) or not (
            isinstance(seqs, list)
            and all(isinstance(s, int) and not isinstance(s, bool) and 0 < s <= seq for s in seqs)
        ):
            raise RefusedFile(path, "malformed")
        try:
            stamps = [check_entry(entry, device) for entry in entries]
        except BadEntry as exc:
            raise RefusedFile(path, "malformed") from exc
        return seqs, entries, stamps

    def _apply_entries(
        self, device: str, entries: list[dict[str, Any]], stamps: list[Stamp]
    ) -> None:
        for stamp in stamps:
            self.clock.observe(stamp)
        if stamps:
            newest = max(s.wall_ms for s in stamps)
            self.last_change[device] = max(self.last_change.get(device, 0), newest)
        for entry, stamp in zip(entries, stamps, strict=True):
            self.state.apply(entry, stamp)
            if entry["op"] == FORGET:
                self._forget_locally(entry["member"])

    # --- compaction -------------------------------------------------------------------

    def compactable(self) -> list[int]:
        """This laptop's change files that every other laptop of the group has applied,
        as the numbers 1..n without a gap (empty while no other laptop is known)."""
        second = self.second_joiners()
        others = [
            info
            for d, info in self.peers.items()
            if d != self.device and d not in self.removed and d not in second
        ]
        if not others or self.removed_here:
            return []
        seen = {seq for device, seq in self.applied if device == self.device}
        for info in others:
            seen &= set(info.get("applied", {}).get(self.device, []))
        result: list[int] = []
        while len(result) + 1 in seen:
            result.append(len(result) + 1)
        return result

    def compact(self, shared: Path, min_files: int = 50) -> int:
        """Replace this laptop's change files that every other laptop has applied with
        one snapshot file holding their changes (superseded ones left out), once there
        are at least ``min_files`` of them beyond the last snapshot; returns the number
        of files replaced. A laptop that joins later reads the snapshot. Nothing is
        deleted unless every file was read back and the snapshot is written.
        """
        seqs = self.compactable()
        folder = changefile.device_folder(shared, self.group, self.device)
        old = [(s, p) for d, s, p in changefile.snapshots(shared, self.group) if d == self.device]
        done = max((s for s, _ in old), default=0)
        files = {seq: folder / changefile.change_name(seq) for seq in seqs if seq > done}
        if not seqs or len(files) < min_files:
            return 0
        entries: list[dict[str, Any]] = []
        try:
            for s, path in old:
                entries += self._read_entries(path, changefile.KIND_SNAPSHOT, self.device, s)[1]
            for seq, path in sorted(files.items()):
                entries += self._read_entries(path, changefile.KIND_OPS, self.device, seq)[1]
        except RefusedFile:
            log.warning("A change file of this laptop could not be read back; not compacted")
            return 0
        last = seqs[-1]
        data = changefile.seal_file(
            self.identity,
            self.group_key,
            kind=changefile.KIND_SNAPSHOT,
            group=self.group,
            seq=last,
            payload={"entries": _prune(entries, self.state.forgotten), "seqs": seqs},
        )
        changefile.write_new(folder / changefile.snapshot_name(last), data)
        for _, path in old:
            path.unlink(missing_ok=True)
        for path in files.values():
            path.unlink(missing_ok=True)
        for seq in seqs:  # every other laptop has applied them: nothing left to count
            self.own_sizes.pop(seq, None)
        return len(files)

    def _learn_keys(self, shared: Path, report: SyncReport) -> None:
        for device, path in changefile.keyrings(shared, self.group):
            if device == self.device or device in self.removed:
                continue
            try:
                opened = self._open(
                    changefile.read_limited(path),
                    path=path,
                    kind=changefile.KIND_KEYS,
                    group=self.group,
                    device=device,
                )
                payload = opened.payload if isinstance(opened.payload, dict) else {}
                keys = payload.get("member_keys")
                if not isinstance(keys, dict):
                    raise RefusedFile(path, "malformed")
                decoded = {}
                for member, text in keys.items():
                    raw = base64.b64decode(str(text).encode("ascii"), validate=True)
                    if len(raw) != changefile.KEY_SIZE:
                        raise RefusedFile(path, "malformed")
                    decoded[str(member)] = raw
            except RefusedFile as exc:
                self._refuse(report, shared, exc)
                continue
            except ValueError:
                self._refuse(report, shared, RefusedFile(path, "malformed"))
                continue
            for member, key in decoded.items():
                if member not in self.state.forgotten:
                    self.member_keys.setdefault(member, key)
            self.peers[device] = _peer_info(payload)

    # --- saving in the vault ----------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """Everything this replica must keep between runs, as plain JSON data (for the
        vault only: it holds the group key and the member keys)."""
        return {
            "group": self.group,
            "group_key": base64.b64encode(self.group_key).decode("ascii"),
            "clock": self.clock.last.to_json(),
            "state": self.state.to_data(),
            "member_keys": {
                m: base64.b64encode(k).decode("ascii") for m, k in sorted(self.member_keys.items())
            },
            "pending": self.pending,
            "applied": sorted([d, s] for d, s in self.applied),
            "next_seq": self.next_seq,
            "own_sizes": {str(seq): n for seq, n in sorted(self.own_sizes.items())},
            "keyring_seq": self._keyring_seq,
            "keyring_written": None
            if self._keyring_written is None
            else sorted(self._keyring_written),
            "name": self.name,
            "peers": self.peers,
            "last_change": self.last_change,
            "published": self._published,
            "epoch": self.epoch,
            "rotator": self.rotator,
            "old_keys": [base64.b64encode(k).decode("ascii") for k in self.old_keys],
            "removed": self.removed,
            "removed_here": self.removed_here,
            "joined": self.joined,
            "issued": self.issued,
        }

    @classmethod
    def from_data(
        cls,
        identity: DeviceIdentity,
        data: dict[str, Any],
        now_ms: Callable[[], int] | None = None,
    ) -> Replica:
        """A replica saved by ``to_data``."""
        replica = cls(identity, data["group"], base64.b64decode(data["group_key"]), now_ms)
        last = Stamp.from_json(data["clock"])
        replica.clock = (
            Clock(replica.device, now_ms, last) if now_ms else Clock(replica.device, last=last)
        )
        replica.state = MergeState.from_data(data["state"])
        replica.member_keys = {m: base64.b64decode(k) for m, k in data["member_keys"].items()}
        replica.pending = list(data["pending"])
        replica.applied = {(d, int(s)) for d, s in data["applied"]}
        replica.next_seq = int(data["next_seq"])
        replica.own_sizes = {int(k): int(v) for k, v in data.get("own_sizes", {}).items()}
        replica._keyring_seq = int(data["keyring_seq"])
        written = data["keyring_written"]
        # Only which members were in the keyring matters for "did it change".
        replica._keyring_written = (
            None
            if written is None
            else {m: replica.member_keys[m] for m in written if m in replica.member_keys}
        )
        if written is not None and set(written) != set(replica._keyring_written or {}):
            replica._keyring_written = None
        replica.name = str(data.get("name", ""))
        replica.peers = dict(data.get("peers", {}))
        replica.last_change = {str(d): int(t) for d, t in data.get("last_change", {}).items()}
        replica._published = data.get("published")
        replica.epoch = int(data.get("epoch", 0))
        replica.rotator = str(data.get("rotator", ""))
        replica.old_keys = [base64.b64decode(k) for k in data.get("old_keys", [])]
        replica.removed = {str(d): int(s) for d, s in data.get("removed", {}).items()}
        replica.removed_here = bool(data.get("removed_here", False))
        replica.joined = data.get("joined")
        replica.issued = [str(i) for i in data.get("issued", [])]
        return replica

    def dump(self) -> str:
        """The canonical text of this laptop's shared data (see ``MergeState.dump``)."""
        return self.state.dump(self.open_sealed)

    def last_stamp(self) -> Stamp:
        """The clock's latest reading."""
        return self.clock.last


def _prune(entries: list[dict[str, Any]], forgotten: set[str]) -> list[dict[str, Any]]:
    """One device's entries without those that no longer count for anyone: changes to
    forgotten members (the forget itself stays), and changes this device itself
    replaced later: an older count of the same counter, an older mood answer of the
    same person and round, an older value of the same group setting, an older edit of
    a member field that a later edit of it saw. The merged state of any laptop that
    applies the rest (with every other device's entries) is the same."""
    latest: dict[tuple[Any, ...], Stamp] = {}
    superseded: set[Stamp] = set()

    def key_of(entry: dict[str, Any]) -> tuple[Any, ...] | None:
        op = entry["op"]
        if op == COUNTER:
            return (op, entry["meeting"], entry["counter"])
        if op == MOOD:
            return (op, entry["meeting"], entry["round"], entry["member"])
        if op == GROUP_FIELD:
            return (op, entry["field"])
        return None

    for entry in entries:
        stamp = Stamp.from_json(entry["stamp"])
        key = key_of(entry)
        if key is not None and (key not in latest or stamp > latest[key]):
            latest[key] = stamp
        if entry["op"] == FIELD:
            superseded.update(Stamp.from_json(s) for s in entry["seen"])
    kept = []
    for entry in entries:
        stamp = Stamp.from_json(entry["stamp"])
        if entry["op"] in (FIELD, RECORD) and entry.get("member") in forgotten:
            continue
        if entry["op"] == FIELD and stamp in superseded:
            continue
        key = key_of(entry)
        if key is not None and latest[key] != stamp:
            continue
        kept.append(entry)
    return kept


def _peer_info(payload: dict[str, Any]) -> dict[str, Any]:
    """The name and applied files another laptop published (ill-formed parts dropped)."""
    name = payload.get("name")
    applied = payload.get("applied")
    clean: dict[str, list[int]] = {}
    if isinstance(applied, dict):
        for device, seqs in applied.items():
            if isinstance(device, str) and isinstance(seqs, list):
                clean[device] = [s for s in seqs if isinstance(s, int) and not isinstance(s, bool)]
    box_key = payload.get("box_key")
    joined = payload.get("joined")
    try:
        ok = (
            isinstance(joined, dict)
            and isinstance(joined.get("invitation"), str)
            and 0 < len(joined["invitation"]) <= 64
            and Stamp.from_json(joined.get("stamp")) is not None
        )
    except ValueError:
        ok = False
    return {
        "name": name[:100] if isinstance(name, str) else "",
        "applied": clean,
        "box_key": box_key if isinstance(box_key, str) and len(box_key) < 100 else None,
        "joined": (
            {"invitation": joined["invitation"], "stamp": joined["stamp"]}
            if ok and isinstance(joined, dict)
            else None
        ),
    }
