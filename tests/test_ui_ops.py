"""The operation runner's one ``changed`` signal keeps every open screen current (pytest-qt).

Home and the Roster are open side by side over a real vault. A member added, deactivated
or forgotten in the Roster shows up in Home's member count without anyone calling
``refresh``; a refused operation changes nothing and says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from groupkeeper import ops
from groupkeeper.model import Group
from groupkeeper.settings import Settings
from groupkeeper.ui import messages
from groupkeeper.ui.home import HomeScreen
from groupkeeper.ui.member_dialog import MemberDialog
from groupkeeper.ui.roster import RosterScreen
from groupkeeper.ui.services import Services

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault", now=lambda: NOW)
    s.create_vault(tmp_path / "vault", "correct horse battery staple")
    yield s
    s.lock()


@pytest.fixture
def boxes() -> Iterator[list[tuple[str, str]]]:
    """Message boxes answered "yes"; (kind, text) of each in this test's own list."""
    seen: list[tuple[str, str]] = []

    def respond(kind: str, _title: str, text: str) -> bool:
        seen.append((kind, text))
        return True

    messages.set_test_responder(respond)
    yield seen
    messages.set_test_responder(None)


def _on_next_dialog(act: Callable[[QWidget], None]) -> list[BaseException]:
    errors: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)
        if dialog.isVisible():
            dialog.close()

    QTimer.singleShot(0, poll)
    return errors


def _count(home: HomeScreen, group_id: int) -> int:
    """The number on a group card's "%n active member(s)" line."""
    return int(home.card_for(group_id).members_label.text().split()[0])


def _open(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.refresh()  # type: ignore[attr-defined]
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_member_added_in_roster_updates_home_without_a_refresh(qtbot, services, boxes) -> None:  # type: ignore[no-untyped-def]
    group = services.store.groups.add(Group(name="Tuesday Circle", crisis_resources="112"))
    home = _open(qtbot, HomeScreen(services))
    roster = _open(qtbot, RosterScreen(services))
    assert isinstance(home, HomeScreen) and isinstance(roster, RosterScreen)
    assert _count(home, group.id) == 0
    calls = {"home": 0, "roster": 0}
    for name, screen in (("home", home), ("roster", roster)):
        original = screen.reloader._reload

        def counted(original=original, name=name) -> None:  # type: ignore[no-untyped-def]
            calls[name] += 1
            original()

        screen.reloader._reload = counted

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MemberDialog)
        QTest.keyClicks(dialog.display_name, "Omer")
        for i in range(dialog.groups.count()):
            dialog.groups.item(i).setCheckState(Qt.CheckState.Checked)
        QTest.keyClick(dialog.display_name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    results: list[ops.OpResult] = []
    services.ops.changed.connect(results.append)
    roster.activateWindow()
    errors = _on_next_dialog(fill)
    roster.add_button.click()
    assert errors == []
    # One operation, one signal, and both screens reloaded themselves from it (Home
    # once the event loop is free: never under the click that ran the operation).
    assert [r.op.name for r in results] == ["member.add"]
    qtbot.waitUntil(lambda: _count(home, group.id) == 1)
    qtbot.wait(50)
    assert calls == {"home": 1, "roster": 1}
    assert [roster.model.member(r).display_name for r in range(roster.model.rowCount())] == ["Omer"]

    # Deactivating in the Roster: Home's count follows.
    roster.select_member(results[0].value.id)
    roster.active_button.click()
    qtbot.waitUntil(lambda: _count(home, group.id) == 0)
    assert results[-1].op.name == "member.set_active"

    # Forgetting (confirmed): gone from the Roster's model too.
    roster.show_inactive.setChecked(True)
    roster.select_member(results[0].value.id)
    roster.forget_button.click()
    assert results[-1].op.name == "member.forget"
    qtbot.waitUntil(lambda: roster.model.rowCount() == 0)
    assert boxes and boxes[-1][0] == "confirm"


def test_a_hidden_screen_reloads_when_it_is_shown_again(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    group = services.store.groups.add(Group(name="Tuesday Circle", crisis_resources="112"))
    home = _open(qtbot, HomeScreen(services))
    assert isinstance(home, HomeScreen)
    home.hide()
    services.ops.run(ops.members.add(fields={"display_name": "Ali", "group_ids": [group.id]}))
    qtbot.wait(50)
    assert _count(home, group.id) == 0  # not while hidden
    home.show()
    qtbot.waitExposed(home)
    assert _count(home, group.id) == 1


def test_a_refused_operation_changes_nothing_and_says_why(qtbot, services, boxes) -> None:  # type: ignore[no-untyped-def]
    results: list[ops.OpResult] = []
    services.ops.changed.connect(results.append)
    bad = ops.settings.set_value(key="auto_lock_minutes", value=500)
    assert services.ops.try_run(None, bad) is None
    assert results == []
    assert boxes == [("error", "Please enter a number from 1 to 120.")]
    assert services.store.settings.get("auto_lock_minutes") != 500


def test_a_newcomer_in_the_meeting_reaches_the_rail_and_home(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.meeting.runner import MeetingRunner

    group = services.store.groups.add(Group(name="Tuesday Circle", crisis_resources="112"))
    home = _open(qtbot, HomeScreen(services))
    assert isinstance(home, HomeScreen)
    result = services.ops.run(ops.meetings.start(group_id=group.id, date="2026-11-24"))
    runner = MeetingRunner(services, result.value.id)
    qtbot.addWidget(runner)
    runner.show()
    qtbot.waitExposed(runner)
    home.hide()  # the main window's stack shows one screen at a time
    results: list[ops.OpResult] = []
    services.ops.changed.connect(results.append)

    runner.session.add_new_member("Kim")  # what check-in's "New here" does

    assert [r.op.name for r in results] == ["attendance.add_newcomer"]
    assert results[0].changes.meeting_id == runner.meeting_id
    assert "1 here" in runner._statuses()[0] and "1 new" in runner._statuses()[0]
    assert "1 here" in runner.rail.list.item(0).text()
    home.show()
    qtbot.waitExposed(home)
    assert _count(home, group.id) == 1


def test_a_csv_import_in_the_background_reaches_home(qtbot, services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui import worker
    from groupkeeper.ui.csv_import_dialog import CsvImportDialog

    group = services.store.groups.add(Group(name="Tuesday Circle", crisis_resources="112"))
    home = _open(qtbot, HomeScreen(services))
    assert isinstance(home, HomeScreen)
    results: list[ops.OpResult] = []
    services.ops.changed.connect(results.append)
    path = tmp_path / "list.csv"
    path.write_text("Name;Phone\nLi;0111\nKim;0333\n", encoding="utf-8")
    dialog = CsvImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert worker.wait_idle()
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findText("Tuesday Circle"))
    dialog.import_button.click()
    assert worker.wait_idle()
    assert dialog.imported == 2
    # Emitted in the GUI thread; then the column choices are remembered (in the vault).
    assert [r.op.name for r in results] == ["member.import", "settings.set"]
    qtbot.waitUntil(lambda: _count(home, group.id) == 2)


def test_the_csv_import_makes_its_operation_in_the_worker(  # type: ignore[no-untyped-def]
    qtbot, services, tmp_path: Path, monkeypatch, message_boxes
) -> None:
    """Turning the accepted rows into the operation's data (seconds for 200,000 rows)
    happens in the worker, not on the GUI thread; a refused one is reported the same."""
    import threading

    from groupkeeper import csv_import
    from groupkeeper.storage.errors import InvalidInput
    from groupkeeper.ui import worker
    from groupkeeper.ui.csv_import_dialog import CsvImportDialog

    made_in: list[bool] = []
    real = csv_import.import_op

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        made_in.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(csv_import, "import_op", recorded)
    path = tmp_path / "list.csv"
    path.write_text("Name\nLi\nKim\n", encoding="utf-8")
    dialog = CsvImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert worker.wait_idle()
    dialog.import_button.click()
    assert worker.wait_idle()
    assert dialog.imported == 2 and made_in == [False]

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise InvalidInput("That value cannot be used here.")

    monkeypatch.setattr(csv_import, "import_op", refuse)
    other = tmp_path / "more.csv"
    other.write_text("Name\nAda\n", encoding="utf-8")
    again = CsvImportDialog(services)
    qtbot.addWidget(again)
    again.load_file(other)
    assert worker.wait_idle()
    again.import_button.click()
    assert worker.wait_idle()
    assert message_boxes.kinds == ["error"] and again.import_button.isEnabled()
    assert again.imported == 0
