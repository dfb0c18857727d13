"""Settings: App (before unlock), Vault (lock, backups, passphrase, recovery), Group.

App-wide values go through ``services.settings`` (a small non-personal file); vault-held
values through ``services.store.settings`` and ``services.store.groups``. Passphrase
changes, revoking access and a new recovery key run in ``ui.worker``. Errors are worded
by ``messages``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import agenda as agenda_mod
from groupkeeper.meeting_rules import DAYS
from groupkeeper.ui import messages, worker
from groupkeeper.ui.first_run import GroupBasicsEditor, day_names, template_names
from groupkeeper.ui.widgets.passphrase import NewPassphrase
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen

if TYPE_CHECKING:
    from groupkeeper.model import Group
    from groupkeeper.ui.services import Services

VAULT_SPINS = (
    ("auto_lock_minutes", 1, 120),
    ("meeting_lock_minutes", 5, 240),
    ("suppression_threshold", 5, 11),
    ("backup_reminder_days", 1, 365),
    ("forget_after_months", 1, 120),
)


def _segment_title(segment: agenda_mod.Segment) -> str:
    try:
        from groupkeeper.ui.meeting.common import segment_title
    except ImportError:
        return segment.title or segment.kind.value.replace("_", " ").capitalize()
    return str(segment_title(segment))


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class AgendaEditor(QWidget):
    """A list of segments with add / remove / move up / move down / minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[agenda_mod.Segment] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Agenda segments"))
        self.list.setMinimumHeight(220)
        self.minutes = QSpinBox(self)
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


class SettingsDialog(QDialog):
    """The settings window (modal). ``save()`` writes every tab."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_scroll(self._build_app_tab()), self.tr("App"))
        self.tabs.addTab(_scroll(self._build_vault_tab()), self.tr("Vault"))
        self.tabs.addTab(_scroll(self._build_group_tab()), self.tr("Groups"))
        self.status = QLabel(self)
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setProperty("role", "primary")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.setAccessibleName(self.tr("Save"))
        close.setAccessibleName(self.tr("Close"))
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        fit_to_text_and_screen(self, 900, 640)

    # -- App --------------------------------------------------------------------------
    def _build_app_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        settings = self.services.settings
        self.language = QComboBox(page)
        for code, words in (
            ("", self.tr("Same as the computer")),
            ("en", "English"),
            ("es", "Español"),
        ):
            self.language.addItem(words, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        self.text_size = QComboBox(page)
        from groupkeeper.settings import TEXT_SCALES

        for scale in TEXT_SCALES:
            self.text_size.addItem(f"{round(scale * 100)} %", scale)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(settings.text_scale)))
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.theme = QComboBox(page)
        self.theme.addItem(self.tr("Calm"), "calm")
        self.theme.addItem(self.tr("High contrast"), "high_contrast")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.theme.setAccessibleName(self.tr("Colours"))
        self.vault_folder = QLineEdit(str(self.services.vault_dir), page)
        self.vault_folder.setAccessibleName(self.tr("Vault folder"))
        choose = QPushButton(self.tr("Choose..."), page)
        choose.setAccessibleName(self.tr("Choose another folder for the vault"))
        choose.clicked.connect(self._on_choose_vault_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.vault_folder, 1)
        folder_row.addWidget(choose)
        note = QLabel(
            self.tr(
                "Text size and colours change at once. A new language or vault folder is "
                "used the next time GroupKeeper starts."
            ),
            page,
        )
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Text size"), self.text_size)
        form.addRow(self.tr("C&olours"), self.theme)
        form.addRow(self.tr("Vault &folder"), folder_row)
        form.addRow(note)
        return page

    def _on_choose_vault_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Vault folder"))
        if chosen:
            self.vault_folder.setText(chosen)

    def _save_app(self) -> None:
        settings = self.services.settings
        settings.set("language", str(self.language.currentData()))
        settings.set("text_scale", float(self.text_size.currentData()))
        settings.set("theme", str(self.theme.currentData()))
        folder = self.vault_folder.text().strip()
        if folder and folder != str(settings.vault_dir):
            settings.set("vault_dir", folder)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            from groupkeeper.ui.app import apply_appearance

            apply_appearance(app, settings)

    # -- Vault ------------------------------------------------------------------------
    def _build_vault_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        values = self.services.store.settings.all()
        labels = {
            "auto_lock_minutes": self.tr("Lock after this many idle minutes"),
            "meeting_lock_minutes": self.tr("During a meeting, lock after (minutes)"),
            "suppression_threshold": self.tr("Hide counts below this in exports"),
            "backup_reminder_days": self.tr("Remind me to back up after (days)"),
            "forget_after_months": self.tr("Offer to forget members inactive for (months)"),
        }
        self.vault_spins: dict[str, QSpinBox] = {}
        for key, low, high in VAULT_SPINS:
            spin = QSpinBox(page)
            spin.setRange(low, high)
            spin.setValue(int(values[key]))
            spin.setMaximumWidth(180)  # full-width number boxes looked like text fields
            spin.setAccessibleName(labels[key])
            form.addRow(labels[key], spin)
            self.vault_spins[key] = spin
        self.backup_dir = QLineEdit(str(values.get("backup_dir") or ""), page)
        self.backup_dir.setAccessibleName(self.tr("Backup folder"))
        self.backup_dir.setPlaceholderText(self.tr("Asked the first time you back up"))
        choose = QPushButton(self.tr("Choose..."), page)
        choose.setAccessibleName(self.tr("Choose the backup folder (a USB stick is best)"))
        choose.clicked.connect(self._on_choose_backup_dir)
        row = QHBoxLayout()
        row.addWidget(self.backup_dir, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Backup folder"), row)
        layout.addLayout(form)

        title = QLabel(self.tr("Passphrase and recovery"), page)
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.new_passphrase = NewPassphrase(page)
        layout.addWidget(self.new_passphrase)
        self.change_button = QPushButton(self.tr("Change passphrase"), page)
        self.revoke_button = QPushButton(self.tr("Revoke access (a co-facilitator left)..."), page)
        revoke_note = QLabel(
            self.tr(
                "Revoke access changes the passphrase and also the key inside the vault, "
                "and makes a fresh backup. Old backups still open with the OLD passphrase: "
                "destroy them if the person who left may have copies."
            ),
            page,
        )
        revoke_note.setProperty("role", "hint")
        revoke_note.setWordWrap(True)
        self.recovery_button = QPushButton(self.tr("Make a new recovery key..."), page)
        self.change_button.setAccessibleName(self.tr("Change passphrase"))
        self.revoke_button.setAccessibleName(self.tr("Revoke access"))
        self.revoke_button.setAccessibleDescription(revoke_note.text())
        self.recovery_button.setAccessibleName(self.tr("New recovery key"))
        self.new_key_label = QLabel(page)
        self.new_key_label.setObjectName("recoveryKey")
        self.new_key_label.setProperty("role", "title")
        self.new_key_label.setWordWrap(True)
        from PySide6.QtCore import Qt

        self.new_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.recovery_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(revoke_note)
        layout.addWidget(self.new_key_label)
        layout.addStretch(1)
        self.change_button.clicked.connect(self.change_passphrase)
        self.revoke_button.clicked.connect(self.revoke_access)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        return page

    def _on_choose_backup_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"))
        if chosen:
            self.backup_dir.setText(chosen)

    def _save_vault(self) -> None:
        store = self.services.store
        for key, spin in self.vault_spins.items():
            store.settings.set(key, spin.value())
        store.settings.set("backup_dir", self.backup_dir.text().strip())

    def _vault_job(self, fn: Any, *args: Any, done_text: str, show_key: bool) -> None:
        vault = self.services.vault
        if vault is None:
            return
        for button in (self.change_button, self.revoke_button, self.recovery_button):
            button.setEnabled(False)
        self.status.setText(self.tr("Working, please wait..."))

        def on_done(result: Any) -> None:
            for button in (self.change_button, self.revoke_button, self.recovery_button):
                button.setEnabled(True)
            self.new_passphrase.clear()
            self.status.setText(done_text)
            if show_key and isinstance(result, str):
                self.new_key_label.setText(
                    self.tr("New recovery key (shown once, write it down): %1").replace(
                        "%1", result
                    )
                )

        def on_error(exc: BaseException) -> None:
            from groupkeeper.storage.errors import KnownError

            for button in (self.change_button, self.revoke_button, self.recovery_button):
                button.setEnabled(True)
            self.status.clear()
            if isinstance(exc, KnownError):
                messages.show_error(self, exc)
            else:
                worker.report_bug(exc)

        # Revoking rekeys the database: a writer of its own (the GUI's reopens after).
        worker.run_on_vault(vault, fn, *args, write=True, on_done=on_done, on_error=on_error)

    def change_passphrase(self) -> None:
        vault = self.services.vault
        if vault is None:
            return
        if not self.new_passphrase.acceptable():
            self.status.setText(self.tr("Type the new passphrase twice (at least 8 characters)."))
            return
        self._vault_job(
            vault.change_passphrase,
            self.new_passphrase.passphrase(),
            done_text=self.tr("The passphrase was changed."),
            show_key=False,
        )

    def revoke_access(self) -> None:
        from pathlib import Path

        vault = self.services.vault
        if vault is None:
            return
        if not self.new_passphrase.acceptable():
            self.status.setText(
                self.tr("First type the new passphrase twice (at least 8 characters).")
            )
            return
        if not messages.confirm(
            self,
            self.tr("Revoke access"),
            self.tr(
                "The old passphrase and recovery key will stop working for this vault. "
                "Old backups still open with the old passphrase. Go on?"
            ),
        ):
            return
        backup_dir = self.backup_dir.text().strip()
        self._vault_job(
            vault.revoke_access,
            self.new_passphrase.passphrase(),
            Path(backup_dir) if backup_dir else None,
            done_text=self.tr("Access was revoked. Use the new passphrase from now on."),
            show_key=True,
        )

    def new_recovery_key(self) -> None:
        vault = self.services.vault
        if vault is None:
            return
        if not messages.confirm(
            self,
            self.tr("New recovery key"),
            self.tr("The old recovery key will stop working. Make a new one?"),
        ):
            return
        self._vault_job(
            vault.new_recovery_key,
            done_text=self.tr("A new recovery key was made."),
            show_key=True,
        )

    # -- Groups -----------------------------------------------------------------------
    def _build_group_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.group_picker = QComboBox(page)
        self.group_picker.setAccessibleName(self.tr("Group to edit"))
        add = QPushButton(self.tr("Add a group..."), page)
        add.setAccessibleName(self.tr("Add a group"))
        add.clicked.connect(self._on_add_group_clicked)
        top.addWidget(QLabel(self.tr("Group"), page))
        top.addWidget(self.group_picker, 1)
        top.addWidget(add)
        layout.addLayout(top)
        form = QFormLayout()
        self.g_name = QLineEdit(page)
        self.g_name.setAccessibleName(self.tr("Group name"))
        self.g_day = QComboBox(page)
        self.g_day.addItems(day_names())
        self.g_day.setAccessibleName(self.tr("Usual day"))
        self.g_time = QTimeEdit(page)
        self.g_time.setDisplayFormat("HH:mm")
        self.g_time.setAccessibleName(self.tr("Start time"))
        self.g_place = QLineEdit(page)
        self.g_place.setAccessibleName(self.tr("Place"))
        self.g_scale = QComboBox(page)
        self.g_scale.addItem(self.tr("1 to 5 (faces)"), "1-5")
        self.g_scale.addItem(self.tr("0 to 10"), "0-10")
        self.g_scale.setAccessibleName(self.tr("Mood scale"))
        self.g_tally = QCheckBox(
            self.tr("Tally only: count mood scores without linking them to anyone"), page
        )
        self.g_tally.setAccessibleName(self.g_tally.text())
        self.g_agenda = AgendaEditor(page)
        self.g_agreements = QPlainTextEdit(page)
        self.g_agreements.setAccessibleName(self.tr("Agreements"))
        self.g_agreements.setTabChangesFocus(True)
        self.g_crisis = QPlainTextEdit(page)
        self.g_crisis.setAccessibleName(self.tr("Crisis resources"))
        self.g_crisis.setTabChangesFocus(True)
        self.g_escalation = QPlainTextEdit(page)
        self.g_escalation.setAccessibleName(self.tr("Escalation steps"))
        self.g_escalation.setTabChangesFocus(True)
        for edit in (self.g_agreements, self.g_crisis, self.g_escalation):
            edit.setMinimumHeight(100)
        self.g_wellbeing = QComboBox(page)
        self.g_wellbeing.addItem(self.tr("None"), "")
        self.g_wellbeing.addItem("WHO-5", "who5")
        self.g_wellbeing.addItem("ONS4", "ons4")
        self.g_wellbeing.setAccessibleName(self.tr("Wellbeing measure"))
        self.g_wellbeing.activated.connect(self._on_g_wellbeing_activated)
        self.g_every = QSpinBox(page)
        self.g_every.setRange(1, 52)
        self.g_every.setPrefix(self.tr("every "))
        self.g_every.setSuffix(self.tr(" weeks"))
        self.g_every.setAccessibleName(self.tr("Wellbeing measure every N weeks"))
        for narrow in (self.g_day, self.g_time, self.g_scale):
            narrow.setMaximumWidth(320)
        wb_row = QHBoxLayout()
        wb_row.addWidget(self.g_wellbeing, 1)
        wb_row.addWidget(self.g_every)
        form.addRow(self.tr("Name"), self.g_name)
        form.addRow(self.tr("Usual day"), self.g_day)
        form.addRow(self.tr("Start time"), self.g_time)
        form.addRow(self.tr("Place"), self.g_place)
        form.addRow(self.tr("Mood scale"), self.g_scale)
        form.addRow("", self.g_tally)
        form.addRow(self.tr("Agenda"), self.g_agenda)
        form.addRow(self.tr("Agreements"), self.g_agreements)
        form.addRow(self.tr("Crisis resources"), self.g_crisis)
        form.addRow(self.tr("Escalation steps"), self.g_escalation)
        form.addRow(self.tr("Wellbeing measure"), wb_row)
        layout.addLayout(form)
        self.groups: list[Group] = []
        self.group_picker.currentIndexChanged.connect(self._on_group_picker_changed)
        self._load_groups()
        return page

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

    def _save_group(self) -> None:
        from groupkeeper.model import MoodScale

        group = self.current_group()
        if group is None:
            return
        problems = agenda_mod.validate(self.g_agenda.segments)
        if problems:
            raise ValueError(problems[0])
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
        self.services.store.groups.update(group)
        self.group_picker.setItemText(self.group_picker.currentIndex(), group.name)

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
        from groupkeeper.storage.errors import KnownError

        try:
            added = self.services.store.groups.add(agenda_mod.fill_from_template(group))
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        self._load_groups(added.id)

    # -- saving -----------------------------------------------------------------------
    def save(self) -> bool:
        """Write every tab; True when all went in."""
        from groupkeeper.storage.errors import KnownError

        try:
            self._save_app()
            self._save_vault()
            self._save_group()
        except KnownError as exc:
            messages.show_error(self, exc)
            return False
        except ValueError:
            messages.error(
                self,
                self.tr("The agenda needs at least one segment, each from 1 to 240 minutes."),
            )
            return False
        self.status.setText(self.tr("Saved."))
        return True


__all__ = ["AgendaEditor", "SettingsDialog", "template_names"]
