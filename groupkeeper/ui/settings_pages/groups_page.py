"""Settings, Groups tab: pick a group and edit it (agenda, agreements, crisis resources...).

It also shares the group on show with a co-facilitator's laptop, or joins a group shared
with this one: the same dialogs as Home's ("Share this group...", "Join a shared
group...", ``ui/share_dialogs.py``), with a line saying whether the group is shared.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import agenda as agenda_mod
from groupkeeper import ops
from groupkeeper.meeting_rules import DAYS
from groupkeeper.ui import messages, sync_link, worker
from groupkeeper.ui.widgets.agenda_editor import AgendaEditor
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.forms import NumberBox, TimeBox, add_row, prepare_form, text_box
from groupkeeper.ui.widgets.group_form import GroupBasicsEditor, day_names

if TYPE_CHECKING:
    from groupkeeper.model import Group
    from groupkeeper.ui.services import Services


class GroupsPage(QWidget):
    """The Groups tab. ``edited()`` is the group on show, for the dialog's Save."""

    def __init__(self, services: Services, status: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.status = status
        page = self
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.group_picker = QComboBox(page)
        self.group_picker.setAccessibleName(self.tr("Group to edit"))
        add = QPushButton(self.tr("Add a group..."), page)
        add.setAccessibleName(self.tr("Add a group"))
        add.clicked.connect(self._on_add_group_clicked)
        picker_label = QLabel(self.tr("&Group"), page)
        picker_label.setBuddy(self.group_picker)
        top.addWidget(picker_label)
        top.addWidget(self.group_picker, 1)
        top.addWidget(add)
        layout.addLayout(top)
        # Sharing with a co-facilitator's laptop: whether the group on show is shared,
        # and the same two dialogs as Home's.
        self.sharing_label = QLabel(page)
        self.sharing_label.setObjectName("groupSharing")
        self.sharing_label.setWordWrap(True)
        self.sharing_label.setProperty("role", "hint")
        self.share_button = QPushButton(self.tr("Share this group..."), page)
        self.share_button.setObjectName("shareGroup")
        self.share_button.clicked.connect(self._on_share_button_clicked)
        self.join_button = QPushButton(self.tr("Join a shared group..."), page)
        self.join_button.setObjectName("joinGroup")
        self.join_button.setAccessibleName(
            self.tr("Join a group another facilitator shares with you")
        )
        self.join_button.clicked.connect(self._on_join_button_clicked)
        sharing_buttons = FlowLayout()
        sharing_buttons.addWidget(self.share_button)
        sharing_buttons.addWidget(self.join_button)
        layout.addWidget(self.sharing_label)
        layout.addLayout(sharing_buttons)
        #: Local group id -> other laptops sharing it; None until read (in the worker).
        self.shared: dict[int, int] | None = None
        self.shared_folders: dict[int, str] = {}
        self.dialog: QDialog | None = None
        form = prepare_form(QFormLayout())
        self.g_name = QLineEdit(page)
        self.g_name.setAccessibleName(self.tr("Group name"))
        self.g_day = QComboBox(page)
        self.g_day.addItems(day_names())
        self.g_day.setAccessibleName(self.tr("Usual day"))
        self.g_time = TimeBox(page)
        self.g_time.setAccessibleName(self.tr("Start time"))
        self.g_place = QLineEdit(page)
        self.g_place.setAccessibleName(self.tr("Place"))
        self.g_scale = QComboBox(page)
        self.g_scale.addItem(self.tr("1 to 5 (faces)"), "1-5")
        self.g_scale.addItem(self.tr("0 to 10"), "0-10")
        self.g_scale.setAccessibleName(self.tr("Mood scale"))
        # A short box and a wrapped sentence under it: the whole sentence on the box
        # was wider than the page in Spanish at large text (the page scrolled sideways).
        self.g_tally = QCheckBox(self.tr("Tally only"), page)
        self.g_tally.setAccessibleName(
            self.tr("Tally only: count mood scores without linking them to anyone")
        )
        tally_hint = QLabel(self.tr("Mood scores are counted without linking them to anyone."))
        tally_hint.setWordWrap(True)
        tally_hint.setProperty("role", "hint")
        tally_box = QVBoxLayout()
        tally_box.setSpacing(2)
        tally_box.addWidget(self.g_tally)
        tally_box.addWidget(tally_hint)
        self.g_agenda = AgendaEditor(page)
        # Several lines each: a phone list, numbered steps, a handful of agreements.
        self.g_agreements = text_box(page, lines=6)
        self.g_agreements.setAccessibleName(self.tr("Agreements"))
        self.g_crisis = text_box(page, lines=5)
        self.g_crisis.setAccessibleName(self.tr("Crisis resources"))
        self.g_escalation = text_box(page, lines=5)
        self.g_escalation.setAccessibleName(self.tr("Escalation steps"))
        self.g_wellbeing = QComboBox(page)
        self.g_wellbeing.addItem(self.tr("None"), "")
        self.g_wellbeing.addItem("WHO-5", "who5")
        self.g_wellbeing.addItem("ONS4", "ons4")
        self.g_wellbeing.setAccessibleName(self.tr("Wellbeing measure"))
        self.g_wellbeing.activated.connect(self._on_g_wellbeing_activated)
        self.g_every = NumberBox(page)
        self.g_every.setRange(1, 52)
        self.g_every.setPrefix(self.tr("every "))
        self.g_every.setSuffix(self.tr(" weeks"))
        self.g_every.setAccessibleName(self.tr("Wellbeing measure every N weeks"))
        for narrow in (self.g_day, self.g_time, self.g_scale):
            narrow.setMaximumWidth(320)
        wb_row = QHBoxLayout()
        wb_row.addWidget(self.g_wellbeing, 1)
        wb_row.addWidget(self.g_every)
        add_row(form, self.tr("Name"), self.g_name)
        add_row(form, self.tr("Usual day"), self.g_day)
        add_row(form, self.tr("Start time"), self.g_time)
        add_row(form, self.tr("Place"), self.g_place)
        add_row(form, self.tr("Mood scale"), self.g_scale)
        form.addRow("", tally_box)
        add_row(form, self.tr("Agenda"), self.g_agenda)
        add_row(form, self.tr("Agreements"), self.g_agreements)
        add_row(form, self.tr("Crisis resources"), self.g_crisis)
        add_row(form, self.tr("Escalation steps"), self.g_escalation)
        add_row(form, self.tr("Wellbeing measure"), wb_row)
        layout.addLayout(form)
        self.groups: list[Group] = []
        self.group_picker.currentIndexChanged.connect(self._on_group_picker_changed)
        self._load_groups()
        self.load_sharing()

    def _load_groups(self, select_id: int | None = None) -> None:
        self.groups = self.services.store.groups.all(active_only=False)
        self.group_picker.blockSignals(True)
        self.group_picker.clear()
        for group in self.groups:
            self.group_picker.addItem(group.name, group.id)
        self.group_picker.blockSignals(False)
        index = self.group_picker.findData(select_id) if select_id is not None else 0
        self.group_picker.setCurrentIndex(max(0, index))
        self._on_group_picker_changed(self.group_picker.currentIndex())

    def current_group(self) -> Group | None:
        index = self.group_picker.currentIndex()
        return self.groups[index] if 0 <= index < len(self.groups) else None

    def _on_group_picker_changed(self, _index: int) -> None:
        group = self.current_group()
        self._show_sharing()
        if group is None:
            return
        self.g_name.setText(group.name)
        self.g_day.setCurrentIndex(
            DAYS.index(group.meeting_day) if group.meeting_day in DAYS else 0
        )
        self.g_time.setTime(QTime.fromString(group.meeting_time or "19:00", "HH:mm"))
        self.g_place.setText(group.place)
        self.g_scale.setCurrentIndex(max(0, self.g_scale.findData(str(group.mood_scale))))
        self.g_tally.setChecked(group.tally_only_moods)
        self.g_agenda.set_agenda(group.agenda)
        self.g_agreements.setPlainText(group.agreements)
        self.g_crisis.setPlainText(group.crisis_resources)
        self.g_escalation.setPlainText(group.escalation_steps)
        self.g_wellbeing.setCurrentIndex(max(0, self.g_wellbeing.findData(group.wellbeing_scale)))
        self.g_every.setValue(group.wellbeing_every_weeks)

    def _on_g_wellbeing_activated(self, _index: int) -> None:
        """A measure needs its segment on the agenda; without one, offer to remove it."""
        segments = self.g_agenda.segments
        if self.g_wellbeing.currentData():
            if not agenda_mod.has_wellbeing_check(segments):
                self.g_agenda.set_segments(agenda_mod.with_wellbeing_check(segments))
                self.status.setText(
                    self.tr(
                        "A Wellbeing check segment was added to the agenda, before the "
                        "closing. Press Save to keep it."
                    )
                )
        elif agenda_mod.has_wellbeing_check(segments) and messages.confirm(
            self,
            self.tr("Wellbeing measure"),
            self.tr(
                "This group no longer uses a wellbeing measure. Remove the Wellbeing check "
                "segment from its agenda too?"
            ),
        ):
            self.g_agenda.set_segments(agenda_mod.without_wellbeing_check(segments))

    def edited(self) -> tuple[int, dict[str, Any]] | None:
        """The group on show as the form has it: its id and fields (``group_fields``), saved
        by the dialog's one operation; None when there is no group."""
        from groupkeeper.model import MoodScale

        shown = self.current_group()
        if shown is None:
            return None
        group = dataclasses.replace(shown)
        group.name = self.g_name.text().strip()
        group.meeting_day = DAYS[self.g_day.currentIndex()]
        group.meeting_time = self.g_time.time().toString("HH:mm")
        group.place = self.g_place.text().strip()
        group.mood_scale = MoodScale(str(self.g_scale.currentData()))
        group.tally_only_moods = self.g_tally.isChecked()
        group.agenda = self.g_agenda.agenda()
        group.agreements = self.g_agreements.toPlainText().strip()
        group.crisis_resources = self.g_crisis.toPlainText().strip()
        group.escalation_steps = self.g_escalation.toPlainText().strip()
        group.wellbeing_scale = str(self.g_wellbeing.currentData())
        group.wellbeing_every_weeks = self.g_every.value()
        # The operation checks the agenda and says what is wrong (InvalidInput).
        return group.id or 0, ops.groups.group_fields(group)

    def saved(self, group: Group) -> None:
        """The group as it was saved: kept for the form, its name shown in the picker."""
        for index, old in enumerate(self.groups):
            if old.id == group.id:
                self.groups[index] = group
                self.group_picker.setItemText(index, group.name)

    def _on_add_group_clicked(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Add a group"))
        form = QFormLayout(dialog)
        editor = GroupBasicsEditor(dialog, form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        self.add_group_dialog: QDialog | None = dialog
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.add_group(editor.to_group())
        finally:
            self.add_group_dialog = None
            dialog.deleteLater()

    def add_group(self, group: Group) -> None:
        """Add a group (agenda from its template) and select it."""
        op = ops.groups.add(fields=ops.groups.group_fields(group))
        result = self.services.ops.try_run(self, op)
        if result is not None:
            self._load_groups(result.value.id)

    # -- sharing with another laptop ----------------------------------------------------
    def load_sharing(self) -> None:
        """Read which groups are shared (in the worker); the line and buttons follow."""
        link = sync_link.for_services(self.services)
        if not link.load_statuses(self._on_sharing_loaded, self._on_sharing_failed):
            self.shared = None
            self._show_sharing()

    def _on_sharing_loaded(self, statuses: list[sync_link.SharedGroupStatus]) -> None:
        known = [s for s in statuses if s.group_id is not None]
        self.shared = {
            int(s.group_id or 0): len([lap for lap in s.laptops if not lap.this_laptop])
            for s in known
        }
        # A laptop removed from a group cannot invite (Home says it was removed).
        self.shared_folders = {int(s.group_id or 0): s.folder for s in known if not s.removed_here}
        self._show_sharing()

    def _on_sharing_failed(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        self.shared = None
        self._show_sharing()

    def _show_sharing(self) -> None:
        group = self.current_group()
        self.share_button.setVisible(group is not None)
        if group is None:
            self.sharing_label.setText("")
            return
        others = None if self.shared is None else self.shared.get(int(group.id or 0))
        if others is None:
            self.share_button.setText(self.tr("Share this group..."))
            self.share_button.setAccessibleName(
                self.tr("Share %1 with a co-facilitator's laptop").replace("%1", group.name)
            )
        else:  # shared already: one more laptop joins with a new invitation
            self.share_button.setText(self.tr("Invite another laptop..."))
            self.share_button.setAccessibleName(
                self.tr("Invite another laptop to %1").replace("%1", group.name)
            )
        if self.shared is None:
            text = ""
        elif others is None:
            text = self.tr(
                "Only on this laptop. Share it to run it with a co-facilitator on another laptop."
            )
        else:
            text = self.tr(
                "Shared with %n other laptop(s). Home shows its laptops, changes and conflicts.",
                "",
                others,
            )
        self.sharing_label.setText(text)
        # Until it is known whether the group is shared, neither can be offered.
        self.share_button.setEnabled(
            self.shared is not None
            and (others is None or int(group.id or 0) in self.shared_folders)
        )

    def _run_dialog(self, dialog: QDialog) -> int:
        from groupkeeper.ui.sync_status import run_dialog

        return run_dialog(self, dialog)

    def _on_share_button_clicked(self) -> None:
        from groupkeeper.ui.share_dialogs import ShareGroupDialog

        group = self.current_group()
        if group is None:
            return
        folder = self.shared_folders.get(int(group.id or 0))
        self._run_dialog(
            ShareGroupDialog(self.services, group, self.window(), Path(folder) if folder else None)
        )
        self.load_sharing()

    def _on_join_button_clicked(self) -> None:
        from groupkeeper.ui.share_dialogs import JoinGroupDialog

        if self._run_dialog(JoinGroupDialog(self.services, self.window())):
            self._add_new_groups()
        self.load_sharing()

    def _add_new_groups(self) -> None:
        """Put groups added meanwhile (a joined one) in the picker, leaving the form on
        show and its unsaved edits as they are."""
        known = {g.id for g in self.groups}
        for group in self.services.store.groups.all(active_only=False):
            if group.id not in known:
                self.groups.append(group)
                self.group_picker.blockSignals(True)
                self.group_picker.addItem(group.name, group.id)
                self.group_picker.blockSignals(False)
