"""First run by keyboard: folder, passphrase twice, recovery key kept, first group -> Home."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from groupkeeper.settings import Settings
from groupkeeper.ui import messages, worker
from groupkeeper.ui.first_run import FirstRunScreen, is_risky_place
from groupkeeper.ui.main_window import MainWindow
from groupkeeper.ui.services import Services
from groupkeeper.ui.widgets.passphrase import MIN_LENGTH, strength


@pytest.fixture
def services(tmp_path: Path):  # type: ignore[no-untyped-def]
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    yield svc
    svc.lock()


@pytest.fixture(autouse=True)
def _responder():  # type: ignore[no-untyped-def]
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


def test_min_length_matches_storage() -> None:
    from groupkeeper.storage.vault import MIN_PASSPHRASE_LENGTH

    assert MIN_LENGTH == MIN_PASSPHRASE_LENGTH


def test_strength_words() -> None:
    assert strength("short") == "too_short"
    assert strength("password1") == "weak"
    assert strength("aaaaaaaaaaaa") == "weak"
    assert strength("kettle river") == "okay"
    assert strength("kettle river purple bicycle") == "strong"


def test_first_run_by_keyboard_creates_vault_and_lands_on_home(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    screen = window.first_run
    assert isinstance(screen, FirstRunScreen)
    assert window.stack.currentWidget() is screen
    qtbot.keyClick(screen.start_button, Qt.Key.Key_Space)
    assert screen.pages.currentIndex() == 1
    assert str(services.vault_dir) in screen.folder_label.text()
    qtbot.keyClick(screen.folder_next, Qt.Key.Key_Space)
    assert screen.pages.currentIndex() == 2

    field1 = screen.new_passphrase.first.edit
    field2 = screen.new_passphrase.second.edit
    qtbot.keyClicks(field1, "short")
    assert not screen.create_button.isEnabled()
    assert screen.new_passphrase.meter.level == "too_short"
    field1.clear()
    qtbot.keyClicks(field1, "kettle river purple bicycle")
    assert screen.new_passphrase.meter.level == "strong"
    qtbot.keyClicks(field2, "kettle river purple bicyclE")
    assert not screen.create_button.isEnabled()  # not the same
    field2.clear()
    qtbot.keyClicks(field2, "kettle river purple bicycle")
    assert screen.create_button.isEnabled()
    qtbot.keyClick(field2, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 3, timeout=30000)

    key = screen.key_label.text()
    assert len(key.replace("-", "")) >= 32
    assert not screen.recovery_next.isEnabled()
    qtbot.keyClick(screen.kept, Qt.Key.Key_Space)
    assert screen.recovery_next.isEnabled()
    qtbot.keyClick(screen.recovery_next, Qt.Key.Key_Space)
    assert screen.pages.currentIndex() == 4
    assert screen.key_label.text() == ""  # shown once

    editor = screen.group_editor
    assert "right to pass" in editor.agreements.toPlainText()
    qtbot.keyClicks(editor.name, "Tuesday Circle")
    editor.day.setCurrentIndex(1)
    qtbot.keyClick(screen.group_done, Qt.Key.Key_Space)

    assert window.stack.currentWidget() is window.home
    assert [c.group.name for c in window.home.cards] == ["Tuesday Circle"]
    group = services.store.groups.all()[0]
    assert group.meeting_day == "Tuesday"
    assert group.template == "weekly" and group.agenda
    assert group.crisis_resources == ""
    assert window.first_run is None
    # The recovery key really opens the vault.
    window.lock()
    services.unlock_with_recovery_key(key)
    assert services.is_unlocked


def test_group_needs_a_name(qtbot, services) -> None:
    screen = FirstRunScreen(services)
    qtbot.addWidget(screen)
    services.create_vault(services.vault_dir, "kettle river purple bicycle")
    screen.pages.setCurrentIndex(4)
    qtbot.keyClick(screen.group_done, Qt.Key.Key_Space)
    assert "name" in screen.group_error.text()
    assert services.store.groups.all() == []


def test_pdf_warns_on_this_laptop_and_writes(  # type: ignore[no-untyped-def]
    qtbot, services, tmp_path: Path, monkeypatch, message_boxes
) -> None:
    screen = FirstRunScreen(services)
    qtbot.addWidget(screen)
    screen._recovery_key = "ABCD-EFGH"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    inside_home = tmp_path / "home" / "Documents" / "key.pdf"
    assert is_risky_place(inside_home, services.vault_dir)
    assert is_risky_place(services.vault_dir / "key.pdf", services.vault_dir)
    usb = tmp_path / "media" / "usb" / "key.pdf"
    usb.parent.mkdir(parents=True)
    assert not is_risky_place(usb, services.vault_dir)

    message_boxes.answer = False  # "no, not here"
    inside_home.parent.mkdir(parents=True)
    assert not screen.save_pdf(inside_home)
    assert not inside_home.exists()
    assert message_boxes.kinds == ["confirm"]

    message_boxes.seen.clear()
    message_boxes.answer = True
    assert screen.save_pdf(usb)
    assert message_boxes.seen == []  # no warning for a USB stick
    assert usb.read_bytes().startswith(b"%PDF")


def test_recovery_key_pdf_has_margins_date_and_vault_name(qtbot, services, tmp_path: Path) -> None:
    from pypdf import PdfReader

    screen = FirstRunScreen(services)
    qtbot.addWidget(screen)
    screen._recovery_key = "ABCD-EFGH-IJKL-MNOP"
    screen.set_folder(tmp_path / "media" / "usb" / "Circle vault")
    out = tmp_path / "media" / "usb" / "key.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    assert screen.save_pdf(out)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "ABCD-EFGH-IJKL-MNOP" in text and "Circle vault" in text
    today = services.now().astimezone().date()
    assert str(today.year) in text and today.strftime("%B") in text
    # every piece of text starts at least 15 mm from the page's left and top edges
    page = reader.pages[0]
    width_pt, height_pt = float(page.mediabox.width), float(page.mediabox.height)
    xs: list[float] = []
    ys: list[float] = []

    def visit(text_piece, cm, tm, _font, _size) -> None:  # type: ignore[no-untyped-def]
        if text_piece.strip():  # text origin in page points: text matrix times the CTM
            xs.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])
            ys.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    mm = 72 / 25.4
    assert xs and min(xs) >= 15 * mm and max(xs) <= width_pt - 15 * mm
    assert min(ys) >= 15 * mm and max(ys) <= height_pt - 15 * mm
    assert width_pt == pytest.approx(595, abs=2)  # A4


def test_create_error_shown_inline(qtbot, services) -> None:
    services.create_vault(services.vault_dir, "kettle river purple bicycle")
    services.lock()
    screen = FirstRunScreen(services)
    qtbot.addWidget(screen)
    screen.pages.setCurrentIndex(2)
    screen.new_passphrase.first.setText("another good passphrase")
    screen.new_passphrase.second.setText("another good passphrase")
    screen._on_create_clicked()
    assert worker.wait_idle()
    assert "already a vault" in screen.create_error.text()
    assert screen.pages.currentIndex() == 2
