"""Home: one card per group (next meeting, Start / Resume, enter a past meeting) and backup.

Starting a meeting when the group has no crisis resources asks for them first; "Remind me
later" is offered only once per group (the rule is ``ops.rules``; the ``meeting.start``
operation enforces it). The screen emits ``start_meeting(meeting_id)`` /
``resume_meeting(meeting_id)``; the main window routes them to the meeting runner. "Back
up now" runs ``backup.rotate_backups`` in the worker and records ``last_backup_at`` in the
vault settings. Every change goes through ``services.ops``; the screen reloads itself
(``ScreenReloader``) when any screen changes groups, members, meetings or settings.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import ops
from groupkeeper.meeting_rules import DAYS, planned_next_meeting
from groupkeeper.ops import Kind, rules
from groupkeeper.ui import memory, messages, worker
from groupkeeper.ui.operations import ScreenReloader
from groupkeeper.ui.sync_status import SyncPanel
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.group_form import day_names

if TYPE_CHECKING:
    from groupkeeper.model import Group
    from groupkeeper.ui.meeting.safety_panel import SafetyNotesDialog
    from groupkeeper.ui.services import Services

#: The kinds of change that alter what Home shows.
SHOWN_KINDS = (Kind.GROUPS, Kind.MEMBERS, Kind.MEETINGS, Kind.SETTINGS)


def _long_date(day: date) -> str:
    # QLocale, not QDate.toString: day and month names in the app's language.
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")


class CrisisPrompt(QDialog):
    """Asks for the group's crisis resources before a meeting starts."""

    LATER = 2

    def __init__(self, group: Group, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crisis resources"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Before the meeting: where can someone turn in a crisis? Add your local "
                "crisis line, the nearest emergency department and the centre's on-call "
                "contact. The Safety button shows them during the meeting."
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.resources = QPlainTextEdit(self)
        self.resources.setAccessibleName(self.tr("Crisis resources"))
        self.resources.setTabChangesFocus(True)
        layout.addWidget(self.resources, 1)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save and start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setProperty("role", "primary")
        self.later_button = None
        if rules.may_remind_later(group):
            self.later_button = buttons.addButton(
                self.tr("Remind me later"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.later_button.clicked.connect(lambda: self.done(self.LATER))
        else:
            note = QLabel(
                self.tr('You chose "Remind me later" before, so this is needed now.'), self
            )
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _on_accepted(self) -> None:
        if not self.resources.toPlainText().strip():
            self.resources.setFocus()
            self.resources.setPlaceholderText(self.tr("Please add at least one resource."))
            return
        self.accept()


class PastMeetingDialog(QDialog):
    """Pick the date of a meeting that happened without the laptop."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter a past meeting"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("When did the meeting happen?"), self)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setAccessibleName(self.tr("Meeting date"))
        label.setBuddy(self.date_edit)
        layout.addWidget(label)
        layout.addWidget(self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(
            self.tr("Enter the past meeting on this date")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class GroupCard(QFrame):
    """One group: name, when, next meeting, and its buttons.

    Built once per group; ``show_state`` puts the group's current state into it (Home's
    refresh updates its cards in place instead of building them again).
    """

    def __init__(
        self,
        group: Group,
        next_date: date | None,
        open_meeting_id: int | None,
        parent: QWidget,
        members: int = 0,
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.open_meeting_id = open_meeting_id
        self.setObjectName("groupCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name_label = QLabel(self)
        self.name_label.setProperty("role", "title")
        self.name_label.setWordWrap(True)
        self.usual_label = QLabel(self)
        self.usual_label.setWordWrap(True)
        self.members_label = QLabel(self)
        self.members_label.setObjectName("groupMembers")
        self.members_label.setProperty("role", "hint")
        self.next_label = QLabel(self)
        self.next_label.setProperty("role", "hint")
        self.start_button = QPushButton(self)
        self.start_button.setProperty("role", "primary")
        self.past_button = QPushButton(self.tr("Enter a past meeting..."), self)
        # Only for an open meeting (one started by mistake); a held meeting is history.
        self.discard_button = QPushButton(self.tr("Discard this meeting..."), self)
        self.discard_button.setObjectName("discardMeeting")
        # Paper fallback: blank sheets laid out like "Enter a past meeting" (no names).
        self.kit_button = QPushButton(self.tr("Print a paper kit..."), self)
        self.kit_button.setObjectName("paperKit")
        self.notes_button = QPushButton(self.tr("Safety notes..."), self)
        self.notes_button.setObjectName("safetyNotes")
        self.share_button = QPushButton(self)
        self.share_button.setObjectName("shareGroup")
        self.shared = False  # shared with other laptops (``set_shared``)
        # A flow of buttons: at large text or in Spanish they wrap, never widen the window.
        buttons = FlowLayout()
        for button in (
            self.start_button,
            self.past_button,
            self.discard_button,
            self.kit_button,
            self.notes_button,
            self.share_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.usual_label)
        layout.addWidget(self.members_label)
        layout.addWidget(self.next_label)
        layout.addLayout(buttons)
        self.show_state(group, next_date, open_meeting_id, members)

    def show_state(
        self, group: Group, next_date: date | None, open_meeting_id: int | None, members: int
    ) -> None:
        """Show ``group`` as it is now (Qt skips texts that did not change)."""
        self.group = group
        self.open_meeting_id = open_meeting_id
        self.name_label.setText(group.name)
        when = []
        if group.meeting_day in DAYS:
            when.append(day_names()[DAYS.index(group.meeting_day)])
        if group.meeting_time:
            when.append(group.meeting_time)
        if group.place:
            when.append(group.place)
        self.usual_label.setText(" - ".join(when))
        self.members_label.setText(self.tr("%n active member(s)", "", members))
        next_text = ""
        if open_meeting_id is not None:
            next_text = self.tr("A meeting is open. You can carry on where you were.")
        elif next_date is not None:
            if group.meeting_time:
                text = self.tr("Next meeting: %1 at %2").replace("%2", group.meeting_time)
            else:
                text = self.tr("Next meeting: %1")
            next_text = text.replace("%1", _long_date(next_date))
        self.next_label.setText(next_text)
        if open_meeting_id is not None:
            self.start_button.setText(self.tr("Resume meeting"))
            self.start_button.setAccessibleName(
                self.tr("Resume the open meeting of %1").replace("%1", group.name)
            )
        else:
            self.start_button.setText(self.tr("Start meeting"))
            self.start_button.setAccessibleName(
                self.tr("Start a meeting of %1").replace("%1", group.name)
            )
        self.past_button.setAccessibleName(
            self.tr("Enter a past meeting of %1").replace("%1", group.name)
        )
        self.past_button.setEnabled(open_meeting_id is None)
        self.past_button.setVisible(open_meeting_id is None)
        self.discard_button.setAccessibleName(
            self.tr("Discard the open meeting of %1").replace("%1", group.name)
        )
        self.discard_button.setVisible(open_meeting_id is not None)
        self.kit_button.setAccessibleName(
            self.tr("Save a paper kit for %1 as a PDF").replace("%1", group.name)
        )
        self.notes_button.setAccessibleName(
            self.tr("Read the private safety notes of %1").replace("%1", group.name)
        )
        self._word_share_button()

    def set_shared(self, shared: bool) -> None:
        """Word the share button for a group shared already (it then invites one more
        laptop) or not yet."""
        if shared != self.shared:
            self.shared = shared
            self._word_share_button()

    def _word_share_button(self) -> None:
        name = self.group.name
        if self.shared:
            self.share_button.setText(self.tr("Invite another laptop..."))
            self.share_button.setAccessibleName(
                self.tr("Invite another laptop to %1").replace("%1", name)
            )
        else:
            self.share_button.setText(self.tr("Share this group..."))
            self.share_button.setAccessibleName(
                self.tr("Share %1 with a co-facilitator's laptop").replace("%1", name)
            )


class HomeScreen(QWidget):
    """The groups and the backup reminder."""

    start_meeting = Signal(int)
    meeting_discarded = Signal(int)
    resume_meeting = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("homeScreen")
        self.cards: list[GroupCard] = []
        self.crisis_dialog: CrisisPrompt | None = None
        self.notes_dialog: SafetyNotesDialog | None = None
        self.past_dialog: PastMeetingDialog | None = None
        self.reloader = ScreenReloader(self, services, SHOWN_KINDS, self.refresh, dated=True)

        title = QLabel(self.tr("Your groups"), self)
        title.setProperty("role", "title")
        self.cards_host = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_host)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards_host)

        self.backup_label = QLabel(self)
        self.backup_label.setObjectName("backupStatus")
        self.backup_label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setAccessibleName(self.tr("Back up the vault now"))
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_label, 1)
        backup_row.addWidget(self.backup_button)
        backup_box = QFrame(self)
        backup_box.setObjectName("backupBox")
        backup_box.setFrameShape(QFrame.Shape.StyledPanel)
        backup_box.setLayout(backup_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        # Shared groups: status, conflicts, joining (ui/sync_status.py).
        self.sync_panel = SyncPanel(services, self)
        self.sync_panel.shared_groups.connect(self._on_shared_groups)
        layout.addWidget(self.sync_panel)
        layout.addWidget(backup_box)

    def today(self) -> date:
        return self.services.now().astimezone().date()

    # -- content ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Show every group's state: three small queries, cards updated in place."""
        self.reloader.loaded()
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        if self.notes_dialog is not None:
            self.notes_dialog.reject()
        store = self.services.store
        today = self.today()
        groups = store.groups.all()
        counts = store.members.active_counts()
        latest = store.meetings.latest_by_group()
        old = {card.group.id: card for card in self.cards}
        self.cards = []
        for position, group in enumerate(groups):
            assert group.id is not None
            last_next, open_id = latest.get(group.id, ("", None))
            next_date = planned_next_meeting(group, last_next, today)
            card = old.pop(group.id, None)
            if card is None:
                card = self._new_card(group, next_date, open_id, counts.get(group.id, 0))
            else:
                card.show_state(group, next_date, open_id, counts.get(group.id, 0))
            if self.cards_layout.indexOf(card) != position:
                self.cards_layout.insertWidget(position, card)
            self.cards.append(card)
        lost_focus = False
        for card in old.values():  # groups gone (deactivated): their cards go too
            lost_focus = lost_focus or (focus is not None and card.isAncestorOf(focus))
            card.setParent(None)
            card.deleteLater()
        empty = self.cards_host.findChild(QLabel, "noGroups")
        if not self.cards and empty is None:
            empty = QLabel(self.tr("No groups yet. Add one in Settings."), self.cards_host)
            empty.setObjectName("noGroups")
            self.cards_layout.insertWidget(0, empty)
        elif self.cards and empty is not None:
            empty.setParent(None)
            empty.deleteLater()
        self._refresh_backup()
        self.sync_panel.refresh()
        focus = QApplication.focusWidget()
        if had_focus and (lost_focus or focus is None or not self.isAncestorOf(focus)):
            self.focus_main()  # the focused button was in a card that is gone now
        memory.release_soon(self.services)  # the pages these queries read (ui/memory.py)

    def _new_card(
        self, group: Group, next_date: date | None, open_id: int | None, members: int
    ) -> GroupCard:
        card = GroupCard(group, next_date, open_id, self.cards_host, members=members)
        card.set_shared(group.id in self.sync_panel.shared_group_ids())
        card.start_button.clicked.connect(lambda _=False, c=card: self._on_card_start(c))
        card.past_button.clicked.connect(lambda _=False, c=card: self._on_card_past(c))
        card.kit_button.clicked.connect(lambda _=False, c=card: self._on_card_kit(c))
        card.notes_button.clicked.connect(lambda _=False, c=card: self.show_safety_notes(c))
        card.share_button.clicked.connect(lambda _=False, c=card: self.sync_panel.share(c.group))
        card.discard_button.clicked.connect(
            lambda _=False, c=card: self.discard_meeting(c.open_meeting_id or 0)
        )
        return card

    def _on_shared_groups(self) -> None:
        shared = self.sync_panel.shared_group_ids()
        for card in self.cards:
            card.set_shared(card.group.id in shared)

    def _refresh_backup(self) -> None:
        settings = self.services.store.settings
        last = str(settings.get("last_backup_at") or "")
        reminder_days = int(settings.get("backup_reminder_days"))
        days: int | None = None
        if last:
            try:
                when = datetime.fromisoformat(last)
                days = (self.today() - when.astimezone().date()).days
            except ValueError:
                days = None
        if days is None:
            text = self.tr("No backup yet. A backup on a USB stick keeps the records safe.")
            due = True
        elif days == 0:
            text = self.tr("Last backup: today.")
            due = False
        else:
            text = self.tr("Last backup: %n day(s) ago.", "", days)
            due = days >= reminder_days
            if due:
                text += " " + self.tr("Time for a new one.")
        self.backup_label.setText(text)
        self.backup_label.setProperty("backupState", "due" if due else "ok")
        self.backup_label.style().unpolish(self.backup_label)
        self.backup_label.style().polish(self.backup_label)

    def clear_personal_data(self) -> None:
        if self.notes_dialog is not None:  # on lock: no note stays on screen
            self.notes_dialog.reject()
        self.sync_panel.clear_personal_data()
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards.clear()
        empty = self.cards_host.findChild(QLabel, "noGroups")
        if empty is not None:
            empty.setParent(None)
            empty.deleteLater()
        self.reloader.stale = True
        memory.release_soon(self.services)

    def focus_main(self) -> None:
        """Put keyboard focus on the likely next step: the first group's Start/Resume."""
        target = self.cards[0].start_button if self.cards else self.backup_button
        target.setFocus()

    def card_for(self, group_id: int) -> GroupCard:
        return next(c for c in self.cards if c.group.id == group_id)

    # -- meetings ---------------------------------------------------------------------
    def _on_card_start(self, card: GroupCard) -> None:
        if card.open_meeting_id is not None:
            self.resume_meeting.emit(card.open_meeting_id)
            return
        self.start_for(card.group.id or 0)

    def start_for(self, group_id: int) -> int | None:
        """Start today's meeting of a group (after the crisis-resources check)."""
        group = self.services.store.groups.get(group_id)
        if not self._second_meeting_ok(group, self.today()):
            return None
        text, later = "", False
        if rules.needs_crisis_resources(group):
            answer = self._ask_crisis_resources(group)
            if answer is None:
                return None
            text, later = answer
        result = self.services.ops.try_run(
            self,
            ops.meetings.start(
                group_id=group_id,
                date=self.today().isoformat(),
                crisis_resources=text,
                remind_later=later,
            ),
        )
        if result is None:
            return None
        meeting_id = int(result.value.id)
        self.start_meeting.emit(meeting_id)
        return meeting_id

    def _ask_crisis_resources(self, group: Group) -> tuple[str, bool] | None:
        """(resources, remind later) to go on with the meeting; None to stay here."""
        self.crisis_dialog = CrisisPrompt(group, self)
        try:
            result = self.crisis_dialog.exec()
            text = self.crisis_dialog.resources.toPlainText().strip()
        finally:
            self.crisis_dialog.deleteLater()
            self.crisis_dialog = None
        if result == QDialog.DialogCode.Accepted and text:
            return text, False
        if result == CrisisPrompt.LATER and rules.may_remind_later(group):
            return "", True
        return None

    def _on_card_past(self, card: GroupCard) -> None:
        self.past_dialog = PastMeetingDialog(self.today(), self)
        try:
            accepted = self.past_dialog.exec() == QDialog.DialogCode.Accepted
            chosen = self.past_dialog.chosen()
        finally:
            self.past_dialog.deleteLater()
            self.past_dialog = None
        if accepted:
            self.enter_past_meeting(card.group.id or 0, chosen)

    def enter_past_meeting(self, group_id: int, when: date) -> int | None:
        """Open a meeting marked "entered after the fact" for ``when``."""
        if not self._second_meeting_ok(self.services.store.groups.get(group_id), when):
            return None
        result = self.services.ops.try_run(
            self, ops.meetings.enter_past(group_id=group_id, date=when.isoformat())
        )
        if result is None:
            return None
        meeting_id = int(result.value.id)
        self.start_meeting.emit(meeting_id)
        return meeting_id

    def show_safety_notes(self, card: GroupCard) -> None:
        """The group's private safety notes, newest first (vault only); a selected note
        can be corrected."""
        from groupkeeper.storage.errors import KnownError
        from groupkeeper.ui.meeting.safety_panel import SafetyNotesDialog  # noqa: F811

        try:
            notes = self.services.store.safety.for_group(card.group.id or 0)
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        dialog = SafetyNotesDialog(card.group.name, notes, self, self.services)
        self.notes_dialog = dialog
        dialog.finished.connect(lambda _r: self._on_notes_dialog_finished())
        dialog.open()

    def _on_notes_dialog_finished(self) -> None:
        dialog, self.notes_dialog = self.notes_dialog, None
        if dialog is not None:
            dialog.clear_personal_data()
            dialog.deleteLater()

    def ask_kit_path(self, group: Group) -> Path | None:
        """Where to save the paper kit (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the paper kit"),
            str(Path.home() / self.tr("Paper kit - %1.pdf").replace("%1", group.name)),
            self.tr("PDF files (*.pdf)"),
        )
        return Path(path) if path else None

    def _on_card_kit(self, card: GroupCard) -> None:
        path = self.ask_kit_path(card.group)
        if path is not None:
            self.save_paper_kit(card.group, path)

    def save_paper_kit(self, group: Group, path: Path) -> bool:
        """Write the group's blank paper kit (sign-in, moods, goals...) as a PDF."""
        from groupkeeper.paper_kit import kit_for
        from groupkeeper.ui import paper

        try:
            paper.write_pdf(
                paper.document(paper.paper_kit_html(kit_for(group))),
                path,
                self.tr("Paper kit: %1").replace("%1", group.name),
            )
        except OSError:
            messages.error(self, self.tr("The PDF could not be saved there. Try another folder."))
            return False
        messages.info(
            self,
            self.tr("Paper kit saved"),
            self.tr(
                "Print it and keep it with the group's things. After a meeting on paper, "
                "type it in with \u201cEnter a past meeting\u201d, then shred the sheets."
            ),
        )
        return True

    def _second_meeting_ok(self, group: Group, day: date) -> bool:
        """True when the group has no meeting on ``day`` yet, or the facilitator confirms."""
        from groupkeeper.meeting_rules import same_day_meetings

        if group.id is None or not same_day_meetings(self.services.store, group.id, day):
            return True
        if day == self.today():
            text = self.tr(
                "%1 already had a meeting today. Start a second meeting of the same group today?"
            )
        else:
            text = self.tr(
                "%1 already has a meeting on %2. Enter a second meeting for that day?"
            ).replace("%2", _long_date(day))
        return messages.confirm(self, self.tr("A second meeting?"), text.replace("%1", group.name))

    def discard_meeting(self, meeting_id: int) -> bool:
        """Discard an open meeting started by mistake; asks first unless it is empty.

        Returns True when it was discarded (``meeting_discarded`` is emitted).
        """
        from groupkeeper.ui.meeting.discard import discard_meeting

        if not discard_meeting(self, self.services, meeting_id):
            return False
        self.meeting_discarded.emit(meeting_id)
        self.reloader.flush()
        return True

    # -- backup -----------------------------------------------------------------------
    def _on_backup_button_clicked(self) -> None:
        folder = str(self.services.store.settings.get("backup_dir") or "")
        if not folder:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose the backup folder (a USB stick is best)")
            )
            if not folder:
                return
            op = ops.settings.set_value(key="backup_dir", value=folder)
            if self.services.ops.try_run(self, op) is None:
                return
        self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> None:
        """Write a rotating backup into ``folder`` in the worker."""
        from groupkeeper.storage import backup

        vault = self.services.vault
        if vault is None:
            return
        self.backup_button.setEnabled(False)
        self.backup_label.setText(self.tr("Backing up..."))
        worker.run_on_vault(
            vault,
            backup.rotate_backups,
            vault,
            folder,
            self.services.now(),
            on_done=self._on_backup_done,
            on_error=self._on_backup_error,
        )

    def _on_backup_done(self, _path: object) -> None:
        self.backup_button.setEnabled(True)
        if not self.services.is_unlocked:
            return
        stamp = self.services.now().isoformat(timespec="seconds")
        self.services.ops.try_run(self, ops.settings.set_value(key="last_backup_at", value=stamp))
        self._refresh_backup()

    def _on_backup_error(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        self.backup_button.setEnabled(True)
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        messages.show_error(self, exc)
        if self.services.is_unlocked:
            self._refresh_backup()
