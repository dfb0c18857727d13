"""Settings, App tab: language, text size, colours, vault folder (before unlock, not personal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from groupkeeper import options
from groupkeeper.ui.widgets.forms import add_row, prepare_form

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services


class AppPage(QWidget):
    """The App tab. ``save()`` writes the settings file and applies text size and colours."""

    def __init__(self, services: Services, status: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.status = status
        page = self
        form = prepare_form(QFormLayout(page))
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
        for scale in options.TEXT_SCALE.choices:
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
                "Language, text size and colours change at once. A new vault folder is "
                "used the next time GroupKeeper starts."
            ),
            page,
        )
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        add_row(form, self.tr("&Language"), self.language)
        add_row(form, self.tr("&Text size"), self.text_size)
        add_row(form, self.tr("C&olours"), self.theme)
        add_row(form, self.tr("Vault &folder"), folder_row)  # the buddy is the folder box
        form.addRow(note)

    def _on_choose_vault_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Vault folder"))
        if chosen:
            self.vault_folder.setText(chosen)

    def save(self) -> None:
        settings = self.services.settings
        new_language = str(self.language.currentData()) != settings.language
        settings.set(options.LANGUAGE.key, str(self.language.currentData()))
        settings.set(options.TEXT_SCALE.key, float(self.text_size.currentData()))
        settings.set(options.THEME.key, str(self.theme.currentData()))
        folder = self.vault_folder.text().strip()
        if folder and folder != str(settings.vault_dir):
            settings.set(options.VAULT_DIR.key, folder)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            from groupkeeper.ui.app import apply_appearance, apply_language

            apply_appearance(app, settings)
            if new_language:
                apply_language(app, settings)  # the open screens are rebuilt in it
