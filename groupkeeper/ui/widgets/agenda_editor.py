"""The agenda editor: a group's segments with add / remove / move up / move down / minutes.

Used by Settings (a group's agenda). The meeting's own agenda changes go through the
runner, not this widget.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import agenda as agenda_mod
from groupkeeper.ui.widgets.forms import NumberBox


def _segment_title(segment: agenda_mod.Segment) -> str:
    from groupkeeper.ui.meeting.common import segment_title

    return str(segment_title(segment))


class AgendaEditor(QWidget):
    """A list of segments with add / remove / move up / move down / minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[agenda_mod.Segment] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Agenda segments"))
        self.list.setMinimumHeight(220)
        self.minutes = NumberBox(self)
        self.minutes.setRange(agenda_mod.MIN_MINUTES, agenda_mod.MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes for the selected segment"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of segment to add"))
        for kind in agenda_mod.SegmentKind:
            self.kind.addItem(_segment_title(agenda_mod.Segment(kind, 10)), kind.value)
        add = QPushButton(self.tr("Add"), self)
        add.setAccessibleName(self.tr("Add a segment"))
        remove = QPushButton(self.tr("Remove"), self)
        remove.setAccessibleName(self.tr("Remove the selected segment"))
        up = QPushButton(self.tr("Move up"), self)
        down = QPushButton(self.tr("Move down"), self)
        up.setAccessibleName(self.tr("Move the selected segment up"))
        down.setAccessibleName(self.tr("Move the selected segment down"))
        add.clicked.connect(self.add_segment)
        remove.clicked.connect(self.remove_segment)
        up.clicked.connect(lambda: self.move_segment(-1))
        down.clicked.connect(lambda: self.move_segment(1))
        self.minutes.valueChanged.connect(self._on_minutes_valueChanged)
        self.list.currentRowChanged.connect(self._on_list_currentRowChanged)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Minutes"), self))
        side.addWidget(self.minutes)
        side.addWidget(up)
        side.addWidget(down)
        side.addWidget(remove)
        side.addStretch(1)
        side.addWidget(self.kind)
        side.addWidget(add)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(side)

    def set_agenda(self, raw: list[dict[str, object]]) -> None:
        self.segments = agenda_mod.from_dicts(raw)
        self._fill(0)

    def agenda(self) -> list[dict[str, object]]:
        return agenda_mod.to_dicts(self.segments)

    def set_segments(self, segments: list[agenda_mod.Segment]) -> None:
        """Show ``segments`` (a changed agenda, not yet saved)."""
        self.segments = list(segments)
        self._fill(self.list.currentRow())

    def _fill(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for segment in self.segments:
            self.list.addItem(
                self.tr("%1 - %2 min")
                .replace("%1", _segment_title(segment))
                .replace("%2", str(segment.minutes))
            )
        self.list.blockSignals(False)
        if self.segments:
            self.list.setCurrentRow(max(0, min(row, len(self.segments) - 1)))

    def _on_list_currentRowChanged(self, row: int) -> None:  # noqa: N802
        if 0 <= row < len(self.segments):
            self.minutes.blockSignals(True)
            self.minutes.setValue(self.segments[row].minutes)
            self.minutes.blockSignals(False)

    def _on_minutes_valueChanged(self, value: int) -> None:  # noqa: N802
        row = self.list.currentRow()
        if 0 <= row < len(self.segments):
            self.segments[row].minutes = value
            self._fill(row)

    def add_segment(self) -> None:
        kind = agenda_mod.SegmentKind(str(self.kind.currentData()))
        self.segments.append(agenda_mod.Segment(kind, 10))
        self._fill(len(self.segments) - 1)

    def remove_segment(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.segments):
            del self.segments[row]
            self._fill(row)

    def move_segment(self, delta: int) -> None:
        row = self.list.currentRow()
        new = row + delta
        if 0 <= row < len(self.segments) and 0 <= new < len(self.segments):
            self.segments[row], self.segments[new] = self.segments[new], self.segments[row]
            self._fill(new)
