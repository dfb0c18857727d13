"""The worker drops an answer whose screen was deleted while the task ran (pytest-qt).

A screen asks the worker for something, the facilitator leaves the screen (it is
deleted), then the answer comes: it must be dropped, not delivered to a deleted widget
("Internal C++ object already deleted"), and nothing may raise. The owner is the
``QObject`` of a bound-method callback (or of a ``functools.partial`` of one), or the
``owner`` given.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QWidget

from groupkeeper.settings import Settings
from groupkeeper.ui import worker
from groupkeeper.ui.services import Services


class Screen(QWidget):
    """A screen that shows what the worker answered."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.answers: list[Any] = []
        self.errors: list[BaseException] = []

    def show_answer(self, value: Any) -> None:
        self.label.setText(str(value))  # raises if the widget was deleted
        self.answers.append(value)

    def show_error(self, exc: BaseException) -> None:
        self.label.setText(str(exc))
        self.errors.append(exc)

    def show_tagged(self, tag: str, value: Any) -> None:
        self.label.setText(f"{tag}: {value}")
        self.answers.append((tag, value))


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds tasks in the pool thread until the test has deleted the screen."""
    event = threading.Event()
    yield event
    event.set()
    worker.wait_idle()


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(worker, "report_bug", seen.append)
    return seen


def _slow(gate: threading.Event, value: Any) -> Any:
    assert gate.wait(30)
    return value


def _fails(gate: threading.Event) -> None:
    assert gate.wait(30)
    raise ValueError("late")


def test_an_answer_for_a_deleted_screen_is_dropped(qtbot, gate, bugs) -> None:  # type: ignore[no-untyped-def]
    screen = Screen()
    kept = Screen()
    qtbot.addWidget(kept)
    worker.run_in_background(_slow, gate, 1, on_done=screen.show_answer)
    worker.run_in_background(_fails, gate, on_done=screen.show_answer, on_error=screen.show_error)
    worker.run_in_background(_slow, gate, 2, on_done=kept.show_answer)
    shiboken6.delete(screen)  # the facilitator left the screen while the tasks ran
    gate.set()
    assert worker.wait_idle()
    assert kept.answers == [2]  # a screen still there gets its answer
    assert bugs == []  # nothing raised, nothing reported


def test_a_partial_of_a_method_and_an_explicit_owner(qtbot, gate, bugs) -> None:  # type: ignore[no-untyped-def]
    screen = Screen()
    other = Screen()
    worker.run_in_background(_slow, gate, 1, on_done=functools.partial(screen.show_tagged, "a"))
    delivered: list[Any] = []
    worker.run_in_background(_slow, gate, 2, on_done=delivered.append, owner=other)
    shiboken6.delete(screen)
    shiboken6.delete(other)
    gate.set()
    assert worker.wait_idle()
    assert delivered == [] and bugs == []


def test_a_plain_function_without_owner_is_still_delivered(qtbot, gate) -> None:  # type: ignore[no-untyped-def]
    delivered: list[Any] = []
    owner = Screen()
    qtbot.addWidget(owner)
    worker.run_in_background(_slow, gate, 3, on_done=delivered.append)
    worker.run_in_background(_slow, gate, 4, on_done=functools.partial(owner.show_tagged, "b"))
    gate.set()
    assert worker.wait_idle()
    assert delivered == [3] and owner.answers == [("b", 4)]


def test_a_screen_deleted_before_it_asks(qtbot, bugs) -> None:  # type: ignore[no-untyped-def]
    screen = Screen()
    answer = screen.show_answer
    shiboken6.delete(screen)
    worker.run_in_background(int, "5", on_done=answer)
    assert worker.wait_idle()
    assert bugs == []


def test_a_vault_read_for_a_deleted_screen_is_dropped(qtbot, tmp_path: Path, gate, bugs) -> None:  # type: ignore[no-untyped-def]
    services = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    services.create_vault(tmp_path / "vault", "correct horse battery staple")
    try:
        screen = Screen()
        store = services.store

        def count_groups() -> int:
            assert gate.wait(30)
            return len(store.groups.all())

        assert services.vault is not None
        worker.run_on_vault(services.vault, count_groups, on_done=screen.show_answer)
        shiboken6.delete(screen)
        gate.set()
        assert worker.wait_idle()
        assert bugs == []
    finally:
        services.lock()


def test_the_sync_link_still_broadcasts_when_the_asking_screen_went(
    qtbot, tmp_path: Path, bugs
) -> None:  # type: ignore[no-untyped-def]
    """An operation's changes reach every open screen even if the dialog that asked was
    closed and deleted meanwhile; only that dialog's answer is dropped."""
    from groupkeeper.ui import sync_link

    services = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    services.create_vault(tmp_path / "vault", "correct horse battery staple")
    try:
        heard: list[Any] = []
        services.ops.changed.connect(heard.append)
        screen = Screen()
        link = sync_link.SyncLink(services)
        assert link.sync_now(screen.show_answer, screen.show_error)
        shiboken6.delete(screen)
        assert worker.wait_idle()
        assert [r.op.name for r in heard] == ["sync.now"] and bugs == []
    finally:
        services.lock()


def test_auto_sync_deleted_while_it_reads_the_shared_folders(qtbot, tmp_path: Path, bugs) -> None:  # type: ignore[no-untyped-def]
    """The window (and its auto-sync) can go while the shared folders are being read."""
    from groupkeeper.ui.auto_sync import AutoSync

    services = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    services.create_vault(tmp_path / "vault", "correct horse battery staple")
    try:
        auto = AutoSync(services)
        auto.rewatch()
        assert worker.busy()
        shiboken6.delete(auto)
        assert worker.wait_idle()
        assert bugs == []
    finally:
        services.lock()


def test_every_lambda_callback_names_its_owner() -> None:
    """A callback written as a lambda names no screen, so the worker cannot tell the answer
    has nowhere to go: every ``worker.run_in_background``/``run_on_vault`` call in the UI
    whose callbacks are all lambdas (or plain functions) passes ``owner=``, unless one
    callback is a bound method of ``self`` (``owner_of`` finds that one)."""
    import ast

    root = Path(__file__).resolve().parents[1] / "groupkeeper" / "ui"
    unowned = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "worker.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "worker"
                and node.func.attr in ("run_in_background", "run_on_vault")
            ):
                continue
            keywords = {k.arg: k.value for k in node.keywords if k.arg}
            if "owner" in keywords:
                continue
            callbacks = [keywords[k] for k in ("on_done", "on_error") if k in keywords]
            if not any(isinstance(c, ast.Lambda) for c in callbacks):
                continue
            bound = any(
                isinstance(c, ast.Attribute)
                and isinstance(c.value, ast.Name)
                and c.value.id == "self"
                for c in callbacks
            )
            if not bound:
                unowned.append(f"{path.relative_to(root)}:{node.lineno}")
    assert unowned == [], f"worker calls with lambda callbacks and no owner=: {unowned}"
