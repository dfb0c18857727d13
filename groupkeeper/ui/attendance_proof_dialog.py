"""Proof of attendance for one member, on their request: choose the period, see how many
meetings it lists, name the facilitator signing it, save it as a PDF.

The PDF goes only where the facilitator saves it (``paper.write_pdf``, rendered in memory);
the app keeps no copy. The member's record notes that a proof was given, for which period,
and when (``attendance_proof.record_proof_given``).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import attendance_proof, ops
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import messages, paper
from groupkeeper.ui.services import Services
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AttendanceProofDialog(QDialog):
    """Period, signer, preview count, "Save as PDF...". ``saved_to`` is set after saving."""

    def __init__(self, services: Services, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.member_id = member_id
        self.saved_to: Path | None = None
        self.setObjectName("attendanceProofDialog")
        self.setWindowTitle(
            QCoreApplication.translate("AttendanceProofDialog", "Proof of attendance")
        )
        today = services.now().astimezone().date()
        self.today = today
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "AttendanceProofDialog",
                "For the member, on their request: the dates they attended in a period, "
                "signed by you. The PDF names the group; check with them that this is what "
                "they want shown. GroupKeeper keeps no copy; their record notes that a proof "
                "was given.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.start = QDateEdit(_qdate(today - timedelta(days=365)))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMM yyyy")
        self.start.setAccessibleName(QCoreApplication.translate("AttendanceProofDialog", "From"))
        self.end = QDateEdit(_qdate(today))
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("d MMM yyyy")
        self.end.setAccessibleName(QCoreApplication.translate("AttendanceProofDialog", "To"))
        self.signed_by = QLineEdit()
        self.signed_by.setAccessibleName(
            QCoreApplication.translate("AttendanceProofDialog", "Facilitator's name, as signed")
        )
        self.signed_by.setPlaceholderText(
            QCoreApplication.translate(
                "AttendanceProofDialog", "Your name (printed under the signature)"
            )
        )
        form.addRow(QCoreApplication.translate("AttendanceProofDialog", "&From"), self.start)
        form.addRow(QCoreApplication.translate("AttendanceProofDialog", "&To"), self.end)
        form.addRow(
            QCoreApplication.translate("AttendanceProofDialog", "Signed by"), self.signed_by
        )
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setObjectName("proofSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(QCoreApplication.translate("AttendanceProofDialog", "Cancel"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(
            QCoreApplication.translate("AttendanceProofDialog", "&Save as PDF...")
        )
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.start.dateChanged.connect(lambda _d: self._show_summary())
        self.end.dateChanged.connect(lambda _d: self._show_summary())
        self._show_summary()
        fit_to_text_and_screen(self, 640, 380)

    def proof(self) -> attendance_proof.AttendanceProof:
        return attendance_proof.attendance_proof(
            self.services.store,
            self.member_id,
            _pydate(self.start.date()),
            _pydate(self.end.date()),
        )

    def _show_summary(self) -> None:
        try:
            proof = self.proof()
        except KnownError as exc:
            self.summary.setText(messages.describe_error(exc))
            self.save_button.setEnabled(False)
            return
        self.save_button.setEnabled(True)
        self.summary.setText(
            QCoreApplication.translate(
                "AttendanceProofDialog",
                "%1 attended %n meeting(s) in this period.",
                "",
                len(proof.attended),
            ).replace("%1", proof.name)
        )

    def ask_path(self, suggested: str) -> Path | None:
        """The save dialog (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("AttendanceProofDialog", "Save the proof of attendance"),
            suggested,
            QCoreApplication.translate("AttendanceProofDialog", "PDF files (*.pdf)"),
        )
        return Path(path) if path else None

    def _on_save_clicked(self) -> None:
        try:
            proof = self.proof()
        except KnownError as exc:
            messages.show_error(self, exc)
            return
        path = self.ask_path(
            str(
                Path.home()
                / QCoreApplication.translate("AttendanceProofDialog", "Proof of attendance.pdf")
            )
        )
        if path is None:
            return
        doc = paper.document(
            paper.attendance_proof_html(proof, self.signed_by.text().strip(), self.today)
        )
        try:
            paper.write_pdf(
                doc,
                path,
                QCoreApplication.translate("AttendanceProofDialog", "Proof of attendance"),
            )
        except OSError:
            messages.error(
                self,
                QCoreApplication.translate(
                    "AttendanceProofDialog", "The PDF could not be saved there. Try another folder."
                ),
            )
            return
        op = ops.members.record_attendance_proof(
            member_id=self.member_id,
            period_start=proof.period_start.isoformat(),
            period_end=proof.period_end.isoformat(),
        )
        if self.services.ops.try_run(self, op) is None:
            return
        self.saved_to = path
        messages.info(
            self,
            QCoreApplication.translate("AttendanceProofDialog", "Proof of attendance saved"),
            QCoreApplication.translate(
                "AttendanceProofDialog",
                "Sign it and give it to the person. GroupKeeper keeps no copy; "
                "delete the file from this computer once it is printed or handed over.",
            ),
        )
        self.accept()
