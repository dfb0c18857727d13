"""Wellbeing check: the facilitator enters paper answers of the group's wellbeing scale in a
grid (one row per person present, one column per item). A row is saved as soon as every
item has a valid answer. Groups without a scale see a clear "not set up" note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.ui.meeting.common import SegmentWidget, label

_PSEUDONYM = Qt.ItemDataRole.UserRole


class WellbeingSegment(SegmentWidget):
    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, segment, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        self.table: QTableWidget | None = None
        self.scale = None
        scale_id = session.group.wellbeing_scale
        if scale_id:
            try:
                from groupkeeper import wellbeing

                self.scale = wellbeing.load_scale(scale_id)
            except (KeyError, OSError, ValueError):
                self.scale = None
        if self.scale is None:
            note = label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "No wellbeing measure is set up for this group. A coordinator can choose "
                    "one in the group's settings. You can skip this segment.",
                ),
                name="wellbeingNotSetUp",
            )
            box.addWidget(note)
            box.addStretch(1)
            return
        text = next(iter(self.scale.texts.values()))
        box.addWidget(label(f"{self.scale.name}: {text.instructions}", role="hint"))
        box.addWidget(
            label(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "Enter each person's paper answers (%1 to %2). A full row is saved at once.",
                )
                .replace("%1", str(self.scale.item_min))
                .replace("%2", str(self.scale.item_max)),
                role="hint",
            )
        )
        # The statements themselves, numbered like the grid's columns, and what each
        # answer means: exactly as published (scale texts are data).
        statements = "\n".join(f"{i + 1}. {item}" for i, item in enumerate(text.items))
        self.statements = label(
            f"{text.stem}:\n{statements}" if text.stem else statements,
            name="wellbeingStatements",
        )
        self.statements.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statements.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "The statements, numbered as the columns")
        )
        box.addWidget(self.statements)
        # No-break spaces inside each answer: a line may wrap between answers, not inside.
        nbsp = "\u00a0"
        answers = "   ".join(
            f"{value}{nbsp}={nbsp}{words.replace(' ', nbsp)}" for value, words in text.responses
        )
        self.answers = label(answers, role="hint", name="wellbeingAnswerKey")
        box.addWidget(self.answers)
        self.items = text.items
        self.table = QTableWidget(0, 1 + len(self.items))
        self.table.setObjectName("wellbeingGrid")
        self.table.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Wellbeing answers")
        )
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("MeetingRunner", "Person")]
            + [str(i + 1) for i in range(len(self.items))]
        )
        for i, item in enumerate(self.items):
            header = self.table.horizontalHeaderItem(i + 1)
            if header is not None:
                header.setToolTip(item)
                header.setData(Qt.ItemDataRole.AccessibleTextRole, f"{i + 1}. {item}")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(48)
        box.addWidget(self.table, 1)
        self.status = label(role="hint", name="wellbeingStatus")
        box.addWidget(self.status)
        self.refresh()
        self.table.cellChanged.connect(self._on_table_cellChanged)

    def refresh(self) -> None:
        if self.table is None:
            return
        answers = self.session.wellbeing_answers()
        people = self.session.present()
        self.table.blockSignals(True)
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            name = QTableWidgetItem(person.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(_PSEUDONYM, person.pseudonym)
            self.table.setItem(row, 0, name)
            saved = answers.get(person.pseudonym, [])
            for col in range(len(self.items)):
                value = str(saved[col]) if col < len(saved) else ""
                self.table.setItem(row, col + 1, QTableWidgetItem(value))
        self.table.blockSignals(False)

    def _on_table_cellChanged(self, row: int, _column: int) -> None:  # noqa: N802
        assert self.table is not None and self.scale is not None
        values = []
        for col in range(1, self.table.columnCount()):
            cell = self.table.item(row, col)
            text = cell.text().strip() if cell else ""
            if not text.isdigit():
                return
            values.append(int(text))
        person = self.table.item(row, 0)
        if person is None:
            return
        pseudonym = str(person.data(_PSEUDONYM))
        ok, _ = self.act(self.session.record_wellbeing, pseudonym, values)
        if ok:
            self.status.setText(
                QCoreApplication.translate("MeetingRunner", "Saved row %1.").replace(
                    "%1", str(row + 1)
                )
            )

    def focus_main(self) -> None:
        if self.table is not None:
            self.table.setFocus()

    def clear_personal_data(self) -> None:
        if self.table is not None:
            self.table.blockSignals(True)
            self.table.setRowCount(0)
            self.table.blockSignals(False)
