"""The one helper that runs slow work (KDF, backups, imports, reports) off the GUI thread.

``run_in_background(fn, *args, on_done=..., on_error=...)`` queues ``fn(*args)`` on the
global ``QThreadPool``; its result (or exception) comes back to the GUI thread by a
queued signal, so ``on_done``/``on_error`` may touch widgets while ``fn`` never does.

Work that needs the database goes through ``run_on_vault(vault, fn, ...)``: the task opens
its own connection on the vault's key (``Vault.thread_connection``; read-only unless
``write=True``) for as long as ``fn`` runs, and inside it ``vault.db`` and
``services.store`` use that connection. A connection is never shared between threads.
When the vault locks, the task is interrupted (or, for a write, allowed a moment to
commit) and its outcome is dropped: the screens that asked for it are gone.

Each task may have an ``owner``, the screen (any ``QObject``) that asked for it: when the
owner is destroyed before the answer comes, the answer is dropped (a deleted screen's
slot would raise "Internal C++ object already deleted"). Without an explicit owner, a
callback that is a bound method of a ``QObject`` (or a ``functools.partial`` of one) makes
that object the owner, so screens need no guard of their own.

Tests wait with ``qtbot.waitUntil(lambda: not worker.busy())`` or ``wait_idle()``.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from groupkeeper.ui import binding_fix

if TYPE_CHECKING:
    from groupkeeper.storage.vault import Vault

log = logging.getLogger(__name__)

#: Longest wait for a pool thread to let go of a relay (it only drops locals).
RELEASE_WAIT_SECONDS = 5.0

# Tasks whose results have not been delivered yet. Keeping a reference to the relay
# object stops Python from collecting it before its queued signal is delivered.
_pending: set[_Relay] = set()


class _Relay(QObject):
    """Lives in the GUI thread; the runnable emits on it from the pool thread.

    The signals are connected to this object's own methods, so Qt queues the call into
    the thread the relay lives in (the GUI thread), never the pool thread.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None],
        vault: Vault | None = None,
        owner: QObject | None = None,
    ) -> None:
        super().__init__()
        self._on_done_cb = on_done
        self._on_error_cb = on_error
        self._vault = vault
        #: The screen that asked (see the module docstring). Checked when the answer
        #: comes, not by its ``destroyed`` signal: a slot of a relay waiting for its
        #: deferred delete, called from a screen's destructor, crashed PySide6 6.12.
        self._owner = owner if owner is not None else owner_of(on_done, on_error)
        #: The task's function and arguments. The pool thread hands them over before it
        #: reports, so their last reference goes here, in the GUI thread: a closure
        #: holding the last reference to a widget would otherwise delete that widget in
        #: the pool thread (CI hung in such a deletion, deadlocked on the GIL).
        self.held: object = None
        #: Set by the pool thread once it holds no reference to this relay (or to the
        #: result or exception) any more: see ``_finish``.
        self.released = threading.Event()
        self.done.connect(self._on_relay_done)
        self.failed.connect(self._on_relay_failed)

    def _finish(self) -> None:
        # The queued signal can arrive while the pool thread is still between its emit
        # and the end of its task, holding this relay. Had the GUI thread let go first,
        # the pool thread would drop the last reference to a QObject (and to whatever the
        # result, the exception's frames or the callbacks hold): PySide6 then queues its
        # deletion for the main thread while deleteLater deletes it too, and a later
        # event crashed in Shiboken's runDeletionInMainThread (test_ui_reports, ~1 run
        # in 2). Waiting here takes microseconds: the pool thread only drops locals.
        if not self.released.wait(RELEASE_WAIT_SECONDS):
            log.warning("a background task kept its relay past %s s", RELEASE_WAIT_SECONDS)
        _pending.discard(self)
        self.deleteLater()

    def _release(self) -> None:
        # In the GUI thread: the screen (and callbacks bound to it) are let go here,
        # never where the pool thread may drop the last reference to this relay.
        self.held = None
        self._owner = None
        # A task may have imported modules (the sync status imports the sync code), and
        # PySide6's import hook may have had ``linecache`` keep their sources.
        binding_fix.forget_sources()
        self._on_done_cb = None
        self._on_error_cb = report_bug

    def _dropped(self) -> bool:
        # The screen that asked is gone, or the vault locked since (its screens are gone):
        # say nothing.
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return True
        return self._vault is not None and self._vault.is_locked

    def _on_relay_done(self, value: Any) -> None:
        self._finish()
        try:
            if self._on_done_cb is not None and not self._dropped():
                self._on_done_cb(value)
        finally:
            self._release()

    def _on_relay_failed(self, exc: BaseException) -> None:
        self._finish()
        try:
            if not self._dropped():
                self._on_error_cb(exc)
        finally:
            self._release()


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._args = args
        self._relay = relay

    def run(self) -> None:
        fn, args, relay = self._fn, self._args, self._relay
        self._fn = None  # type: ignore[assignment]
        self._args = ()
        self._relay = None  # type: ignore[assignment]
        released = relay.released
        relay.held = (fn, args)  # released in the GUI thread (see ``_Relay.held``)
        try:
            try:
                result = fn(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to on_error in the GUI thread
                del fn, args
                relay.failed.emit(exc)
            else:
                del fn, args
                relay.done.emit(result)
                del result
        finally:
            # Every reference this thread had is gone: the GUI thread drops the last ones.
            del relay
            released.set()


def owner_of(*callbacks: Callable[..., Any] | None) -> QObject | None:
    """The ``QObject`` whose bound method (or a ``functools.partial`` of one) is the first
    of ``callbacks`` that has one; None when they are plain functions or lambdas."""
    for callback in callbacks:
        while isinstance(callback, functools.partial):
            callback = callback.func
        target = getattr(callback, "__self__", None)
        if isinstance(target, QObject):
            return target
    return None


def guarded(callback: Callable[..., Any], owner: QObject | None = None) -> Callable[..., None]:
    """``callback``, called only while its owner (``owner``, else ``owner_of(callback)``)
    exists: for code that wraps a screen's callback in its own ``on_done`` (the sync link
    broadcasts an operation's changes whether or not the screen that asked is still
    there, then answers the screen only if it is)."""
    target = owner if owner is not None else owner_of(callback)

    def call(*args: Any) -> None:
        if target is None or shiboken6.isValid(target):
            callback(*args)

    return call


def report_bug(exc: BaseException) -> None:
    """Send an unexpected exception (a bug) to the excepthook, i.e. the crash dialog."""
    import sys

    sys.excepthook(type(exc), exc, exc.__traceback__)


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Run ``fn(*args)`` on the thread pool; deliver the outcome on the GUI thread.

    Args:
        fn: the slow function. It must not touch widgets.
        *args: its arguments.
        on_done: called with ``fn``'s return value, in the GUI thread.
        on_error: called with the exception ``fn`` raised, in the GUI thread. Without it
            the exception goes to ``sys.excepthook`` (the crash dialog).
        owner: the screen that asked; nothing is delivered once it is destroyed. By
            default the ``QObject`` of a bound-method callback (``owner_of``).
    """
    _start(fn, args, _Relay(on_done, on_error or report_bug, owner=owner))


def _start(fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay) -> None:
    _pending.add(relay)
    QThreadPool.globalInstance().start(_Task(fn, args, relay))


def _with_connection(vault: Vault, write: bool, fn: Callable[..., Any], *args: Any) -> Any:
    with vault.thread_connection(write=write):
        return fn(*args)


def run_on_vault(
    vault: Vault,
    fn: Callable[..., Any],
    *args: Any,
    write: bool = False,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Like ``run_in_background``, with the task's own connection to ``vault``.

    Args:
        vault: the unlocked vault. Inside ``fn``, ``vault.db`` (and a ``Store`` over it)
            is the task's connection.
        fn: the slow function. It must not touch widgets.
        *args: its arguments.
        write: open a writer (a CSV import, a sync, a rekey); otherwise the connection
            is read-only. Its transactions take turns with the GUI thread's writes, which
            go first (``_sqlcipher.WriteTurns``); work performed as an operation gives way
            to a waiting GUI write at its safe points (``ops.perform``).
        on_done: called with ``fn``'s result in the GUI thread (not if the vault locked).
        on_error: called with the exception in the GUI thread (not if the vault locked).
        owner: as for ``run_in_background``.
    """
    relay = _Relay(on_done, on_error or report_bug, vault, owner)
    _start(_with_connection, (vault, write, fn, *args), relay)


def busy() -> bool:
    """True while any task's result has not been delivered yet."""
    return bool(_pending)


def wait_idle(timeout_ms: int = 30000) -> bool:
    """Wait (processing events) until every task has delivered. For tests and shutdown."""
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer

    deadline = QDeadlineTimer(timeout_ms)
    while _pending and not deadline.hasExpired():
        QThreadPool.globalInstance().waitForDone(10)
        QCoreApplication.processEvents()
    return not _pending
