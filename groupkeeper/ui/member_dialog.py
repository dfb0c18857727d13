"""Add or edit one member; deactivate, forget, or export their data from the same place.

``MemberDialog(services, member_id=None)`` adds a member when ``member_id`` is None. After
``exec()``, ``outcome`` says what happened ("saved", "forgotten", or "" if cancelled) and
``member`` is the saved member. ``forget_member(parent, services, member)`` is the one
forget flow (also used by the roster's "Forget..." button): a confirmation that says plainly
what is erased and what is kept, then the ``member.forget`` operation. Every change is an
operation run through ``services.ops``, so open screens reload themselves.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import member_export, ops
from groupkeeper.model import ConsentKind, Member
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import messages
from groupkeeper.ui.services import Services
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen, large_text

# Long enough for any real name or note; the operations and the CSV import use the same.
MAX_TEXT = ops.members.MAX_TEXT


def _export_word(text: str) -> str:
    """A fixed word of the member export (``member_export.WORDS``) in the user's language."""
    return QCoreApplication.translate("MemberExport", text)


def forget_member(parent: QWidget | None, services: Services, member: Member) -> bool:
    """Ask, then erase a member. Returns True if they were forgotten.

    The wording follows the spec: what is erased, what is kept, that rotating backups keep
    the person until they rotate out, and that safety notes are not searched for names.
    """
    name = member.display_name
    text = QCoreApplication.translate(
        "MemberDialog",
        "Forget {name} for good?\n\n"
        "This erases: their name and contact details, your private notes about them, "
        "the texts of their goals, and their consent records.\n\n"
        "This keeps: their attendance and mood scores, under a random code that can no "
        "longer be linked to anyone, so the group's numbers stay right.\n\n"
        "Automatic backups made before today still contain {name} until they rotate out "
        "(after about six months). Safety notes you wrote are not searched for names: "
        "please check them yourself.\n\n"
        "This cannot be undone.",
    ).format(name=name)
    if not messages.confirm(
        parent, QCoreApplication.translate("MemberDialog", "Forget a member"), text
    ):
        return False
    op = ops.members.forget(member_id=member.id or 0)
    return services.ops.try_run(parent, op) is not None


class MemberDialog(QDialog):
    """The add/edit form for one member."""

    def __init__(
        self, services: Services, member_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        store = services.store
        self.member: Member = (
            store.members.get(member_id) if member_id is not None else Member(display_name="")
        )
        self.outcome = ""
        self.setObjectName("memberDialog")
        self.setWindowTitle(
            QCoreApplication.translate("MemberDialog", "Add a member")
            if member_id is None
            else QCoreApplication.translate("MemberDialog", "Edit member")
        )
        self.setModal(True)
        self._build(store.groups.all(active_only=False))
        self._fill()

    # -- Building ---------------------------------------------------------------------
    def _line(self, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(MAX_TEXT)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _build(self, groups: list) -> None:  # type: ignore[type-arg]
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # Side by side at normal sizes; one above the other from 150% text on (at 200% in
        # Spanish the side-by-side boxes were 145 px wide and cut the name being edited).
        direction = (
            QBoxLayout.Direction.TopToBottom if large_text() else QBoxLayout.Direction.LeftToRight
        )
        columns = QBoxLayout(direction, body)
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)

        self.display_name = self._line(
            QCoreApplication.translate("MemberDialog", "Name used in the group (required)")
        )
        self.display_name.setPlaceholderText(
            QCoreApplication.translate("MemberDialog", "First name or nickname")
        )
        self.full_name = self._line(
            QCoreApplication.translate("MemberDialog", "Full name"),
            QCoreApplication.translate("MemberDialog", "Optional"),
        )
        self.pronouns = self._line(
            QCoreApplication.translate("MemberDialog", "Pronouns"),
            QCoreApplication.translate("MemberDialog", "e.g. she/her, they/them"),
        )
        self.phone = self._line(QCoreApplication.translate("MemberDialog", "Phone"))
        self.email = self._line(QCoreApplication.translate("MemberDialog", "Email"))
        self.emergency = self._line(
            QCoreApplication.translate("MemberDialog", "Emergency contact"),
            QCoreApplication.translate("MemberDialog", "Name and phone"),
        )
        self.joined = QDateEdit()
        self.joined.setCalendarPopup(True)
        self.joined.setDisplayFormat("yyyy-MM-dd")
        self.joined.setAccessibleName(QCoreApplication.translate("MemberDialog", "Joined on"))
        self.name_error = QLabel()
        self.name_error.setObjectName("fieldError")
        self.name_error.setProperty("role", "hint")
        self.name_error.hide()

        left.addRow(QCoreApplication.translate("MemberDialog", "&Name *"), self.display_name)
        left.addRow("", self.name_error)
        left.addRow(QCoreApplication.translate("MemberDialog", "F&ull name"), self.full_name)
        left.addRow(QCoreApplication.translate("MemberDialog", "&Pronouns"), self.pronouns)
        left.addRow(QCoreApplication.translate("MemberDialog", "P&hone"), self.phone)
        left.addRow(QCoreApplication.translate("MemberDialog", "&Email"), self.email)
        left.addRow(
            QCoreApplication.translate("MemberDialog", "Emer&gency contact"), self.emergency
        )
        left.addRow(QCoreApplication.translate("MemberDialog", "&Joined on"), self.joined)

        self.consent = QCheckBox(
            QCoreApplication.translate("MemberDialog", "Agrees to be &contacted between meetings")
        )
        self.consent.setAccessibleName(
            QCoreApplication.translate("MemberDialog", "Agrees to be contacted between meetings")
        )
        self.consent_history = QLabel()
        self.consent_history.setProperty("role", "hint")
        self.consent_history.setWordWrap(True)
        self.consent_history.setAccessibleName(
            QCoreApplication.translate("MemberDialog", "Consent history")
        )
        self.groups = QListWidget()
        self.groups.setAccessibleName(
            QCoreApplication.translate("MemberDialog", "Groups this member belongs to")
        )
        self.groups.setMaximumHeight(120)
        for g in groups:
            item = QListWidgetItem(g.name)
            item.setData(Qt.ItemDataRole.UserRole, g.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.groups.addItem(item)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(QCoreApplication.translate("MemberDialog", "Private notes"))
        self.notes.setAccessibleDescription(
            QCoreApplication.translate(
                "MemberDialog", "Only you can see these. They are encrypted."
            )
        )
        self.notes.setPlaceholderText(
            QCoreApplication.translate("MemberDialog", "Only you see these notes.")
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)

        right.addRow(self.consent)
        right.addRow(self.consent_history)
        right.addRow(QCoreApplication.translate("MemberDialog", "G&roups"), self.groups)
        right.addRow(QCoreApplication.translate("MemberDialog", "Private n&otes"), self.notes)

        buttons = QHBoxLayout()
        is_new = self.member.id is None
        self.forget_button = QPushButton(QCoreApplication.translate("MemberDialog", "&Forget..."))
        self.forget_button.setAccessibleName(
            QCoreApplication.translate("MemberDialog", "Forget this member")
        )
        self.active_button = QPushButton()
        self.export_button = QPushButton(
            QCoreApplication.translate("MemberDialog", "E&xport this member's data...")
        )
        self.export_button.setAccessibleName(
            QCoreApplication.translate("MemberDialog", "Export this member's data")
        )
        self.proof_button = QPushButton(
            QCoreApplication.translate("MemberDialog", "&Proof of attendance...")
        )
        self.proof_button.setAccessibleName(
            QCoreApplication.translate(
                "MemberDialog", "Proof of attendance for this member, as a PDF"
            )
        )
        # The member's own actions flow onto a second row when their words are long (Spanish,
        # large text) instead of making the dialog wider than the screen.
        actions = QWidget()
        flow = FlowLayout(actions)
        for b in (self.forget_button, self.active_button, self.export_button, self.proof_button):
            b.setVisible(not is_new)
            flow.addWidget(b)
        buttons.addWidget(actions, 1)
        self.cancel_button = QPushButton(QCoreApplication.translate("MemberDialog", "Cancel"))
        self.cancel_button.setAccessibleName(
            QCoreApplication.translate("MemberDialog", "Cancel without saving")
        )
        self.save_button = QPushButton(
            QCoreApplication.translate("MemberDialog", "&Save")
            if not is_new
            else QCoreApplication.translate("MemberDialog", "&Add member")
        )
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(self.save_button.text().replace("&", ""))
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.forget_button.clicked.connect(self._on_forget_clicked)
        self.active_button.clicked.connect(self._on_active_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.proof_button.clicked.connect(self._on_proof_clicked)
        QShortcut(QKeySequence("Ctrl+S"), self, self._on_save_clicked)
        self.display_name.textEdited.connect(lambda _t: self.name_error.hide())
        fit_to_text_and_screen(self, 960, 560)

    def _fill(self) -> None:
        m = self.member
        self.display_name.setText(m.display_name)
        self.full_name.setText(m.full_name)
        self.pronouns.setText(m.pronouns)
        self.phone.setText(m.phone)
        self.email.setText(m.email)
        self.emergency.setText(m.emergency_contact)
        self.notes.setPlainText(m.notes)
        self.consent.setChecked(m.contact_consent)
        joined = QDate.fromString(m.joined_on, "yyyy-MM-dd") if m.joined_on else QDate()
        self.joined.setDate(joined if joined.isValid() else QDate.currentDate())
        for i in range(self.groups.count()):
            item = self.groups.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in m.group_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.active_button.setText(
            QCoreApplication.translate("MemberDialog", "&Deactivate")
            if m.active
            else QCoreApplication.translate("MemberDialog", "Reac&tivate")
        )
        self.active_button.setAccessibleName(self.active_button.text().replace("&", ""))
        self._fill_consent_history()
        self.display_name.setFocus()

    def _fill_consent_history(self) -> None:
        if self.member.id is None:
            self.consent_history.setText(
                QCoreApplication.translate(
                    "MemberDialog", "Consent to be on the roster is recorded today."
                )
            )
            return
        lines = []
        for c in self.services.store.consents.for_member(self.member.id):
            what = (
                QCoreApplication.translate("MemberDialog", "on the roster")
                if c.kind is ConsentKind.ROSTER
                else QCoreApplication.translate("MemberDialog", "contact")
            )
            answer = (
                QCoreApplication.translate("MemberDialog", "agreed")
                if c.granted
                else QCoreApplication.translate("MemberDialog", "withdrawn")
            )
            lines.append(f"{c.recorded_at[:10]}  {what}: {answer}")
        text = (
            QCoreApplication.translate("MemberDialog", "Consent history:")
            + "\n"
            + ("\n".join(lines) or QCoreApplication.translate("MemberDialog", "none recorded"))
        )
        given = [
            QCoreApplication.translate("MemberDialog", "%1  proof of attendance (%2 to %3)")
            .replace("%1", d.made_at[:10])
            .replace("%2", d.period_start)
            .replace("%3", d.period_end)
            for d in self.services.store.disclosures.for_member(self.member.id)
        ]
        if given:
            text += (
                "\n"
                + QCoreApplication.translate("MemberDialog", "Given on request:")
                + "\n"
                + "\n".join(given)
            )
        self.consent_history.setText(text)

    def _on_proof_clicked(self) -> None:
        from groupkeeper.ui.attendance_proof_dialog import AttendanceProofDialog

        if self.member.id is None:
            return
        dialog = AttendanceProofDialog(self.services, self.member.id, self)
        self.proof_dialog: AttendanceProofDialog | None = dialog
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
            self.proof_dialog = None
        self._fill_consent_history()

    # -- Actions ----------------------------------------------------------------------
    def _collect(self) -> Member:
        m = self.member
        return Member(
            id=m.id,
            pseudonym=m.pseudonym,
            active=m.active,
            display_name=self.display_name.text().strip(),
            full_name=self.full_name.text().strip(),
            pronouns=self.pronouns.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            emergency_contact=self.emergency.text().strip(),
            contact_consent=self.consent.isChecked(),
            notes=self.notes.toPlainText()[:MAX_TEXT],
            joined_on=self.joined.date().toString("yyyy-MM-dd"),
            group_ids=[
                int(self.groups.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.groups.count())
                if self.groups.item(i).checkState() == Qt.CheckState.Checked
            ],
        )

    def _on_save_clicked(self) -> None:
        member = self._collect()
        if not member.display_name:
            self.name_error.setText(
                QCoreApplication.translate(
                    "MemberDialog", "Please enter a name (a first name or nickname is fine)."
                )
            )
            self.name_error.show()
            self.display_name.setFocus()
            return
        fields = ops.members.member_fields(member)
        op = (
            ops.members.add(fields=fields)
            if member.id is None
            else ops.members.update(member_id=member.id, fields=fields)
        )
        result = self.services.ops.try_run(self, op)
        if result is None:
            return
        self.member = result.value
        self.outcome = "saved"
        self.accept()

    def _on_active_clicked(self) -> None:
        if self.member.id is None:
            return
        op = ops.members.set_active(member_id=self.member.id, active=not self.member.active)
        if self.services.ops.try_run(self, op) is None:
            return
        self.member.active = not self.member.active
        self.outcome = "saved"
        self.accept()

    def _on_forget_clicked(self) -> None:
        if forget_member(self, self.services, self.member):
            self.outcome = "forgotten"
            self.accept()

    def ask_export_path(self) -> tuple[Path | None, bool]:
        """Where to write the export (a file dialog); tests replace this method."""
        suggested = str(Path.home() / f"{self.member.display_name} - data.txt")
        path, chosen_filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MemberDialog", "Export this member's data"),
            suggested,
            QCoreApplication.translate("MemberDialog", "Readable text (*.txt);;JSON (*.json)"),
        )
        if not path:
            return None, False
        return Path(path), path.lower().endswith(".json") or "json" in chosen_filter.lower()

    def _on_export_clicked(self) -> None:
        if self.member.id is None:
            return
        path, as_json = self.ask_export_path()
        if path is None:
            return
        try:
            member_export.write_export(
                self.services.store,
                self.member.id,
                path,
                exported_on=date.today().isoformat(),
                as_json=as_json,
                say=_export_word,
            )
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        except OSError:
            messages.error(
                self,
                QCoreApplication.translate(
                    "MemberDialog",
                    "The file could not be written there. Try another folder or a USB stick.",
                ),
            )
            return
        messages.info(
            self,
            QCoreApplication.translate("MemberDialog", "Data exported"),
            QCoreApplication.translate(
                "MemberDialog",
                "The file is not encrypted. Give it to the person, then delete it "
                "from this computer.",
            ),
        )
