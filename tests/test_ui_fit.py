"""Every screen fits a 1366x768 laptop: 100/150/200% text, English/Spanish, both themes.

For each of the 12 combinations one main window walks first run, unlock, Home, Roster,
Reports, the dialogs (help, every Settings page, the member form, the CSV import with a
Spanish file), every meeting segment, the arrival dialog, the Safety panel and the
meeting lock screen; for every visible widget it
asserts that the window did not grow past the screen, that the widget lies inside its
parent (so inside the window, or inside a scrolling segment) and that its text fits its
rect (``tests/ui_fit.py``). ``tools/screenshots.py`` runs the same walk under Xvfb and
saves what it sees.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).parent))
from ui_fit import COMBINATIONS, SCREEN, appearance, fit_problems, walk_window  # noqa: E402


@pytest.mark.parametrize(("lang", "scale", "theme"), COMBINATIONS)
def test_every_screen_fits(
    qtbot, qapp, tmp_path: Path, lang: str, scale: float, theme: str
) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    screens = []
    with appearance(qapp, lang, scale, theme):
        for name, window in walk_window(qtbot, tmp_path):
            screens.append(name)
            problems += [f"{name}: {p}" for p in fit_problems(window)]
    assert len(screens) >= 17 and any(s.startswith("segment 8") for s in screens), screens
    dialogs = {"arrival dialog", "safety panel", "help tab 1", "settings page 2"}
    dialogs |= {"member form (edit)", "member form (new)", "csv import (mapped)"}
    assert dialogs <= set(screens), screens
    assert not problems, "\n".join(problems)


def test_the_check_finds_cut_text_and_a_window_too_wide(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    cut = QPushButton("Avisó que no venía")
    cut.setFixedWidth(60)
    label = QLabel("Primera vez hoy, una frase larga que no cabe")
    label.setFixedWidth(40)
    row.addWidget(cut)
    row.addWidget(label)
    outside = QPushButton("x", window)
    outside.setGeometry(5000, 10, 40, 40)
    window.resize(SCREEN.width() + 10, 200)
    window.show()
    found = "\n".join(fit_problems(window))
    assert "larger than the screen" in found
    assert "Avisó" in found and "text needs" in found
    assert "Primera vez" in found
    assert "lies outside its parent" in found


def test_the_check_accepts_a_fitting_window(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    row.addWidget(QPushButton("Marcar presente"))
    row.addWidget(QLabel("Visita anónima"))
    window.resize(800, 200)
    window.show()
    assert fit_problems(window) == []


def _last_item_whole(qtbot, combo) -> bool:  # type: ignore[no-untyped-def]
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible())
    view = combo.view()
    last = combo.model().index(combo.count() - 1, combo.modelColumn())
    view.scrollToBottom()  # a long list scrolls; its end must then show whole
    rect = view.visualRect(last)
    viewport = view.viewport().rect()
    whole = rect.top() >= viewport.top() and rect.bottom() <= viewport.bottom()
    # The menu-like popup's scroll arrows cover the ends of the list (seen under X11,
    # where the last month of Reports' pickers was cut): the popup must be a plain list.
    container = view.parentWidget()
    arrows = [
        w
        for w in container.findChildren(QWidget)
        if type(w).__name__ == "QComboBoxPrivateScroller" and w.isVisible()
    ]
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    menu_like = combo.style().styleHint(QStyle.StyleHint.SH_ComboBox_Popup, opt, combo)
    whole = whole and not arrows and not menu_like
    combo.hidePopup()
    return whole


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_drop_down_lists_show_their_last_item_whole(qtbot, qapp, tmp_path, scale) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox

    checked = []
    with appearance(qapp, "es", scale, "calm"):
        for name, window in walk_window(qtbot, tmp_path):
            if name not in ("reports", "roster", "segment 4 skill_share"):
                continue
            for combo in window.findChildren(QComboBox):
                if combo.isVisible() and combo.count() > 0 and not combo.isEditable():
                    checked.append(f"{name} {combo.accessibleName()} ({combo.count()} items)")
                    assert _last_item_whole(qtbot, combo), checked[-1]
        # Few items and many items (the popup scrolls).
        for count in (3, 40):
            combo = QComboBox()
            qtbot.addWidget(combo)
            combo.addItems([f"Mes {i}" for i in range(count)])
            combo.show()
            assert _last_item_whole(qtbot, combo), count
    assert len(checked) >= 4, checked


def _visible_rect(widget: QWidget, rect) -> object:  # type: ignore[no-untyped-def]
    """The part of ``rect`` (in ``widget``'s coordinates) that shows in the window:
    clipped by every ancestor (scroll areas' viewports included)."""
    from PySide6.QtCore import QPoint, QRect

    top_left = widget.mapTo(widget.window(), rect.topLeft())
    shown = QRect(top_left, rect.size())
    parent = widget
    while parent is not None and not parent.isWindow():
        parent = parent.parentWidget()
        if parent is None:
            break
        origin = parent.mapTo(parent.window(), QPoint(0, 0))
        shown = shown.intersected(QRect(origin, parent.size()))
    return shown


@pytest.mark.parametrize("lang", ["en", "es"])
def test_newest_arrival_in_view_at_200_percent(qtbot, qapp, tmp_path, lang) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt as QtNs
    from ui_fit import laptop_screen
    from ui_screens import TODAY, make_services

    from groupkeeper.model import Member
    from groupkeeper.ui.main_window import MainWindow

    with appearance(qapp, lang, 2.0, "calm"), laptop_screen():
        services = make_services(tmp_path / "demo")
        store = services.store
        group = store.groups.all()[0]
        store.members.add_many(
            [Member(n, group_ids=[int(group.id)]) for n in ("Zoltan", "Yvette", "Xavier")]
        )
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.resize(SCREEN)
        window.show()
        qtbot.waitExposed(window)
        window.finish_start()
        window._on_unlocked()
        meeting = store.meetings.start(int(group.id), TODAY.isoformat())
        window.open_meeting(int(meeting.id))
        runner = window.runner
        runner.go_to(0)
        segment = runner.segment_widget
        search = segment.panel.search
        for name in ("Zolt", "Yvet", "Xavi"):
            qtbot.keyClicks(search, name)
            qtbot.keyClick(search, QtNs.Key.Key_Return)
            qtbot.wait(5)
        here = segment.here
        assert here.count() == 3 and here.item(0).text().startswith("Xavier")
        item_rect = here.visualRect(here.model().index(0, 0))
        shown = _visible_rect(here.viewport(), item_rect)
        assert shown.height() >= item_rect.height() and shown.width() > 0, (
            f"newest arrival shows {shown.height()} of {item_rect.height()} px"
        )
        # The search box itself (the segment's main control) is whole on screen too.
        box = _visible_rect(search, search.rect())
        assert box.height() >= search.height(), f"search box shows {box.height()} px"
        assert fit_problems(window) == []
        runner.clear_personal_data()
        window.close()
