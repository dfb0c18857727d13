"""The Reports screen: exact figures for the facilitator, suppressed exports for funders.

Pick a group (or all groups) and a period of whole months (a month, a quarter, a year, or
a custom range). Key figures sit on top in large type, labelled "Exact figures - exports
are suppressed"; below are the charts, every figure side by side with what an export
would show, and the facilitator-only follow-up list. Export CSV... / Export PDF... write
the *suppressed* table with the vault's threshold (``reports_export``), the same files
``groupkeeper export`` writes. When too few people are in the selection for averages to
be shared, the screen offers a roll-up (all groups, or the whole year).

The figures are computed off the GUI thread (``ui.worker``); a newer request wins over a
slower older one, and nothing is shown after the vault locks.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import reports_export
from groupkeeper.metrics import Period
from groupkeeper.reports_export import ReportBundle
from groupkeeper.storage import disclosure
from groupkeeper.storage.errors import KnownError
from groupkeeper.suppression import CellState
from groupkeeper.ui import charts, memory, messages, report_pdf, worker
from groupkeeper.ui.follow_up import FollowUpPanel
from groupkeeper.ui.services import Services
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.sizing import large_text

ALL = -1  # the "All groups" entry of the group picker
MONTHS_BACK = 60  # how far back the period pickers reach (five years)


def _key(start: tuple[int, int], end: tuple[int, int]) -> str:
    """Picker item data: a string, so ``QComboBox.findData`` can compare it."""
    return f"{start[0]:04d}-{start[1]:02d}..{end[0]:04d}-{end[1]:02d}"


def _unkey(data: str) -> tuple[tuple[int, int], tuple[int, int]]:
    a, b = data.split("..")
    sy, sm = a.split("-")
    ey, em = b.split("-")
    return (int(sy), int(sm)), (int(ey), int(em))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "report"


class _KeyFigure(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFigure")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = QLabel("-")
        self.value.setProperty("role", "huge")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setProperty("role", "hint")
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str) -> None:
        self.value.setText(text)
        self.setAccessibleName(f"{self.caption.text()}: {text}")


class ReportsScreen(QWidget):
    """Group and period pickers, key figures, charts, figures, follow-up, exports."""

    updated = Signal()  # a new report is on screen (tests wait for it)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("reportsScreen")
        self.bundle: ReportBundle | None = None
        self._serial = 0
        self._history_serial = 0
        self._exportable = False
        self._filling = False
        self._build()

    # --- Layout --------------------------------------------------------------------

    def _build(self) -> None:
        # Everything sits in a scroll area: at 200% text the figures and charts need more
        # than a 1366x768 screen, and the window must never grow past the screen.
        page = QScrollArea(self)
        page.setObjectName("reportsPage")
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        page.setWidget(content)
        shell = QVBoxLayout(self)
        shell.setContentsMargins(0, 0, 0, 0)
        shell.addWidget(page)
        outer = QVBoxLayout(content)
        head = QHBoxLayout()
        title = QLabel(QCoreApplication.translate("ReportsScreen", "Reports"))
        title.setProperty("role", "title")
        head.addWidget(title)
        head.addStretch(1)
        self.exact_note = QLabel(
            QCoreApplication.translate("ReportsScreen", "Exact figures - exports are suppressed")
        )
        self.exact_note.setProperty("role", "exact-note")
        self.exact_note.setObjectName("exactNote")
        head.addWidget(self.exact_note)
        outer.addLayout(head)

        # The pickers wrap to another row at large text; each box is as wide as its
        # longest entry, so the chosen period is never cut.
        pickers = FlowLayout()
        self.group_box = QComboBox()
        self.group_box.setAccessibleName(QCoreApplication.translate("ReportsScreen", "Group"))
        group_label = QLabel(QCoreApplication.translate("ReportsScreen", "&Group:"))
        group_label.setBuddy(self.group_box)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(
            QCoreApplication.translate("ReportsScreen", "Kind of period")
        )
        for kind, word in (
            ("month", QCoreApplication.translate("ReportsScreen", "Month")),
            ("quarter", QCoreApplication.translate("ReportsScreen", "Quarter")),
            ("year", QCoreApplication.translate("ReportsScreen", "Year")),
            ("custom", QCoreApplication.translate("ReportsScreen", "Months from... to...")),
        ):
            self.kind_box.addItem(word, kind)
        kind_label = QLabel(QCoreApplication.translate("ReportsScreen", "&Period:"))
        kind_label.setBuddy(self.kind_box)
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(QCoreApplication.translate("ReportsScreen", "Period"))
        self.to_label = QLabel(QCoreApplication.translate("ReportsScreen", "to"))
        self.to_box = QComboBox()
        self.to_box.setAccessibleName(
            QCoreApplication.translate("ReportsScreen", "Last month of the period")
        )
        for combo in (self.group_box, self.kind_box, self.period_box, self.to_box):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for pair in ((group_label, self.group_box), (kind_label, self.kind_box)):
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            for w in pair:
                row.addWidget(w)
            pickers.addLayout(row)
        pickers.addWidget(self.period_box)
        pickers.addWidget(self.to_label)
        pickers.addWidget(self.to_box)
        outer.addLayout(pickers)
        large = large_text()
        self.csv_button = QPushButton(QCoreApplication.translate("ReportsScreen", "Export &CSV..."))
        self.csv_button.setAccessibleDescription(
            QCoreApplication.translate(
                "ReportsScreen",
                "Save the figures as a spreadsheet file, with small counts suppressed",
            )
        )
        self.pdf_button = QPushButton(QCoreApplication.translate("ReportsScreen", "Export P&DF..."))
        self.pdf_button.setAccessibleDescription(
            QCoreApplication.translate(
                "ReportsScreen",
                "Save a PDF report for coordinators and funders, with small counts suppressed",
            )
        )
        self.pdf_button.setProperty("role", "primary")
        self.combine_button = QPushButton(
            QCoreApplication.translate("ReportsScreen", "Co&mbine exports...")
        )
        self.combine_button.setAccessibleName(
            QCoreApplication.translate("ReportsScreen", "Combine exports")
        )
        self.combine_button.setAccessibleDescription(
            QCoreApplication.translate(
                "ReportsScreen", "Add up CSV exports of several groups or sites into one report"
            )
        )
        self.combine_button.clicked.connect(self._on_combine_button_clicked)
        # Shown (and the export buttons disabled) for a range that is not one calendar
        # month, quarter or year: such exports could be subtracted from one another.
        self._range_rule = QCoreApplication.translate(
            "ReportsScreen",
            "This range can be viewed here but not exported: exports cover one calendar"
            " month, quarter or year.",
        )
        # The running period: one more meeting would change it, and two exports of it
        # would show that meeting's figures.
        self._running_rule = QCoreApplication.translate(
            "ReportsScreen",
            "This period has not ended yet: it can be viewed here and exported once its"
            " last day has passed.",
        )
        self.export_rule = QLabel(self._range_rule)
        self.export_rule.setObjectName("exportRule")
        self.export_rule.setProperty("role", "hint")
        self.export_rule.setWordWrap(True)
        self.export_rule.hide()
        if large:
            # A row of their own, beside the rule: on the pickers' row they were squeezed
            # to "rt (" at 200% text on a 1366 px screen.
            exports = QHBoxLayout()
            exports.addWidget(self.export_rule, 1)
            exports.addStretch(0)  # keeps the buttons on the right while the rule is hidden
            exports.addWidget(self.csv_button)
            exports.addWidget(self.pdf_button)
            exports.addWidget(self.combine_button)
            outer.addLayout(exports)
        else:
            pickers.addWidget(self.csv_button)
            pickers.addWidget(self.pdf_button)
            pickers.addWidget(self.combine_button)
            outer.addWidget(self.export_rule)

        self.rollup = QFrame()
        self.rollup.setObjectName("rollupNotice")
        roll = QHBoxLayout(self.rollup)
        self.rollup_label = QLabel(
            QCoreApplication.translate(
                "ReportsScreen",
                "Too few people for a shareable report - try a longer period or all groups.",
            )
        )
        self.rollup_label.setWordWrap(True)
        self.rollup_all = QPushButton(
            QCoreApplication.translate("ReportsScreen", "Show &all groups")
        )
        self.rollup_year = QPushButton(
            QCoreApplication.translate("ReportsScreen", "Show the whole &year")
        )
        roll.addWidget(self.rollup_label, 1)
        roll.addWidget(self.rollup_all)
        roll.addWidget(self.rollup_year)
        self.rollup.hide()
        outer.addWidget(self.rollup)

        # Large text (150% and up): key figures in two rows and charts in one column, so
        # nothing is cut off on a 1366 px laptop screen.
        per_row = 3 if large else len(report_pdf.KEY_FIGURES)
        figures = QGridLayout()
        self.key_figures: dict[str, _KeyFigure] = {}
        for i, (metric, _key) in enumerate(report_pdf.KEY_FIGURES):
            box = _KeyFigure(report_pdf.key_figure_label(metric))
            self.key_figures[metric] = box
            figures.addWidget(box, i // per_row, i % per_row)
        outer.addLayout(figures)
        self.status = QLabel("")
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(QCoreApplication.translate("ReportsScreen", "Report sections"))
        chart_page = QWidget()
        grid = QGridLayout(chart_page)
        self.chart_views = [charts.ChartView() for _ in range(4)]
        chart_columns = 1 if large else 2
        for i, view in enumerate(self.chart_views):
            grid.addWidget(view, i // chart_columns, i % chart_columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(chart_page)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(scroll, QCoreApplication.translate("ReportsScreen", "Charts"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("reportFigures")
        self.table.setAccessibleName(
            QCoreApplication.translate("ReportsScreen", "All figures, exact and as exported")
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ReportsScreen", "Figure"),
                QCoreApplication.translate("ReportsScreen", "Exact (this screen)"),
                QCoreApplication.translate("ReportsScreen", "In exports"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(self.table, QCoreApplication.translate("ReportsScreen", "All figures"))
        self.follow_up = FollowUpPanel(self.services)
        self.tabs.addTab(
            self.follow_up, QCoreApplication.translate("ReportsScreen", "Follow-up (for you only)")
        )
        self.tabs.addTab(
            self._build_history(), QCoreApplication.translate("ReportsScreen", "Past exports")
        )
        outer.addWidget(self.tabs, 1)

        self.group_box.currentIndexChanged.connect(self._on_selection_changed)
        self.kind_box.currentIndexChanged.connect(self._on_kind_box_changed)
        self.period_box.currentIndexChanged.connect(self._on_selection_changed)
        self.to_box.currentIndexChanged.connect(self._on_selection_changed)
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.rollup_all.clicked.connect(self._on_rollup_all_clicked)
        self.rollup_year.clicked.connect(self._on_rollup_year_clicked)
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, self._on_csv_button_clicked)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self._on_pdf_button_clicked)

    def _build_history(self) -> QWidget:
        """The "Past exports" tab: the vault's export log, newest first (nothing personal:
        when, which group and period, which format, how many figures were hidden)."""
        page = QWidget()
        layout = QVBoxLayout(page)
        self._history_text = QCoreApplication.translate(
            "ReportsScreen",
            "Every report exported from this vault, newest first. A new export is checked"
            " against these, so that exports put side by side cannot reveal a small count.",
        )
        self.history_hint = QLabel(self._history_text)
        self.history_hint.setWordWrap(True)
        self.history_hint.setProperty("role", "hint")
        layout.addWidget(self.history_hint)
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("pastExports")
        self.history.setAccessibleName(QCoreApplication.translate("ReportsScreen", "Past exports"))
        self.history.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ReportsScreen", "Exported"),
                QCoreApplication.translate("ReportsScreen", "Group"),
                QCoreApplication.translate("ReportsScreen", "Period"),
                QCoreApplication.translate("ReportsScreen", "File"),
                QCoreApplication.translate("ReportsScreen", "Figures hidden"),
            ]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 1)
        return page

    def refresh_history(self) -> None:
        """Fill "Past exports" from the vault's export log (read in the worker, on its own
        connection; the list fills when the answer comes)."""
        vault = self.services.vault
        if vault is None or not self.services.is_unlocked:
            return
        self._history_serial += 1
        serial = self._history_serial
        worker.run_on_vault(
            vault,
            lambda: disclosure.export_history(vault.db),  # the task's own connection
            on_done=lambda records: self._show_history(serial, records),
            owner=self,  # lambdas name no owner: nothing reaches a deleted screen
        )

    def _show_history(self, serial: int, records: list[disclosure.ExportSummary]) -> None:
        if serial != self._history_serial or not self.services.is_unlocked:
            return  # an older answer, or the screen was cleared meanwhile
        locale = QLocale()
        self.history.setRowCount(len(records))
        for row, record in enumerate(records):
            when = QDateTime.fromString(record.exported_at, Qt.DateFormat.ISODate).toLocalTime()
            texts = (
                locale.toString(when, QLocale.FormatType.ShortFormat),
                record.scope,
                report_pdf.period_words(record.period_start, record.period_end),
                record.format.upper(),
                QCoreApplication.translate("ReportsScreen", "%1 of %2")
                .replace("%1", locale.toString(record.hidden))
                .replace("%2", locale.toString(record.figures)),
            )
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.history.setItem(row, col, item)
        self.history_hint.setText(
            self._history_text
            if records
            else QCoreApplication.translate(
                "ReportsScreen", "No report has been exported from this vault yet."
            )
        )

    # --- Pickers -------------------------------------------------------------------

    def _today(self) -> dt.date:
        return self.services.now().astimezone().date()

    def _months(self) -> list[tuple[int, int]]:
        today = self._today()
        y, m = today.year, today.month
        out = []
        for _ in range(MONTHS_BACK):
            out.append((y, m))
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        return out

    def _fill_periods(self) -> None:
        """Entries of the period picker for the chosen kind (newest first)."""
        self._filling = True
        try:
            kind = self.kind_box.currentData()
            self.period_box.clear()
            self.to_box.clear()
            months = self._months()
            locale = QLocale()
            if kind in ("month", "custom"):
                for y, m in months:
                    text = locale.toString(QDate(y, m, 1), "MMMM yyyy")
                    self.period_box.addItem(text, _key((y, m), (y, m)))
                    self.to_box.addItem(text, _key((y, m), (y, m)))
                if kind == "custom":
                    # From three months back to the last full month: a sensible start.
                    self.period_box.setCurrentIndex(min(3, len(months) - 1))
                    self.to_box.setCurrentIndex(1)
                else:
                    self.period_box.setCurrentIndex(1)  # the last full month
            elif kind == "quarter":
                seen = []
                for y, m in months:
                    q = (m - 1) // 3 + 1
                    if (y, q) not in seen:
                        seen.append((y, q))
                        p = Period.quarter(y, q)
                        self.period_box.addItem(
                            QCoreApplication.translate("ReportsScreen", "Q%1 %2 (%3 to %4)")
                            .replace("%1", str(q))
                            .replace("%2", str(y))
                            .replace("%3", locale.toString(QDate(y, 3 * q - 2, 1), "MMM"))
                            .replace("%4", locale.toString(QDate(y, 3 * q, 1), "MMM")),
                            _key(p.start, p.end),
                        )
                last = Period.last_full_quarter(self._today())
                index = self.period_box.findData(_key(last.start, last.end))
                self.period_box.setCurrentIndex(max(0, index))
            else:
                years = sorted({y for y, _ in months}, reverse=True)
                for y in years:
                    self.period_box.addItem(str(y), _key((y, 1), (y, 12)))
                self.period_box.setCurrentIndex(0)
            custom = kind == "custom"
            self.to_label.setVisible(custom)
            self.to_box.setVisible(custom)
        finally:
            self._filling = False

    def period(self) -> Period | None:
        """The chosen whole-month period (None while the pickers are empty)."""
        chosen = self.period_box.currentData()
        if chosen is None:
            return None
        start, end = _unkey(chosen)
        if self.kind_box.currentData() == "custom":
            last = self.to_box.currentData()
            if last is None:
                return None
            end = _unkey(last)[1]
            if end < start:
                start, end = end, start
        return Period(start, end)

    def group_ids(self) -> tuple[int, ...] | None:
        gid = self.group_box.currentData()
        return None if gid in (None, ALL) else (int(gid),)

    def select(self, group_id: int | None = None, period: Period | None = None) -> None:
        """Choose a group (None = all groups) and a period programmatically (tests, links)."""
        self._filling = True
        try:
            self.group_box.setCurrentIndex(
                max(0, self.group_box.findData(ALL if group_id is None else group_id))
            )
            if period is not None:
                self.kind_box.setCurrentIndex(self.kind_box.findData("custom"))
                self._fill_periods()
                self._filling = True
                start = self.period_box.findData(_key(period.start, period.start))
                end = self.to_box.findData(_key(period.end, period.end))
                self.period_box.setCurrentIndex(max(0, start))
                self.to_box.setCurrentIndex(max(0, end))
        finally:
            self._filling = False
        self._recompute()

    # --- Slots ---------------------------------------------------------------------

    def _on_kind_box_changed(self, _index: int) -> None:
        if self._filling:
            return
        self._fill_periods()
        self._recompute()

    def _on_selection_changed(self, _index: int) -> None:
        if not self._filling:
            self._recompute()

    def _on_rollup_all_clicked(self) -> None:
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(ALL)))

    def _on_rollup_year_clicked(self) -> None:
        period = self.period()
        self.kind_box.setCurrentIndex(self.kind_box.findData("year"))
        if period is not None:
            index = self.period_box.findData(_key((period.end[0], 1), (period.end[0], 12)))
            if index >= 0:
                self.period_box.setCurrentIndex(index)

    # --- Computing -----------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the group list (keeping the choice) and recompute."""
        if not self.services.is_unlocked:
            return
        chosen = self.group_box.currentData()
        self._filling = True
        try:
            self.group_box.clear()
            self.group_box.addItem(QCoreApplication.translate("ReportsScreen", "All groups"), ALL)
            for g in self.services.store.groups.all(active_only=False):
                self.group_box.addItem(g.name, g.id)
            self.group_box.setCurrentIndex(max(0, self.group_box.findData(chosen)))
            if self.period_box.count() == 0:
                self.kind_box.setCurrentIndex(self.kind_box.findData("quarter"))
                self._fill_periods()
        finally:
            self._filling = False
        self.refresh_history()
        self._recompute()

    def _scope_label(self) -> str:
        return (
            self.group_box.currentText()
            if self.group_ids()
            else QCoreApplication.translate("ReportsScreen", "All groups")
        )

    def _recompute(self) -> None:
        period = self.period()
        if period is None or not self.services.is_unlocked:
            return
        exportable = period.exportable and period.completed(self._today())
        self._exportable = exportable
        self.csv_button.setEnabled(exportable)
        self.pdf_button.setEnabled(exportable)
        if not period.exportable:
            self.export_rule.setText(self._range_rule)
        else:
            self.export_rule.setText(self._running_rule)
        self.export_rule.setVisible(not exportable)
        self._serial += 1
        serial = self._serial
        store = self.services.store
        threshold = int(store.settings.get("suppression_threshold"))
        self.status.setText(QCoreApplication.translate("ReportsScreen", "Updating..."))
        build = partial(
            reports_export.build_report,
            threshold=threshold,
            scope_label=self._scope_label(),
            today=self._today(),
        )
        vault = self.services.vault
        assert vault is not None  # store answered, so the vault is unlocked
        worker.run_on_vault(
            vault,
            lambda ids, p: build(vault.db, ids, p),  # vault.db: the task's own connection
            self.group_ids(),
            period,
            on_done=lambda bundle: self._on_built(serial, bundle),
            on_error=lambda exc: self._on_build_failed(serial, exc),
            owner=self,
        )
        self._show_follow_up()

    def _on_built(self, serial: int, bundle: ReportBundle) -> None:
        if serial != self._serial or not self.services.is_unlocked:
            return  # an older request, or the vault locked meanwhile
        self.bundle = bundle
        self._show(bundle)
        self.updated.emit()
        # The build ran in a worker (its own connection and malloc arena): a five-year,
        # 20-group report leaves about 20 MB of freed pages there (ui/memory.py).
        memory.release_soon(self.services)

    def _on_build_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial or not self.services.is_unlocked:
            return
        if isinstance(exc, KnownError):
            self.status.setText("")
            messages.show_error(self, exc)
        else:
            worker.report_bug(exc)

    def _show_follow_up(self) -> None:
        ids = self.group_ids()
        if ids is None:
            ids = tuple(g.id for g in self.services.store.groups.all() if g.id is not None)
        self.follow_up.show_groups(list(ids), self._today().isoformat())

    def _show(self, bundle: ReportBundle) -> None:
        exact = bundle.exact
        for metric, key in report_pdf.KEY_FIGURES:
            self.key_figures[metric].set_value(report_pdf.cell_text(exact.cell(metric, key), 0))
        views = charts.all_charts(exact)
        for i, view in enumerate(self.chart_views):
            view.set_chart(views[i] if i < len(views) else None)
            view.setVisible(i < len(views))
        shown = {(c.metric, c.key): c for c in bundle.table.cells}
        rows = list(exact.cells)
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            out = shown.get((c.metric, c.key))
            exported = (
                report_pdf.cell_text(out, bundle.threshold)
                if out is not None
                else QCoreApplication.translate("ReportsScreen", "not exported")
            )
            for col, text in enumerate(
                (
                    report_pdf.metric_label(c.metric, c.key),
                    report_pdf.cell_text(c, bundle.threshold),
                    exported,
                )
            ):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, col, item)
        hidden = sum(
            1
            for c in bundle.table.cells
            if c.state in (CellState.FEWER_THAN, CellState.SUPPRESSED, CellState.WITHHELD)
        )
        self.status.setText(
            QCoreApplication.translate(
                "ReportsScreen",
                "%1, %2. In exports %n figure(s) are hidden (threshold %3).",
                "",
                hidden,
            )
            .replace("%1", bundle.scope_label)
            .replace("%2", report_pdf.period_text(bundle))
            .replace("%3", str(bundle.threshold))
        )
        self.rollup.setVisible(bundle.too_small)

    # --- Exports -------------------------------------------------------------------

    def _default_name(self, suffix: str) -> str:
        assert self.bundle is not None
        name = f"groupkeeper-report-{_slug(self.bundle.scope_label)}-{self.bundle.period.label}"
        return str(Path.home() / (name.replace("..", "-to-") + suffix))

    def _on_csv_button_clicked(self) -> None:
        if self.bundle is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ReportsScreen", "Export CSV"),
            self._default_name(".csv"),
            QCoreApplication.translate("ReportsScreen", "CSV files (*.csv)"),
        )
        if path:
            self.export_csv_to(Path(path))

    def _on_pdf_button_clicked(self) -> None:
        if self.bundle is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ReportsScreen", "Export PDF"),
            self._default_name(".pdf"),
            QCoreApplication.translate("ReportsScreen", "PDF files (*.pdf)"),
        )
        if path:
            self.export_pdf_to(Path(path))

    def _on_combine_button_clicked(self) -> None:
        from groupkeeper.ui.combine_dialog import CombineDialog

        CombineDialog(self).exec()

    def export_csv_to(self, path: Path) -> None:
        """Write the suppressed CSV of the report on screen (in the worker)."""
        if self.bundle is None:
            return
        vault = self.services.vault
        assert vault is not None
        bundle = self.bundle
        wording = report_pdf.csv_wording()  # label, period and notes in the app's language
        self._set_exporting(True)
        worker.run_on_vault(
            vault,
            # vault.db: the task's own connection. Rebuilt there, so the audit sees every
            # export logged since the screen made its bundle.
            lambda: reports_export.export_csv_now(vault.db, bundle, path, wording),
            write=True,  # the export log
            on_done=lambda _r: self._on_exported(path),
            on_error=self._on_export_failed,
        )

    def export_pdf_to(self, path: Path) -> None:
        """Write the suppressed PDF of the report on screen, in three steps.

        The report is rebuilt in the worker on its own connection (so the audit sees
        every export logged since the screen made its bundle, as for CSV), drawn here on
        the GUI thread (QTextDocument layout and font use belong there; a fraction of a
        second even for a five-year report), then logged in the worker on a writer. The
        export buttons stay off meanwhile, so no other export is logged in between.
        """
        if self.bundle is None:
            return
        vault = self.services.vault
        assert vault is not None
        bundle = self.bundle
        self._set_exporting(True)
        worker.run_on_vault(
            vault,
            lambda: reports_export.rebuilt(vault.db, bundle),  # the task's own connection
            on_done=lambda fresh: self._draw_pdf(fresh, path),
            on_error=self._on_export_failed,
        )

    def _draw_pdf(self, fresh: ReportBundle, path: Path) -> None:
        vault = self.services.vault
        if vault is None:
            self._set_exporting(False)
            return
        try:
            report_pdf.write_pdf(fresh, path)
        except (OSError, KnownError) as exc:  # a folder that cannot be written; a refusal
            self._on_export_failed(exc)
            return
        worker.run_on_vault(
            vault,
            lambda: reports_export.log_export(vault.db, fresh, "pdf"),
            write=True,  # the export log
            on_done=lambda _r: self._on_exported(path),
            on_error=self._on_export_failed,
        )

    def _set_exporting(self, exporting: bool) -> None:
        # One export at a time: each is audited against the ones logged before it.
        self.csv_button.setEnabled(self._exportable and not exporting)
        self.pdf_button.setEnabled(self._exportable and not exporting)

    def _on_exported(self, path: Path) -> None:
        self._set_exporting(False)
        self.refresh_history()  # the export log has the new entry now
        messages.info(
            self,
            QCoreApplication.translate("ReportsScreen", "Report saved"),
            QCoreApplication.translate(
                "ReportsScreen", "The report was saved with small counts suppressed:\n%1"
            ).replace("%1", str(path)),
        )

    def _on_export_failed(self, exc: BaseException) -> None:
        self._set_exporting(False)
        if isinstance(exc, KnownError):
            messages.show_error(self, exc)
        elif isinstance(exc, OSError):
            messages.error(
                self,
                QCoreApplication.translate(
                    "ReportsScreen",
                    "The report could not be saved there (the folder may be read-only, full,"
                    " or removed). Choose another folder and try again.",
                ),
            )
        else:
            worker.report_bug(exc)

    # --- Locking -------------------------------------------------------------------

    def clear_personal_data(self) -> None:
        """Empty every model and text widget (called before the vault locks)."""
        self._serial += 1  # results still in flight are dropped
        self._history_serial += 1
        self.bundle = None
        self.follow_up.clear_personal_data()
        self.table.clearContents()
        self.table.setRowCount(0)
        self.history.clearContents()
        self.history.setRowCount(0)
        for view in self.chart_views:
            view.set_chart(None)
        for box in self.key_figures.values():
            box.set_value("-")
        self._filling = True
        try:
            self.group_box.clear()
        finally:
            self._filling = False
        self.status.setText("")
        self.rollup.hide()
