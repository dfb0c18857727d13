"""One press of Save in Settings is one operation: one transaction, one ``changed`` (pytest-qt).

Home and the Roster are open beside the Settings dialog over a real vault. The facilitator
types a new group name and a new auto-lock time and clicks Save: one ``settings.save``
reaches both screens, and Home shows the new name without a refresh. A refused agenda saves
nothing at all: neither the vault settings, nor the group, nor the app-wide preferences.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from groupkeeper import ops
from groupkeeper.agenda import fill_from_template
from groupkeeper.model import Group
from groupkeeper.settings import Settings
from groupkeeper.ui.home import HomeScreen
from groupkeeper.ui.roster import RosterScreen
from groupkeeper.ui.services import Services
from groupkeeper.ui.settings_dialog import SettingsDialog

PASS = "kettle river purple bicycle"


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    svc.create_vault(svc.vault_dir, PASS)
    svc.store.groups.add(
        fill_from_template(Group(name="Tuesday Circle", meeting_day="Tuesday", place="Hall"))
    )
    yield svc
    svc.lock()


def _screens(qtbot, services: Services) -> tuple[HomeScreen, RosterScreen, dict[str, int]]:  # type: ignore[no-untyped-def]
    home, roster = HomeScreen(services), RosterScreen(services)
    reloads = {"home": 0, "roster": 0}
    for name, screen in (("home", home), ("roster", roster)):
        qtbot.addWidget(screen)
        screen.refresh()
        screen.show()
        original = screen.reloader._reload

        def counted(original=original, name=name) -> None:  # type: ignore[no-untyped-def]
            reloads[name] += 1
            original()

        screen.reloader._reload = counted  # type: ignore[method-assign]
    return home, roster, reloads


def _retype(qtbot, box, text: str) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, text)


def test_one_save_is_one_operation_heard_by_every_screen(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    group = services.store.groups.all()[0]
    home, _roster, reloads = _screens(qtbot, services)
    results: list[ops.OpResult] = []
    services.ops.changed.connect(results.append)
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.groups_page
    _retype(qtbot, page.g_name, "Tuesday Evening Circle")
    _retype(qtbot, page.g_place, "Room 4")
    lock_box = dialog.vault_page.vault_spins["auto_lock_minutes"]
    lock_box.setValue(12)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.status.text() == "Saved."
    assert [r.op.name for r in results] == ["settings.save"]  # one op, one signal
    saved = services.store.groups.get(group.id)
    assert (saved.name, saved.place) == ("Tuesday Evening Circle", "Room 4")
    assert services.store.settings.get("auto_lock_minutes") == 12
    qtbot.waitUntil(lambda: home.card_for(group.id).group.name == "Tuesday Evening Circle")
    qtbot.wait(50)
    assert reloads == {"home": 1, "roster": 1}
    assert page.group_picker.currentText() == "Tuesday Evening Circle"

    # Saving again with nothing changed is still one operation, and the form kept the
    # saved group (not the one loaded when the dialog opened).
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [r.op.name for r in results] == ["settings.save"] * 2
    assert services.store.groups.get(group.id).name == "Tuesday Evening Circle"


def test_a_refused_agenda_saves_nothing_anywhere(qtbot, services, message_boxes) -> None:  # type: ignore[no-untyped-def]
    group = services.store.groups.all()[0]
    before_lock = services.store.settings.get("auto_lock_minutes")
    before_theme = services.settings.theme
    results: list[ops.OpResult] = []
    services.ops.changed.connect(results.append)
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.app_page.theme.setCurrentIndex(dialog.app_page.theme.findData("high_contrast"))
    dialog.vault_page.vault_spins["auto_lock_minutes"].setValue(before_lock + 5)
    _retype(qtbot, dialog.groups_page.g_name, "Renamed")
    editor = dialog.groups_page.g_agenda
    while editor.segments:
        editor.list.setCurrentRow(0)
        editor.remove_segment()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert message_boxes.kinds == ["error"]
    assert message_boxes.seen[0][2] == "The agenda needs at least one segment."
    assert results == []  # nothing happened, so no screen is told anything
    assert services.store.settings.get("auto_lock_minutes") == before_lock
    assert services.store.groups.get(group.id).name == "Tuesday Circle"
    assert services.store.groups.get(group.id).agenda
    assert services.settings.theme == before_theme
    assert Settings(services.settings.path).theme == before_theme  # not written either
    assert dialog.status.text() != "Saved."
