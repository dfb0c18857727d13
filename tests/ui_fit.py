"""Does every screen fit a 1366x768 laptop at every text size, language and theme?

Shared by tests/test_ui_fit.py (the 12-combination assertion) and tools/screenshots.py
(the same walk under a real X server, saved as PNGs to look at).

``appearance(app, lang, scale, theme)`` switches the whole app (translations, font, style
sheet) and puts it back afterwards. ``walk_window`` drives one ``MainWindow`` through
first run, unlock, Home, Roster, Reports, every meeting segment and the meeting lock
screen; ``fit_problems`` lists every visible widget that lies outside its parent (so
outside the window) or whose text does not fit its rect.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, Qt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)
from ui_screens import TODAY, make_services

SCREEN = QSize(1366, 768)
LANGUAGES = ("en", "es")
SCALES = (1.0, 1.5, 2.0)
THEMES = ("calm", "high_contrast")
COMBINATIONS = [(lang, scale, theme) for lang in LANGUAGES for scale in SCALES for theme in THEMES]


@contextlib.contextmanager
def appearance(app: QApplication, lang: str, scale: float, theme: str) -> Iterator[None]:
    """Language, text size and theme for the whole app, restored on exit."""
    from groupkeeper.settings import Settings
    from groupkeeper.ui import app as app_module

    font, sheet, locale = QFont(app.font()), app.styleSheet(), QLocale()
    settings = Settings(Path("/nonexistent-groupkeeper-settings.json"))
    settings._values["text_scale"] = scale  # never saved: the path is not written
    settings._values["theme"] = theme
    app_module.install_translations(app, lang)
    app_module.apply_appearance(app, settings)
    try:
        yield
    finally:
        for translator in app_module._translators:
            app.removeTranslator(translator)
        app_module._translators.clear()
        QLocale.setDefault(locale)
        app.setStyleSheet(sheet)
        app.setFont(font)


@contextlib.contextmanager
def laptop_screen(size: QSize = SCREEN) -> Iterator[None]:
    """Dialogs size themselves to the screen they are on (``widgets.sizing``): on the
    offscreen test platform (an 800x800 screen) they would open smaller than on the
    laptop. While this is active a screen smaller than ``size`` reports ``size`` as its
    available area, so every dialog opens at the size it has on that laptop. Under a
    real X server at that size nothing changes."""
    from PySide6.QtGui import QScreen

    primary = QApplication.primaryScreen()
    real = primary.availableGeometry().size() if primary is not None else size
    if real.width() >= size.width() and real.height() >= size.height():
        yield
        return
    original = QScreen.availableGeometry
    QScreen.availableGeometry = lambda self: QRect(0, 0, size.width(), size.height())  # type: ignore[method-assign]
    try:
        yield
    finally:
        QScreen.availableGeometry = original  # type: ignore[method-assign]


def _as_on_screen(dialog: QWidget, size: QSize) -> QWidget:
    """The dialog as opened (sized by ``laptop_screen``), checked against ``size``."""
    assert dialog.width() <= size.width() and dialog.height() <= size.height()
    return dialog


def _dismiss(dialog: QWidget) -> None:
    """Close a dialog the walk opened and let Qt delete it now (in the GUI thread)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    clear = getattr(dialog, "clear_personal_data", None)
    if callable(clear):
        clear()
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


CSV_SPANISH = (
    "Nombre,Apellidos,Pronombres,Teléfono,Correo electrónico,Contacto de emergencia,"
    "Acepta contacto,Fecha de alta,Notas\n"
    "Lucía,Fernández,ella,600 111 222,lucia@example.org,Ana (hermana) 600 333 444,sí,"
    "2025-02-03,Prefiere mensajes\n"
    "Martín,Ruiz,él,600 555 666,,,no,2025-03-10,\n"
    ",Sin nombre,,,,,,,\n"
)


def walk_dialogs(
    qtbot: Any, window: QWidget, services: Any, tmp_path: Path, size: QSize = SCREEN
) -> Iterator[tuple[str, QWidget]]:
    """The app's dialogs over ``window``: help, Settings (every page), the member form
    (new and existing) and the CSV import with a Spanish file mapped and previewed."""
    from groupkeeper.ui import worker
    from groupkeeper.ui.csv_import_dialog import CsvImportDialog
    from groupkeeper.ui.help import HelpDialog
    from groupkeeper.ui.member_dialog import MemberDialog
    from groupkeeper.ui.settings_dialog import SettingsDialog

    help_dialog = HelpDialog(services, window)
    help_dialog.show()
    _as_on_screen(help_dialog, size)
    for i in range(help_dialog.tabs.count()):
        help_dialog.tabs.setCurrentIndex(i)
        _settle(qtbot, help_dialog)
        yield f"help tab {i}", help_dialog
    _dismiss(help_dialog)

    settings = SettingsDialog(services, window)
    settings.show()
    _as_on_screen(settings, size)
    for i in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(i)
        _settle(qtbot, settings)
        yield f"settings page {i}", settings
    _dismiss(settings)

    member = services.store.members.all()[0]
    for name, member_id in (("member form (edit)", member.id), ("member form (new)", None)):
        form = MemberDialog(services, member_id, window)
        form.show()
        _as_on_screen(form, size)
        _settle(qtbot, form)
        yield name, form
        _dismiss(form)

    csv_path = tmp_path / "socios.csv"
    csv_path.write_text(CSV_SPANISH, encoding="utf-8")
    importer = CsvImportDialog(services, window)
    importer.show()
    _as_on_screen(importer, size)
    _settle(qtbot, importer)
    yield "csv import (no file)", importer
    importer.load_file(csv_path)
    qtbot.waitUntil(lambda: not worker.busy(), timeout=30000)
    _settle(qtbot, importer)
    yield "csv import (mapped)", importer
    _dismiss(importer)
    csv_path.unlink()


def _settle(qtbot: Any, window: QWidget) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(1)
    QApplication.processEvents()


def walk_window(qtbot: Any, tmp_path: Path, size: QSize = SCREEN) -> Iterator[tuple[str, QWidget]]:
    """Yield (screen name, main window) for every screen the main window shows.

    The window is shown at ``size`` (as a maximised window on that screen would be);
    anything that makes it grow is a layout that does not reflow.
    """
    from groupkeeper.agenda import SegmentKind
    from groupkeeper.model import Member
    from groupkeeper.ui import messages, worker
    from groupkeeper.ui.main_window import MainWindow

    previous = messages._responder
    messages.set_test_responder(lambda kind, title, text: True)
    screen = laptop_screen(size)
    screen.__enter__()
    try:
        fresh = make_services(tmp_path / "fresh", vault=False)
        window = MainWindow(fresh)
        qtbot.addWidget(window)
        window.resize(size)
        window.show()
        qtbot.waitExposed(window)
        window.finish_start()
        pages = window.first_run.pages
        for i in range(pages.count()):
            pages.setCurrentIndex(i)
            _settle(qtbot, window)
            yield f"first run page {i}", window
        window.first_run.clear_personal_data()
        window.close()

        services = make_services(tmp_path / "demo")
        store = services.store
        group = store.groups.all()[0]
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.resize(size)
        window.show()
        qtbot.waitExposed(window)
        window.finish_start()
        window._on_unlocked()
        _settle(qtbot, window)
        yield "home", window
        window.show_roster()
        _settle(qtbot, window)
        yield "roster", window
        # Collect the earlier screens' garbage now: a collection in the GUI thread while
        # the report is built in the worker has crashed PySide (seen in full runs).
        gc.collect()
        window.show_reports()
        qtbot.waitUntil(lambda: not worker.busy(), timeout=30000)
        _settle(qtbot, window)
        yield "reports", window
        yield from walk_dialogs(qtbot, window, services, tmp_path, size)

        added = store.members.add_many(
            [Member(n, group_ids=[int(group.id)]) for n in ("Maya", "Ali", "Sam")]
        )
        meeting = store.meetings.start(int(group.id), TODAY.isoformat())
        window.open_meeting(int(meeting.id))
        runner = window.runner
        for person in added:
            runner.session.check_in(person.pseudonym)
        runner.segment_widget.refresh()  # the check-in segment shows who is here
        segments = runner.session.run.segments
        assert SegmentKind.WELLBEING_CHECK in {s.kind for s in segments}
        for i in range(len(segments)):
            runner.go_to(i)
            _settle(qtbot, window)
            yield f"segment {i} {segments[i].kind.value}", window
        # The meeting's dialogs, over the runner (each its own window on the screen).
        runner.go_to(0)
        runner.open_arrival()
        assert runner.arrival_dialog is not None
        _as_on_screen(runner.arrival_dialog, size)
        _settle(qtbot, runner.arrival_dialog)
        yield "arrival dialog", runner.arrival_dialog
        runner.arrival_dialog.reject()
        runner.open_safety()
        assert runner.safety_panel is not None
        _as_on_screen(runner.safety_panel, size)
        _settle(qtbot, runner.safety_panel)
        yield "safety panel", runner.safety_panel
        runner.safety_panel.reject()
        _settle(qtbot, window)
        worker.wait_idle()
        window.lock()
        _settle(qtbot, window)
        yield "meeting lock screen", window
        window.lock_screen.clear_personal_data() if hasattr(
            window.lock_screen, "clear_personal_data"
        ) else None
        window.stack.removeWidget(window.lock_screen)
        window.lock_screen.deleteLater()
        window.lock_screen = None
        window.unlock_screen.refresh()
        window.stack.setCurrentWidget(window.unlock_screen)
        _settle(qtbot, window)
        yield "unlock", window
        window.close()
    finally:
        screen.__exit__(None, None, None)
        messages.set_test_responder(previous)


# -- the checks ----------------------------------------------------------------------------


def _name(w: QWidget) -> str:
    text = ""
    for getter in ("text", "title", "currentText"):
        fn = getattr(w, getter, None)
        if callable(fn):
            try:
                text = str(fn())
            except TypeError:
                continue
            break
    return f"{type(w).__name__}({w.objectName()}{', ' if text else ''}{text[:40]!r})"


def _mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _scrolled_content(w: QWidget) -> bool:
    """True for a widget whose parent is a scroll area's viewport (it may be larger)."""
    parent = w.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    return isinstance(grand, QAbstractScrollArea) and parent is grand.viewport()


def _inside_parent(w: QWidget) -> str:
    parent = w.parentWidget()
    if parent is None or _scrolled_content(w) or w.isWindow():
        return ""
    if isinstance(parent, QAbstractScrollArea) and w is not parent.viewport():
        return ""  # scroll bars and corner widgets: the area places them itself
    if isinstance(parent, QTabBar):
        return ""  # the tab bar's own scroll buttons
    outer = parent.rect()
    rect = w.geometry()
    if outer.contains(rect):
        return ""
    return f"lies outside its parent {_name(parent)}: {_r(rect)} not in {_r(outer)}"


def _r(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


def _text_width(fm: QFontMetrics, text: str) -> int:
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _label_problem(lab: QLabel) -> str:
    text = lab.text()
    if not text or lab.pixmap() is not None and not lab.pixmap().isNull():
        return ""
    cr = lab.contentsRect()
    margin = lab.margin()
    width = cr.width() - 2 * margin - max(0, lab.indent())
    height = cr.height() - 2 * margin
    fm = lab.fontMetrics()
    rich = lab.textFormat() == Qt.TextFormat.RichText or (
        lab.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if lab.wordWrap():
        # heightForWidth takes and returns the whole label, frame and margins included.
        need = lab.heightForWidth(lab.width())
        if need > lab.height() + 1:
            return f"wrapped text needs {need} px height, has {lab.height()}"
        return _longest_word_problem(lab, width)
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(lab.font())
        doc.setHtml(text)
        doc.setDocumentMargin(0)
        need_w, need_h = int(doc.idealWidth()), int(doc.size().height())
    else:
        plain = _mnemonic_free(text) if lab.buddy() is not None else text
        need_w = _text_width(fm, plain)
        need_h = fm.height() * (plain.count("\n") + 1)
    if need_w > width + 1:
        return f"text needs {need_w} px, has {width}"
    if need_h > height + 1:
        return f"text needs {need_h} px height, has {height}"
    return ""


def _longest_word_problem(lab: QLabel, width: int) -> str:
    """A wrapped label still cuts a word longer than its width."""
    if Qt.mightBeRichText(lab.text()):
        return ""
    fm = lab.fontMetrics()
    words = lab.text().replace("\u200b", " ").split()  # a zero-width space may break
    longest = max(words, key=fm.horizontalAdvance, default="")
    if fm.horizontalAdvance(longest) > width + 1:
        return f"the word {longest!r} needs {fm.horizontalAdvance(longest)} px, has {width}"
    return ""


def _button_problem(btn: QAbstractButton) -> str:
    text = _mnemonic_free(btn.text())
    if not text:
        return ""
    fm = btn.fontMetrics()
    need_w = _text_width(fm, text)
    if not btn.icon().isNull():
        need_w += btn.iconSize().width() + 4
    style = btn.style()
    if isinstance(btn, QPushButton):
        opt = QStyleOptionButton()
        btn.initStyleOption(opt)
        rect = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, btn)
    elif isinstance(btn, QCheckBox | QRadioButton):
        opt = QStyleOptionButton()
        btn.initStyleOption(opt)
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(btn, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        rect = style.subElementRect(element, opt, btn)
    else:
        rect = btn.contentsRect()
    if need_w > rect.width() + 1:
        return f"text needs {need_w} px, has {rect.width()}"
    need_h = fm.height() * (text.count("\n") + 1)
    if need_h > rect.height() + 1:
        return f"text needs {need_h} px height, has {rect.height()}"
    return ""


def _combo_problem(box: QComboBox) -> str:
    text = box.currentText()
    if not text or box.isEditable():
        return ""
    opt = QStyleOptionComboBox()
    box.initStyleOption(opt)
    rect = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    need = box.fontMetrics().horizontalAdvance(text)
    if not box.itemIcon(box.currentIndex()).isNull():
        need += box.iconSize().width() + 4
    if need > rect.width() + 1:
        return f"current item needs {need} px, has {rect.width()}"
    if box.fontMetrics().height() > rect.height() + 1:
        return f"current item needs {box.fontMetrics().height()} px height, has {rect.height()}"
    return ""


def _tabs_problem(bar: QTabBar) -> str:
    for i in range(bar.count()):
        text = _mnemonic_free(bar.tabText(i))
        need = bar.fontMetrics().horizontalAdvance(text)
        rect = bar.tabRect(i)
        if need > rect.width() - 8 or not bar.rect().contains(rect):
            return f"tab {text!r} needs {need} px, has {rect.width()} (or is off the bar)"
    return ""


def _list_problem(view: QListView) -> str:
    """Multi-line or elided rows of a list with no horizontal scrolling."""
    if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return ""
    model = view.model()
    if model is None:
        return ""
    width = view.viewport().width() - 16  # the themes' item padding: 8 px a side
    for row in range(model.rowCount()):
        index = model.index(row, view.modelColumn())
        rect = view.visualRect(index)
        if rect.isEmpty() or not view.viewport().rect().intersects(rect):
            continue
        font = model.data(index, Qt.ItemDataRole.FontRole)
        fm = QFontMetrics(font if isinstance(font, QFont) else view.font())
        text = str(model.data(index) or "")
        lines = text.split("\n")
        if view.wordWrap():  # rows wrap: the wrapped text must fit the row's height
            need = fm.boundingRect(
                QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), text
            ).height()
            if need > rect.height() + 1:
                return f"row {row} needs {need} px height (wrapped), has {rect.height()}"
            continue
        if _text_width(fm, text) > width + 1:
            return f"row {row} needs {_text_width(fm, text)} px, has {width}"
        if fm.height() * len(lines) > rect.height() + 1:
            return f"row {row} needs {fm.height() * len(lines)} px height, has {rect.height()}"
    return ""


def _header_problem(header: QHeaderView) -> str:
    """A column title cut by its section (the themes pad sections 8 px a side)."""
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return ""
    fm = QFontMetrics(header.font())
    bold = QFont(header.font())
    bold.setBold(True)  # the themes draw column titles bold
    fm = QFontMetrics(bold)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        need = fm.horizontalAdvance(text) + 16
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += 12
        if text and need > header.sectionSize(section) + 1:
            return f"column {text!r} needs {need} px, has {header.sectionSize(section)}"
    return ""


def _line_edit_problem(edit: QLineEdit) -> str:
    """A text box too narrow to read what is typed (fewer than 12 average letters)."""
    parent = edit.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return ""  # numbers, dates and times: the box is as wide as its value
    need = edit.fontMetrics().averageCharWidth() * 12
    room = edit.contentsRect().width()
    if room < need:
        return f"text box shows {room} px, needs {need} for 12 letters"
    return ""


def _text_problem(w: QWidget) -> str:
    if isinstance(w, QLineEdit):
        return _line_edit_problem(w)
    if isinstance(w, QLabel):
        return _label_problem(w)
    if isinstance(w, QAbstractButton) and not isinstance(w.parentWidget(), QTabBar):
        return _button_problem(w)
    if isinstance(w, QComboBox):
        return _combo_problem(w)
    if isinstance(w, QTabBar):
        return _tabs_problem(w)
    if isinstance(w, QHeaderView):
        return _header_problem(w)
    if isinstance(w, QListView) and type(w).__name__ != "QComboBoxListView":
        return _list_problem(w)
    return ""


def fit_problems(top: QWidget, screen: QSize = SCREEN) -> list[str]:
    """Everything on ``top`` that does not fit: the window, widgets, texts."""
    problems: list[str] = []
    if top.width() > screen.width() or top.height() > screen.height():
        problems.append(
            f"window is {top.width()}x{top.height()}, larger than the screen "
            f"{screen.width()}x{screen.height()}"
        )
    hint = top.minimumSizeHint()
    if hint.width() > screen.width() or hint.height() > screen.height():
        problems.append(f"window needs at least {hint.width()}x{hint.height()}")
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top) or w.isWindow():
            continue
        if isinstance(w, QScrollArea) and w.horizontalScrollBar().isVisible():
            problems.append(f"{_name(w)}: scrolls sideways (content wider than the window)")
        if isinstance(w, QListView) and w.wordWrap() and w.horizontalScrollBar().isVisible():
            problems.append(f"{_name(w)}: its rows wrap, yet it scrolls sideways")
        for problem in (_inside_parent(w), _text_problem(w)):
            if problem:
                problems.append(f"{_name(w)}: {problem}")
    return problems


def item_views(top: QWidget) -> list[QAbstractItemView]:
    """Visible item views (for the drop-down checks)."""
    return [v for v in top.findChildren(QAbstractItemView) if v.isVisibleTo(top)]
