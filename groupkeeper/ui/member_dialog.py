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
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen

# Long enough for any real name or note; the operations and the CSV import use the same.
MAX_TEXT = ops.members.MAX_TEXT


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberDialog", text)


def forget_member(parent: QWidget | None, services: Services, member: Member) -> bool:
    """Ask, then erase a member. Returns True if they were forgotten.

    The wording follows the spec: what is erased, what is kept, that rotating backups keep
    the person until they rotate out, and that safety notes are not searched for names.
    """
    name = member.display_name
    text = _tr(
        "Forget {name} for good?\n\n"
        "This erases: their name and contact details, your private notes about them, "
        "the texts of their goals, and their consent records.\n\n"
        "This keeps: their attendance and mood scores, under a random code that can no "
        "longer be linked to anyone, so the group's numbers stay right.\n\n"
        "Automatic backups made before today still contain {name} until they rotate out "
        "(after about six months). Safety notes you wrote are not searched for names: "
        "please check them yourself.\n\n"
        "This cannot be undone."
    ).format(name=name)
    if not messages.confirm(parent, _tr("Forget a member"), text):
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
        self.setWindowTitle(_tr("Add a member") if member_id is None else _tr("Edit member"))
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

        columns = QHBoxLayout(body)
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)

        self.display_name = self._line(_tr("Name used in the group (required)"))
        self.display_name.setPlaceholderText(_tr("First name or nickname"))
        self.full_name = self._line(_tr("Full name"), _tr("Optional"))
        self.pronouns = self._line(_tr("Pronouns"), _tr("e.g. she/her, they/them"))
        self.phone = self._line(_tr("Phone"))
        self.email = self._line(_tr("Email"))
        self.emergency = self._line(_tr("Emergency contact"), _tr("Name and phone"))
        self.joined = QDateEdit()
        self.joined.setCalendarPopup(True)
        self.joined.setDisplayFormat("yyyy-MM-dd")
        self.joined.setAccessibleName(_tr("Joined on"))
        self.name_error = QLabel()
        self.name_error.setObjectName("fieldError")
        self.name_error.setProperty("role", "hint")
        self.name_error.hide()

        left.addRow(_tr("&Name *"), self.display_name)
        left.addRow("", self.name_error)
        left.addRow(_tr("F&ull name"), self.full_name)
        left.addRow(_tr("&Pronouns"), self.pronouns)
        left.addRow(_tr("P&hone"), self.phone)
        left.addRow(_tr("&Email"), self.email)
        left.addRow(_tr("Emer&gency contact"), self.emergency)
        left.addRow(_tr("&Joined on"), self.joined)

        self.consent = QCheckBox(_tr("Agrees to be &contacted between meetings"))
        self.consent.setAccessibleName(_tr("Agrees to be contacted between meetings"))
        self.consent_history = QLabel()
        self.consent_history.setProperty("role", "hint")
        self.consent_history.setWordWrap(True)
        self.consent_history.setAccessibleName(_tr("Consent history"))
        self.groups = QListWidget()
        self.groups.setAccessibleName(_tr("Groups this member belongs to"))
        self.groups.setMaximumHeight(120)
        for g in groups:
            item = QListWidgetItem(g.name)
            item.setData(Qt.ItemDataRole.UserRole, g.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.groups.addItem(item)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_tr("Private notes"))
        self.notes.setAccessibleDescription(_tr("Only you can see these. They are encrypted."))
        self.notes.setPlaceholderText(_tr("Only you see these notes."))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)

        right.addRow(self.consent)
        right.addRow(self.consent_history)
        right.addRow(_tr("G&roups"), self.groups)
        right.addRow(_tr("Private n&otes"), self.notes)

        buttons = QHBoxLayout()
        is_new = self.member.id is None
        self.forget_button = QPushButton(_tr("&Forget..."))
        self.forget_button.setAccessibleName(_tr("Forget this member"))
        self.active_button = QPushButton()
        self.export_button = QPushButton(_tr("E&xport this member's data..."))
        self.export_button.setAccessibleName(_tr("Export this member's data"))
        self.proof_button = QPushButton(_tr("&Proof of attendance..."))
        self.proof_button.setAccessibleName(_tr("Proof of attendance for this member, as a PDF"))
        # The member's own actions flow onto a second row when their words are long (Spanish,
        # large text) instead of making the dialog wider than the screen.
        actions = QWidget()
        flow = FlowLayout(actions)
        for b in (self.forget_button, self.active_button, self.export_button, self.proof_button):
            b.setVisible(not is_new)
            flow.addWidget(b)
        buttons.addWidget(actions, 1)
        self.cancel_button = QPushButton(_tr("Cancel"))
        self.cancel_button.setAccessibleName(_tr("Cancel without saving"))
        self.save_button = QPushButton(_tr("&Save") if not is_new else _tr("&Add member"))
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
        self.active_button.setText(_tr("&Deactivate") if m.active else _tr("Reac&tivate"))
        self.active_button.setAccessibleName(self.active_button.text().replace("&", ""))
        self._fill_consent_history()
        self.display_name.setFocus()

    def _fill_consent_history(self) -> None:
        if self.member.id is None:
            self.consent_history.setText(_tr("Consent to be on the roster is recorded today."))
            return
        lines = []
        for c in self.services.store.consents.for_member(self.member.id):
            what = _tr("on the roster") if c.kind is ConsentKind.ROSTER else _tr("contact")
            answer = _tr("agreed") if c.granted else _tr("withdrawn")
            lines.append(f"{c.recorded_at[:10]}  {what}: {answer}")
        text = _tr("Consent history:") + "\n" + ("\n".join(lines) or _tr("none recorded"))
        given = [
            _tr("%1  proof of attendance (%2 to %3)")
            .replace("%1", d.made_at[:10])
            .replace("%2", d.period_start)
            .replace("%3", d.period_end)
            for d in self.services.store.disclosures.for_member(self.member.id)
        ]
        if given:
            text += "\n" + _tr("Given on request:") + "\n" + "\n".join(given)
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
            self.name_error.setText(_tr("Please enter a name (a first name or nickname is fine)."))
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
            _tr("Export this member's data"),
            suggested,
            _tr("Readable text (*.txt);;JSON (*.json)"),
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
                tr=_tr,
            )
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        except OSError:
            messages.error(
                self,
                _tr("The file could not be written there. Try another folder or a USB stick."),
            )
            return
        messages.info(
            self,
            _tr("Data exported"),
            _tr(
                "The file is not encrypted. Give it to the person, then delete it "
                "from this computer."
            ),
        )
