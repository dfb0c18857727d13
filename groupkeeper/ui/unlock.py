"""The unlock screen: passphrase (or recovery key), clear inline errors, restore offer.

The key derivation runs in ``ui.worker`` with a busy indicator; the button stays disabled
while storage waits out its growing delay after wrong tries. A damaged vault gets the
storage message plus "Restore a backup...", which restores into a *new* folder and
keeps the damaged one untouched. ``UnlockForm`` is shared with the meeting lock screen.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (  # only what the first frame shows (see below)
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui.widgets.passphrase import PassphraseField
from groupkeeper.ui.widgets.sizing import text_scale

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressBar

    from groupkeeper.ui.services import Services


# This module is on the way to the first window: nothing here touches ``Qt.*`` until
# ``finish_setup`` (PySide6 builds the whole ``Qt`` namespace, ~140 enums and ~12 ms, on
# first access; bench/bench_startup.py). Both labels are empty or unchanged until then.
# Likewise the busy bar (``QProgressBar``), ``ui.worker`` and ``ui.messages`` are first
# needed when Unlock is pressed, and are imported or built then.


def _left_aligned(widget: QWidget) -> QHBoxLayout:
    """A row holding ``widget`` at its natural width on the left (without ``Qt.Align*``)."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _make_selectable(label: QLabel) -> None:
    from PySide6.QtCore import Qt

    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class UnlockForm(QWidget):
    """Passphrase field, Unlock button, recovery-key switch, busy bar and error line.

    Emits ``unlocked`` after ``services`` holds an unlocked vault, ``corrupt`` when the
    vault is damaged (the screen offers a restore).
    """

    unlocked = Signal()
    corrupt = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.use_recovery = False
        self.label = QLabel(self)
        self.field = PassphraseField(self.tr("Passphrase"), self)
        self.label.setBuddy(self.field.edit)
        self.unlock_button = QPushButton(self)  # not (text, parent): see PassphraseField
        self.unlock_button.setText(self.tr("Unlock"))
        self.unlock_button.setProperty("role", "primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Unlock the vault"))
        self.recovery_button = QPushButton(self)
        self.recovery_button.setFlat(True)
        self.recovery_button.setAutoDefault(False)
        self.recovery_button.setAccessibleName(
            self.tr("Switch between passphrase and recovery key")
        )
        self.busy: QProgressBar | None = None  # built when first needed (see set_busy)
        self.error = QLabel(self)
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))

        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        # (the busy bar goes here, below the field, when first needed)
        layout.addWidget(self.error)
        self._layout = layout
        layout.addLayout(_left_aligned(self.recovery_button))
        self.setFocusProxy(self.field)

        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        self.field.returnPressed.connect(self._on_unlock_button_clicked)
        self.recovery_button.clicked.connect(self._on_recovery_button_clicked)
        self._update_mode()

    def finish_setup(self) -> None:
        """What the first frame does not need (see ``MainWindow.finish_start``)."""
        _make_selectable(self.error)

    def _update_mode(self) -> None:
        if self.use_recovery:
            self.label.setText(self.tr("&Recovery key (the one you printed or saved)"))
            self.field.edit.setAccessibleName(self.tr("Recovery key"))
            self.field.edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.recovery_button.setText(self.tr("Use the passphrase instead"))
        else:
            self.label.setText(self.tr("&Passphrase"))
            self.field.edit.setAccessibleName(self.tr("Passphrase"))
            self.field.edit.setPlaceholderText("")
            self.recovery_button.setText(self.tr("Forgot it? Use the recovery key instead"))

    def _on_recovery_button_clicked(self) -> None:
        self.use_recovery = not self.use_recovery
        self.field.clear()
        self.error.clear()
        self._update_mode()
        self.field.setFocus()

    def set_busy(self, busy: bool) -> None:
        if self.busy is None:
            if not busy:
                return  # never shown: nothing to hide or enable
            from PySide6.QtWidgets import QProgressBar

            self.busy = QProgressBar(self)
            self.busy.setRange(0, 0)  # "working", no percentage: the KDF has no progress
            self.busy.setTextVisible(False)
            self.busy.setAccessibleName(self.tr("Unlocking, please wait"))
            self._layout.insertWidget(self._layout.indexOf(self.error), self.busy)
        self.busy.setVisible(busy)
        self.unlock_button.setEnabled(not busy)
        self.field.setEnabled(not busy)
        self.recovery_button.setEnabled(not busy)

    def reset(self) -> None:
        """Empty the field and the error (shown again after a lock)."""
        self.field.clear()
        self.error.clear()
        if self.use_recovery:
            self.use_recovery = False
            self._update_mode()

    def _on_unlock_button_clicked(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        secret = self.field.text()
        if not secret.strip():
            self.error.setText(
                self.tr("Type your recovery key first.")
                if self.use_recovery
                else self.tr("Type your passphrase first.")
            )
            return
        self.error.clear()
        self.set_busy(True)
        fn = self.services.unlock_with_recovery_key if self.use_recovery else self.services.unlock
        from groupkeeper.ui import worker

        worker.run_in_background(fn, secret, on_done=self._on_done, on_error=self._on_error)

    def _on_done(self, _result: object) -> None:
        self.set_busy(False)
        self.field.clear()
        self.unlocked.emit()
        vault = self.services.vault
        tightened = vault.tightened if vault is not None else ()
        if tightened:  # said once: the next unlock finds nothing left to tighten
            from groupkeeper.ui import messages

            messages.info(
                self,
                self.tr("Vault files made private"),
                self.tr(
                    "Other accounts on this computer could read %n of the vault's files. "
                    "They are now readable by you only.",
                    "",
                    len(tightened),
                ),
            )

    def _on_error(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError, WrongPassphrase
        from groupkeeper.ui import messages, worker

        self.set_busy(False)
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        text = messages.describe_error(exc)
        wait = getattr(exc, "wait_seconds", 0.0)
        if isinstance(exc, WrongPassphrase) and wait > 0:
            text += " " + self.tr("The next try will wait %n second(s).", "", int(round(wait)))
        self.error.setText(text)
        self.field.edit.selectAll()
        self.field.setFocus()
        if getattr(exc, "code", "") == "corrupt":
            self.corrupt.emit()


class UnlockScreen(QWidget):
    """The whole-window unlock screen. Emits ``unlocked`` and ``vault_switched``."""

    unlocked = Signal()
    vault_switched = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("unlockScreen")
        title = QLabel(self.tr("Welcome back"), self)
        title.setProperty("role", "title")
        self.folder_label = QLabel(self)
        self.folder_label.setProperty("role", "hint")
        self.folder_label.setWordWrap(True)
        self.form = UnlockForm(services, self)
        self.demo_label = QLabel(self)
        self.demo_label.setObjectName("demoPassphrase")
        self.demo_label.setWordWrap(True)
        self.restore_button = QPushButton(self)  # not (text, parent): see PassphraseField
        self.restore_button.setText(self.tr("Restore a backup into a new folder..."))
        self.restore_button.setAccessibleName(self.tr("Restore a backup into a new folder"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.setVisible(False)

        column = QWidget(self)
        # A fixed, comfortable width: centred by alignment alone, the column shrank to
        # its size hint and word-wrapped errors were cut off (seen at 1366x768).
        column.setMinimumWidth(600)
        column.setMaximumWidth(round(720 * max(1.0, text_scale())))
        self._column = column  # never squeezed below its height: see finish_setup
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        inner.addWidget(self.folder_label)
        inner.addSpacing(12)
        inner.addWidget(self.demo_label)
        inner.addWidget(self.form)
        inner.addLayout(_left_aligned(self.restore_button))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setFocusProxy(self.form)

        self.form.unlocked.connect(self.unlocked)
        self.form.corrupt.connect(self._on_form_corrupt)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.refresh()

    def finish_setup(self) -> None:
        """What the first frame does not need (see ``MainWindow.finish_start``)."""
        self.form.finish_setup()
        _make_selectable(self.demo_label)
        # Never squeezed below the height its text needs (a small window grows instead of
        # cutting words). Set after the first frame: that frame has room to spare, and
        # PySide6 builds the QSizePolicy class (~0.5 ms) on first use.
        from PySide6.QtWidgets import QSizePolicy

        self._column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def refresh(self) -> None:
        self.folder_label.setText(
            # A zero-width space after each separator lets a long path wrap there
            # instead of being cut at large text sizes.
            self.tr("Vault folder: %1").replace(
                "%1", re.sub(r"([/\\])", "\\1\u200b", str(self.services.vault_dir))
            )
        )
        if self.services.demo_passphrase:
            self.demo_label.setText(
                self.tr("This is the demo. Its passphrase is: %1").replace(
                    "%1", self.services.demo_passphrase
                )
            )
            self.demo_label.setVisible(True)
        else:
            self.demo_label.setVisible(False)
        self.form.reset()

    def _on_form_corrupt(self) -> None:
        self.restore_button.setVisible(True)

    def _on_restore_button_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        backup_file, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self.services.vault_dir.parent),
            self.tr("GroupKeeper backups (*.gkbackup)"),
        )
        if not backup_file:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose an EMPTY folder for the restored vault"), str(Path.home())
        )
        if not folder:
            return
        self.restore_into(Path(backup_file), Path(folder))

    def restore_into(self, backup_file: Path, new_folder: Path) -> None:
        """Restore ``backup_file`` into ``new_folder`` in the worker, then switch to it."""
        from groupkeeper.storage import backup
        from groupkeeper.ui import worker

        self.form.set_busy(True)
        worker.run_in_background(
            backup.restore_backup,
            backup_file,
            new_folder,
            on_done=self._on_restored,
            on_error=self._on_restore_error,
        )

    def _on_restored(self, folder: Path) -> None:
        self.form.set_busy(False)
        self.services.vault_dir = Path(folder)
        self.services.settings.set("vault_dir", str(folder))
        self.restore_button.setVisible(False)
        self.refresh()
        self.form.error.setText(
            self.tr(
                "The backup was restored into %1. The damaged vault was kept as it was. "
                "Unlock with the passphrase the backup was made with."
            ).replace("%1", str(folder))
        )
        self.vault_switched.emit()

    def _on_restore_error(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError
        from groupkeeper.ui import messages, worker

        self.form.set_busy(False)
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        self.form.error.setText(messages.describe_error(exc))
