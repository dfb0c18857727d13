"""The roster screen: find a member fast, add/edit/deactivate/forget, import, history.

A big search box on top (focused on open, Ctrl+F) filters as you type over name, full name
and phone. Enter in the search box opens the best match; Down moves into the table. Every
write is an operation run through ``services.ops``; its ``changed`` signal (from this or any
other screen) marks the screen stale and it reloads when shown (``ScreenReloader``): the
model reads only the ordered ids then, and the rows on screen (``RosterModel``), so
opening the roster costs the same at 40 members as at 10,000.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import ops
from groupkeeper.model import Member, RosterRow
from groupkeeper.ops import Kind
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import memory, messages
from groupkeeper.ui.models.roster_model import RosterModel
from groupkeeper.ui.operations import ScreenReloader
from groupkeeper.ui.services import Services
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.keys import SearchField

if TYPE_CHECKING:
    # The dialogs are imported when first opened (about 2 ms then): the idle roster does
    # not hold the member, history and CSV import dialogs' modules (0.3 MB in the running
    # app, bench/bench_memory.py).
    from groupkeeper.ui.member_dialog import MemberDialog

#: The kinds of change that alter what the roster shows (names, groups, last visits,
#: the forgetting notice's months).
SHOWN_KINDS = (Kind.MEMBERS, Kind.GROUPS, Kind.ATTENDANCE, Kind.SETTINGS)


class _Table(QTableView):
    """Enter opens the selected member (instead of moving to the next row)."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class RosterScreen(QWidget):
    """Members of the vault, searchable; the facilitator's address book."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("rosterScreen")
        self.model = RosterModel(lambda: self.services.store, self)
        self._build()
        self.reloader = ScreenReloader(self, services, SHOWN_KINDS, self.refresh, dated=True)

    # -- Layout -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)

        top = QHBoxLayout()
        title = QLabel(QCoreApplication.translate("RosterScreen", "Members"))
        title.setProperty("role", "title")
        top.addWidget(title)
        self.search = SearchField()
        self.search.setObjectName("rosterSearch")
        self.search.setPlaceholderText(
            QCoreApplication.translate("RosterScreen", "Find a member: type a name or phone number")
        )
        self.search.setAccessibleName(QCoreApplication.translate("RosterScreen", "Find a member"))
        self.search.setAccessibleDescription(
            QCoreApplication.translate(
                "RosterScreen", "Type part of a name or phone number. Enter opens the first match."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(48)
        top.addWidget(self.search, 1)
        layout.addLayout(top)

        # Filters and buttons wrap to another row rather than widen the window.
        filters = FlowLayout()
        self.group_filter = QComboBox()
        self.group_filter.setAccessibleName(
            QCoreApplication.translate("RosterScreen", "Show members of group")
        )
        self.group_filter.setMinimumHeight(40)
        # Filled after the screen is shown: as wide as its longest group name, always.
        self.group_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_inactive = QCheckBox(
            QCoreApplication.translate("RosterScreen", "Show &inactive members")
        )
        self.show_inactive.setAccessibleName(
            QCoreApplication.translate("RosterScreen", "Show inactive members")
        )
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        group_label = QLabel(QCoreApplication.translate("RosterScreen", "G&roup:"))
        group_label.setBuddy(self.group_filter)
        group_row = QHBoxLayout()
        group_row.setContentsMargins(0, 0, 16, 0)
        group_row.addWidget(group_label)
        group_row.addWidget(self.group_filter)
        filters.addLayout(group_row)
        filters.addWidget(self.show_inactive)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        # "Members inactive for N months are offered for forgetting."
        self.notice = QFrame()
        self.notice.setObjectName("rosterForgetNotice")
        self.notice.setProperty("role", "notice")
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(8, 4, 8, 4)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.review_button = QPushButton(QCoreApplication.translate("RosterScreen", "Re&view"))
        self.review_button.setAccessibleName(
            QCoreApplication.translate(
                "RosterScreen", "Review members who have not come for a long time"
            )
        )
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.review_button)
        self.notice.hide()
        layout.addWidget(self.notice)

        self.table = _Table()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(QCoreApplication.translate("RosterScreen", "Members"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # Group names are what gets cut off first ("Thursday Evening, ..."): let them grow.
        header.setSectionResizeMode(RosterModel.GROUPS, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(RosterModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        for col, width in ((0, 200), (1, 260), (2, 170), (4, 120), (5, 140)):
            self.table.setColumnWidth(col, width)
        # Never narrower than the column's title (bold, padded, with the sort arrow): at
        # large text or in Spanish the titles were cut ("ombre comple").
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for col in range(self.model.columnCount()):
            column_title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(column_title) + 40
            if self.table.columnWidth(col) < need:
                self.table.setColumnWidth(col, need)
        layout.addWidget(self.table, 1)

        buttons = FlowLayout()
        self.add_button = QPushButton(QCoreApplication.translate("RosterScreen", "&Add member"))
        self.add_button.setProperty("role", "primary")
        self.edit_button = QPushButton(QCoreApplication.translate("RosterScreen", "&Edit"))
        self.active_button = QPushButton(QCoreApplication.translate("RosterScreen", "&Deactivate"))
        self.history_button = QPushButton(QCoreApplication.translate("RosterScreen", "&History"))
        self.forget_button = QPushButton(QCoreApplication.translate("RosterScreen", "&Forget..."))
        self.import_button = QPushButton(
            QCoreApplication.translate("RosterScreen", "Import &CSV...")
        )
        tips = {
            self.add_button: QCoreApplication.translate("RosterScreen", "Add a member (Ctrl+N)"),
            self.edit_button: QCoreApplication.translate(
                "RosterScreen", "Edit the selected member (Enter)"
            ),
            self.history_button: QCoreApplication.translate(
                "RosterScreen", "Attendance, moods and goals of the selected member"
            ),
            self.forget_button: QCoreApplication.translate(
                "RosterScreen", "Erase the selected member for good"
            ),
            self.import_button: QCoreApplication.translate(
                "RosterScreen", "Add members from a spreadsheet saved as CSV"
            ),
        }
        for b in (
            self.add_button,
            self.edit_button,
            self.active_button,
            self.history_button,
            self.forget_button,
        ):
            buttons.addWidget(b)
        buttons.addWidget(self.import_button)
        for b, tip in tips.items():
            b.setToolTip(tip)
        for b in (*tips, self.active_button):
            b.setAccessibleName(b.text().replace("&", "").replace("...", ""))
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._on_search_textChanged)
        self.search.returnPressed.connect(self._on_search_returnPressed)
        self.search.down_pressed.connect(self._on_search_down_pressed)
        self.table.open_requested.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._on_model_reset)
        self.group_filter.currentIndexChanged.connect(self._on_group_filter_changed)
        self.show_inactive.toggled.connect(self.model.set_show_inactive)
        self.review_button.clicked.connect(self._on_review_clicked)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button.clicked.connect(self.toggle_active)
        self.history_button.clicked.connect(self.show_history)
        self.forget_button.clicked.connect(self.forget_selected)
        self.import_button.clicked.connect(self.import_csv)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_member)
        self._update_buttons()

    # -- Data -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload members, groups and the forgetting notice from the vault."""
        self.reloader.loaded()
        try:
            self._refresh_groups()
            self.model.refresh()
            self._refresh_notice()
        except KnownError as exc:
            messages.show_error(self, exc)
        memory.release_soon(self.services)  # the pages the load read (ui/memory.py)

    def _refresh_groups(self) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(QCoreApplication.translate("RosterScreen", "All groups"), None)
        for g in self.services.store.groups.all():
            self.group_filter.addItem(g.name, g.id)
        found = self.group_filter.findData(current)
        self.group_filter.setCurrentIndex(max(found, 0))
        self.group_filter.blockSignals(False)
        self.model.set_group(self.group_filter.currentData())

    def _stale_since(self) -> tuple[int, date]:
        """The forgetting notice's months, and today."""
        months = int(self.services.store.settings.get("forget_after_months"))
        return months, self.services.now().date()

    def _refresh_notice(self) -> None:
        # Only the count: the ids are read when "Review" is pressed.
        months, today = self._stale_since()
        stale = self.services.store.members.inactive_count(months, today)
        self.notice_label.setText(
            QCoreApplication.translate(
                "RosterScreen",
                "%n member(s) have not come for {months} months or more. "
                "You may want to forget them.",
                "",
                stale,
            ).format(months=months)
        )
        self.notice.setVisible(bool(stale))

    def clear_personal_data(self) -> None:
        """Empty the model and every text that could hold a name (the vault is locking)."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self.group_filter.clear()
        self.notice_label.clear()
        self.notice.hide()
        self._update_buttons()
        self.reloader.stale = True
        memory.release_soon(self.services)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        self.focus_search()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- Selection --------------------------------------------------------------------
    def selected_member(self) -> Member | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.member(rows[0].row())

    def select_member(self, member_id: int | None) -> None:
        row = self.model.row_of(member_id) if member_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selected_row(self) -> RosterRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_data(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        member = self._selected_row()
        for b in (self.edit_button, self.active_button, self.history_button, self.forget_button):
            b.setEnabled(member is not None)
        reactivate = member is not None and not member.active
        self.active_button.setText(
            QCoreApplication.translate("RosterScreen", "Reac&tivate")
            if reactivate
            else QCoreApplication.translate("RosterScreen", "&Deactivate")
        )
        self.active_button.setAccessibleName(self.active_button.text().replace("&", ""))
        shown, total = self.model.rowCount(), self.model.total
        if self.search.text().strip():
            self.count_label.setText(
                QCoreApplication.translate("RosterScreen", "%n match(es)", "", shown)
                + " "
                + QCoreApplication.translate("RosterScreen", "of %n", "", total)
            )
        else:
            self.count_label.setText(
                QCoreApplication.translate("RosterScreen", "%n member(s)", "", total)
            )

    # -- Slots --------------------------------------------------------------------------
    def _on_model_reset(self) -> None:
        if self.model.rowCount() and self.search.text().strip():
            self.table.selectRow(0)  # the best match, ready for Enter
        self._update_buttons()

    def _on_search_textChanged(self, text: str) -> None:  # noqa: N802
        self.model.set_query(text)

    def _on_search_returnPressed(self) -> None:  # noqa: N802
        if self.model.rowCount():
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            self.edit_selected()

    def _on_search_down_pressed(self) -> None:
        if self.model.rowCount():
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            self.table.setFocus()

    def _on_group_filter_changed(self, _index: int) -> None:
        self.model.set_group(self.group_filter.currentData())

    def _on_review_clicked(self) -> None:
        if self.model.reviewing:
            self.model.set_only(None)
            self.review_button.setText(QCoreApplication.translate("RosterScreen", "Re&view"))
        else:
            try:
                stale = self.services.store.members.inactive_ids(*self._stale_since())
            except KnownError as exc:
                messages.show_error(self, exc)
                return
            self.model.set_only(set(stale))
            self.review_button.setText(QCoreApplication.translate("RosterScreen", "Show &everyone"))
        self._update_buttons()

    # -- Actions ------------------------------------------------------------------------
    def add_member(self) -> None:
        from groupkeeper.ui.member_dialog import MemberDialog

        dialog = MemberDialog(self.services, None, self)
        group_id = self.group_filter.currentData()
        if group_id is not None:  # adding while looking at a group: put them in it
            dialog.member.group_ids = [group_id]
            dialog._fill()
        if self.search.text().strip() and not any(ch.isdigit() for ch in self.search.text()):
            dialog.display_name.setText(self.search.text().strip())
        self._run_dialog(dialog)

    def edit_selected(self) -> None:
        member = self.selected_member()
        if member is None or member.id is None:
            return
        from groupkeeper.ui.member_dialog import MemberDialog

        self._run_dialog(MemberDialog(self.services, member.id, self))

    def _run_dialog(self, dialog: MemberDialog) -> None:
        dialog.exec()
        if dialog.outcome:
            self.reloader.flush()  # the operation made the model stale: reload before selecting
            saved_id = dialog.member.id if dialog.outcome == "saved" else None
            self.select_member(saved_id)
            self.search.setFocus()

    def toggle_active(self) -> None:
        member = self.selected_member()
        if member is None or member.id is None:
            return
        op = ops.members.set_active(member_id=member.id, active=not member.active)
        if self.services.ops.try_run(self, op) is not None:
            self.reloader.flush()
            self.select_member(member.id)

    def forget_selected(self) -> None:
        member = self.selected_member()
        if member is not None:
            from groupkeeper.ui.member_dialog import forget_member

            forget_member(self, self.services, member)

    def show_history(self) -> None:
        member = self.selected_member()
        if member is None or member.id is None:
            return
        from groupkeeper.ui.member_history import MemberHistoryDialog

        try:
            dialog = MemberHistoryDialog(self.services, member.id, self)
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        dialog.exec()
        dialog.clear_personal_data()

    def import_csv(self) -> None:
        from groupkeeper.ui.csv_import_dialog import CsvImportDialog

        dialog = CsvImportDialog(self.services, self)
        dialog.exec()
        if dialog.imported:
            self.reloader.flush()  # member.import made the model stale
            messages.info(
                self,
                QCoreApplication.translate("RosterScreen", "Import finished"),
                QCoreApplication.translate(
                    "RosterScreen", "%n member(s) added.", "", dialog.imported
                ),
            )
        dialog.clear_personal_data()
