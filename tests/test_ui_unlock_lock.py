"""Unlock (passphrase, wrong passphrase, recovery key), Ctrl+L and idle auto-lock, meeting lock."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
)

from groupkeeper.model import Group, Member
from groupkeeper.settings import Settings
from groupkeeper.ui import messages, worker
from groupkeeper.ui.idle import IdleWatcher
from groupkeeper.ui.main_window import MainWindow
from groupkeeper.ui.services import Services

PASS = "kettle river purple bicycle"
SECRET_NAMES = ("Zebedee Quillfeather", "Marigold Pennywhistle")


class FakeClock:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture(autouse=True)
def _responder():  # type: ignore[no-untyped-def]
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(tmp_path: Path, clock: FakeClock):  # type: ignore[no-untyped-def]
    """A vault with one group and two members, locked again, ready to unlock."""
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault", clock=clock)
    key = svc.create_vault(svc.vault_dir, PASS)
    group = svc.store.groups.add(Group(name="Tuesday Circle", meeting_day="Tuesday"))
    for name in SECRET_NAMES:
        svc.store.members.add(Member(display_name=name, group_ids=[group.id or 0]))
    svc.recovery_key = key  # type: ignore[attr-defined]
    svc.lock()
    yield svc
    svc.lock()


def unlock(qtbot, window: MainWindow, secret: str = PASS) -> None:  # type: ignore[no-untyped-def]
    form = window.unlock_screen.form
    form.field.edit.clear()
    qtbot.keyClicks(form.field.edit, secret)
    qtbot.keyClick(form.field.edit, Qt.Key.Key_Return)
    assert worker.wait_idle()


def all_text(root) -> str:  # type: ignore[no-untyped-def]
    """Every label, line edit, text edit and item-model cell under ``root``."""
    parts: list[str] = []
    for widget in [root, *root.findChildren(object)]:
        if isinstance(widget, QLabel | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts.append(model_text(widget.model()))
        if isinstance(widget, QAbstractItemModel):
            parts.append(model_text(widget))
    return "\n".join(parts)


def model_text(model: QAbstractItemModel) -> str:
    out = []
    root = QModelIndex()
    for row in range(model.rowCount(root)):
        # QAbstractListModel hides columnCount from Python: one column.
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
        for col in range(max(1, columns)):
            value = model.data(model.index(row, col, root))
            out.append(str(value))
    return " ".join(out)


def test_unlock_right_and_wrong_passphrase(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.unlock_screen
    assert not window.nav.isVisible()
    unlock(qtbot, window, "not the passphrase")
    assert not services.is_unlocked
    assert "not right" in window.unlock_screen.form.error.text()
    assert window.unlock_screen.form.unlock_button.isEnabled()
    unlock(qtbot, window)
    assert services.is_unlocked
    assert window.stack.currentWidget() is window.home
    assert window.unlock_screen.form.field.text() == ""


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_unlock_says_once_that_wide_files_were_made_private(qtbot, services) -> None:
    told: list[tuple[str, str, str]] = []
    messages.set_test_responder(lambda kind, title, text: told.append((kind, title, text)) or True)
    folder = Path(services.vault_dir)
    for path in (folder, *folder.iterdir()):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)  # noqa: S103  (an old vault)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    assert services.is_unlocked
    notes = [t for t in told if t[0] == "info" and "readable by you only" in t[2]]
    assert len(notes) == 1 and "could read 3 of the vault's files" in notes[0][2]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    window.lock()
    unlock(qtbot, window)
    assert len([t for t in told if "readable by you only" in t[2]]) == 1  # once only


def test_empty_passphrase_is_explained_inline(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    qtbot.keyClick(window.unlock_screen.form.field.edit, Qt.Key.Key_Return)
    assert "Type your passphrase" in window.unlock_screen.form.error.text()
    assert not worker.busy()


def test_busy_bar_appears_below_the_field_while_unlocking(qtbot, services) -> None:
    """Built when Unlock is first pressed (not for the first frame), between the field
    and the error line, and hidden again once the key derivation is done."""
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    form = window.unlock_screen.form
    assert form.busy is None
    form.field.edit.setText("not the passphrase")
    qtbot.keyClick(form.field.edit, Qt.Key.Key_Return)
    assert form.busy is not None and form.busy.isVisible()
    assert not form.unlock_button.isEnabled()
    layout = form.layout()
    assert layout.indexOf(form.busy) == layout.indexOf(form.error) - 1
    qtbot.waitUntil(lambda: not worker.busy(), timeout=30000)
    qtbot.waitUntil(lambda: not form.busy.isVisible())
    assert form.unlock_button.isEnabled()
    assert "not right" in form.error.text()


def test_unlock_with_recovery_key(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    form = window.unlock_screen.form
    qtbot.mouseClick(form.recovery_button, Qt.MouseButton.LeftButton)
    assert form.use_recovery
    unlock(qtbot, window, services.recovery_key.lower())
    assert services.is_unlocked


def test_first_frame_first_then_the_rest(qtbot, services) -> None:
    """The unlock screen is built for the first frame; nav, shortcuts and idle come after."""
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.shortcuts == []  # nothing the first frame does not need
    form = window.unlock_screen.form
    assert not form.error.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    window.show()
    qtbot.waitExposed(window)
    # Finished by itself after the first frame (nobody asked for nav or idle here).
    qtbot.waitUntil(lambda: len(window.shortcuts) == 7, timeout=3000)
    assert form.error.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    # The column is never squeezed below the height its words need (set after the frame).
    column = window.unlock_screen._column
    assert column.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Minimum
    assert not window.nav.isVisible()  # locked: no navigation
    assert not window.idle.active
    assert window.windowIcon().availableSizes()  # the app icon arrived too


def test_asking_for_nav_or_idle_finishes_start_up_at_once(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.shortcuts == []
    assert not window.idle.active  # built on demand, in order
    assert len(window.shortcuts) == 7
    assert set(window.nav_buttons) == {"home", "roster", "reports", "settings", "help", "lock"}
    window.finish_start()  # idempotent
    assert len(window.shortcuts) == 7


def test_idle_filter_sees_events_only_while_watching(qtbot, clock) -> None:
    seen: list[int] = []

    class Counting(IdleWatcher):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            seen.append(1)
            return super().eventFilter(watched, event)

    watcher = Counting(clock, lambda: 3600.0)
    field = QLineEdit()
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "abc")
    assert seen == []  # locked: no event goes through Python
    watcher.start()
    qtbot.keyClicks(field, "abc")
    assert seen
    watcher.stop()
    seen.clear()
    qtbot.keyClicks(field, "abc")
    assert seen == []
    watcher.close()


def test_demo_shows_passphrase_and_banner(qtbot, services) -> None:
    services.demo_passphrase = PASS
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert PASS in window.unlock_screen.demo_label.text()
    assert window.banner is not None and "DEMO" in window.banner.text()


def test_ctrl_l_locks_and_no_name_remains(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window)
    window.show_roster()
    window.show_home()
    window.show_roster()
    # The check below can fail: before locking, the roster shows the names.
    assert all(name in all_text(window) for name in SECRET_NAMES)
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not services.is_unlocked
    assert window.stack.currentWidget() is window.unlock_screen
    QApplication.processEvents()
    text = all_text(window)
    for name in (*SECRET_NAMES, "Tuesday Circle"):
        assert name not in text
    assert window.home is None and window.roster is None


def test_idle_auto_lock_with_fake_clock(qtbot, services, clock) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    unlock(qtbot, window)
    services.store.settings.set("auto_lock_minutes", 10)
    window.reload_vault_settings()
    window.idle.poke()
    for _ in range(4):  # 8 minutes in 2-minute steps: not yet
        clock.advance(120)
        assert not window.idle.check()
    assert services.is_unlocked
    qtbot.keyClick(window.home, Qt.Key.Key_Tab)  # activity resets the idle clock
    clock.advance(120)
    assert not window.idle.check()
    for _ in range(4):
        clock.advance(120)
        window.idle.check()
    assert not services.is_unlocked
    QApplication.processEvents()
    assert all(name not in all_text(window) for name in SECRET_NAMES)


def test_sleep_gap_locks(qtbot, services, clock) -> None:
    watcher = IdleWatcher(clock, lambda: 3600.0, sleep_gap_seconds=180)
    fired: list[bool] = []
    watcher.idle_timeout.connect(lambda: fired.append(True))
    watcher.start()
    clock.advance(170)
    assert not watcher.check()
    clock.advance(200)  # the laptop slept between two checks
    assert watcher.check() and fired == [True]
    assert not watcher.active
    watcher.close()


class StubRunner(QLabel):
    """Stands in for the meeting runner: shows a name, offers a fixed snapshot."""

    ended = Signal(int)
    resumed_home = Signal()
    discarded = Signal(int)
    discarded_elsewhere = Signal(int)

    def focus_main(self) -> None:
        self.setFocus()

    def __init__(self, services, meeting_id, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(SECRET_NAMES[0], parent)
        self.meeting_id = meeting_id
        self.cleared = False

    def clear_personal_data(self) -> None:
        self.cleared = True
        self.clear()

    def lock_snapshot(self) -> dict:  # type: ignore[type-arg]
        return {
            "meeting_id": self.meeting_id,
            "segments": [
                {"title": "Check-in", "minutes": 10},
                {"title": "Mood check", "minutes": 15},
            ],
            "current": 1,
            "elapsed": 600.0,
            "planned": 900.0,
            "paused": False,
        }


def test_lock_during_meeting_keeps_agenda_and_timer(qtbot, services, clock, monkeypatch) -> None:
    from groupkeeper.ui import main_window

    monkeypatch.setattr(
        main_window, "_screen_class", lambda name: StubRunner if name == "runner" else None
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    unlock(qtbot, window)
    group = services.store.groups.all()[0]
    meeting_id = window.home.start_for(group.id) if group.crisis_resources else None
    if meeting_id is None:
        meeting = services.store.meetings.start(group.id, "2026-11-24")
        meeting_id = meeting.id
        window.open_meeting(meeting_id)
    assert window.in_meeting()
    # The meeting timeout applies: 10 idle minutes do not lock.
    window.idle.poke()
    for _ in range(4):
        clock.advance(120)
        window.idle.check()
    assert services.is_unlocked
    for _ in range(11):  # 30 minutes in all: locks at the last step
        assert services.is_unlocked
        clock.advance(120)
        window.idle.check()
    assert not services.is_unlocked
    screen = window.lock_screen
    assert window.stack.currentWidget() is screen
    text = all_text(window)
    assert "Mood check" in text and "Check-in" in text
    assert all(name not in text for name in SECRET_NAMES)
    assert screen.timer_label.text().startswith("10:00")
    clock.advance(65)
    screen.update_timer()
    assert screen.timer_label.text().startswith("11:05")
    qtbot.keyClicks(screen.form.field.edit, PASS)
    qtbot.keyClick(screen.form.field.edit, Qt.Key.Key_Return)
    assert worker.wait_idle()
    assert services.is_unlocked
    assert window.in_meeting() and window.runner.meeting_id == meeting_id
    assert window.stack.currentWidget() is window.runner
    assert window.lock_screen is None


def test_close_mid_meeting_keeps_it_open(qtbot, services, monkeypatch) -> None:
    from groupkeeper.ui import main_window

    monkeypatch.setattr(
        main_window, "_screen_class", lambda name: StubRunner if name == "runner" else None
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    unlock(qtbot, window)
    group = services.store.groups.all()[0]
    meeting = services.store.meetings.start(group.id, "2026-11-24")
    window.open_meeting(meeting.id)
    window.close()
    assert not services.is_unlocked
    second = MainWindow(services)
    qtbot.addWidget(second)
    unlock(qtbot, second)
    card = second.home.card_for(group.id)
    assert card.open_meeting_id == meeting.id
    assert "Resume" in card.start_button.text()
    with qtbot.waitSignal(second.home.resume_meeting) as blocker:
        qtbot.keyClick(card.start_button, Qt.Key.Key_Space)
    assert blocker.args == [meeting.id]
    assert second.runner.meeting_id == meeting.id


def test_discarding_the_open_meeting_from_home_drops_its_runner(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(services)
    qtbot.addWidget(window)
    unlock(qtbot, window)
    group = services.store.groups.all()[0]
    meeting = services.store.meetings.start(group.id, "2026-11-24")
    window.open_meeting(meeting.id)
    assert window.in_meeting()
    qtbot.mouseClick(window.runner.home_button, Qt.MouseButton.LeftButton)  # the room emptied
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home)
    card = window.home.card_for(group.id)
    qtbot.mouseClick(card.discard_button, Qt.MouseButton.LeftButton)
    assert not window.in_meeting()
    assert services.store.meetings.open_meeting(group.id) is None
    assert window.home.card_for(group.id).start_button.text() == "Start meeting"


def test_locked_meeting_keeps_a_safety_button_without_unlocking(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    unlock(qtbot, window)
    group = services.store.groups.all()[0]
    group.crisis_resources = "Samaritans 116 123\nDuty worker 0800 111"
    group.escalation_steps = "1. Stay with the person.\n2. Call the duty worker."
    services.store.groups.update(group)
    meeting = services.store.meetings.start(group.id, "2026-11-24")
    window.open_meeting(meeting.id)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not services.is_unlocked
    screen = window.lock_screen
    assert screen is not None and screen.safety_button.isVisibleTo(window)
    # Alt+S (from the passphrase field) opens it, still locked
    qtbot.keyClick(screen.form.field.edit, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.crisis_dialog is not None and screen.crisis_dialog.isVisible())
    text = screen.crisis_dialog.resources.text()
    assert "Samaritans 116 123" in text and "2. Call the duty worker." in text
    assert not services.is_unlocked
    assert all(name not in all_text(window) for name in SECRET_NAMES)
    qtbot.keyClick(screen.crisis_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.crisis_dialog is None)
    # the timer and the agenda share the width: both on screen at 1366x768
    assert screen.agenda.geometry().right() < screen.timer_label.geometry().left()
    unlock_via = screen.form.field.edit
    qtbot.keyClicks(unlock_via, PASS)
    qtbot.keyClick(unlock_via, Qt.Key.Key_Return)
    assert worker.wait_idle()
    assert services.is_unlocked and window.in_meeting()


def test_lock_screen_ticks_only_while_shown(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.lock_screen import MeetingLockScreen

    services.lock()
    screen = MeetingLockScreen(services, {"meeting_id": 1, "segments": ["Check-in"]})
    qtbot.addWidget(screen)
    assert not screen._tick.isActive()
    screen.show()
    qtbot.waitExposed(screen)
    assert screen._tick.isActive()
    screen.hide()
    assert not screen._tick.isActive()  # a closed, hidden screen never wakes up
    screen.show()
    assert screen._tick.isActive()
    screen._on_form_unlocked()
    screen.hide()
    screen.show()
    assert not screen._tick.isActive()  # unlocked: it is on its way out
