"""Sharing operations: share a group, join one, sync now, settle a conflict (no Qt).

Each runs ``groupkeeper.sync.service.SyncService`` over the store it is performed on. They
read and write files in the shared folder while holding the write lock, so the window
runs them with ``OperationRunner.run_in_background`` (the worker's own connection), never
on the GUI thread's connection. Their results are the service's dataclasses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from groupkeeper.ops.base import Kind, operation

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store
    from groupkeeper.sync.service import ShareResult, SyncSummary

#: What travels between a shared group's laptops: everything a sync may change in the
#: tables, so also what makes an operation worth a sync (``ui.auto_sync``).
SHARED_KINDS = (
    Kind.GROUPS,
    Kind.MEMBERS,
    Kind.CONSENTS,
    Kind.MEETINGS,
    Kind.ATTENDANCE,
    Kind.MOODS,
    Kind.GOALS,
    Kind.SKILLS,
    Kind.WELLBEING,
)


def _service(store: Store) -> Any:
    from groupkeeper.sync.service import SyncService

    return SyncService(store)


@operation("sync.share", *SHARED_KINDS)
def share(store: Store, *, group_id: int, folder: str, invitation: str) -> ShareResult:
    """Start sharing a group through ``folder`` and write the invitation file; the
    result's ``code`` is the one-time code to read out (``SyncService.share_group``)."""
    result: ShareResult = _service(store).share_group(group_id, Path(folder), Path(invitation))
    return result


@operation("sync.invite", *SHARED_KINDS)
def invite(store: Store, *, group_id: int, invitation: str) -> ShareResult:
    """Invite one more laptop into a group shared already: a new invitation file and
    one-time code (``SyncService.new_invitation``)."""
    result: ShareResult = _service(store).new_invitation(group_id, Path(invitation))
    return result


@operation("sync.join", *SHARED_KINDS)
def join(store: Store, *, invitation: str, code: str, folder: str) -> int:
    """Join a shared group with its invitation file and code; returns the new local
    group's id. A wrong code changes nothing (``SyncService.join``)."""
    return int(_service(store).join(Path(invitation), code, Path(folder)))


@operation("sync.now", *SHARED_KINDS, may_give_way=True)
def sync_now(store: Store) -> SyncSummary:
    """Sync every shared group once (``SyncService.sync_once``). In the background it
    gives way to the GUI's writes (it writes to the shared folder only after its last
    safe point); sharing, joining and the others do not (they write files first)."""
    summary: SyncSummary = _service(store).sync_once()
    return summary


@operation("sync.resolve", *SHARED_KINDS)
def resolve(store: Store, *, group_id: int, member_uuid: str, field: str, value: Any) -> None:
    """Settle a conflict on a member field with ``value`` on every laptop."""
    _service(store).resolve_conflict(group_id, member_uuid, field, value)


@operation("sync.remove_laptop", *SHARED_KINDS)
def remove_laptop(store: Store, *, group_id: int, device_id: str) -> SyncSummary:
    """Remove another laptop from a shared group (the group key is replaced; what that
    laptop already has stays on it)."""
    summary: SyncSummary = _service(store).remove_laptop(group_id, device_id)
    return summary


@operation("sync.stop_sharing", Kind.GROUPS)
def stop_sharing(store: Store, *, group_id: int) -> None:
    """Stop sharing a group on this laptop (the group and its records stay)."""
    _service(store).stop_sharing(group_id)


@operation("sync.set_laptop_name", Kind.SETTINGS)
def set_laptop_name(store: Store, *, name: str) -> None:
    """The name other laptops show for this one."""
    _service(store).set_laptop_name(name)
