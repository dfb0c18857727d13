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
from datetime import datetime
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


@dataclass(frozen=True)
class Version:
    """One side of a conflict."""

    value: str
    laptop: str
    when: datetime | None


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

    def join(
        self, invitation: Path, code: str, folder: Path, on_done: Done, on_error: Failed
    ) -> None: ...

    def sync_now(self, on_done: Done, on_error: Failed) -> bool: ...

    def load_statuses(self, on_done: Done, on_error: Failed) -> bool: ...

    def conflicts(self, group_uuid: str) -> list[Conflict]: ...

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
    (they read and write the shared folder while holding the write lock); so does the
    status read for Home (on a read-only connection). The Conflicts list reads on the
    GUI's connection when it opens.
    """

    def __init__(self, services: Services) -> None:
        self.services = services
        self._conflicts: dict[tuple[str, str], tuple[int, str, str, tuple[Any, ...]]] = {}
        self._group_ids: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------------------
    def _service(self) -> Any:
        from groupkeeper.sync.service import SyncService

        return SyncService(self.services.store)

    def _run(self, op: Any, on_done: Done, on_error: Failed, *, quiet_if_unchanged: bool) -> bool:
        """Perform ``op`` on the worker's own writer connection; broadcast ``changed``.

        With ``quiet_if_unchanged`` a sync that changed no record is broadcast with no
        kinds, so open screens (a meeting in full swing) do not reload for nothing; the
        sync panel still hears of it.
        """
        from groupkeeper.ops import OpChanges, OpResult, perform

        vault = self.services.vault
        if vault is None or not self.services.is_unlocked:
            return False
        store = self.services.store

        def done(result: OpResult) -> None:
            if quiet_if_unchanged and not getattr(result.value, "records_changed", 1):
                result = OpResult(result.op, OpChanges(frozenset()), result.value)
            self.services.ops.changed.emit(result)
            on_done(result.value)

        worker.run_on_vault(vault, perform, store, op, write=True, on_done=done, on_error=on_error)
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
        self._run(op, lambda result: on_done(result.code), on_error, quiet_if_unchanged=False)

    def join(
        self, invitation: Path, code: str, folder: Path, on_done: Done, on_error: Failed
    ) -> None:
        import groupkeeper.ops.sync as sync_ops

        def joined(group_id: Any) -> None:
            name = ""
            if self.services.is_unlocked:
                name = self.services.store.groups.get(int(group_id)).name
            on_done(name)

        op = sync_ops.join(invitation=str(invitation), code=code, folder=str(folder))
        self._run(op, joined, on_error, quiet_if_unchanged=False)

    def sync_now(self, on_done: Done, on_error: Failed) -> bool:
        import groupkeeper.ops.sync as sync_ops

        def synced(summary: Any) -> None:
            on_done(
                SyncSummary(
                    written=summary.changes_sent,
                    applied=summary.changes_received,
                    refused=len(summary.refused),
                )
            )

        return self._run(sync_ops.sync_now(), synced, on_error, quiet_if_unchanged=True)

    def load_statuses(self, on_done: Done, on_error: Failed) -> bool:
        """Read every shared group's status in the worker (about 40 ms for a group with a
        year of meetings: too slow for the GUI thread on every Home refresh); ``on_done``
        gets the ``SharedGroupStatus`` list. False when locked (nothing will come)."""
        from groupkeeper.sync.service import SyncService

        vault = self.services.vault
        if vault is None or not self.services.is_unlocked:
            return False
        store = self.services.store

        def read() -> tuple[list[Any], dict[int, str]]:
            # In the worker: ``store`` follows the vault to the task's own connection.
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

        worker.run_on_vault(vault, read, on_done=done, on_error=on_error)
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
                )
            )
        return result

    def conflicts(self, group_uuid: str) -> list[Conflict]:
        if not self.services.is_unlocked:
            return []
        store = self.services.store
        group_id = self._group_uuid_to_id(group_uuid)
        someone = QCoreApplication.translate("sync", "A member")
        in_use = QCoreApplication.translate("sync", "in use now")
        other = QCoreApplication.translate("sync", "the other edit")
        result = []
        self._conflicts.clear()
        for c in self._service().conflicts(group_id):
            name = someone
            if c.member_id is not None:
                try:
                    name = store.members.get(c.member_id).display_name
                except KeyError:
                    name = someone
            values = (c.current, *c.others)
            conflict_id = f"{c.member_uuid}/{c.field}"
            self._conflicts[(group_uuid, conflict_id)] = (group_id, c.member_uuid, c.field, values)
            versions = tuple(
                Version(_shown(v), in_use if i == 0 else other, None) for i, v in enumerate(values)
            )
            result.append(Conflict(conflict_id, name, c.field, versions))
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
