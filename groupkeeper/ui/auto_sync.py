"""Keeping shared groups in step while the vault is unlocked, without being asked.

``AutoSync(services)`` syncs (``SyncLink.sync_now``: the worker, its own connection,
never the GUI's) when:

* an operation changed shared data (a check-in, a member edit...): shortly after, so a
  burst of clicks is one sync;
* a shared folder changed (``QFileSystemWatcher`` on the folder, the group's folder and
  each laptop's folder in it; Syncthing or a USB stick delivering files), debounced
  because a sync tool writes a file in several steps;
* and every few minutes anyway (watchers miss changes on some network and USB file
  systems).

One sync runs at a time; a request during a sync runs once more after it. ``stop()``
(on lock) ends all of it; a sync still running then is dropped by the worker.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from groupkeeper.ops.sync import SHARED_KINDS
from groupkeeper.ui import sync_link, worker

if TYPE_CHECKING:
    from groupkeeper.ops import OpResult
    from groupkeeper.ui.services import Services

log = logging.getLogger(__name__)

AFTER_OP_MS = 1500
AFTER_FOLDER_MS = 2000
PERIODIC_MS = 3 * 60 * 1000


class AutoSync(QObject):
    """Runs the sync in the background while unlocked (see the module docstring)."""

    synced = Signal(object)  # the summary of each finished sync
    failed = Signal(object)  # a known error (a missing folder...): shown on Home

    def __init__(
        self,
        services: Services,
        parent: QObject | None = None,
        *,
        after_op_ms: int = AFTER_OP_MS,
        after_folder_ms: int = AFTER_FOLDER_MS,
        periodic_ms: int = PERIODIC_MS,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.running = False
        self.again = False
        self.stopped = False
        self.runs = 0
        self._shared = False
        self._reading = False
        self._roots: list[Path] = []
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._on_watcher_changed)
        self.watcher.fileChanged.connect(self._on_watcher_changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.timeout.connect(self.sync_now)
        self._after_op_ms = after_op_ms
        self._after_folder_ms = after_folder_ms
        self.periodic = QTimer(self)
        self.periodic.setInterval(periodic_ms)
        self.periodic.timeout.connect(self.sync_now)
        services.ops.changed.connect(self._on_ops_changed)

    @property
    def link(self) -> sync_link.SyncLinkLike:
        return sync_link.for_services(self.services)

    def start(self) -> None:
        """Watch the shared folders and sync once (after unlock)."""
        self.stopped = False
        # A sync or status read running at the last lock was dropped by the worker: its
        # answer never comes, so nothing is running now.
        self.running = self.again = self._reading = False
        self.rewatch(then_sync=True)
        self.periodic.start()

    def stop(self) -> None:
        """Stop everything (on lock): no timer, no watcher, no new sync."""
        self.stopped = True
        self.debounce.stop()
        self.periodic.stop()
        paths = self.watcher.directories() + self.watcher.files()
        if paths:
            self.watcher.removePaths(paths)
        self.again = False

    def rewatch(self, then_sync: bool = False) -> None:
        """Learn the shared folders (read in the worker), watch them, sync if asked."""
        if self.stopped or not self.services.is_unlocked or self._reading:
            return
        self._reading = True
        # Bound methods: the worker drops the answer if this object is gone by then.
        loaded = partial(self._on_statuses_loaded, then_sync)
        if not self.link.load_statuses(loaded, self._on_statuses_failed):
            self._reading = False

    def _on_statuses_loaded(
        self, then_sync: bool, statuses: list[sync_link.SharedGroupStatus]
    ) -> None:
        self._reading = False
        if self.stopped:
            return
        self._roots = [Path(s.folder) for s in statuses]
        self._shared = bool(self._roots)
        self._watch_roots()
        if then_sync and self._shared:
            self.sync_now()

    def _on_statuses_failed(self, exc: BaseException) -> None:
        self._reading = False
        self._on_error(exc)

    def _watch_roots(self) -> None:
        """Watch the shared folders and the group and laptop folders in them."""
        wanted: set[str] = set()
        for root in self._roots:
            wanted.update(_folders_to_watch(root))
        current = set(self.watcher.directories())
        stale = sorted(current - wanted)
        if stale:
            self.watcher.removePaths(stale)
        new = sorted(wanted - current)
        if new:
            self.watcher.addPaths(new)

    def schedule(self, delay_ms: int) -> None:
        """Sync after ``delay_ms`` (a new request within it moves it later)."""
        if self.stopped:
            return
        self.debounce.start(delay_ms)

    def _on_ops_changed(self, result: OpResult) -> None:
        if self.stopped:
            return
        if result.op.name.startswith("sync."):
            # A sync, share, join or settled conflict synced already; its folders may be
            # new (a laptop's first file, a group just shared): watch them.
            self.rewatch()
            return
        if self._shared and result.changes.touches(*SHARED_KINDS):
            self.schedule(self._after_op_ms)

    def _on_watcher_changed(self, _path: str) -> None:
        if not self.stopped:
            self.schedule(self._after_folder_ms)

    def sync_now(self) -> None:
        """Sync now in the worker (or once more right after the one running)."""
        if self.stopped or not self.services.is_unlocked:
            return
        if self.running:
            self.again = True
            return
        if not self._shared:
            return
        self.debounce.stop()
        self.running = True  # before the call: a link may answer at once
        self.runs += 1
        if not self.link.sync_now(self._on_done, self._on_sync_error):
            self.running = False
            self.runs -= 1

    def _finish(self) -> None:
        self.running = False
        if self.stopped:
            return
        self._watch_roots()  # a new laptop's folder appears with its first file
        if self.again:
            self.again = False
            self.schedule(0)

    def _on_done(self, summary: object) -> None:
        self._finish()
        self.synced.emit(summary)

    def _on_sync_error(self, exc: BaseException) -> None:
        self._finish()
        self._on_error(exc)

    def _on_error(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        if isinstance(exc, KnownError):
            log.warning("Background sync did not run: %s", getattr(exc, "code", "known"))
            self.failed.emit(exc)
            return
        worker.report_bug(exc)


def _folders_to_watch(root: Path) -> list[str]:
    """The shared folder and the folders below it, two levels deep (group, laptop)."""
    found: list[str] = []
    if not root.is_dir():
        return found
    found.append(str(root))
    try:
        for group in root.iterdir():
            if group.is_dir() and not group.name.startswith("."):
                found.append(str(group))
                for laptop in group.iterdir():
                    if laptop.is_dir() and not laptop.name.startswith("."):
                        found.append(str(laptop))
    except OSError:
        pass  # a USB stick pulled out meanwhile: watch what was found
    return found
