"""Combine exports: add up CSV exports of several groups or sites into one report.

Opened from the Reports screen ("Combine exports..."). The coordinator chooses the CSV
exports they received; the dialog lists each file with its group and period (or what is
wrong with it, in plain words), says what will be combined, and saves the combined report
as CSV or PDF (``groupkeeper.combine``; the same rules as ``groupkeeper combine``). No
vault is read or written: the exports are all it uses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import combine
from groupkeeper.storage.errors import InvalidInput, KnownError, file_problem
from groupkeeper.ui import messages, report_pdf
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen


class CombineDialog(QDialog):
    """Choose exports, see what will be combined and any problem, save CSV or PDF."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("combineDialog")
        self.setWindowTitle(QCoreApplication.translate("CombineDialog", "Combine exports"))
        self.paths: list[Path] = []
        self.report: combine.CombinedReport | None = None
        self.saved: list[Path] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "CombineDialog",
                "Add up the CSV exports of several groups or sites into one report, for the"
                " same month, quarter or year. Only the exported figures are used (no vault):"
                " a figure with a hidden part stays hidden, or is shown as the range its"
                " parts allow.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.files = QListWidget()
        self.files.setObjectName("combineFiles")
        self.files.setAccessibleName(
            QCoreApplication.translate("CombineDialog", "Exports to combine")
        )
        self.files.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        # A problem with a file is a sentence: wrap it rather than scroll sideways.
        self.files.setWordWrap(True)
        self.files.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.files, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(
            QCoreApplication.translate("CombineDialog", "&Add exports...")
        )
        self.add_button.setAccessibleName(
            QCoreApplication.translate("CombineDialog", "Add exports")
        )
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(QCoreApplication.translate("CombineDialog", "&Remove"))
        self.remove_button.setAccessibleName(QCoreApplication.translate("CombineDialog", "Remove"))
        self.remove_button.setAccessibleDescription(
            QCoreApplication.translate("CombineDialog", "Leave the selected exports out")
        )
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("combineSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(QCoreApplication.translate("CombineDialog", "Close"))
        self.close_button.setAccessibleName(QCoreApplication.translate("CombineDialog", "Close"))
        self.close_button.clicked.connect(self.reject)
        self.csv_button = QPushButton(QCoreApplication.translate("CombineDialog", "Save &CSV..."))
        self.csv_button.setAccessibleName(QCoreApplication.translate("CombineDialog", "Save CSV"))
        self.pdf_button = QPushButton(QCoreApplication.translate("CombineDialog", "Save P&DF..."))
        self.pdf_button.setAccessibleName(QCoreApplication.translate("CombineDialog", "Save PDF"))
        self.pdf_button.setProperty("role", "primary")
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        layout.addLayout(buttons)
        self._refresh()
        fit_to_text_and_screen(self, 640, 460)

    # --- Choosing files -------------------------------------------------------------

    def ask_open_paths(self) -> list[Path]:
        """The open dialog (tests replace this)."""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("CombineDialog", "Choose exports to combine"),
            str(Path.home()),
            QCoreApplication.translate("CombineDialog", "CSV files (*.csv)"),
        )
        return [Path(p) for p in paths]

    def ask_save_path(self, suffix: str) -> Path | None:
        """The save dialog (tests replace this)."""
        name = QCoreApplication.translate("CombineDialog", "combined-report") + suffix
        if suffix == ".csv":
            title = QCoreApplication.translate("CombineDialog", "Save the combined CSV")
            pattern = QCoreApplication.translate("CombineDialog", "CSV files (*.csv)")
        else:
            title = QCoreApplication.translate("CombineDialog", "Save the combined PDF")
            pattern = QCoreApplication.translate("CombineDialog", "PDF files (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(path) if path else None

    def add_paths(self, paths: list[Path]) -> None:
        """Add exports to the list (a file already there is not added twice)."""
        known = {p.resolve() for p in self.paths}
        for p in paths:
            if p.resolve() not in known:
                self.paths.append(p)
                known.add(p.resolve())
        self._refresh()

    def _on_add_button_clicked(self) -> None:
        paths = self.ask_open_paths()
        if paths:
            self.add_paths(paths)

    def _on_remove_button_clicked(self) -> None:
        rows = sorted({self.files.row(item) for item in self.files.selectedItems()}, reverse=True)
        for r in rows:
            del self.paths[r]
        self._refresh()

    # --- What will be combined ------------------------------------------------------

    def _refresh(self) -> None:
        """Read every chosen file again and show each one's state and the outcome."""
        self.files.clear()
        self.report = None
        problem = ""
        read: list[combine.ExportFile] = []
        for path in self.paths:
            try:
                f = combine.read_export(path)
            except KnownError as exc:
                text = messages.describe_error(exc)
                problem = problem or text
                self._add_item(path, text, ok=False)
                continue
            read.append(f)
            self._add_item(path, self._file_words(f), ok=True)
        if not problem and self.paths:
            try:
                self.report = combine.combine(read)
            except InvalidInput as exc:
                problem = messages.describe_error(exc)
        if problem:
            self.summary.setText(problem)
        elif self.report is None:
            self.summary.setText(
                QCoreApplication.translate(
                    "CombineDialog", "Add the CSV exports to combine (at least two)."
                )
            )
        else:
            self.summary.setText(self._outcome_words(self.report))
        self.summary.setProperty("role", "error" if problem else "hint")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        ready = self.report is not None
        self.csv_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)
        self.remove_button.setEnabled(bool(self.paths))

    def _add_item(self, path: Path, words: str, *, ok: bool) -> None:
        item = QListWidgetItem(f"{path.name} - {words}")
        item.setToolTip(str(path))
        item.setData(Qt.ItemDataRole.UserRole, ok)
        self.files.addItem(item)

    @staticmethod
    def _period_words(period_start: tuple[int, int], period_end: tuple[int, int]) -> str:
        # As the reports word periods: "January–March 2026", "2026", "March 2026".
        return report_pdf.period_words(
            f"{period_start[0]:04d}-{period_start[1]:02d}-01",
            f"{period_end[0]:04d}-{period_end[1]:02d}-01",
        )

    def _file_words(self, f: combine.ExportFile) -> str:
        return (
            QCoreApplication.translate("CombineDialog", "%1, for %2")
            .replace("%1", f.group)
            .replace("%2", self._period_words(f.period.start, f.period.end))
        )

    def _outcome_words(self, report: combine.CombinedReport) -> str:
        t = report.table
        ranges = sum(1 for c in t.cells if c.state.value == "range")
        hidden = sum(1 for c in t.cells if c.state.value == "suppressed")
        text = QCoreApplication.translate(
            "CombineDialog",
            "Ready to combine %n export(s) for %1: %2.",
            "",
            len(report.parts),
        )
        text = text.replace(
            "%1", self._period_words(report.period.start, report.period.end)
        ).replace("%2", report.scope_label.replace(" + ", ", "))
        attendances = t.cell("attendances")
        more = QCoreApplication.translate(
            "CombineDialog",
            "Attendances: %1. %n figure(s) hidden because a part was hidden;",
            "",
            hidden,
        ).replace("%1", report_pdf.cell_text(attendances, t.threshold))
        ranges_text = QCoreApplication.translate(
            "CombineDialog", "%n shown as a range because a part was a small count.", "", ranges
        )
        return f"{text}\n{more} {ranges_text}"

    # --- Saving ---------------------------------------------------------------------

    def _target(self, suffix: str) -> Path | None:
        path = self.ask_save_path(suffix)
        if path is None:
            return None
        if any(path.resolve() == p.resolve() for p in self.paths):
            messages.error(
                self,
                QCoreApplication.translate(
                    "CombineDialog",
                    "That is one of the exports being combined; save the combined report as"
                    " another file.",
                ),
            )
            return None
        return path

    def _on_csv_button_clicked(self) -> None:
        path = self._target(".csv")
        if path is not None:
            self.save_csv_to(path)

    def _on_pdf_button_clicked(self) -> None:
        path = self._target(".pdf")
        if path is not None:
            self.save_pdf_to(path)

    def save_csv_to(self, path: Path) -> bool:
        """Write the combined CSV; True when saved (a problem is shown in a message)."""
        return self._save(
            path, lambda r, p: combine.write_combined_csv(r, p, report_pdf.csv_wording())
        )

    def save_pdf_to(self, path: Path) -> bool:
        """Write the combined PDF (on the GUI thread, like the screen's PDF export)."""
        return self._save(path, report_pdf.write_pdf)

    def _save(self, path: Path, write: object) -> bool:
        self._refresh()  # the files may have changed since they were chosen
        if self.report is None:
            messages.error(self, self.summary.text())
            return False
        try:
            write(self.report, path)  # type: ignore[operator]
        except KnownError as exc:
            messages.show_error(self, exc)
            return False
        except OSError as exc:
            messages.show_error(self, file_problem(exc, path, writing=True))
            return False
        self.saved.append(path)
        messages.info(
            self,
            QCoreApplication.translate("CombineDialog", "Combined report saved"),
            QCoreApplication.translate(
                "CombineDialog", "The combined report was saved:\n%1"
            ).replace("%1", str(path)),
        )
        return True
