"""First run: a calm, one-thing-per-page wizard that creates the vault and the first group.

Pages: welcome (starting with the language: choosing one switches the wizard to it at
once) -> vault folder -> passphrase (twice, strength in plain words) -> recovery
key (shown once; save as PDF / print; "I have kept it" enables Next) -> first group from
a template (agreements prefilled in warm words; crisis resources can wait). Creating the
vault runs the key derivation in ``ui.worker``. Emits ``finished`` once the group exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui import messages, worker
from groupkeeper.ui.widgets.group_form import GroupBasicsEditor
from groupkeeper.ui.widgets.passphrase import NewPassphrase

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services


def _page(title: str, intro: str = "") -> tuple[QWidget, QVBoxLayout]:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(32, 24, 32, 24)
    label = QLabel(title, page)
    label.setProperty("role", "title")
    label.setWordWrap(True)
    layout.addWidget(label)
    if intro:
        text = QLabel(intro, page)
        text.setWordWrap(True)
        layout.addWidget(text)
    return page, layout


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def is_risky_place(path: Path, vault_dir: Path) -> bool:
    """True if a recovery key file at ``path`` would sit on this laptop's own disk.

    Inside the vault folder (stolen together with the vault) or the user's home folder
    (Documents, Desktop, Downloads...) counts as risky; a USB stick mounts elsewhere.
    """
    try:
        resolved = path.resolve()
    except OSError:
        return True
    for risky in (vault_dir, Path.home()):
        try:
            if resolved.is_relative_to(risky.resolve()):
                return True
        except OSError:
            continue
    return False


class FirstRunScreen(QWidget):
    """The first-run wizard. Emits ``finished`` when the vault and first group exist."""

    finished = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("firstRunScreen")
        self.folder = services.vault_dir
        self._recovery_key = ""
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._rebuild_scheduled = False
        self._build_pages()
        self.pages.currentChanged.connect(self._on_pages_currentChanged)

    def _build_pages(self) -> None:
        self._build_welcome()
        self._build_folder()
        self._build_passphrase()
        self._build_recovery()
        self._build_group()
        # Enter starts at once; the language is the first thing on the page (Shift+Tab).
        self.setFocusProxy(self.start_button)

    # -- language -----------------------------------------------------------------------
    def _on_language_activated(self, _index: int) -> None:
        from PySide6.QtWidgets import QApplication

        from groupkeeper.ui.app import apply_language

        code = str(self.language.currentData())
        if code == self.services.settings.language:
            return
        self.services.settings.set("language", code)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_language(app, self.services.settings)  # LanguageChange rebuilds the pages

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        # Only on the welcome page, where nothing has been typed yet.
        if (
            event.type() == QEvent.Type.LanguageChange
            and self.pages.currentIndex() == 0
            and not self._rebuild_scheduled
        ):
            self._rebuild_scheduled = True
            QTimer.singleShot(0, self, self._rebuild_in_new_language)

    def _rebuild_in_new_language(self) -> None:
        """Build every page again in the language just chosen."""
        self._rebuild_scheduled = False
        if self.pages.currentIndex() != 0:
            return
        self.pages.blockSignals(True)
        while (page := self.pages.widget(0)) is not None:
            self.pages.removeWidget(page)
            page.deleteLater()
        self._build_pages()
        self.pages.setCurrentIndex(0)
        self.pages.blockSignals(False)
        self.language.setFocus()  # where the choice was made

    # -- pages ------------------------------------------------------------------------
    def _build_welcome(self) -> None:
        # The language comes first, its label in both languages so anyone finds it.
        language_row = QHBoxLayout()
        # "Idioma / Language" or "Language / Idioma": the other language's word too.
        native = self.tr("&Language")
        other = "Idioma" if native.replace("&", "") == "Language" else "Language"
        language_label = QLabel(f"{native} / {other}")
        self.language = QComboBox()
        self.language.setObjectName("firstRunLanguage")
        self.language.setAccessibleName(self.tr("Language"))
        for code, words in (
            ("", self.tr("Same as the computer")),
            ("en", "English"),
            ("es", "Espa\u00f1ol"),
        ):
            self.language.addItem(words, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(self.services.settings.language))
        )
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.activated.connect(self._on_language_activated)
        language_label.setBuddy(self.language)
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        page, layout = _page(
            self.tr("Welcome to GroupKeeper"),
            self.tr(
                "GroupKeeper helps you run your group: who came, how people are doing, what "
                "helped, and what they will try this week.\n\n"
                "Everything stays on this computer, locked with a passphrase only you know. "
                "It never needs the internet.\n\n"
                "Setting up takes about three minutes."
            ),
        )
        layout.insertLayout(0, language_row)
        layout.insertSpacing(1, 16)
        layout.addStretch(1)
        self.start_button = QPushButton(self.tr("Let's start"), page)
        self.start_button.setProperty("role", "primary")
        self.start_button.setAccessibleName(self.tr("Start setting up"))
        self.start_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        layout.addLayout(_buttons(self.start_button))
        self.pages.addWidget(page)

    def _build_folder(self) -> None:
        page, layout = _page(
            self.tr("Where to keep the vault"),
            self.tr(
                "The vault is one small folder. The usual place is fine for most people. "
                "You can also choose a USB stick, so the group's records travel with you."
            ),
        )
        self.folder_label = QLabel(str(self.folder), page)
        self.folder_label.setObjectName("vaultFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(self.tr("Vault folder"))
        choose = QPushButton(self.tr("Choose another folder..."), page)
        choose.setAccessibleName(self.tr("Choose another folder for the vault"))
        choose.clicked.connect(self._on_choose_clicked)
        layout.addSpacing(12)
        layout.addWidget(self.folder_label)
        layout.addWidget(choose, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        back = QPushButton(self.tr("Back"), page)
        back.setAccessibleName(self.tr("Back to the welcome page"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.folder_next = QPushButton(self.tr("Next"), page)
        self.folder_next.setProperty("role", "primary")
        self.folder_next.setAccessibleName(self.tr("Next: choose a passphrase"))
        self.folder_next.clicked.connect(lambda: self.pages.setCurrentIndex(2))
        layout.addLayout(_buttons(back, self.folder_next))
        self.pages.addWidget(page)

    def _build_passphrase(self) -> None:
        page, layout = _page(
            self.tr("Choose a passphrase"),
            self.tr(
                "A few unrelated words are easy to remember and hard to guess, for example "
                '"kettle river purple bicycle". You will type it each time you open '
                "GroupKeeper. At least 8 characters."
            ),
        )
        self.new_passphrase = NewPassphrase(page)
        self.new_passphrase.changed.connect(self._on_new_passphrase_changed)
        self.new_passphrase.second.returnPressed.connect(self._on_create_clicked)
        self.create_busy = QProgressBar(page)
        self.create_busy.setRange(0, 0)
        self.create_busy.setTextVisible(False)
        self.create_busy.setVisible(False)
        self.create_busy.setAccessibleName(self.tr("Creating the vault, please wait"))
        self.create_error = QLabel(page)
        self.create_error.setObjectName("inlineError")
        self.create_error.setWordWrap(True)
        layout.addWidget(self.new_passphrase)
        layout.addWidget(self.create_busy)
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        self.pass_back = QPushButton(self.tr("Back"), page)
        self.pass_back.setAccessibleName(self.tr("Back to where to keep the vault"))
        self.pass_back.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.create_button = QPushButton(self.tr("Create the vault"), page)
        self.create_button.setProperty("role", "primary")
        self.create_button.setAccessibleName(self.tr("Create the vault"))
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self._on_create_clicked)
        layout.addLayout(_buttons(self.pass_back, self.create_button))
        self.pages.addWidget(page)

    def _build_recovery(self) -> None:
        page, layout = _page(
            self.tr("Your recovery key"),
            self.tr(
                "If the passphrase is ever forgotten, this key is the only way back in. "
                "It is shown only now. Print it or save it on a USB stick, and keep it "
                "somewhere safe away from this laptop."
            ),
        )
        self.key_label = QLabel(page)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setProperty("role", "huge")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.key_label.setFont(mono)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        save_pdf = QPushButton(self.tr("Save as PDF..."), page)
        save_pdf.setAccessibleName(self.tr("Save the recovery key as a PDF file"))
        save_pdf.clicked.connect(self._on_save_pdf_clicked)
        print_button = QPushButton(self.tr("Print..."), page)
        print_button.setAccessibleName(self.tr("Print the recovery key"))
        print_button.clicked.connect(self._on_print_clicked)
        self.kept = QCheckBox(self.tr("I have kept it somewhere safe"), page)
        self.kept.setAccessibleName(self.tr("I have kept the recovery key somewhere safe"))
        self.kept.toggled.connect(self._on_kept_toggled)
        self.recovery_status = QLabel(page)
        self.recovery_status.setProperty("role", "hint")
        self.recovery_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(save_pdf)
        row.addWidget(print_button)
        row.addStretch(1)
        layout.addSpacing(8)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        layout.addWidget(self.recovery_status)
        layout.addWidget(self.kept)
        layout.addStretch(1)
        self.recovery_next = QPushButton(self.tr("Next"), page)
        self.recovery_next.setProperty("role", "primary")
        self.recovery_next.setAccessibleName(self.tr("Next: your first group"))
        self.recovery_next.setEnabled(False)
        self.recovery_next.clicked.connect(self._on_recovery_next_clicked)
        layout.addLayout(_buttons(self.recovery_next))
        self.pages.addWidget(page)

    def _build_group(self) -> None:
        page, layout = _page(
            self.tr("Your first group"),
            self.tr("You can change all of this later in Settings."),
        )
        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.group_editor = GroupBasicsEditor(form_host, form)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form_host)
        layout.addWidget(scroll, 1)
        self.group_error = QLabel(page)
        self.group_error.setObjectName("inlineError")
        self.group_error.setWordWrap(True)
        layout.addWidget(self.group_error)
        self.group_done = QPushButton(self.tr("Create the group and finish"), page)
        self.group_done.setProperty("role", "primary")
        self.group_done.setAccessibleName(self.tr("Create the group and finish"))
        self.group_done.clicked.connect(self._on_group_done_clicked)
        layout.addLayout(_buttons(self.group_done))
        self.pages.addWidget(page)

    # -- behaviour --------------------------------------------------------------------
    def _on_pages_currentChanged(self, index: int) -> None:  # noqa: N802
        focus = {
            0: self.start_button,
            1: self.folder_next,
            2: self.new_passphrase,
            3: self.kept,
            4: self.group_editor.name,
        }.get(index)
        if focus is not None:
            focus.setFocus()

    def _on_choose_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the vault"), str(self.folder.parent)
        )
        if chosen:
            self.set_folder(Path(chosen) / "GroupKeeper vault")

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_label.setText(str(folder))

    def _on_new_passphrase_changed(self) -> None:
        self.create_button.setEnabled(self.new_passphrase.acceptable())

    def _on_create_clicked(self) -> None:
        if not self.new_passphrase.acceptable() or not self.create_button.isEnabled():
            return
        self.create_error.clear()
        self._set_creating(True)
        worker.run_in_background(
            self.services.create_vault,
            self.folder,
            self.new_passphrase.passphrase(),
            on_done=self._on_created,
            on_error=self._on_create_error,
        )

    def _set_creating(self, busy: bool) -> None:
        self.create_busy.setVisible(busy)
        self.create_button.setEnabled(not busy and self.new_passphrase.acceptable())
        self.pass_back.setEnabled(not busy)
        self.new_passphrase.setEnabled(not busy)

    def _on_created(self, recovery_key: str) -> None:
        self._set_creating(False)
        self.new_passphrase.clear()
        if self.folder != self.services.settings.vault_dir:
            self.services.settings.set("vault_dir", str(self.folder))
        self._recovery_key = recovery_key
        self.key_label.setText(recovery_key)
        self.pages.setCurrentIndex(3)

    def _on_create_error(self, exc: BaseException) -> None:
        from groupkeeper.storage.errors import KnownError

        self._set_creating(False)
        if not isinstance(exc, KnownError):
            worker.report_bug(exc)
            return
        self.create_error.setText(messages.describe_error(exc))

    def _on_save_pdf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery key (a USB stick is best)"),
            "GroupKeeper recovery key.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> bool:
        """Write the key to a one-page PDF; warns first if ``path`` is on this laptop."""
        from groupkeeper.ui import paper

        made_on = self.services.now().astimezone().date()
        if not paper.save_recovery_key_pdf(self, self._recovery_key, path, self.folder, made_on):
            return False
        self.recovery_status.setText(self.tr("Saved to %1.").replace("%1", str(path)))
        return True

    def _key_document(self) -> QTextDocument:
        """The recovery-key sheet: margins, the vault's name and folder, today's date."""
        from groupkeeper.ui import paper

        made_on = self.services.now().astimezone().date()
        return paper.recovery_key_document(self._recovery_key, self.folder, made_on)

    def _on_print_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self._key_document().print_(printer)
        self.recovery_status.setText(self.tr("Sent to the printer."))

    def _on_kept_toggled(self, kept: bool) -> None:
        self.recovery_next.setEnabled(kept)

    def _on_recovery_next_clicked(self) -> None:
        if not self.kept.isChecked():
            return
        # Shown once: drop it from the screen and from this object.
        self._recovery_key = ""
        self.key_label.clear()
        self.pages.setCurrentIndex(4)

    def _on_group_done_clicked(self) -> None:
        from groupkeeper import ops
        from groupkeeper.storage.errors import KnownError

        group = self.group_editor.to_group()
        if not group.name.strip():
            self.group_error.setText(self.tr("Please give the group a name."))
            self.group_editor.name.setFocus()
            return
        try:
            # The operation gives a new group its template's agenda.
            self.services.ops.run(ops.groups.add(fields=ops.groups.group_fields(group)))
        except KnownError as exc:
            self.group_error.setText(messages.describe_error(exc))
            return
        self.finished.emit()

    def clear_personal_data(self) -> None:
        self._recovery_key = ""
        self.key_label.clear()
        self.new_passphrase.clear()
