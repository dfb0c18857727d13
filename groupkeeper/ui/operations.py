"""Runs operations for the screens and tells every open screen what changed.

``services.ops`` is the one ``OperationRunner`` of the app. A screen builds an ``Op``
(``groupkeeper.ops``) and calls ``services.ops.run(op)`` (known errors are raised, for
callers such as the meeting runner's ``act``) or ``services.ops.try_run(parent, op)`` (a
known error is shown in a message box and ``None`` returned). After every operation that
worked, ``changed`` is emitted once with its ``OpResult``; screens connect to it and
reload what the result's ``changes`` say they show (Anki's ``operation_did_execute``);
``ScreenReloader`` does that for a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from groupkeeper.ops import Kind, Op, OpResult, perform
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import messages

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from groupkeeper.storage.repos import Store
    from groupkeeper.ui.services import Services


class OperationRunner(QObject):
    """Performs operations on the unlocked vault and broadcasts ``changed(OpResult)``."""

    changed = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services

    def run(self, op: Op) -> OpResult:
        """Perform ``op`` (one transaction), then emit ``changed``.

        Raises:
            KnownError: refused input, a locked vault or a disk problem; nothing changed.
        """
        result = perform(self._services.store, op)
        self.changed.emit(result)
        return result

    def run_in_background(
        self,
        op: Op | Callable[[], Op],
        on_done: Callable[[OpResult], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Perform a long ``op`` (a CSV import) on the worker's own writer connection.

        ``op`` may also be a function that makes the operation: it then runs in the
        worker too (turning 200,000 accepted rows into the operation's plain data takes
        seconds; it must use plain data only, never widgets). A refused input arrives at
        ``on_error`` either way. ``changed`` is emitted in the GUI thread once it is
        committed, before ``on_done``; nothing is emitted (and neither callback runs) if
        the vault locks meanwhile.
        """
        from groupkeeper.ui import worker

        vault = self._services.vault
        if vault is None:
            return

        def done(result: OpResult) -> None:
            self.changed.emit(result)
            on_done(result)

        # Inside the task the store follows the vault to the task's own connection.
        store = self._services.store
        worker.run_on_vault(
            vault, _make_and_perform, store, op, write=True, on_done=done, on_error=on_error
        )

    def try_run(self, parent: QWidget | None, op: Op) -> OpResult | None:
        """Like ``run``, but a known error is shown to the user and ``None`` returned."""
        try:
            return self.run(op)
        except KnownError as exc:
            messages.show_error(parent, exc)
            return None


def _make_and_perform(store: Store, op: Op | Callable[[], Op]) -> OpResult:
    # In the worker: the operation is made (if a function was given) before the write
    # transaction begins, so the GUI's writes never wait for it.
    return perform(store, op if isinstance(op, Op) else op())


class ScreenReloader(QObject):
    """Reloads a screen after operations that change what it shows.

    ``ScreenReloader(screen, services, kinds, reload)``: after an operation touching any of
    ``kinds`` the screen is *stale*. A shown screen reloads once the event loop is free
    (several operations in one click reload it once, and never under the click's own
    widgets); a hidden one reloads when it is shown again. ``flush()`` reloads now if stale.

    A screen starts stale (its first showing loads it). The screen's reload calls
    ``loaded()``. A write that did not come through an operation (another connection's:
    the worker, a sync) also makes ``flush()`` reload: it compares the store's
    ``generation()`` with the one at the last load. With ``dated=True`` the screen shows
    things that depend on today's date (the next meeting, "not come for 6 months"): a new
    day makes it stale too.
    """

    def __init__(
        self,
        screen: QWidget,
        services: Services,
        kinds: Iterable[Kind],
        reload: Callable[[], None],
        *,
        dated: bool = False,
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self._services = services
        self._kinds = tuple(kinds)
        self._reload = reload
        self._scheduled = False
        self._dated = dated
        self._loaded_on: date | None = None
        self._generation: object = None
        self.stale = True
        services.ops.changed.connect(self._on_ops_changed)
        screen.installEventFilter(self)

    def _on_ops_changed(self, result: OpResult) -> None:
        if not result.changes.touches(*self._kinds):
            return
        self.stale = True
        if self._screen.isVisible() and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self._on_timer)

    def _on_timer(self) -> None:
        self._scheduled = False
        if self._screen.isVisible():
            self.flush()

    def _today(self) -> date:
        return self._services.now().astimezone().date()

    def loaded(self) -> None:
        """The screen is reading what it shows now (its reload calls this first)."""
        self.stale = False
        if self._services.is_unlocked:
            self._generation = self._services.store.generation()
        if self._dated:
            self._loaded_on = self._today()

    def flush(self) -> None:
        """Reload now if an operation changed what the screen shows since its last load
        (or the day changed, for a dated screen)."""
        if not self._services.is_unlocked:
            return
        if (
            self.stale
            or (self._dated and self._loaded_on != self._today())
            or self._services.store.generation() != self._generation
        ):
            self.loaded()
            self._reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # vars(): while the screen is being deleted Qt may still send events through this
        # filter after Python has emptied it (see ``idle.IdleWatcher.eventFilter``).
        if watched is vars(self).get("_screen") and event.type() == QEvent.Type.Show:
            self.flush()
        return False
