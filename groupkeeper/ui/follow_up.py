"""The facilitator's follow-up list: who might we check in with? Never exported.

Members who agreed to be contacted and were not present at any of their group's last
three closed meetings (``storage.reporting.follow_up_list``). Those who sent apologies
are listed separately: they told the group, they have not drifted away. This panel has
no export, copy or print action on purpose, and ``clear_personal_data`` empties it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from groupkeeper.storage.reporting import FollowUpList, follow_up_for
from groupkeeper.ui.services import Services


class FollowUpPanel(QWidget):
    """Two lists per chosen group: missed the last 3 meetings, and sent apologies."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("followUpPanel")
        layout = QVBoxLayout(self)
        note = QLabel(
            QCoreApplication.translate(
                "FollowUpPanel",
                "For you only - this list is never exported or printed. It shows members who"
                " agreed to be contacted and were not at any of their group's last three"
                " meetings, so someone can check in with them.",
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout.addWidget(note)
        self.missed_title = QLabel(
            QCoreApplication.translate("FollowUpPanel", "Missed the last 3 meetings")
        )
        self.missed_title.setProperty("role", "title")
        layout.addWidget(self.missed_title)
        self.missed = QListWidget()
        self.missed.setObjectName("followUpMissed")
        self.missed.setAccessibleName(
            QCoreApplication.translate("FollowUpPanel", "Members who missed the last 3 meetings")
        )
        layout.addWidget(self.missed, 2)
        self.apologies_title = QLabel(
            QCoreApplication.translate("FollowUpPanel", "Sent apologies (not drifting away)")
        )
        self.apologies_title.setProperty("role", "title")
        layout.addWidget(self.apologies_title)
        self.apologies = QListWidget()
        self.apologies.setObjectName("followUpApologies")
        self.apologies.setAccessibleName(
            QCoreApplication.translate("FollowUpPanel", "Members who sent apologies")
        )
        layout.addWidget(self.apologies, 1)
        self.missed_title.setBuddy(self.missed)
        self.apologies_title.setBuddy(self.apologies)

    def show_groups(self, group_ids: list[int], today: str) -> None:
        """Fill the lists for ``group_ids`` (each name tagged with its group when several)."""
        self.clear_personal_data()
        store = self.services.store
        names = {g.id: g.name for g in store.groups.all(active_only=False)}
        several = len(group_ids) > 1
        for gid in group_ids:
            result: FollowUpList = follow_up_for(store, gid, today)
            for target, people in (
                (self.missed, result.missed),
                (self.apologies, result.sent_apologies),
            ):
                for person in people:
                    text = person.display_name
                    if several:
                        text = f"{person.display_name} - {names.get(gid, '')}"
                    target.addItem(QListWidgetItem(text))
        for target in (self.missed, self.apologies):
            if target.count() == 0:
                item = QListWidgetItem(
                    QCoreApplication.translate("FollowUpPanel", "Nobody at the moment.")
                )
                item.setData(256, "empty")  # Qt.UserRole: not a member row
                target.addItem(item)

    def names(self, which: str = "missed") -> list[str]:
        """Member rows shown in a list (``"missed"`` or ``"apologies"``); for tests."""
        target = self.missed if which == "missed" else self.apologies
        return [
            target.item(i).text()
            for i in range(target.count())
            if target.item(i).data(256) != "empty"
        ]

    def clear_personal_data(self) -> None:
        self.missed.clear()
        self.apologies.clear()
