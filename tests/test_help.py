"""F1 help (meeting guide, shortcut sheet that matches the code) and the first-run tour."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from groupkeeper.settings import Settings
from groupkeeper.ui import help as help_module
from groupkeeper.ui import messages
from groupkeeper.ui.help import HelpDialog
from groupkeeper.ui.services import Services
from groupkeeper.ui.tour import TourPanel, should_show_tour

PASS = "kettle river purple bicycle"


@pytest.fixture(autouse=True)
def _responder():  # type: ignore[no-untyped-def]
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


@pytest.fixture
def services(tmp_path: Path):  # type: ignore[no-untyped-def]
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    svc.create_vault(svc.vault_dir, PASS)
    svc.lock()
    yield svc
    if svc.is_unlocked:
        svc.lock()


def _unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui import worker

    form = window.unlock_screen.form
    form.field.edit.clear()
    qtbot.keyClicks(form.field.edit, PASS)
    qtbot.keyClick(form.field.edit, Qt.Key.Key_Return)
    assert worker.wait_idle()
    qtbot.waitUntil(lambda: window.services.is_unlocked)


def _portable(shortcut: QShortcut) -> str:
    return shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)


def test_help_has_guide_and_shortcut_sheet(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = HelpDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.tabs.count() == 2
    guide = dialog.guide.toPlainText()
    assert "Ctrl+L" in guide and "Ctrl+Shift+S" in guide
    assert len(help_module.meeting_guide()) >= 5
    assert dialog.table.rowCount() == len(help_module.shortcut_keys())
    shown = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert QKeySequence("Ctrl+L").toString(QKeySequence.SequenceFormat.NativeText) in shown


def test_sheet_lists_every_shortcut_of_the_main_window_and_runner(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from test_ui_meeting_e2e import seed_roster

    from groupkeeper.model import Group
    from groupkeeper.ui.main_window import MainWindow
    from groupkeeper.ui.meeting.runner import MeetingRunner

    listed = {QKeySequence(k).toString() for k in help_module.shortcut_keys()}
    window = MainWindow(services)
    qtbot.addWidget(window)
    registered = {_portable(s) for s in window.findChildren(QShortcut)}
    services.unlock(PASS)
    group = services.store.groups.add(Group(name="Tuesday Circle"))
    seed_roster(services, int(group.id))
    meeting = services.store.meetings.start(int(group.id), "2026-11-24")
    runner = MeetingRunner(services, int(meeting.id))
    qtbot.addWidget(runner)
    registered |= {_portable(s) for s in runner.findChildren(QShortcut)}
    # Synonyms the sheet mentions in words ("also Ctrl+Right", "also Ctrl+A").
    mentioned = {"Ctrl+Right", "Ctrl+A", "Ctrl+Enter", "Backspace"}
    missing = sorted(k for k in registered if k and k not in listed | mentioned)
    assert not missing, f"shortcuts missing from the help sheet: {missing}"
    runner.clear_personal_data()


def test_f1_opens_help_even_when_locked(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.main_window import MainWindow

    opened: list[int] = []
    monkeypatch.setattr(HelpDialog, "exec", lambda self: opened.append(self.tabs.count()) or 0)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F1)
    assert opened == [2]
    assert window.help_dialog is None


def test_tour_steps_skip_and_remembered(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.main_window import MainWindow

    assert should_show_tour(services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window)
    assert window.tour is not None
    tour = window.tour
    assert isinstance(tour, TourPanel)
    assert 3 <= len(tour.steps) <= 4
    assert tour.step_label.text().endswith(str(len(tour.steps)))
    assert window.nav_buttons["home"].property("tourHighlight") is True
    qtbot.keyClick(tour.next_button, Qt.Key.Key_Space)
    assert tour.index == 1
    assert window.nav_buttons["roster"].property("tourHighlight") is True
    qtbot.keyClick(tour.back_button, Qt.Key.Key_Space)
    assert tour.index == 0
    with qtbot.waitSignal(tour.finished):
        qtbot.keyClick(tour.skip_button, Qt.Key.Key_Space)
    assert window.tour is None
    assert services.settings.get("tour_done") is True
    assert Settings(services.settings.path).get("tour_done") is True
    assert not any(b.property("tourHighlight") for b in window.nav_buttons.values())
    # Next unlock: no tour.
    window.lock()
    _unlock(qtbot, window)
    assert services.is_unlocked
    assert window.tour is None


def test_tour_walked_to_the_end(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    host_services = services
    tour = TourPanel(host_services, {})
    qtbot.addWidget(tour)
    titles = []
    for _ in range(len(tour.steps)):
        titles.append(tour.title.text())
        tour.next()
    assert len(set(titles)) == len(tour.steps)
    assert host_services.settings.get("tour_done") is True


def test_tour_steps_aside_for_a_meeting_and_comes_back(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    """During a meeting the tour's Alt letters would clash with the runner's (Alt+S)."""
    from groupkeeper.model import Group
    from groupkeeper.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window)
    assert window.tour is not None
    group = services.store.groups.add(Group(name="Tuesday Circle", crisis_resources="Call 111"))
    meeting = services.store.meetings.start(group.id, "2026-11-24")
    window.open_meeting(meeting.id)
    assert window.tour is None
    assert services.settings.get("tour_done") is False  # not done: it comes back
    window.start_tour()
    assert window.tour is None  # never over a meeting
    services.store.meetings.end(meeting.id)
    window._on_runner_ended(meeting.id)
    window.lock()
    _unlock(qtbot, window)
    assert window.tour is not None
