"""Settings, Vault tab: lock times, export threshold, backups, passphrase, recovery key.

The number boxes come from the declarations in ``groupkeeper.options`` (range and title).
Passphrase changes, revoking access and a new recovery key run in ``ui.worker``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from groupkeeper import options
from groupkeeper.ui import messages, worker
from groupkeeper.ui.widgets.flow import FlowLayout
from groupkeeper.ui.widgets.forms import NumberBox, add_row, prepare_form
from groupkeeper.ui.widgets.passphrase import NewPassphrase

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services


class VaultPage(QWidget):
    """The Vault tab. ``save()`` writes the vault-held settings."""

    def __init__(self, services: Services, status: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.status = status
        page = self
        layout = QVBoxLayout(page)
        form = prepare_form(QFormLayout())
        values = self.services.store.settings.all()
        self.vault_spins: dict[str, NumberBox] = {}
        for option in options.VAULT_NUMBERS:  # range and title declared once
            label = QCoreApplication.translate(options.TITLE_CONTEXT, option.title)
            spin = NumberBox(page)
            spin.setRange(option.low, option.high)
            spin.setValue(int(values[option.key]))
            spin.setMaximumWidth(180)  # full-width number boxes looked like text fields
            spin.setAccessibleName(label)
            add_row(form, label, spin)
            self.vault_spins[option.key] = spin
        self.backup_dir = QLineEdit(str(values[options.BACKUP_DIR.key]), page)
        self.backup_dir.setAccessibleName(self.tr("Backup folder"))
        self.backup_dir.setPlaceholderText(self.tr("Asked the first time you back up"))
        choose = QPushButton(self.tr("Choose..."), page)
        choose.setAccessibleName(self.tr("Choose the backup folder (a USB stick is best)"))
        choose.clicked.connect(self._on_choose_backup_dir)
        row = QHBoxLayout()
        row.addWidget(self.backup_dir, 1)
        row.addWidget(choose)
        add_row(form, self.tr("Backup folder"), row)
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

        self.new_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A new key is shown once; it can go straight to a PDF (margins, date, vault name).
        self._new_key = ""
        self.save_key_button = QPushButton(self.tr("Save the new key as a PDF..."), page)
        self.save_key_button.setAccessibleName(self.tr("Save the new recovery key as a PDF"))
        self.save_key_button.setVisible(False)
        self.save_key_button.clicked.connect(self._on_save_key_clicked)
        # A flow, not a row: in Spanish at large text the three buttons are wider than the
        # dialog, and a row made the page scroll sideways.
        buttons = FlowLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.recovery_button)
        layout.addLayout(buttons)
        layout.addWidget(revoke_note)
        layout.addWidget(self.new_key_label)
        layout.addWidget(self.save_key_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.change_button.clicked.connect(self.change_passphrase)
        self.revoke_button.clicked.connect(self.revoke_access)
        self.recovery_button.clicked.connect(self.new_recovery_key)

    def ask_key_path(self) -> Path | None:
        """Where to save the new key's PDF (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery key (a USB stick is best)"),
            "GroupKeeper recovery key.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return Path(path) if path else None

    def _on_save_key_clicked(self) -> None:
        from groupkeeper.ui import paper

        vault = self.services.vault
        path = self.ask_key_path()
        if not self._new_key or vault is None or path is None:
            return
        made_on = self.services.now().astimezone().date()
        if paper.save_recovery_key_pdf(self, self._new_key, path, vault.folder, made_on):
            self.status.setText(self.tr("Saved to %1.").replace("%1", str(path)))

    def forget_new_key(self) -> None:
        """Drop the shown key from the screen and from memory (dialog closed, or lock)."""
        self._new_key = ""
        self.new_key_label.clear()
        self.save_key_button.setVisible(False)

    def _on_choose_backup_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"))
        if chosen:
            self.backup_dir.setText(chosen)

    def values(self) -> dict[str, object]:
        """The vault settings as the page shows them (saved by the dialog's one operation)."""
        values: dict[str, object] = {key: spin.value() for key, spin in self.vault_spins.items()}
        values[options.BACKUP_DIR.key] = self.backup_dir.text().strip()
        return values

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
                self._new_key = result
                self.save_key_button.setVisible(True)
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
