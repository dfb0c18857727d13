"""Settings: app-wide values in the settings file, vault values and groups in the vault."""

from __future__ import annotations

from pathlib import Path

import pytest

from groupkeeper.agenda import fill_from_template
from groupkeeper.model import Group, MoodScale
from groupkeeper.settings import Settings
from groupkeeper.ui import messages, worker
from groupkeeper.ui.services import Services
from groupkeeper.ui.settings_dialog import SettingsDialog

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
    svc.store.groups.add(fill_from_template(Group(name="Tuesday Circle", meeting_day="Tuesday")))
    yield svc
    svc.lock()


def test_changes_persist(qtbot, services, tmp_path: Path) -> None:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.app_page.theme.setCurrentIndex(dialog.app_page.theme.findData("high_contrast"))
    dialog.app_page.text_size.setCurrentIndex(dialog.app_page.text_size.findData(1.5))
    dialog.app_page.language.setCurrentIndex(dialog.app_page.language.findData("es"))
    dialog.vault_page.vault_spins["auto_lock_minutes"].setValue(12)
    dialog.vault_page.vault_spins["suppression_threshold"].setValue(11)
    dialog.vault_page.backup_dir.setText(str(tmp_path / "usb"))
    dialog.groups_page.g_name.setText("Tuesday Evening Circle")
    dialog.groups_page.g_scale.setCurrentIndex(dialog.groups_page.g_scale.findData("0-10"))
    dialog.groups_page.g_tally.setChecked(True)
    dialog.groups_page.g_crisis.setPlainText("Crisis line 0800")
    dialog.groups_page.g_wellbeing.setCurrentIndex(dialog.groups_page.g_wellbeing.findData("who5"))
    # Agenda: move the second segment up, change its minutes, remove the last one.
    editor = dialog.groups_page.g_agenda
    before = [s.kind for s in editor.segments]
    editor.list.setCurrentRow(1)
    editor.move_segment(-1)
    editor.minutes.setValue(7)
    editor.list.setCurrentRow(len(editor.segments) - 1)
    editor.remove_segment()
    assert dialog.save()

    reread = Settings(services.settings.path)
    assert reread.theme == "high_contrast"
    assert reread.text_scale == 1.5
    assert reread.language == "es"
    vault = services.store.settings
    assert vault.get("auto_lock_minutes") == 12
    assert vault.get("suppression_threshold") == 11
    assert vault.get("backup_dir") == str(tmp_path / "usb")
    group = services.store.groups.all()[0]
    assert group.name == "Tuesday Evening Circle"
    assert group.mood_scale == MoodScale.ELEVEN and group.tally_only_moods
    assert group.crisis_resources == "Crisis line 0800"
    assert group.wellbeing_scale == "who5"
    kinds = [s["kind"] for s in group.agenda]
    assert kinds == [before[1].value, before[0].value, *[k.value for k in before[2:-1]]]
    assert group.agenda[0]["minutes"] == 7


def test_empty_agenda_is_refused(qtbot, services, message_boxes) -> None:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    while dialog.groups_page.g_agenda.segments:
        dialog.groups_page.g_agenda.list.setCurrentRow(0)
        dialog.groups_page.g_agenda.remove_segment()
    assert not dialog.save()
    assert message_boxes.kinds == ["error"]
    assert message_boxes.seen[0][2] == "The agenda needs at least one segment."
    assert services.store.groups.all()[0].agenda  # unchanged


def test_add_group_from_template(qtbot, services) -> None:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.groups_page.add_group(Group(name="Drop-in", template="drop_in"))
    assert dialog.groups_page.current_group().name == "Drop-in"
    assert [s.kind.value for s in dialog.groups_page.g_agenda.segments][2] == "open"
    assert {g.name for g in services.store.groups.all()} == {"Tuesday Circle", "Drop-in"}


def test_change_passphrase_and_new_recovery_key(qtbot, services) -> None:
    from groupkeeper.storage.vault import Vault

    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.vault_page.new_passphrase.first.setText("a brand new passphrase")
    dialog.vault_page.new_passphrase.second.setText("a brand new passphrase")
    dialog.vault_page.change_passphrase()
    assert worker.wait_idle()
    assert "changed" in dialog.status.text()
    dialog.vault_page.new_recovery_key()
    assert worker.wait_idle()
    key = dialog.vault_page.new_key_label.text().rsplit(": ", 1)[1]
    services.lock()
    Vault.unlock(services.vault_dir, "a brand new passphrase").lock()
    Vault.unlock_with_recovery_key(services.vault_dir, key).lock()


def test_choosing_a_wellbeing_measure_adds_its_segment_removing_asks(  # type: ignore[no-untyped-def]
    qtbot, services, message_boxes
) -> None:
    from PySide6.QtCore import Qt

    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    kinds = lambda: [s.kind.value for s in dialog.groups_page.g_agenda.segments]  # noqa: E731
    assert "wellbeing_check" not in kinds()
    combo = dialog.groups_page.g_wellbeing
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # None -> WHO-5, as a user picks it
    assert combo.currentData() == "who5"
    assert kinds()[-2:] == ["wellbeing_check", "closing"]  # before the closing
    assert "Wellbeing check segment was added" in dialog.status.text()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # WHO-5 -> ONS4: still one segment
    assert kinds().count("wellbeing_check") == 1
    assert dialog.save()
    group = services.store.groups.all()[0]
    assert group.wellbeing_scale == "ons4"
    assert [s["kind"] for s in group.agenda].count("wellbeing_check") == 1
    # back to None: asks; "No" keeps the segment
    message_boxes.answer = False
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    kind, _title, text = message_boxes.seen[-1]
    assert kind == "confirm" and "Remove the Wellbeing check" in text
    assert "wellbeing_check" in kinds()
    # choose a measure and None again, answering "Yes": the segment goes
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    messages.set_test_responder(lambda kind, title, text: True)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert "wellbeing_check" not in kinds()
    assert dialog.save()
    assert "wellbeing_check" not in [s["kind"] for s in services.store.groups.all()[0].agenda]


def test_new_recovery_key_saved_as_pdf_with_date_and_vault_name(qtbot, services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from PySide6.QtCore import Qt

    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.vault_page
    assert page.save_key_button.isHidden()  # nothing to save before a key is made
    page.new_recovery_key()
    assert worker.wait_idle()
    key = page.new_key_label.text().rsplit(": ", 1)[1]
    assert not page.save_key_button.isHidden()
    out = tmp_path / "usb" / "key.pdf"
    out.parent.mkdir()
    page.ask_key_path = lambda: out  # type: ignore[method-assign]
    qtbot.mouseClick(page.save_key_button, Qt.MouseButton.LeftButton)
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert key in text and services.vault_dir.name in text
    assert str(services.now().astimezone().year) in text
    dialog.reject()  # closing forgets the key shown once
    assert page.new_key_label.text() == "" and page.save_key_button.isHidden()
