"""Sharing groups between laptops, for the screens and the command line (no Qt).

``SyncService(store)`` is the one entry point. Every method works on the ``Store`` it is
given, inside that store's connection: the GUI must hand it a store over a *background
thread's own connection* (``OperationRunner.run_in_background`` with the ``sync`` ops, or
``worker.run_on_vault(vault, fn, write=True)`` with ``fn`` building
``SyncService(Store(lambda: vault.db, vault.folder))``), never the GUI thread's, because
a sync reads and writes files in the shared folder while it holds the write lock.

What a laptop does (see ``link`` for how tables and replica meet):

``share_group(group_id, folder, invitation_path)``
    Start sharing a local group through ``folder`` (a Syncthing folder, a USB stick, any
    synced folder); writes the invitation file and returns the one-time code to read
    out, and runs the first sync (this laptop's members and meetings go out).
``join(invitation_path, code, folder)``
    On another laptop (its own vault): open the invitation with the code, create the
    group locally and run the first sync. A wrong code changes nothing; an invitation
    another laptop has joined with is refused (``invitation.InvitationUsed``).
``sync_once()``
    For every shared group: capture this laptop's changes, apply every other laptop's
    change files, write the merged result into the tables, write this laptop's new
    change file. Returns a ``SyncSummary`` (counts only: safe to print and log).
``remove_laptop(group_id, device_id)``
    Rotate the group key: every other laptop receives the new key (wrapped to its own
    published key), the removed one reads nothing new and its new files are refused.
    What it already has stays on it (say so to the user).
``status()``, ``conflicts(group_id)``, ``resolve_conflict(...)``, ``set_laptop_name(name)``,
``stop_sharing(group_id)``.

Errors a user can meet are ``KnownError`` subclasses with a stable ``code`` (the UI words
them): ``invitation.WrongCode`` (``wrong_code``), ``invitation.NotAnInvitation``
(``not_an_invitation``), ``invitation.InvitationUsed`` (``invitation_used``),
``FolderUnavailable``, ``InvitationUnreadable``, ``AlreadyShared``, ``NotShared``.
Nothing here ever logs or returns a member's name except ``conflicts`` (values for the
facilitator's eyes, in the window only).

What is shared: members of the group (personal fields sealed per member), the group's
settings (name, day, time, place, agenda, agreements, crisis resources, escalation steps,
mood and wellbeing scales: per field the newest change wins), meetings by group, date and
slot (opened, ended, discarded: a discard deletes the meeting and everything in it on
every laptop, except what another laptop recorded into it without having seen the
discard, which keeps the meeting), attendance (present wins unless corrected), walk-in
and safety-concern counts, moods, goals (their texts sealed under the member's key) and
their reviews, skill shares, wellbeing answers (add-only records, removals are
tombstones), forgetting. Not shared: safety notes, the meeting timer, goals of people who
are not shared members of the group. Never shared: backups, settings, passphrases,
recovery keys, this laptop's signing key.

Compaction: once every other laptop of the group has applied ``COMPACT_AFTER`` of this
laptop's change files, the sync replaces them with one snapshot file (changes this laptop
itself replaced later left out) and deletes them; a laptop that joins later reads the
snapshot. A laptop that has not published what it applied (older versions) holds it back.

``new_invitation(group_id, invitation_path)`` invites one more laptop into a group shared
already: each invitation lets one laptop join (see ``join`` for the limits).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from groupkeeper.model import Group
from groupkeeper.storage.errors import KnownError
from groupkeeper.storage.sync import SharedGroupRecord, SyncRepo
from groupkeeper.sync import changefile, invitation, link
from groupkeeper.sync.identity import DeviceIdentity
from groupkeeper.sync.merge import MEMBER_FIELDS
from groupkeeper.sync.replica import Replica, SyncReport

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store

log = logging.getLogger(__name__)

#: A laptop replaces its change files with a snapshot once every other laptop has applied
#: at least this many of them (beyond its last snapshot).
COMPACT_AFTER = 50

#: Largest invitation file read (a real one is well under 1 KB).
MAX_INVITATION = 64 * 1024


class FolderUnavailable(KnownError):
    """The shared folder cannot be reached or written just now (USB stick not plugged in?)."""

    code = "sync_folder_unavailable"


class InvitationUnreadable(KnownError):
    """The invitation file cannot be read."""

    code = "invitation_unreadable"


class AlreadyShared(KnownError):
    """This group is already shared from this vault."""

    code = "already_shared"


class NotShared(KnownError):
    """This group is not shared."""

    code = "not_shared"


class LaptopNotRemovable(KnownError):
    """That laptop cannot be removed (unknown, already removed, or another laptop of the
    group has not synced since this app version and published no key to receive)."""

    code = "laptop_not_removable"


# --- what the methods return ----------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """A file in the shared folder that was refused (nothing from it applied).

    ``path`` is relative to the shared folder (group id / device id / file name: ids
    only); ``reason`` a code: ``truncated``, ``malformed``, ``wrong-place``,
    ``foreign-signature``, ``bad-signature``, ``unreadable``, ``too-large``,
    ``unavailable`` (see ``changefile.RefusedFile``).
    """

    path: str
    reason: str


@dataclass(frozen=True)
class SyncSummary:
    """What one sync did, over every shared group (counts and ids only, never names).

    Attributes:
        groups: shared groups synced.
        changes_sent: this laptop's changes written to the shared folders.
        files_received: other laptops' change files applied.
        changes_received: the changes in them.
        records_changed: rows of this vault changed by them (members, meetings,
            attendance, counts).
        refused: files refused, with the reason (nothing from them applied).
        conflicts: member fields edited on two laptops without seeing each other, waiting
            for the facilitator (over every shared group, not only new ones).
        unavailable: shared groups whose folder could not be reached (nothing done).
    """

    groups: int = 0
    changes_sent: int = 0
    files_received: int = 0
    changes_received: int = 0
    records_changed: int = 0
    refused: tuple[Refusal, ...] = ()
    conflicts: int = 0
    unavailable: int = 0

    def __add__(self, other: SyncSummary) -> SyncSummary:
        return SyncSummary(
            self.groups + other.groups,
            self.changes_sent + other.changes_sent,
            self.files_received + other.files_received,
            self.changes_received + other.changes_received,
            self.records_changed + other.records_changed,
            self.refused + other.refused,
            self.conflicts + other.conflicts,
            self.unavailable + other.unavailable,
        )

    def lines(self) -> list[str]:
        """What it did, in English sentences for the command line."""
        out = [
            f"Shared groups synced: {self.groups}",
            f"Changes sent: {self.changes_sent}",
            f"Changes received: {self.changes_received} (in {self.files_received} files)",
            f"Records updated in this vault: {self.records_changed}",
        ]
        if self.unavailable:
            out.append(f"Shared folders not reachable: {self.unavailable}")
        for refusal in self.refused:
            out.append(f"Refused (nothing applied): {refusal.path} ({refusal.reason})")
        if self.conflicts:
            out.append(f"Conflicts to settle: {self.conflicts}")
        return out


@dataclass(frozen=True)
class ShareResult:
    """What ``share_group`` did. ``code`` is the one-time code to read out or type on the
    other laptop; it is written nowhere."""

    group_id: int
    group_uuid: str
    code: str
    invitation_path: Path
    folder: Path
    summary: SyncSummary


@dataclass(frozen=True)
class Laptop:
    """Another laptop seen in a shared group. ``name`` is what it chose to show ("" when
    none); ``last_change_at`` the time of its newest change applied here (UTC)."""

    device_id: str
    name: str
    last_change_at: datetime | None


@dataclass(frozen=True)
class SharedGroupStatus:
    """One shared group as Home shows it.

    Attributes:
        group_id: the local group (None if it was deleted here).
        group_uuid: the id every laptop knows the group by.
        folder: the shared folder on this laptop.
        folder_available: whether it can be reached now.
        last_sync_at: when this laptop last synced it (UTC), None before the first sync.
        laptops: the *other* laptops seen (from their published keyrings or changes).
        pending: this laptop's changes captured but not yet written to the folder.
        unseen_by_others: this laptop's written changes some other laptop has not applied
            (changes, like ``pending``, not files).
        warnings: files refused at the last sync.
        conflicts: member fields waiting to be settled.
        removed_here: another laptop removed this one from the group (it reads nothing
            new; what it has stays).
    """

    group_id: int | None
    group_uuid: str
    folder: Path
    folder_available: bool
    last_sync_at: datetime | None
    laptops: tuple[Laptop, ...]
    pending: int
    unseen_by_others: int
    warnings: tuple[Refusal, ...]
    conflicts: int
    removed_here: bool = False


@dataclass(frozen=True)
class Conflict:
    """A member field edited on two laptops without either seeing the other's edit.

    ``current`` is the value in force (the newest edit), ``others`` the values that lost;
    ``resolve_conflict`` with any value settles it everywhere. ``member_id`` is the local
    member (None if not in this vault). Values are personal: show them, never log them.
    """

    group_id: int
    member_id: int | None
    member_uuid: str
    field: str
    current: Any
    others: tuple[Any, ...] = ()


# --- the service ------------------------------------------------------------------------


def _ms_to_datetime(ms: int | None) -> datetime | None:
    return datetime.fromtimestamp(ms / 1000, UTC) if ms else None


class SyncService:
    """Sharing groups of the vault behind ``store`` (see the module docstring).

    Args:
        store: the vault's store, over the calling thread's own connection.
        now_ms: wall clock in milliseconds for change stamps (tests pass a fake one).
        today: today's date (kept for callers; a received meeting is open until some
            laptop ends it, as ending travels now).
    """

    def __init__(
        self,
        store: Store,
        *,
        now_ms: Callable[[], int] | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.store = store
        self.repo = SyncRepo(store)
        self._now_ms = now_ms
        self._today = today

    # --- helpers ------------------------------------------------------------------------

    def _identity(self) -> DeviceIdentity:
        return DeviceIdentity(self.repo.ensure_device_key(DeviceIdentity.generate().private_key))

    def _replica(self, identity: DeviceIdentity, record: SharedGroupRecord) -> Replica:
        replica = Replica.from_data(identity, record.data, self._now_ms)
        replica.name = self.repo.device_name()
        return replica

    @staticmethod
    def _usable_folder(folder: Path) -> Path:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FolderUnavailable() from exc
        if not folder.is_dir():
            raise FolderUnavailable()
        return folder

    def _record(self, group_id: int) -> SharedGroupRecord:
        record = self.repo.group_of(group_id)
        if record is None:
            raise NotShared()
        return record

    # --- sharing and joining ------------------------------------------------------------

    def is_shared(self, group_id: int) -> bool:
        """True if the local group ``group_id`` is shared."""
        return self.repo.group_of(group_id) is not None

    def share_group(self, group_id: int, folder: Path, invitation_path: Path) -> ShareResult:
        """Start sharing a group: write the invitation, save the group's key, first sync.

        Args:
            group_id: the local group.
            folder: the shared folder (created if missing).
            invitation_path: where to write the invitation file (an existing invitation
                there is replaced; any other existing file is left alone: error).

        Raises:
            KeyError: no such group.
            AlreadyShared: the group is shared already.
            FolderUnavailable: the shared folder cannot be created or written.
            FileProblem: the invitation cannot be written (nothing was shared).
        """

        group = self.store.groups.get(group_id)
        if self.repo.group_of(group_id) is not None:
            raise AlreadyShared()
        folder = self._usable_folder(Path(folder))
        invitation_path = Path(invitation_path)
        identity = self._identity()
        group_uuid = self.repo.uuid_of("groups", group_id)
        key = changefile.new_key()
        code, invitation_id = self._write_invitation(
            invitation_path, group_uuid, group.name, key, identity
        )
        replica = Replica(identity, group_uuid, key, self._now_ms)
        replica.issued.append(invitation_id)
        # Every setting of the group goes out with the first sync.
        local: dict[str, Any] = {"group": {}}
        self.repo.save_group(group_uuid, group_id, str(folder), replica.to_data(), local=local)
        summary = self.sync_group(group_id)
        return ShareResult(group_id, group_uuid, code, invitation_path, folder, summary)

    @staticmethod
    def _write_invitation(
        path: Path, group_uuid: str, name: str, key: bytes, identity: DeviceIdentity
    ) -> tuple[str, str]:
        """Write an invitation file; returns its code and its id.

        Raises:
            FileProblem: it cannot be written (an existing file that is not an invitation
                is never replaced).
        """
        from groupkeeper.storage.errors import file_problem

        code, invitation_id = invitation.new_code(), invitation.new_invitation_id()
        data = invitation.write(
            invitation.Invitation(
                group_uuid, name, key, identity.device_id, identity.public_key, invitation_id
            ),
            code,
        )
        try:
            if path.exists() and not _is_invitation(path):
                raise FileExistsError(17, "exists", str(path))
            changefile.replace_file(path, data)
        except OSError as exc:
            raise file_problem(exc, path, writing=True) from exc
        return code, invitation_id

    def new_invitation(self, group_id: int, invitation_path: Path) -> ShareResult:
        """Invite one more laptop into a group shared already: a new invitation file
        with a new one-time code (each invitation lets one laptop join). Any laptop of
        the group can invite; it removes a second laptop that joins with the same
        invitation (see ``join``).

        Raises:
            NotShared: the group is not shared.
            FileProblem: the invitation cannot be written (nothing changed).
        """
        record = self._record(group_id)
        identity = self._identity()
        group = self.store.groups.get(group_id)
        invitation_path = Path(invitation_path)
        with self.repo.locked():
            record = self._record(group_id)
            replica = self._replica(identity, record)
            if replica.removed_here:
                raise NotShared()
            code, invitation_id = self._write_invitation(
                invitation_path, record.group_uuid, group.name, replica.group_key, identity
            )
            replica.issued.append(invitation_id)
            self.repo.save_group(record.group_uuid, group_id, record.folder, replica.to_data())
        summary = self.sync_group(group_id)
        return ShareResult(
            group_id, record.group_uuid, code, invitation_path, Path(record.folder), summary
        )

    def join(self, invitation_path: Path, code: str, folder: Path) -> int:
        """Join a shared group into this vault; returns the new local group's id.

        The invitation is opened before anything changes: a wrong code, a damaged or
        foreign file changes nothing.

        An invitation lets one laptop join: the joining laptop publishes the
        invitation's id in the shared folder, and a second laptop that tries the same
        invitation finds it there and is refused (``invitation.InvitationUsed``). The
        limits, said plainly: this laptop can only see joins that have reached its copy
        of the shared folder. If two laptops join with one invitation before either
        join has reached the other (a folder not synced yet), both get in; every laptop
        then refuses the later one's changes (by join time), and the laptop that wrote
        the invitation removes it from the group at its next sync (a new group key).
        What the later laptop read in between stays on it, as with any removed laptop.
        Invitations written before this rule carry no id and are not single-use.

        Raises:
            InvitationUnreadable: the file cannot be read.
            invitation.NotAnInvitation: it is not an invitation.
            invitation.WrongCode: the code does not open it.
            invitation.InvitationUsed: another laptop has joined with it already.
            AlreadyShared: this vault has that group already (it shared it, or joined).
            FolderUnavailable: the shared folder cannot be created or reached.
        """
        opened = open_invitation(Path(invitation_path), code)
        try:
            self.repo.group(opened.group)
        except KeyError:
            pass
        else:
            raise AlreadyShared()
        if self.repo.id_of("groups", opened.group) is not None:
            raise AlreadyShared()
        if opened.invitation_id and _invitation_used(Path(folder), opened):
            raise invitation.InvitationUsed()
        folder = self._usable_folder(Path(folder))
        identity = self._identity()
        with self.repo.locked():
            from groupkeeper import agenda

            group = self.store.groups.add(agenda.fill_from_template(Group(name=opened.group_name)))
            group_id = int(group.id or 0)
            self.repo.set_uuid("groups", group_id, opened.group)
            replica = Replica(identity, opened.group, opened.group_key, self._now_ms)
            replica.join_with(opened.invitation_id)
            # The new group's own settings (a template's agenda) are not news for the
            # others: only what is changed here after joining goes out.
            local = {"group": link.group_values(self.store, group_id)}
            self.repo.save_group(
                opened.group, group_id, str(folder), replica.to_data(), local=local
            )
        self.sync_group(group_id)
        return group_id

    def stop_sharing(self, group_id: int) -> None:
        """Stop sharing a group on this laptop: its key and shared state are deleted from
        the vault; the group and everything in its tables stay. Files this laptop wrote
        stay in the shared folder (other laptops keep what they have)."""
        record = self._record(group_id)
        self.repo.forget_group(record.group_uuid)

    def set_laptop_name(self, name: str) -> None:
        """The name the other laptops show for this one (published at the next sync)."""
        self._identity()
        self.repo.set_device_name(name.strip()[:100])

    # --- syncing ------------------------------------------------------------------------

    def sync_once(self) -> SyncSummary:
        """Sync every shared group once (see the module docstring)."""
        total = SyncSummary()
        for group_id in self.repo.shared_group_ids():
            total = total + self.sync_group(group_id)
        return total

    def sync_group(
        self, group_id: int, *, settle: Callable[[Replica], None] | None = None
    ) -> SyncSummary:
        """Sync one shared group (``settle`` records a resolution after the capture).

        A folder that cannot be reached is counted in ``unavailable``: this laptop's
        changes are captured and kept in the vault for the next time, nothing is read.
        """
        # The group's state (megabytes of JSON for a group with years of meetings) is
        # read once, under the lock: the operation runs in one transaction, and every
        # extra read there keeps the GUI's check-ins waiting (bench_write_wait).
        shared = self.repo.folder_of(group_id)
        if shared is None:
            raise NotShared()
        folder = Path(shared)
        folder_ok = folder.is_dir()
        identity = self._identity()
        with self.repo.locked():
            # ``give_way``: until anything is written to the shared folder, a sync run in
            # the background rolls back for a waiting GUI write and starts again after it
            # (``ops.perform``), so a check-in waits for one step of a sync, not all of it.
            record = self._record(group_id)
            replica = self._replica(identity, record)
            self.store.give_way()
            local = dict(record.local)
            link.capture(self.store, self.repo, replica, group_id, record.group_uuid, local)
            if settle is not None:
                settle(replica)
            self.store.give_way()
            pulled = replica.pull(folder) if folder_ok else SyncReport()
            self.store.give_way()
            wrote = folder_ok and _remove_second_joiners(replica, folder)
            done = link.materialise(
                self.store, self.repo, replica, group_id, record.group_uuid, local
            )
            if not wrote:
                self.store.give_way()
            sent = len(replica.pending)
            if folder_ok:
                try:
                    replica.flush(folder)
                except OSError:
                    log.warning("The shared folder could not be written; changes kept for later")
                    folder_ok = False
            if folder_ok:
                try:
                    compacted = replica.compact(folder, COMPACT_AFTER)
                except OSError:
                    log.warning("This laptop's change files could not be compacted just now")
                else:
                    if compacted:
                        log.info("Compacted %d change files into a snapshot", compacted)
            if not folder_ok:
                sent = 0
            refused = tuple(Refusal(p, r) for p, r in pulled.refused)
            status = {
                "last_sync": datetime.now(UTC).isoformat(timespec="seconds")
                if folder_ok
                else record.status.get("last_sync"),
                "folder_ok": folder_ok,
                "refused": [[r.path, r.reason] for r in refused],
            }
            self.repo.save_group(
                record.group_uuid,
                group_id,
                record.folder,
                replica.to_data(),
                local=local,
                status=status,
            )
            conflicts = len(_conflicts(replica))
        log.info(
            "Synced a shared group: %d sent, %d received in %d files, %d refused",
            sent,
            pulled.entries,
            len(pulled.applied),
            len(refused),
        )
        return SyncSummary(
            groups=1,
            changes_sent=sent,
            files_received=len(pulled.applied),
            changes_received=pulled.entries,
            records_changed=done.total,
            refused=refused,
            conflicts=conflicts,
            unavailable=0 if folder_ok else 1,
        )

    # --- what Home and the Conflicts list show -------------------------------------------

    def status(self) -> list[SharedGroupStatus]:
        """Every shared group of this vault, as Home shows it (reads only)."""
        key = self.repo.device_key()
        if key is None:
            return []
        identity = DeviceIdentity(key)
        result = []
        for record in self.repo.groups():
            replica = Replica.from_data(identity, record.data)
            devices = sorted(
                (set(replica.peers) | set(replica.last_change))
                - {replica.device}
                - set(replica.removed)
                - set(replica.second_joiners())
            )
            laptops = tuple(
                Laptop(
                    d,
                    str(replica.peers.get(d, {}).get("name", "")),
                    _ms_to_datetime(replica.last_change.get(d)),
                )
                for d in devices
            )
            last = record.status.get("last_sync")
            folder = Path(record.folder)
            result.append(
                SharedGroupStatus(
                    group_id=record.group_id,
                    group_uuid=record.group_uuid,
                    folder=folder,
                    folder_available=folder.is_dir(),
                    last_sync_at=datetime.fromisoformat(last) if last else None,
                    laptops=laptops,
                    pending=len(replica.pending),
                    unseen_by_others=replica.unseen_own_changes(),
                    warnings=tuple(Refusal(p, r) for p, r in record.status.get("refused", [])),
                    conflicts=len(_conflicts(replica)),
                    removed_here=replica.removed_here,
                )
            )
        return result

    def remove_laptop(self, group_id: int, device_id: str) -> SyncSummary:
        """Remove another laptop (``Laptop.device_id`` from ``status``) from a shared
        group, then sync (see the module docstring).

        Raises:
            NotShared: the group is not shared.
            FolderUnavailable: the shared folder cannot be reached (nothing changed).
            LaptopNotRemovable: see the class.
        """
        record = self._record(group_id)
        folder = Path(record.folder)
        if not folder.is_dir():
            raise FolderUnavailable()
        problem: list[KnownError] = []

        def settle(replica: Replica) -> None:
            try:
                replica.remove_device(device_id, folder)
            except (KeyError, ValueError):
                problem.append(LaptopNotRemovable())
            except OSError:
                problem.append(FolderUnavailable())

        summary = self.sync_group(group_id, settle=settle)
        if problem:
            raise problem[0]
        return summary

    def conflicts(self, group_id: int) -> list[Conflict]:
        """The member fields of a shared group waiting to be settled (values are
        personal: for the window only)."""
        record = self._record(group_id)
        identity = self._identity()
        replica = self._replica(identity, record)
        result = []
        for (member, name), lost in sorted(_conflicts(replica).items()):
            try:
                current = replica.state.member(member, replica.open_sealed).get(name)
            except (LookupError, ValueError):
                continue
            result.append(
                Conflict(
                    group_id,
                    self.repo.id_of("members", member),
                    member,
                    name,
                    current,
                    tuple(lost),
                )
            )
        return result

    def resolve_conflict(
        self, group_id: int, member_uuid: str, field_name: str, value: Any
    ) -> None:
        """Settle a conflict with ``value`` (the current one, a lost one or a new one): it
        wins on every laptop, the tables get it now, the others at their next sync.

        Raises:
            NotShared: the group is not shared.
            KeyError: ``field_name`` is not a shared member field.
        """
        if field_name not in MEMBER_FIELDS:
            raise KeyError(field_name)

        def settle(replica: Replica) -> None:
            if member_uuid in replica.member_keys:
                replica.set_field(member_uuid, field_name, value)

        self.sync_group(group_id, settle=settle)


def _conflicts(replica: Replica) -> dict[tuple[str, str], list[Any]]:
    def opener(member: str, name: str, stamp: list[object], sealed: str) -> Any:
        try:
            return replica.open_sealed(member, name, stamp, sealed)
        except (LookupError, ValueError):
            return None

    return replica.state.conflicts(opener)


def open_invitation(path: Path, code: str, folder: Path | None = None) -> invitation.Invitation:
    """Read and open an invitation file with its code, changing nothing; with the shared
    ``folder``, also check that no laptop has joined with it already.

    Raises:
        InvitationUnreadable: the file cannot be read.
        invitation.NotAnInvitation: it is not an invitation.
        invitation.WrongCode: the code does not open it.
        invitation.InvitationUsed: another laptop has joined with it (seen in ``folder``).
    """
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_INVITATION + 1)
    except OSError as exc:
        raise InvitationUnreadable() from exc
    if len(data) > MAX_INVITATION:
        raise invitation.NotAnInvitation()
    opened = invitation.read(data, code)
    if not changefile.valid_id(opened.group):
        raise invitation.NotAnInvitation()
    if folder is not None and opened.invitation_id and _invitation_used(folder, opened):
        raise invitation.InvitationUsed()
    return opened


def _invitation_used(folder: Path, opened: invitation.Invitation) -> bool:
    """True if a laptop has published in ``folder`` that it joined with ``opened``."""
    for _, path in changefile.keyrings(folder, opened.group):
        try:
            payload = changefile.open_file(
                changefile.read_limited(path),
                opened.group_key,
                path=path,
                kind=changefile.KIND_KEYS,
                group=opened.group,
            ).payload
        except changefile.RefusedFile:
            continue  # not readable with this invitation's key: says nothing
        joined = payload.get("joined") if isinstance(payload, dict) else None
        if isinstance(joined, dict) and joined.get("invitation") == opened.invitation_id:
            return True
    return False


def _remove_second_joiners(replica: Replica, folder: Path) -> bool:
    """The laptop that wrote an invitation removes a second laptop that joined with it
    (a new group key: it reads nothing new; the others already refuse its changes).
    True if it tried (files in the shared folder may have changed)."""
    tried = False
    for device, invitation_id in sorted(replica.second_joiners().items()):
        if invitation_id not in replica.issued or device in replica.removed:
            continue
        tried = True
        try:
            replica.remove_device(device, folder)
        except (KeyError, ValueError, OSError):
            log.warning("A laptop that joined with a used invitation could not be removed yet")
        else:
            log.warning("Removed a laptop that joined with an invitation used before")
    return tried


def _is_invitation(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(invitation.MAGIC)) == invitation.MAGIC
    except OSError:
        return False
