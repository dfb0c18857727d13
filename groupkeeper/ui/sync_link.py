"""The screens' one way to the sync service: share, join, sync, status, conflicts, laptops.

The dialogs and Home's sync panel never call ``groupkeeper.sync`` themselves; they call a
``SyncLink`` (``for_services(services)``), which runs the facade
(``groupkeeper.sync.service.SyncService``) off the GUI thread on its own connection
(``ui.worker.run_on_vault``: never the GUI's connection), then tells every open screen what
changed through the operations runner's one ``changed`` signal. What the screens show is
the plain data below (no Qt, no personal data beyond what the facilitator already sees).

Tests hand a screen a stand-in with the same methods (``set_for_services``).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication

from groupkeeper.ui import worker

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services


@dataclass(frozen=True)
class Laptop:
    """Another laptop (or this one) in a shared group."""

    device: str
    label: str  # "Sam's laptop", or a short device id when it has no name
    last_change: datetime | None = None
    this_laptop: bool = False


@dataclass(frozen=True)
class RefusedFile:
    """A file in the shared folder that was refused (nothing applied from it)."""

    path: str  # relative to the shared folder
    reason: str  # a stable code: "signature", "tampered", "foreign", "malformed"...


@dataclass(frozen=True)
class SharedGroupStatus:
    """What Home shows for one shared group."""

    group_uuid: str
    group_id: int | None
    group_name: str
    folder: str
    last_sync: datetime | None
    laptops: tuple[Laptop, ...]
    pending: int  # this laptop's changes not yet seen by every other laptop
    refused: tuple[RefusedFile, ...] = ()
    conflicts: int = 0
    folder_missing: bool = False
    removed_here: bool = False  # another laptop removed this one: it reads nothing new


@dataclass(frozen=True)
class Version:
    """One side of a conflict: the value, the laptop that made the edit and when."""

    value: str
    laptop: str  # "Sam's laptop", a short device id when it has no name, or "" for this one
    when: datetime | None
    this_laptop: bool = False
    in_use: bool = False  # the value the tables hold until the facilitator chooses


@dataclass(frozen=True)
class Conflict:
    """Two (or more) edits of one member field made without seeing each other."""

    conflict_id: str
    member: str  # the member's display name as this laptop knows it
    field: str  # a stable field code ("phone", "display_name"...)
    versions: tuple[Version, ...]


@dataclass(frozen=True)
class SyncSummary:
    """What one sync did (counts only)."""

    written: int = 0
    applied: int = 0
    refused: int = 0
    groups: tuple[str, ...] = field(default_factory=tuple)  # shared group uuids synced


Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class SyncLinkLike(Protocol):
    """What the screens use (the real ``SyncLink`` and the tests' stand-ins)."""

    def share(
        self, group_id: int, folder: Path, invitation: Path, on_done: Done, on_error: Failed
    ) -> None: ...

    def invite(self, group_id: int, invitation: Path, on_done: Done, on_error: Failed) -> None: ...

    def join(
        self, invitation: Path, code: str, folder: Path, on_done: Done, on_error: Failed
    ) -> None: ...

    def sync_now(self, on_done: Done, on_error: Failed) -> bool: ...

    def load_statuses(self, on_done: Done, on_error: Failed) -> bool: ...

    def load_conflicts(self, group_uuid: str, on_done: Done, on_error: Failed) -> bool: ...

    def resolve(
        self, group_uuid: str, conflict_id: str, keep: int, on_done: Done, on_error: Failed
    ) -> None: ...

    def forget_conflicts(self) -> None: ...

    def laptop_name(self) -> str: ...

    def set_laptop_name(self, name: str, on_done: Done, on_error: Failed) -> None: ...

    def remove_laptop(
        self, group_uuid: str, device: str, on_done: Done, on_error: Failed
    ) -> None: ...


_links: weakref.WeakKeyDictionary[Services, SyncLinkLike] = weakref.WeakKeyDictionary()


def for_services(services: Services) -> SyncLinkLike:
    """The link of ``services`` (made on first use)."""
    link = _links.get(services)
    if link is None:
        link = SyncLink(services)
        _links[services] = link
    return link


def set_for_services(services: Services, link: SyncLinkLike | None) -> None:
    """Use ``link`` for ``services`` (tests); ``None`` goes back to the real one."""
    if link is None:
        _links.pop(services, None)
    else:
        _links[services] = link


class SyncLink:
    """The real link over ``groupkeeper.sync.service`` (see the module docstring).

    Share, join, sync and settling a conflict run as ``sync.*`` operations in the worker
    (they read and write the shared folder while holding the write lock); so do the
    status read for Home and the Conflicts list's read (on a read-only connection).

    Every answer goes back to the screen whose bound method is the callback: the worker
    drops it once that screen is destroyed (``worker.owner_of``).
    """

    def __init__(self, services: Services) -> None:
        self.services = services
        self._conflicts: dict[tuple[str, str], tuple[int, str, str, tuple[Any, ...]]] = {}
        self._group_ids: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------------------
    def _run(
        self,
        op: Any,
        on_done: Done,
        on_error: Failed,
        *,
        quiet_if_unchanged: bool,
        shape: Callable[[Any], Any] | None = None,
    ) -> bool:
        """Perform ``op`` on the worker's own writer connection; broadcast ``changed``;
        answer ``on_done`` with the operation's value (through ``shape``, in the GUI
        thread, if given).

        With ``quiet_if_unchanged`` a sync that changed no record is broadcast with no
        kinds, so open screens (a meeting in full swing) do not reload for nothing; the
        sync panel still hears of it.
        """
        from groupkeeper.ops import OpChanges, OpResult, perform

        vault = self.services.vault
        if vault is None or not self.services.is_unlocked:
            return False
        store = self.services.store
        # Every open screen hears of the change even when the one that asked has gone
        # meanwhile (a dialog closed at once); only that screen's answer is dropped then.
        owner = worker.owner_of(on_done, on_error)
        answer = worker.guarded(on_done, owner)

        def done(result: OpResult) -> None:
            if quiet_if_unchanged and not getattr(result.value, "records_changed", 1):
                result = OpResult(result.op, OpChanges(frozenset()), result.value)
            self.services.ops.changed.emit(result)
            answer(shape(result.value) if shape is not None else result.value)

        worker.run_on_vault(
            vault,
            perform,
            store,
            op,
            write=True,
            on_done=done,
            on_error=worker.guarded(on_error, owner),
        )
        return True

    def _group_uuid_to_id(self, group_uuid: str) -> int:
        """The local group of a shared group shown by the last ``load_statuses``."""
        from groupkeeper.sync.service import NotShared

        if group_uuid not in self._group_ids:
            raise NotShared()
        return self._group_ids[group_uuid]

    # -- what the screens call ---------------------------------------------------------
    def share(
        self, group_id: int, folder: Path, invitation: Path, on_done: Done, on_error: Failed
    ) -> None:
        import groupkeeper.ops.sync as sync_ops

        op = sync_ops.share(group_id=group_id, folder=str(folder), invitation=str(invitation))
        self._run(op, on_done, on_error, quiet_if_unchanged=False, shape=lambda result: result.code)

    def invite(self, group_id: int, invitation: Path, on_done: Done, on_error: Failed) -> None:
        """A new invitation for one more laptop (a group shared already); ``on_done``
        gets its one-time code."""
        import groupkeeper.ops.sync as sync_ops

        op = sync_ops.invite(group_id=group_id, invitation=str(invitation))
        self._run(op, on_done, on_error, quiet_if_unchanged=False, shape=lambda result: result.code)

    def join(
        self, invitation: Path, code: str, folder: Path, on_done: Done, on_error: Failed
    ) -> None:
        import groupkeeper.ops.sync as sync_ops

        def joined(group_id: Any) -> str:
            if self.services.is_unlocked:
                return self.services.store.groups.get(int(group_id)).name
            return ""

        op = sync_ops.join(invitation=str(invitation), code=code, folder=str(folder))
        self._run(op, on_done, on_error, quiet_if_unchanged=False, shape=joined)

    def sync_now(self, on_done: Done, on_error: Failed) -> bool:
        import groupkeeper.ops.sync as sync_ops

        def synced(summary: Any) -> SyncSummary:
            return SyncSummary(
                written=summary.changes_sent,
                applied=summary.changes_received,
                refused=len(summary.refused),
            )

        return self._run(
            sync_ops.sync_now(), on_done, on_error, quiet_if_unchanged=True, shape=synced
        )

    def load_statuses(self, on_done: Done, on_error: Failed) -> bool:
        """Read every shared group's status in the worker (about 40 ms for a group with a
        year of meetings: too slow for the GUI thread on every Home refresh); ``on_done``
        gets the ``SharedGroupStatus`` list. False when locked (nothing will come).

        A vault that never shared or joined a group has no device key, and the service
        would answer ``[]``: that is found out without importing the sync stack (its
        modules and ``cryptography``'s key types, about 4 MB held for the whole session:
        bench/bench_memory.py)."""
        vault = self.services.vault
        if vault is None or not self.services.is_unlocked:
            return False
        store = self.services.store

        def read() -> tuple[list[Any], dict[int, str]]:
            # In the worker: ``store`` follows the vault to the task's own connection.
            from groupkeeper.storage.sync import SyncRepo

            if SyncRepo(store).device_key() is None:
                return [], {}
            from groupkeeper.sync.service import SyncService

            raw = SyncService(store).status()
            names = {}
            for status in raw:
                if status.group_id is not None:
                    try:
                        names[status.group_id] = store.groups.get(status.group_id).name
                    except KeyError:
                        continue  # deleted here meanwhile
            return raw, names

        def done(value: tuple[list[Any], dict[int, str]]) -> None:
            on_done(self._views(*value))

        worker.run_on_vault(
            vault, read, on_done=done, on_error=on_error, owner=worker.owner_of(on_done, on_error)
        )
        return True

    def _views(self, raw: list[Any], names: dict[int, str]) -> list[SharedGroupStatus]:
        this = QCoreApplication.translate("sync", "This laptop")
        result = []
        self._group_ids = {}
        for status in raw:
            if status.group_id is None or status.group_id not in names:
                continue  # the group was deleted here; nothing to show on Home
            self._group_ids[status.group_uuid] = int(status.group_id)
            others = tuple(
                Laptop(lap.device_id, lap.name or _unnamed(lap.device_id), lap.last_change_at)
                for lap in status.laptops
            )
            result.append(
                SharedGroupStatus(
                    group_uuid=status.group_uuid,
                    group_id=status.group_id,
                    group_name=names[status.group_id],
                    folder=str(status.folder),
                    last_sync=status.last_sync_at,
                    laptops=(Laptop("", this, None, True), *others),
                    pending=status.pending + status.unseen_by_others,
                    refused=tuple(RefusedFile(w.path, w.reason) for w in status.warnings),
                    conflicts=status.conflicts,
                    folder_missing=not status.folder_available,
                    removed_here=status.removed_here,
                )
            )
        return result

    def load_conflicts(self, group_uuid: str, on_done: Done, on_error: Failed) -> bool:
        """Read a shared group's conflicts in the worker (on its own read-only connection);
        ``on_done`` gets the ``Conflict`` list, each side with the laptop that made the
        edit and when. False when locked (nothing will come)."""
        vault = self.services.vault
        if vault is None or not self.services.is_unlocked:
            return False
        group_id = self._group_uuid_to_id(group_uuid)
        store = self.services.store

        def done(found: list[RawConflict]) -> None:
            on_done(self._conflict_views(group_uuid, group_id, found))

        worker.run_on_vault(
            vault,
            read_conflicts,
            store,
            group_id,
            on_done=done,
            on_error=on_error,
            owner=worker.owner_of(on_done, on_error),
        )
        return True

    def _conflict_views(
        self, group_uuid: str, group_id: int, found: list[RawConflict]
    ) -> list[Conflict]:
        someone = QCoreApplication.translate("sync", "A member")
        result = []
        self._conflicts.clear()
        for c in found:
            conflict_id = f"{c.member_uuid}/{c.field}"
            values = tuple(side.value for side in c.sides)
            self._conflicts[(group_uuid, conflict_id)] = (group_id, c.member_uuid, c.field, values)
            versions = tuple(
                Version(
                    _shown(side.value),
                    "" if side.this_laptop else side.laptop_name or _unnamed(side.device),
                    side.when,
                    this_laptop=side.this_laptop,
                    in_use=index == 0,
                )
                for index, side in enumerate(c.sides)
            )
            result.append(Conflict(conflict_id, c.member_name or someone, c.field, versions))
        return result

    def forget_conflicts(self) -> None:
        """Drop the conflicting values kept for ``resolve`` (personal: the list closed)."""
        self._conflicts.clear()

    def resolve(
        self, group_uuid: str, conflict_id: str, keep: int, on_done: Done, on_error: Failed
    ) -> None:
        import groupkeeper.ops.sync as sync_ops

        group_id, member_uuid, field_name, values = self._conflicts[(group_uuid, conflict_id)]
        op = sync_ops.resolve(
            group_id=group_id, member_uuid=member_uuid, field=field_name, value=values[keep]
        )
        self._run(op, on_done, on_error, quiet_if_unchanged=False)

    def laptop_name(self) -> str:
        """The name this laptop shows the others ("" before one is chosen)."""
        from groupkeeper.storage.sync import SyncRepo

        if not self.services.is_unlocked:
            return ""
        return SyncRepo(self.services.store).device_name()

    def set_laptop_name(self, name: str, on_done: Done, on_error: Failed) -> None:
        import groupkeeper.ops.sync as sync_ops

        self._run(sync_ops.set_laptop_name(name=name), on_done, on_error, quiet_if_unchanged=False)

    def remove_laptop(self, group_uuid: str, device: str, on_done: Done, on_error: Failed) -> None:
        import groupkeeper.ops.sync as sync_ops

        group_id = self._group_uuid_to_id(group_uuid)
        op = sync_ops.remove_laptop(group_id=group_id, device_id=device)
        self._run(op, on_done, on_error, quiet_if_unchanged=False)


@dataclass(frozen=True)
class RawSide:
    """One side of a conflict as read in the worker (no Qt, nothing translated)."""

    value: Any
    device: str
    laptop_name: str  # what that laptop published ("" when none)
    this_laptop: bool
    when: datetime | None


@dataclass(frozen=True)
class RawConflict:
    """A conflict as read in the worker: the value in force first, then the others."""

    member_uuid: str
    member_name: str  # "" when the member is not in this vault
    field: str
    sides: tuple[RawSide, ...]


def read_conflicts(store: Any, group_id: int) -> list[RawConflict]:
    """The conflicts of a shared group with who made each side and when (runs in the
    worker, on the task's read-only connection: it writes nothing).

    The service's ``conflicts`` gives the values without their laptops and needs a
    writer (it makes sure a device key exists); this reads the same merge state, with each
    edit's stamp (device and wall-clock time) beside its value. A side whose value equals
    the one in force is not a choice and is left out, as the service does.
    """
    from groupkeeper.storage.sync import SyncRepo
    from groupkeeper.sync.hlc import Stamp
    from groupkeeper.sync.identity import DeviceIdentity
    from groupkeeper.sync.replica import Replica

    repo = SyncRepo(store)
    record = repo.group_of(group_id)
    key = repo.device_key()
    if record is None or key is None:
        from groupkeeper.sync.service import NotShared

        raise NotShared()
    replica = Replica.from_data(DeviceIdentity(key), record.data)

    def opener(member: str, name: str, stamp: list[object], sealed: str) -> Any:
        try:
            return replica.open_sealed(member, name, stamp, sealed)
        except (LookupError, ValueError):
            return None

    wanted = set(replica.state.conflicts(opener))
    result = []
    for register in replica.state.to_data()["registers"]:
        heads = register["heads"]
        first = heads[0]
        if (first["member"], first["field"]) not in wanted:
            continue
        sides: list[RawSide] = []
        for entry in sorted(heads, key=lambda e: Stamp.from_json(e["stamp"]), reverse=True):
            stamp = Stamp.from_json(entry["stamp"])
            value = (
                opener(entry["member"], entry["field"], entry["stamp"], entry["sealed"])
                if "sealed" in entry
                else entry.get("value")
            )
            if any(side.value == value for side in sides):
                continue  # the same value twice is one choice (the newest edit of it)
            peer = replica.peers.get(stamp.device, {})
            sides.append(
                RawSide(
                    value,
                    stamp.device,
                    str(peer.get("name", "") or ""),
                    stamp.device == replica.device,
                    datetime.fromtimestamp(stamp.wall_ms / 1000, UTC) if stamp.wall_ms else None,
                )
            )
        if len(sides) < 2:
            continue
        member_id = repo.id_of("members", first["member"])
        name = ""
        if member_id is not None:
            try:
                name = store.members.get(member_id).display_name
            except KeyError:
                name = ""
        result.append(RawConflict(first["member"], name, first["field"], tuple(sides)))
    result.sort(key=lambda c: (c.member_name.casefold(), c.member_uuid, c.field))
    return result


def _unnamed(device: str) -> str:
    return QCoreApplication.translate("sync", "Laptop %1").replace("%1", device[:6].upper())


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("sync", "ticked")
            if value
            else QCoreApplication.translate("sync", "not ticked")
        )
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
