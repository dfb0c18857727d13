"""After lock, no member's name is left in any widget, Qt model or module-level container.

Plays the attacker who gets the laptop right after a lock: a facilitator used the roster
(searched, opened a member, confirmed a forget whose box names the person), Home and a
meeting (check-ins, the type-ahead cache, the rail). Then Ctrl+L. The sweep looks at
*every* live widget of the application (not only the window's children: dialogs and
widgets waiting for deletion too), every live ``QAbstractItemModel`` found by the garbage
collector, and every list, dict, set or tuple held at module level by a ``groupkeeper``
module (``messages.shown`` used to keep the text of every box, Forget's included).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from groupkeeper import ops
from groupkeeper.model import Group, Member
from groupkeeper.settings import Settings
from groupkeeper.ui import messages, worker
from groupkeeper.ui.main_window import MainWindow
from groupkeeper.ui.services import Services

PASS = "kettle river purple bicycle"
NAMES = ("Zebedee Quillfeather", "Marigold Pennywhistle", "Octavia Brightwater")


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = Services(Settings(tmp_path / "settings.json"), tmp_path / "vault")
    svc.settings.set("tour_done", True)
    svc.create_vault(svc.vault_dir, PASS)
    group = svc.store.groups.add(
        Group(name="Tuesday Circle", meeting_day="Tuesday", crisis_resources="Line 0800")
    )
    for name in NAMES:
        svc.store.members.add(Member(display_name=name, group_ids=[group.id or 0]))
    svc.lock()
    yield svc
    svc.lock()


def _model_text(model: QAbstractItemModel, parent: QModelIndex | None = None) -> str:
    parent = parent or QModelIndex()
    parts = []
    for row in range(model.rowCount(parent)):
        for col in range(max(1, model.columnCount(parent))):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                parts.append(str(model.data(index, role)))
    return " ".join(parts)


def _widget_text(widget: QWidget) -> str:
    parts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
        parts.append(widget.text())
    if isinstance(widget, QLineEdit):
        parts.append(widget.placeholderText())
    if isinstance(widget, QPlainTextEdit):
        parts.append(widget.toPlainText())
    if isinstance(widget, QTextEdit):
        parts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        parts.extend(widget.itemText(i) for i in range(widget.count()))
    return "\n".join(parts)


def _module_containers() -> Iterator[tuple[str, Any]]:
    for name, module in list(sys.modules.items()):
        if not name.startswith("groupkeeper") or module is None:
            continue
        for attr, value in vars(module).items():
            if isinstance(value, list | dict | set | tuple | frozenset):
                yield f"{name}.{attr}", value


def _leaks() -> list[str]:
    found: list[str] = []
    for widget in QApplication.allWidgets():
        text = _widget_text(widget)
        found += [f"widget {type(widget).__name__}: {n}" for n in NAMES if n in text]
    for obj in gc.get_objects():
        if isinstance(obj, QAbstractItemModel):
            try:
                text = _model_text(obj)
            except RuntimeError:  # its C++ side is already gone: holds nothing
                continue
            found += [f"model {type(obj).__name__}: {n}" for n in NAMES if n in text]
    for where, value in _module_containers():
        text = repr(value)
        found += [f"module-level {where}: {n}" for n in NAMES if n in text]
    return found


def test_nothing_personal_survives_a_lock(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, str, str]] = []

    def answer(kind: str, title: str, text: str) -> bool:
        seen.append((kind, title, text))
        return True

    messages.set_test_responder(answer)
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        form = window.unlock_screen.form
        qtbot.keyClicks(form.field.edit, PASS)
        qtbot.keyClick(form.field.edit, Qt.Key.Key_Return)
        assert worker.wait_idle()
        assert services.is_unlocked

        # The roster: search, then forget one member (the box names them).
        window.show_roster()
        roster = window.roster
        qtbot.keyClicks(roster.search, "Octavia")
        octavia = roster.selected_member()
        assert octavia is not None and octavia.display_name == NAMES[2]
        roster.forget_selected()
        assert any(NAMES[2] in text for _k, _t, text in seen)
        roster.search.clear()

        # Home, then a meeting: check-ins by name fill the runner's caches and lists.
        window.show_home()
        group = services.store.groups.all()[0]
        meeting_id = window.home.start_for(group.id or 0)
        assert meeting_id is not None and window.runner is not None
        session = window.runner.session
        for member in session.find_members("e"):
            session.check_in(member.pseudonym)
        window.runner.segment_widget.refresh()
        assert session._members  # the type-ahead cache holds names now

        # Before the lock the sweep does find them (so the check below can fail).
        before = _leaks()
        assert any(NAMES[0] in leak for leak in before), before

        window.lock()
        assert not services.is_unlocked
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        gc.collect()
        assert _leaks() == []
        # Nothing kept by the operations layer either (it keeps no log in memory).
        assert not [v for v in vars(services.ops).values() if isinstance(v, list | dict)]
        assert ops.REGISTRY  # (the registry holds operation names only)
    finally:
        messages.set_test_responder(None)


def test_the_sweep_sees_a_module_level_list(monkeypatch: pytest.MonkeyPatch) -> None:
    # What messages.shown was: a list at module level that kept a box's text.
    monkeypatch.setattr(messages, "kept_for_the_test", [("confirm", "t", NAMES[1])], raising=False)
    assert _leaks() == [f"module-level groupkeeper.ui.messages.kept_for_the_test: {NAMES[1]}"]
