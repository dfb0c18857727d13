"""The agenda rail: every segment with its planned minutes and a status line, the current
one marked, and buttons to go to, skip/unskip and move segments (all keyboard reachable).

Rows are plain text items (number, title, minutes, status) in a ``QListWidget``; the
current row is marked with a "▶" and bold type, skipped rows say "skipped" (not colour).

Compact (from the 150% text setting on, where a list beside the segment would leave it
too little room): the rail is one row above the segment, a drop-down of the segments
with the same Go to / Skip / Move buttons beside it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.meeting_session import MeetingSession
from groupkeeper.ui.meeting.common import button, label, scaled_font, segment_title
from groupkeeper.ui.widgets.flow import FlowLayout


class _AgendaList(QListWidget):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class AgendaRail(QWidget):
    """The agenda on the left. Emits requests; the runner does them through the session."""

    go_to_requested = Signal(int)
    skip_requested = Signal(int)  # skip or unskip, depending on the row's state
    move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("agendaRail")
        self.compact = compact
        # Compact: one row that wraps (the drop-down, then the buttons) if it must.
        box: Any = FlowLayout(self) if compact else QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        heading = label(
            QCoreApplication.translate("MeetingRunner", "Agenda"), name="agendaHeading", wrap=False
        )
        heading.setFont(scaled_font(1.0, bold=True))
        if not compact:
            box.addWidget(heading)
        self.list = _AgendaList()
        self.list.setObjectName("agendaList")
        self.list.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Agenda"))
        self.list.setAccessibleDescription(
            QCoreApplication.translate(
                "MeetingRunner",
                "Enter goes to the selected segment. Skip and move buttons are below.",
            )
        )
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated_row.connect(self.go_to_requested.emit)
        self.list.itemDoubleClicked.connect(
            lambda item: self.go_to_requested.emit(self.list.row(item))
        )
        self.list.currentRowChanged.connect(self._update_buttons)
        # The compact rail's drop-down: choosing a segment selects it (like a row of the
        # list); "Go to" goes there, so arrowing through the list never jumps by mistake.
        self.combo = QComboBox()
        self.combo.setObjectName("agendaCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Agenda"))
        self.combo.setAccessibleDescription(
            QCoreApplication.translate(
                "MeetingRunner",
                "Choose a segment, then Go to, Skip or Move with the buttons beside it.",
            )
        )
        self.combo.currentIndexChanged.connect(self._on_combo_currentIndexChanged)
        if compact:
            self.list.hide()
            pick = QHBoxLayout()
            pick.addWidget(heading)
            pick.addWidget(self.combo)
            box.addLayout(pick)
        else:
            self.combo.hide()
            box.addWidget(self.list, 1)

        grid = QGridLayout()
        grid.setSpacing(6)
        self.go_button = button(
            QCoreApplication.translate("MeetingRunner", "&Go to"), "railGoTo", self._on_go_clicked
        )
        self.skip_button = button(
            QCoreApplication.translate("MeetingRunner", "S&kip"), "railSkip", self._on_skip_clicked
        )
        # No mnemonics on the move buttons: the segments use U/W/N mnemonics. Alt+Up and
        # Alt+Down move the selected segment while the agenda has focus.
        self.up_button = button(
            QCoreApplication.translate("MeetingRunner", "Move up"), "railUp", lambda: self._move(-1)
        )
        self.down_button = button(
            QCoreApplication.translate("MeetingRunner", "Move down"),
            "railDown",
            lambda: self._move(+1),
        )
        self.up_button.setToolTip(
            QCoreApplication.translate(
                "MeetingRunner", "Move the selected segment up (Alt+Up in the agenda)"
            )
        )
        self.down_button.setToolTip(
            QCoreApplication.translate(
                "MeetingRunner", "Move the selected segment down (Alt+Down in the agenda)"
            )
        )
        for keys, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self._move(s))
        self.skip_button.setToolTip(
            QCoreApplication.translate(
                "MeetingRunner", "Skip the selected segment (or bring it back)"
            )
        )
        if compact:
            for btn in (self.go_button, self.skip_button, self.up_button, self.down_button):
                box.addWidget(btn)
        else:
            grid.addWidget(self.go_button, 0, 0)
            grid.addWidget(self.skip_button, 0, 1)
            grid.addWidget(self.up_button, 1, 0)
            grid.addWidget(self.down_button, 1, 1)
            box.addLayout(grid)
        self._skipped: frozenset[int] = frozenset()
        self._current = 0
        # What each row shows now (title, status line, current?, width): rows whose words
        # did not change are left alone.
        self._shown: list[tuple[str, str, bool, int]] = []

    def _on_combo_currentIndexChanged(self, index: int) -> None:  # noqa: N802
        if index >= 0 and self.list.currentRow() != index:
            self.list.setCurrentRow(index)

    def update_from(
        self, session: MeetingSession, statuses: dict[int, str], *, keep_selection: bool = False
    ) -> None:
        """Show the rows as they are now: only rows whose words changed are touched (after
        a check-in that is one status line). The current segment is selected, unless
        ``keep_selection`` (after a skip or move, the facilitator's choice stays)."""
        run = session.run
        selected = self.list.currentRow() if keep_selection else run.current
        self._skipped = run.skipped
        self._current = run.current
        self.list.blockSignals(True)
        if self.list.count() != len(run.segments):
            self.list.clear()
            self._shown = []
        width = self._text_width()
        for index, segment in enumerate(run.segments):
            marker = "\u25b6 " if index == run.current else "   "
            title = f"{marker}{index + 1}  {segment_title(segment)}"
            second = QCoreApplication.translate("MeetingRunner", "%n min", "", segment.minutes)
            if index in run.skipped:
                second += " · " + QCoreApplication.translate("MeetingRunner", "skipped")
            elif statuses.get(index):
                second += " · " + statuses[index]
            current = index == run.current
            key = (title, second, current, width)
            if index < len(self._shown) and self._shown[index] == key:
                continue
            font = scaled_font(1.0, bold=current)
            # Wrap long titles ourselves: the list's own word wrap mis-measures two-line
            # items, elides the title ("plan for the week...") and drops the minutes line.
            lines = [*_wrap(title, QFontMetrics(font), width), "      " + second]
            item = self.list.item(index)
            if item is None:
                item = QListWidgetItem()
                self.list.addItem(item)
                self._shown.append(key)
            item.setText("\n".join(lines))
            item.setFont(font)
            item.setData(
                Qt.ItemDataRole.AccessibleDescriptionRole,
                QCoreApplication.translate("MeetingRunner", "current segment") if current else None,
            )
            self._shown[index] = key
        if self.list.currentRow() != selected or not keep_selection:
            self.list.setCurrentRow(selected if 0 <= selected < self.list.count() else run.current)
        self.list.blockSignals(False)
        self._fill_combo(session, statuses)
        self._update_buttons()

    def _fill_combo(self, session: MeetingSession, statuses: dict[int, str]) -> None:
        """The compact rail's rows: "▶ 2. Welcome and agreements (5 min, skipped)"."""
        run = session.run
        self.combo.blockSignals(True)
        if self.combo.count() != len(run.segments):
            self.combo.clear()
            for _segment in run.segments:
                self.combo.addItem("")
        for index, segment in enumerate(run.segments):
            marker = "\u25b6 " if index == run.current else ""
            minutes = QCoreApplication.translate("MeetingRunner", "%n min", "", segment.minutes)
            if index in run.skipped:
                minutes += ", " + QCoreApplication.translate("MeetingRunner", "skipped")
            text = f"{marker}{index + 1}. {segment_title(segment)} ({minutes})"
            if self.combo.itemText(index) != text:
                self.combo.setItemText(index, text)
            tip = statuses.get(index) or None
            if self.combo.itemData(index, Qt.ItemDataRole.ToolTipRole) != tip:
                self.combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        if self.combo.currentIndex() != self.list.currentRow():
            self.combo.setCurrentIndex(self.list.currentRow())
        self.combo.blockSignals(False)

    def clear(self) -> None:
        self.list.clear()
        self.combo.clear()
        self._shown = []

    def _text_width(self) -> int:
        """Pixels a row's text may use: the rail's width less borders, padding, scroll bar."""
        return max(120, self.width() - 56)

    def _row(self) -> int:
        row = self.list.currentRow()
        return row if row >= 0 else self._current

    def _update_buttons(self, *_args: object) -> None:
        row = self._row()
        count = self.list.count()
        if self.combo.count() == count and self.combo.currentIndex() != row:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(row)
            self.combo.blockSignals(False)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.go_button.setEnabled(row != self._current)
        self.skip_button.setText(
            QCoreApplication.translate("MeetingRunner", "Un-s&kip")
            if row in self._skipped
            else QCoreApplication.translate("MeetingRunner", "S&kip")
        )
        self.skip_button.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Bring back the selected segment")
            if row in self._skipped
            else QCoreApplication.translate("MeetingRunner", "Skip the selected segment")
        )

    def _on_go_clicked(self) -> None:
        self.go_to_requested.emit(self._row())

    def _on_skip_clicked(self) -> None:
        self.skip_requested.emit(self._row())

    def _move(self, step: int) -> None:
        row = self._row()
        target = row + step
        if 0 <= target < self.list.count():
            self.move_requested.emit(row, target)
            self.list.setCurrentRow(target)


def _wrap(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Break ``text`` at spaces into lines no wider than ``width`` (continuations indented)."""
    body = text.lstrip(" ")
    lines: list[str] = []
    current = text[: len(text) - len(body)]  # the marker column keeps its spaces
    for word in body.split(" "):
        candidate = f"{current} {word}" if current.strip() else current + word
        if word and current.strip() and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = "      " + word
        else:
            current = candidate
    lines.append(current)
    return lines
