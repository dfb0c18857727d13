"""Settings that suit the audience (issue 13 item 12): declared ranges, multi-line editors,
number boxes that ignore a passing mouse wheel, visible up/down arrows, no stray "&", no
clipped labels. Also the first-run group form, which shares the form pieces."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QStyleOptionSpinBox,
    QWidget,
)

from groupkeeper import options
from groupkeeper.agenda import fill_from_template
from groupkeeper.model import Group
from groupkeeper.settings import Settings
from groupkeeper.ui import messages, resources
from groupkeeper.ui.services import Services
from groupkeeper.ui.settings_dialog import SettingsDialog
from groupkeeper.ui.widgets.forms import NumberBox
from groupkeeper.ui.widgets.group_form import GroupBasicsEditor

PASS = "kettle river purple bicycle"


@pytest.fixture(autouse=True)
def _responder() -> Iterator[None]:
    messages.set_test_responder(lambda kind, title, text: True)
    yield
    messages.set_test_responder(None)


@pytest.fixture
def styled() -> Iterator[QApplication]:
    """The app's own style sheet (the arrows and paddings come from it)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(resources.stylesheet("calm", 1.0))
    yield app
    app.setStyleSheet(before)


@pytest.fixture
def dialog(qtbot, tmp_path: Path) -> Iterator[SettingsDialog]:  # type: ignore[no-untyped-def]
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    svc.create_vault(svc.vault_dir, PASS)
    svc.store.groups.add(fill_from_template(Group(name="Tuesday Circle")))
    dlg = SettingsDialog(svc)
    qtbot.addWidget(dlg)
    dlg.resize(900, 640)
    dlg.show()
    qtbot.waitExposed(dlg)
    yield dlg
    svc.lock()


def test_number_boxes_take_range_and_title_from_the_declarations(dialog) -> None:
    spins = dialog.vault_page.vault_spins
    assert list(spins) == [o.key for o in options.VAULT_NUMBERS]
    for option in options.VAULT_NUMBERS:
        spin = spins[option.key]
        assert (spin.minimum(), spin.maximum()) == (option.low, option.high)
        assert spin.accessibleName() == option.title  # English: the title itself


def _wheel(widget: QWidget, up: bool = True) -> None:
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_changes_a_number_only_once_the_box_has_focus(qtbot, dialog) -> None:
    dialog.tabs.setCurrentIndex(1)
    spin = dialog.vault_page.vault_spins["auto_lock_minutes"]
    dialog.vault_page.new_passphrase.setFocus()
    before = spin.value()
    _wheel(spin)  # scrolling the page past the box
    assert spin.value() == before
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    _wheel(spin)
    assert spin.value() == before + 1
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus


def _dark_pixels(spin: NumberBox, control: QStyle.SubControl) -> int:
    opt = QStyleOptionSpinBox()
    spin.initStyleOption(opt)
    rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, control, spin)
    image = spin.grab().toImage()
    return sum(
        image.pixelColor(x, y).lightness() < 80
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def test_number_boxes_show_up_and_down_arrows(qtbot, styled) -> None:
    spin = NumberBox()
    qtbot.addWidget(spin)
    spin.setRange(1, 120)
    spin.resize(180, 48)
    spin.show()
    qtbot.waitExposed(spin)
    # An arrow is a dark triangle inside its button; without one the button is flat.
    assert _dark_pixels(spin, QStyle.SubControl.SC_SpinBoxUp) >= 20
    assert _dark_pixels(spin, QStyle.SubControl.SC_SpinBoxDown) >= 20


def test_safety_texts_are_multi_line_editors(dialog) -> None:
    page = dialog.groups_page
    for box in (page.g_agreements, page.g_crisis, page.g_escalation):
        assert isinstance(box, QPlainTextEdit)
        assert box.minimumHeight() >= 4 * box.fontMetrics().lineSpacing()
        assert box.tabChangesFocus()


_MNEMONIC = re.compile(r"(?<!&)&(?!&)")


def _stray_ampersands(root: QWidget) -> list[str]:
    """Labels that would draw an "&" as text: a mnemonic with no buddy to give it to."""
    return [
        label.text()
        for label in root.findChildren(QLabel)
        if _MNEMONIC.search(label.text()) and label.buddy() is None
    ]


def _clipped(root: QWidget) -> list[str]:
    found = []
    for label in root.findChildren(QLabel):
        if (
            not label.isVisibleTo(root)
            or not label.text()
            or label.textFormat() is Qt.TextFormat.RichText
        ):
            continue
        rect = label.contentsRect()
        if label.wordWrap():
            if label.heightForWidth(rect.width()) > rect.height() + 1:
                found.append(label.text())
        else:
            text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if label.fontMetrics().horizontalAdvance(text) > rect.width() + 1:
                found.append(label.text())
    return found


@pytest.mark.parametrize("tab", [0, 1, 2])
def test_no_stray_ampersand_and_no_clipped_label(qtbot, dialog, styled, tab: int) -> None:
    dialog.tabs.setCurrentIndex(tab)
    page = dialog.tabs.currentWidget()
    qtbot.wait(20)
    assert _stray_ampersands(dialog) == []
    assert _clipped(page) == []


def test_the_group_form_has_buddies_and_room(qtbot, styled) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    form = QFormLayout(host)
    editor = GroupBasicsEditor(host, form)
    host.resize(700, 700)
    host.show()
    qtbot.waitExposed(host)
    assert _stray_ampersands(host) == []
    assert _clipped(host) == []
    assert editor.crisis.minimumHeight() >= 3 * editor.crisis.fontMetrics().lineSpacing()


def test_passphrase_buttons_wrap_instead_of_widening_the_page(dialog) -> None:
    """In Spanish at large text the three buttons are wider than the dialog: they flow onto
    more rows (a fixed row made the Vault page scroll sideways)."""
    page = dialog.vault_page
    buttons = (page.change_button, page.revoke_button, page.recovery_button)
    together = sum(b.sizeHint().width() for b in buttons)
    assert page.minimumSizeHint().width() < together
