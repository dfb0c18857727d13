"""Settings: one tab per page (App, Vault, Groups), Save and Close.

The pages live in ``ui/settings_pages/`` (one module each): App-wide values go through
``services.settings`` (a small non-personal file); vault-held values (settings and the
group on show) are saved together by one ``settings.save`` operation. What each setting is (type,
range, title) is declared once in ``groupkeeper.options``. Errors are worded by
``messages``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from groupkeeper.ui import messages
from groupkeeper.ui.settings_pages.app_page import AppPage
from groupkeeper.ui.settings_pages.groups_page import GroupsPage
from groupkeeper.ui.settings_pages.vault_page import VaultPage
from groupkeeper.ui.widgets.sizing import fit_to_text_and_screen

if TYPE_CHECKING:
    from groupkeeper.ui.services import Services


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class SettingsDialog(QDialog):
    """The settings window (modal). ``save()`` writes every page."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Settings"))
        self.status = QLabel(self)
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.app_page = AppPage(services, self.status)
        self.vault_page = VaultPage(services, self.status)
        self.groups_page = GroupsPage(services, self.status)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_scroll(self.app_page), self.tr("App"))
        self.tabs.addTab(_scroll(self.vault_page), self.tr("Vault"))
        self.tabs.addTab(_scroll(self.groups_page), self.tr("Groups"))
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

    def save(self) -> bool:
        """Write every page; True when all went in.

        The vault's part (its settings and the group on show) is one ``settings.save``
        operation: one transaction, one ``changed`` notification. A refused value or agenda
        saves nothing, not even the app-wide settings, which are written only after it.
        """
        from groupkeeper import ops
        from groupkeeper.storage.errors import KnownError

        edited = self.groups_page.edited()
        op = ops.settings.save(
            values=self.vault_page.values(),
            group_id=edited[0] if edited else None,
            group_fields=edited[1] if edited else None,
        )
        try:
            result = self.services.ops.run(op)
            if result.value is not None:
                self.groups_page.saved(result.value)
            self.app_page.save()
        except KnownError as exc:  # a refused agenda or setting says what is wrong
            messages.show_error(self, exc)
            return False
        self.status.setText(self.tr("Saved."))
        return True

    def done(self, result: int) -> None:
        # A new recovery key is shown once: closing (or a lock) drops it.
        self.vault_page.forget_new_key()
        super().done(result)


__all__ = ["SettingsDialog"]
