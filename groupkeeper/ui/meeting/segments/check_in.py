"""Check-in: type a few letters, Enter marks the top match present.

``CheckInPanel`` (search box, matches, "New here", "Sent apologies") is shared with the
"+ Arrival" dialog. ``CheckInSegment`` adds the list of who is here (with undo) and the
walk-in counter for people who stay anonymous.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.agenda import Segment
from groupkeeper.meeting_session import MeetingSession
from groupkeeper.model import Attendance, AttendanceStatus
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import messages
from groupkeeper.ui.meeting.common import (
    MIN_TARGET,
    SegmentWidget,
    act,
    button,
    label,
    scaled_font,
)
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.keys import ChoiceList, SearchField
from groupkeeper.ui.widgets.sizing import large_text

_PSEUDONYM = Qt.ItemDataRole.UserRole
_NAME = Qt.ItemDataRole.UserRole + 1
_VISITOR = Qt.ItemDataRole.UserRole + 2  # a member of another group: add them, then check in
_PRESENT = Qt.ItemDataRole.UserRole + 3  # in the "who is here" list: present (not apologies)


class CheckInPanel(QWidget):
    """Find a member and mark them present (or as having sent apologies), or add someone new.

    Signals:
        recorded(str): a pseudonym was checked in, marked with apologies or added new.
    """

    recorded = Signal(str)

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._ambiguous = False
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.search = SearchField()
        self.search.setObjectName("checkInSearch")
        self.search.setPlaceholderText(
            QCoreApplication.translate("MeetingRunner", "Type a few letters of a name, then Enter")
        )
        self.search.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Find who arrived")
        )
        self.search.setAccessibleDescription(
            QCoreApplication.translate(
                "MeetingRunner",
                "Enter marks the first match present. Down moves to the list of matches.",
            )
        )
        self.search.setFont(scaled_font(1.3))
        self.search.setMinimumHeight(56)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_textChanged)
        self.search.returnPressed.connect(self._on_search_returnPressed)
        self.search.down_pressed.connect(self._on_search_down_pressed)
        box.addWidget(self.search)

        self.matches = ChoiceList()
        self.matches.setObjectName("checkInMatches")
        self.matches.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Matching members")
        )
        self.matches.setFont(scaled_font(1.15))
        self.matches.setWordWrap(True)  # "Rosa — Tuesday Circle: add to this group..."
        self.matches.enter_pressed.connect(self.mark_present)
        self.matches.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.matches.itemDoubleClicked.connect(lambda _item: self.mark_present())
        box.addWidget(self.matches, 1)

        # The buttons wrap to a second row when their words do not fit in one.
        buttons = FlowLayout()
        self.present_button = button(
            QCoreApplication.translate("MeetingRunner", "Mark &present"),
            "checkInPresent",
            self.mark_present,
            role="primary",
        )
        self.present_button.setToolTip(
            QCoreApplication.translate(
                "MeetingRunner", "Marks the highlighted match present (Enter)"
            )
        )
        self.new_button = button(
            QCoreApplication.translate("MeetingRunner", "New &here"), "checkInNew", self.add_new
        )
        self.new_button.setToolTip(
            QCoreApplication.translate(
                "MeetingRunner", "Adds someone new with just the name typed (Alt+H)"
            )
        )
        self.apologies_button = button(
            QCoreApplication.translate("MeetingRunner", "Sent ap&ologies"),
            "checkInApologies",
            self.mark_apologies,
        )
        buttons.addWidget(self.present_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.apologies_button)
        box.addLayout(buttons)
        self.status = label(role="hint", name="checkInStatus")
        self.status.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Last check-in"))
        box.addWidget(self.status)
        self._update_buttons()
        # The member indexes (this group and the others, ~0.2 s at 10,000 members) are
        # built just after the screen is shown, before the first letter is typed.
        # (``self`` as context: a lock that deletes the segment first cancels it.)
        QTimer.singleShot(0, self, self._prepare)

    def _prepare(self) -> None:
        try:
            self.session.prepare_check_in()
        except KnownError as exc:
            self.status.setText(messages.describe_error(exc))

    # -- search ---------------------------------------------------------------------
    def _on_search_textChanged(self, text: str) -> None:  # noqa: N802
        self.matches.clear()
        self._ambiguous = False
        statuses: dict[str, AttendanceStatus] = {}
        if text:
            try:
                statuses = {a.pseudonym: a.status for a in self.session.attendance()}
            except KnownError as exc:
                # Said inline: a box on every keystroke would bury the facilitator.
                self.status.setText(messages.describe_error(exc))
        found = self.session.find_for_check_in(text)
        self._ambiguous = found.ambiguous
        for match in found.matches:
            member = match.member
            words = member.display_name
            if member.full_name and member.full_name != member.display_name:
                words += f"  ({member.full_name})"
            if match.other_group:
                words = (
                    QCoreApplication.translate(
                        "MeetingRunner", "%1 — %2: add to this group and mark present"
                    )
                    .replace("%1", words)
                    .replace("%2", match.other_group)
                )
            status = statuses.get(member.pseudonym)
            if status is AttendanceStatus.PRESENT:
                words += "  - " + QCoreApplication.translate("MeetingRunner", "already here")
            elif status is AttendanceStatus.APOLOGIES:
                words += "  - " + QCoreApplication.translate("MeetingRunner", "sent apologies")
            item = QListWidgetItem(words)
            item.setData(_PSEUDONYM, member.pseudonym)
            item.setData(_VISITOR, bool(match.other_group))
            item.setSizeHint(QSize(0, self._row_height(words)))
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        self._update_buttons()

    def _row_height(self, text: str) -> int:
        """Tall enough for ``text`` wrapped to the list's width (a visitor's line is long)."""
        width = max(100, self.matches.viewport().width() - 16)
        bounds = self.matches.fontMetrics().boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return max(MIN_TARGET, bounds.height() + 12)

    def _on_search_returnPressed(self) -> None:  # noqa: N802
        """Enter in the search box takes the best match, unless two are equally good."""
        if self._ambiguous and self.matches.count() > 1:
            self.matches.setFocus()
            self.matches.setCurrentRow(0)
            self.status.setText(
                QCoreApplication.translate(
                    "MeetingRunner",
                    "More than one person matches. Choose with the arrow keys, then Enter.",
                )
            )
            return
        self.mark_present()

    def _on_search_down_pressed(self) -> None:
        if self.matches.count():
            self.matches.setFocus()
            self.matches.setCurrentRow(0)

    def _update_buttons(self) -> None:
        has_match = self.matches.count() > 0
        self.present_button.setEnabled(has_match)
        # Apologies are for this group's members; a visitor simply has not come.
        self.apologies_button.setEnabled(has_match and not self._chosen_is_visitor())
        self.new_button.setEnabled(bool(self.search.text().strip()))
        typed = self.search.text().strip()
        self.new_button.setText(
            QCoreApplication.translate("MeetingRunner", "New &here: add \u201c%1\u201d").replace(
                "%1", typed
            )
            if typed
            else QCoreApplication.translate("MeetingRunner", "New &here")
        )

    def _chosen(self) -> str | None:
        item = self.matches.currentItem() or self.matches.item(0)
        return None if item is None else str(item.data(_PSEUDONYM))

    def _chosen_is_visitor(self) -> bool:
        item = self.matches.currentItem() or self.matches.item(0)
        return bool(item is not None and item.data(_VISITOR))

    def _done(self, pseudonym: str, message: str) -> None:
        self.status.setText(message)
        self.search.clear()
        self.search.setFocus()
        self.recorded.emit(pseudonym)

    # -- actions --------------------------------------------------------------------
    def mark_present(self) -> None:
        """Mark the highlighted (or top) match present."""
        pseudonym = self._chosen()
        if pseudonym is None:
            if self.search.text().strip():
                self.status.setText(
                    QCoreApplication.translate(
                        "MeetingRunner", "No match. Use \u201cNew here\u201d to add them."
                    )
                )
            return
        name = self.session.names([pseudonym]).get(pseudonym, "")
        if self._chosen_is_visitor():
            ok, _ = act(self, self.session.check_in_visitor, pseudonym)
            if ok:
                group = self.session.group.name
                said = (
                    QCoreApplication.translate("MeetingRunner", "%1 is here, and now in %2.")
                    .replace("%1", name)
                    .replace("%2", group)
                )
                self._done(pseudonym, said)
            return
        ok, _ = act(self, self.session.check_in, pseudonym)
        if ok:
            self._done(
                pseudonym,
                QCoreApplication.translate("MeetingRunner", "%1 is here.").replace("%1", name),
            )

    def mark_apologies(self) -> None:
        pseudonym = self._chosen()
        if pseudonym is None or self._chosen_is_visitor():
            return
        name = self.session.names([pseudonym]).get(pseudonym, "")
        ok, _ = act(self, self.session.mark_apologies, pseudonym)
        if ok:
            self._done(
                pseudonym,
                QCoreApplication.translate("MeetingRunner", "%1 sent apologies.").replace(
                    "%1", name
                ),
            )

    def add_new(self) -> None:
        """Someone new: add a member with just the typed display name, checked in as new."""
        name = self.search.text().strip()
        if not name:
            return
        ok, member = act(self, self.session.add_new_member, name)
        if ok:
            self._done(
                member.pseudonym,
                QCoreApplication.translate("MeetingRunner", "Welcome, %1 (new).").replace(
                    "%1", name
                ),
            )

    def clear_personal_data(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.matches.clear()
        self.status.clear()
        self.new_button.setText(QCoreApplication.translate("MeetingRunner", "New &here"))


class CheckInSegment(SegmentWidget):
    """The check-in segment: find people, who is here (with undo), walk-ins."""

    def __init__(
        self, session: MeetingSession, segment: Segment, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, segment, parent)
        # Side by side at every text size: stacked (as other segments do at large text)
        # the list of who is here fell below the fold at 200%. Both columns are narrow
        # enough: the buttons flow onto more rows and the headings wrap.
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(24 if not large_text() else 16)
        left = QVBoxLayout()
        hint = label(
            QCoreApplication.translate(
                "MeetingRunner",
                "Type a few letters and press Enter to mark someone present. "
                "Not on the list? \u201cNew here\u201d adds them with just that name.",
            ),
            role="hint",
        )
        left.addWidget(hint)
        self.panel = CheckInPanel(session)
        self.panel.recorded.connect(self._on_panel_recorded)
        if large_text():
            # Four lines at 200% pushed the search box itself below the fold; the box's
            # placeholder says the same, and the whole hint stays as its tooltip.
            hint.hide()
            self.panel.search.setToolTip(hint.text())
        left.addWidget(self.panel, 1)
        row.addLayout(left, 3)

        right = QVBoxLayout()
        self.here_heading = label(name="hereHeading")
        self.here_heading.setFont(scaled_font(1.1, bold=True))
        right.addWidget(self.here_heading)
        self.here = QListWidget()
        self.here.setObjectName("hereList")
        self.here.setAccessibleName(QCoreApplication.translate("MeetingRunner", "Who is here"))
        self.here.setAccessibleDescription(
            QCoreApplication.translate(
                "MeetingRunner", "Newest arrival first. Delete takes back the selected check-in."
            )
        )
        self.here.setFont(scaled_font(1.1))
        right.addWidget(self.here, 1)
        self.undo_button = button(
            QCoreApplication.translate("MeetingRunner", "&Undo check-in"),
            "undoCheckIn",
            self.undo_selected,
        )
        right.addWidget(self.undo_button)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.here)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.undo_selected)
        self.here.itemSelectionChanged.connect(self._update_undo_button)

        self.walk_label = label(name="walkInCount")
        self.walk_label.setFont(scaled_font(1.1))
        right.addWidget(self.walk_label)
        walk = FlowLayout()
        self.walk_minus = button(
            QCoreApplication.translate("MeetingRunner", "\u2212 Walk-in"),
            "walkInMinus",
            lambda: self._walk_in(-1),
        )
        self.walk_minus.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "One walk-in fewer")
        )
        self.walk_plus = button(
            QCoreApplication.translate("MeetingRunner", "+ &Walk-in"),
            "walkInPlus",
            lambda: self._walk_in(+1),
        )
        self.walk_plus.setAccessibleName(
            QCoreApplication.translate("MeetingRunner", "Add an anonymous walk-in")
        )
        self.walk_plus.setToolTip(
            QCoreApplication.translate("MeetingRunner", "Someone who stays anonymous (Alt+W)")
        )
        walk.addWidget(self.walk_minus)
        walk.addWidget(self.walk_plus)
        right.addLayout(walk)
        row.addLayout(right, 2)
        self.refresh()

    def focus_main(self) -> None:
        self.panel.search.setFocus()

    def refresh(self) -> None:
        # Newest first, so the latest arrival is at the top, in view, and is what "Undo
        # check-in" takes back when nothing is selected.
        arrivals = self.session.arrivals_newest_first()
        names = self.session.names([a.pseudonym for a in arrivals])
        self.here.clear()
        for a in arrivals:
            self.here.addItem(self._item(a, names))
        walk_ins = self.session.store.meetings.get(self.session.meeting_id).walk_ins
        self.walk_label.setText(
            QCoreApplication.translate("MeetingRunner", "Walk-ins (anonymous): %n", "", walk_ins)
        )
        self.walk_minus.setEnabled(walk_ins > 0)
        self._after_change()

    def show_arrival(self, pseudonym: str) -> None:
        """Someone was just recorded: read their one record and put it at the top of the
        list (their earlier line, if any, goes); the rest of the list stays as it is."""
        record = self.session.attendance_of(pseudonym)
        for row in range(self.here.count()):
            item = self.here.item(row)
            if item is not None and item.data(_PSEUDONYM) == pseudonym:
                self.here.takeItem(row)
                break
        if record is not None:
            self.here.insertItem(0, self._item(record, self.session.names([pseudonym])))
        self._after_change()

    def _item(self, a: Attendance, names: dict[str, str]) -> QListWidgetItem:
        item = QListWidgetItem(self._describe(a, names))
        item.setData(_PSEUDONYM, a.pseudonym)
        item.setData(
            _NAME,
            names.get(
                a.pseudonym, QCoreApplication.translate("MeetingRunner", "(forgotten member)")
            ),
        )
        item.setData(_PRESENT, a.status is AttendanceStatus.PRESENT)
        return item

    def _after_change(self) -> None:
        if self.here.count():
            self.here.scrollToTop()
        self.here.clearSelection()
        self.here.setCurrentRow(-1)
        present = 0
        for row in range(self.here.count()):
            item = self.here.item(row)
            present += bool(item is not None and item.data(_PRESENT))
        self.here_heading.setText(
            QCoreApplication.translate("MeetingRunner", "Checked in: %n", "", present)
        )
        self._update_undo_button()

    @staticmethod
    def _describe(a: Attendance, names: dict[str, str]) -> str:
        name = names.get(
            a.pseudonym, QCoreApplication.translate("MeetingRunner", "(forgotten member)")
        )
        if a.status is AttendanceStatus.APOLOGIES:
            return name + "  - " + QCoreApplication.translate("MeetingRunner", "sent apologies")
        return name + (
            "  - " + QCoreApplication.translate("MeetingRunner", "new") if a.is_new else ""
        )

    def _selected_pseudonym(self) -> str | None:
        selected = self.here.selectedItems()
        return str(selected[0].data(_PSEUDONYM)) if selected else None

    def _update_undo_button(self) -> None:
        """Say whose check-in "Undo" will take back: the selected one, or the latest."""
        count = self.here.count()
        self.undo_button.setEnabled(count > 0)
        selected = self.here.selectedItems()
        target = selected[0] if selected else (self.here.item(0) if count else None)
        if target is None:
            self.undo_button.setToolTip(
                QCoreApplication.translate("MeetingRunner", "Nobody is checked in yet")
            )
        else:
            self.undo_button.setToolTip(
                QCoreApplication.translate(
                    "MeetingRunner", "Takes back: %1 (Delete in the list)"
                ).replace("%1", target.text())
            )

    def _on_panel_recorded(self, pseudonym: str) -> None:
        self.show_arrival(pseudonym)
        self.changed.emit()

    def undo_selected(self) -> None:
        """Take back the selected check-in, or the latest one when none is selected."""
        names = {
            self.here.item(i).data(_PSEUDONYM): self.here.item(i).data(_NAME)
            for i in range(self.here.count())
        }
        ok, undone = self.act(self.session.undo_check_in, self._selected_pseudonym())
        if not ok:
            return
        if undone is None:
            self.panel.status.setText(
                QCoreApplication.translate("MeetingRunner", "Nobody is checked in yet.")
            )
            return
        self.refresh()
        name = str(names.get(undone.pseudonym, ""))
        if undone.status is AttendanceStatus.APOLOGIES:
            said = QCoreApplication.translate(
                "MeetingRunner", "Took back: %1 sent apologies."
            ).replace("%1", name)
        else:
            said = QCoreApplication.translate(
                "MeetingRunner", "Took back the check-in of %1."
            ).replace("%1", name)
        self.panel.status.setText(said)

    def _walk_in(self, delta: int) -> None:
        ok, _ = self.act(self.session.change_walk_ins, delta)
        if ok:
            self.refresh()

    def clear_personal_data(self) -> None:
        self.panel.clear_personal_data()
        self.here.clear()
