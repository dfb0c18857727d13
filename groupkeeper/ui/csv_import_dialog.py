"""Import members from a CSV file: pick the file, match its columns, preview, then import.

After the file is read, every column of the file is listed with a few of its values and a
choice of field in plain words ("Emergency contact", "Don't import"), guessed from English
and Spanish titles; changing a choice re-reads the file with it. The preview shows every
mapped column for every row (it scrolls), and the rows that will be skipped, with why.

Nothing is written until "Import N members" is pressed; then only the good rows are added,
all in one transaction. ``load_file(path)`` is the step after the file dialog (tests call it
directly); ``set_column_field(column, field)`` is what a mapping choice does. ``imported``
holds how many were added.

Reading the file and adding the members run in ``ui.worker`` (a big list on a slow USB stick
must not freeze the window); while one runs, the buttons that would start another are
disabled. Tests wait with ``worker.wait_idle()``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import csv_import, ops
from groupkeeper.csv_import import BadReason, BadRow, CsvFileRejected, FileProblem, ImportPreview
from groupkeeper.ops import OpResult
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import messages, worker
from groupkeeper.ui.models.import_preview_model import (
    ImportPreviewModel,
    field_title,
    preview_fields,
)
from groupkeeper.ui.services import Services
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen


def describe_bad_row(bad: BadRow) -> str:
    """One line for the bad-rows list: "Row 4: ..."."""
    words = {
        BadReason.MISSING_NAME: QCoreApplication.translate(
            "CsvImportDialog", "no name (a first name or nickname is needed)"
        ),
        BadReason.BAD_DATE: QCoreApplication.translate(
            "CsvImportDialog", "the joined date is not a date like 2025-01-31"
        ),
        BadReason.BAD_CONSENT: QCoreApplication.translate(
            "CsvImportDialog", "contact consent must be yes or no"
        ),
        BadReason.TOO_LONG: QCoreApplication.translate(
            "CsvImportDialog", "a value is too long (over 10,000 characters)"
        ),
        BadReason.DUPLICATE: QCoreApplication.translate(
            "CsvImportDialog", "the same person as row {row}"
        ).format(row=bad.duplicate_of),
        BadReason.ALREADY_ON_ROSTER: QCoreApplication.translate(
            "CsvImportDialog", "this person is already on the roster"
        ),
        BadReason.BINARY: QCoreApplication.translate(
            "CsvImportDialog", "contains unreadable characters (is it really a CSV file?)"
        ),
        BadReason.MALFORMED: QCoreApplication.translate(
            "CsvImportDialog", "broken quotation marks; check this row in your spreadsheet"
        ),
    }
    return QCoreApplication.translate("CsvImportDialog", "Row {row}: {why}").format(
        row=bad.row_number, why=words[bad.reason]
    )


def describe_file_problem(problem: FileProblem) -> str:
    return {
        FileProblem.TOO_BIG: QCoreApplication.translate(
            "CsvImportDialog", "This file is too big for a member list (over 5 MB)."
        ),
        FileProblem.NOT_TEXT: QCoreApplication.translate(
            "CsvImportDialog",
            "This file is not a text CSV file. In your spreadsheet, use Save As > CSV.",
        ),
        FileProblem.NO_NAME_COLUMN: QCoreApplication.translate(
            "CsvImportDialog",
            "No name column was found. The first row must name the columns, "
            'with one called "name" or "display_name".',
        ),
        FileProblem.EMPTY: QCoreApplication.translate("CsvImportDialog", "This file is empty."),
    }[problem]


class CsvImportDialog(QDialog):
    """Pick file -> preview -> Import N members / Cancel."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.preview: ImportPreview | None = None
        self._path: Path | None = None
        self.imported = 0
        self._busy = False
        self._closed = False
        self._load_serial = 0  # a newer load_file wins over a slower earlier one
        self._first_read_serial = -1  # the read that may take remembered column choices
        self.remembered = False  # the columns shown are the choices made last time
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(
            QCoreApplication.translate("CsvImportDialog", "Import members from a CSV file")
        )

        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "CsvImportDialog",
                "Choose a CSV file saved from a spreadsheet, with the column titles in its "
                "first row (in English or Spanish). You can then say what each column is. "
                "Only a name (first name or nickname) is required. "
                "Nothing is added until you press Import.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.intro = intro

        pick = QHBoxLayout()
        self.choose_button = QPushButton(
            QCoreApplication.translate("CsvImportDialog", "&Choose file...")
        )
        self.choose_button.setAccessibleName(
            QCoreApplication.translate("CsvImportDialog", "Choose a CSV file")
        )
        self.file_label = QLabel(
            QCoreApplication.translate("CsvImportDialog", "No file chosen yet.")
        )
        self.file_label.setProperty("role", "hint")
        pick.addWidget(self.choose_button)
        pick.addWidget(self.file_label, 1)
        layout.addLayout(pick)

        self.mapping_label = QLabel()
        self.mapping_label.setWordWrap(True)
        layout.addWidget(self.mapping_label)
        self.mapping_host = QWidget()
        self.mapping_grid = QGridLayout(self.mapping_host)
        self.mapping_grid.setContentsMargins(0, 0, 0, 0)
        self.mapping_grid.setColumnStretch(0, 1)
        self.mapping_grid.setColumnStretch(1, 2)  # the field names are the longer texts
        self.mapping_scroll = QScrollArea()
        self.mapping_scroll.setObjectName("csvMapping")
        self.mapping_scroll.setWidgetResizable(True)
        self.mapping_scroll.setWidget(self.mapping_host)
        self.mapping_scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.mapping_scroll, 2)
        self.field_combos: list[QComboBox] = []
        self.field_titles: list[QLabel] = []

        self.good_label = QLabel()
        layout.addWidget(self.good_label)
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("csvPreview")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(
            QCoreApplication.translate("CsvImportDialog", "Members that will be imported")
        )
        layout.addWidget(self.table, 3)

        self.bad_label = QLabel()
        layout.addWidget(self.bad_label)
        self.bad_list = QListWidget()
        self.bad_list.setAccessibleName(
            QCoreApplication.translate(
                "CsvImportDialog", "Rows that will be skipped, with the reason"
            )
        )
        # Tall enough to read several reasons without scrolling a two-line box.
        self.bad_list.setMinimumHeight(130)
        layout.addWidget(self.bad_list, 1)

        group_row = QHBoxLayout()
        group_row.addWidget(
            QLabel(QCoreApplication.translate("CsvImportDialog", "Add them to &group:"))
        )
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(
            QCoreApplication.translate("CsvImportDialog", "Group the imported members join")
        )
        self.group_combo.addItem(QCoreApplication.translate("CsvImportDialog", "(no group)"), None)
        for g in services.store.groups.all():
            self.group_combo.addItem(g.name, g.id)
        group_row.itemAt(0).widget().setBuddy(self.group_combo)  # type: ignore[union-attr]
        group_row.addWidget(self.group_combo, 1)
        layout.addLayout(group_row)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(QCoreApplication.translate("CsvImportDialog", "Cancel"))
        self.cancel_button.setAccessibleName(
            QCoreApplication.translate("CsvImportDialog", "Cancel, import nothing")
        )
        self.import_button = QPushButton(QCoreApplication.translate("CsvImportDialog", "Import"))
        self.import_button.setProperty("role", "primary")
        self.import_button.setEnabled(False)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self._on_import_clicked)
        self._show_preview()
        fit_to_text_and_screen(self, 900, 620)

    def ask_path(self) -> Path | None:
        """The file dialog (tests replace this method)."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("CsvImportDialog", "Choose a CSV file"),
            str(Path.home()),
            QCoreApplication.translate("CsvImportDialog", "CSV files (*.csv *.txt)"),
        )
        return Path(path) if path else None

    def _on_choose_clicked(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path, mapping: list[str] | None = None) -> None:
        """Read and check ``path`` in the worker (with ``mapping``; without one, the
        choices made last time for a file with the same column titles, or a guess), then
        show the columns and the preview (nothing is written)."""
        self.remembered = False
        self.preview = None
        self._path = path
        self._load_serial += 1
        serial = self._load_serial
        self._first_read_serial = serial if mapping is None else -1
        existing = self.services.store.members.all()
        self.file_label.setText(
            QCoreApplication.translate("CsvImportDialog", "Reading %1...").replace("%1", path.name)
        )
        self._set_busy(True)
        self._show_preview()
        worker.run_in_background(
            lambda: csv_import.read_csv_file(path, existing, mapping, require_name=False),
            on_done=lambda preview: self._on_file_read(serial, path, preview),
            on_error=lambda exc: self._on_file_error(serial, exc),
            owner=self,  # lambdas name no owner: nothing reaches a closed dialog
        )

    def set_column_field(self, column: int, field: str) -> None:
        """Import column ``column`` of the file as ``field`` ("" = not at all): re-read."""
        if self.preview is None or self._path is None:
            return
        mapping = list(self.preview.mapping)
        if field:  # a field comes from one column: the column that had it gives it up
            mapping = ["" if name == field else name for name in mapping]
        mapping[column] = field
        self.load_file(self._path, mapping)

    def _on_field_combo_activated(self, column: int) -> None:
        combo = self.field_combos[column]
        self.set_column_field(column, str(combo.currentData() or ""))

    def _show_mapping(self) -> None:
        p = self.preview
        header = p.header if p else []
        if len(self.field_combos) != len(header):
            while self.mapping_grid.count():
                item = self.mapping_grid.takeAt(0)
                if item is not None and item.widget() is not None:
                    item.widget().deleteLater()  # type: ignore[union-attr]
            self.field_combos = []
            self.field_titles = []
            for column in range(len(header)):
                title = QLabel()
                title.setWordWrap(True)
                combo = QComboBox()
                combo.setObjectName(f"csvField{column}")
                for name in csv_import.MAPPABLE + ("",):
                    combo.addItem(field_title(name), name)
                combo.activated.connect(lambda _i=0, c=column: self._on_field_combo_activated(c))
                title.setBuddy(combo)
                self.mapping_grid.addWidget(title, column, 0)
                self.mapping_grid.addWidget(combo, column, 1)
                self.field_combos.append(combo)
                self.field_titles.append(title)
        for column, combo in enumerate(self.field_combos):
            assert p is not None
            name = p.header[column] or QCoreApplication.translate(
                "CsvImportDialog", "(column %1 has no title)"
            ).replace("%1", str(column + 1))
            samples = ", ".join(p.samples[column]) if column < len(p.samples) else ""
            text = f"\u201c{name}\u201d"
            if samples:
                text += "  " + QCoreApplication.translate("CsvImportDialog", "e.g. %1").replace(
                    "%1", samples
                )
            self.field_titles[column].setText(text)
            combo.setAccessibleName(
                QCoreApplication.translate("CsvImportDialog", "Import the column %1 as").replace(
                    "%1", name
                )
            )
            combo.setCurrentIndex(max(0, combo.findData(p.mapping[column])))
            combo.setEnabled(not self._busy)
        self.mapping_scroll.setVisible(bool(header))
        # Once a file is read the column list explains itself; its room goes to the lists.
        self.intro.setVisible(not header)
        if p is None:
            self.mapping_label.setText("")
        elif p.missing_name_column:
            self.mapping_label.setText(
                QCoreApplication.translate(
                    "CsvImportDialog",
                    "Which column holds the name (first name or nickname)? "
                    "Choose it below; nothing is imported until you press Import.",
                )
            )
        elif self.remembered:
            self.mapping_label.setText(
                QCoreApplication.translate(
                    "CsvImportDialog",
                    "Each column of your file, and what it is imported as (your choices from "
                    "the last file with these column titles):",
                )
            )
        else:
            self.mapping_label.setText(
                QCoreApplication.translate(
                    "CsvImportDialog", "Each column of your file, and what it is imported as:"
                )
            )

    def _on_file_read(
        self, serial: int, path: Path, preview: ImportPreview, remembered: bool = False
    ) -> None:
        if self._closed or serial != self._load_serial:
            return
        if not remembered and serial == self._first_read_serial:
            # A file laid out like one imported before (the same column titles) is read
            # again with the column choices made then; a later choice of the user stands.
            mapping = self._remembered_for(preview.header)
            if mapping is not None and mapping != preview.mapping:
                self._reread(serial, path, mapping)
                return
            remembered = mapping is not None
        self.remembered = remembered
        self._set_busy(False)
        self.preview = preview
        self.file_label.setText(path.name)
        self._show_preview()
        if preview.missing_name_column and self.field_combos:
            self.field_combos[0].setFocus()

    def _stored_mappings(self) -> str:
        from groupkeeper.options import CSV_IMPORT_MAPPINGS

        return self.services.store.settings.value(CSV_IMPORT_MAPPINGS)

    def _remembered_for(self, header: list[str]) -> list[str] | None:
        try:
            return csv_import.remembered_mapping(self._stored_mappings(), header)
        except KnownError:
            return None

    def _reread(self, serial: int, path: Path, mapping: list[str]) -> None:
        existing = self.services.store.members.all()
        worker.run_in_background(
            lambda: csv_import.read_csv_file(path, existing, mapping, require_name=False),
            on_done=lambda again: self._on_file_read(serial, path, again, remembered=True),
            on_error=lambda exc: self._on_file_error(serial, exc),
            owner=self,  # lambdas name no owner: nothing reaches a closed dialog
        )

    def _remember_mapping(self) -> None:
        """Keep this import's column choices for the next file with the same titles
        (in the vault: the plain settings file never holds them)."""
        from groupkeeper.options import CSV_IMPORT_MAPPINGS

        if self.preview is None or not self.preview.header:
            return
        try:
            value = csv_import.remember_mapping(
                self._stored_mappings(), self.preview.header, self.preview.mapping
            )
        except (KnownError, ValueError):
            return
        op = ops.settings.set_value(key=CSV_IMPORT_MAPPINGS.key, value=value)
        self.services.ops.try_run(self, op)

    def _on_file_error(self, serial: int, exc: BaseException) -> None:
        if self._closed or serial != self._load_serial:
            return
        self._set_busy(False)
        self.file_label.setText(QCoreApplication.translate("CsvImportDialog", "No file chosen."))
        if isinstance(exc, CsvFileRejected):
            messages.error(self, describe_file_problem(exc.problem))
        elif isinstance(exc, KnownError):
            messages.show_error(self, exc)
        elif isinstance(exc, OSError):
            messages.error(
                self,
                QCoreApplication.translate(
                    "CsvImportDialog", "That file could not be opened. Is it still there?"
                ),
            )
        else:
            worker.report_bug(exc)
        self._show_preview()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.choose_button.setEnabled(not busy)
        self.group_combo.setEnabled(not busy)
        for combo in self.field_combos:
            combo.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)

    def _show_preview(self) -> None:
        p = self.preview
        good = p.good if p else []
        bad = p.bad if p else []
        self._show_mapping()
        self.model.set_rows(good, preview_fields(p.mapping) if p else [])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.model.columnCount() > 1:
            header.setStretchLastSection(True)
        self.bad_list.clear()
        self.bad_list.addItems([describe_bad_row(b) for b in bad])
        if p is not None and p.missing_name_column:
            self.good_label.setText(
                QCoreApplication.translate(
                    "CsvImportDialog", "Choose the name column to see the members."
                )
            )
        else:
            self.good_label.setText(
                QCoreApplication.translate(
                    "CsvImportDialog", "%n member(s) ready to import:", "", len(good)
                )
                if p
                else ""
            )
        if p is None:
            self.bad_label.setText("")
        elif bad:
            self.bad_label.setText(
                QCoreApplication.translate(
                    "CsvImportDialog", "%n row(s) will be skipped:", "", len(bad)
                )
            )
        else:
            self.bad_label.setText(
                QCoreApplication.translate("CsvImportDialog", "No problems found.")
            )
        self.bad_list.setVisible(bool(bad))
        # As tall as its reasons (up to four rows): one skipped row no longer takes the
        # room the preview needs (seen at 200% text).
        rows = min(max(1, self.bad_list.count()), 4)
        row_height = self.bad_list.sizeHintForRow(0) if self.bad_list.count() else 0
        row_height = max(row_height, self.bad_list.fontMetrics().height() + 8)
        fitted = rows * row_height + 2 * self.bad_list.frameWidth() + 4
        self.bad_list.setMinimumHeight(min(130, fitted))
        self.bad_list.setMaximumHeight(fitted)
        self.import_button.setEnabled(bool(good) and not self._busy)
        self.import_button.setText(
            QCoreApplication.translate("CsvImportDialog", "&Import %n member(s)", "", len(good))
            if good
            else QCoreApplication.translate("CsvImportDialog", "Import")
        )
        self.import_button.setAccessibleName(self.import_button.text().replace("&", ""))
        if good:
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def _on_import_clicked(self) -> None:
        if self._busy or self.preview is None or not self.preview.good:
            return
        group_id = self.group_combo.currentData()
        self._set_busy(True)
        # All or nothing: the import is one transaction, so it cannot be cancelled halfway.
        self.cancel_button.setEnabled(False)
        self.import_button.setText(QCoreApplication.translate("CsvImportDialog", "Importing..."))
        # The member.import operation, made and performed in the worker on its own
        # writer (making it from 200,000 rows takes seconds: not on the GUI thread);
        # every open screen hears of the new members through services.ops.changed.
        groups = [group_id] if group_id is not None else []
        members = self.preview.members  # plain data; the dialog is busy until it is done
        self.services.ops.run_in_background(
            partial(csv_import.import_op, members, groups),
            self._on_imported,
            self._on_import_error,
        )

    def _on_imported(self, result: OpResult) -> None:
        self._set_busy(False)
        self.cancel_button.setEnabled(True)
        self.imported = len(result.value)
        self._remember_mapping()
        self.accept()

    def _on_import_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.cancel_button.setEnabled(True)
        self._show_preview()
        if isinstance(exc, KnownError):
            messages.show_error(self, exc)
        else:
            worker.report_bug(exc)

    def reject(self) -> None:
        """Cancel (also Esc and the window's close button); not while importing."""
        if self._busy and not self.cancel_button.isEnabled():
            return
        self._closed = True
        super().reject()

    def clear_personal_data(self) -> None:
        self.preview = None
        self.model.clear()
        self.bad_list.clear()
        for title in self.field_titles:
            title.clear()
