"""The roster table: a ``QAbstractTableModel`` over ``Member`` objects.

The model is given a loader (which reads the vault) and reloads itself when ``refresh`` is
called, typically from the screen's ``changed`` signal after any write. Type-ahead filtering
goes through ``groupkeeper.roster.RosterIndex`` (accent-insensitive, phone digits, ranked),
not a regex proxy model; the group and "show inactive" filters decide which members the
index is built over. ``clear()`` empties it when the vault locks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from groupkeeper.model import Member
from groupkeeper.roster import RosterIndex, fold

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class RosterData:
    """What the roster shows, read from the vault in one go."""

    members: list[Member] = field(default_factory=list)
    group_names: dict[int, str] = field(default_factory=dict)
    last_attended: dict[str, str] = field(default_factory=dict)  # pseudonym -> date


class RosterModel(QAbstractTableModel):
    """Members as rows; columns name, full name, phone, groups, active, last attended."""

    NAME, FULL_NAME, PHONE, GROUPS, ACTIVE, LAST_ATTENDED = range(6)
    MemberRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, load: Callable[[], RosterData] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._load = load
        self._data = RosterData()
        self._group_id: int | None = None
        self._show_inactive = False
        self._only_ids: set[int] | None = None
        self._query = ""
        self._index = RosterIndex([])
        self._rows: list[Member] = []
        self._sort: tuple[int, Qt.SortOrder] = (self.NAME, Qt.SortOrder.AscendingOrder)

    # -- Loading and filtering -------------------------------------------------------
    def refresh(self) -> None:
        """Reload from the vault (connected to the screen's ``changed`` signal)."""
        if self._load is not None:
            self.set_data(self._load())

    def set_data(self, data: RosterData) -> None:
        self._data = data
        self._rebuild_index()

    def clear(self) -> None:
        """Forget every member (the vault is locking): no name stays in the model."""
        self.beginResetModel()
        self._data = RosterData()
        self._index = RosterIndex([])
        self._rows = []
        self._query = ""
        self._only_ids = None
        self.endResetModel()

    def set_query(self, text: str) -> None:
        self._query = text
        self._apply()

    def set_group(self, group_id: int | None) -> None:
        self._group_id = group_id
        self._rebuild_index()

    def set_show_inactive(self, show: bool) -> None:
        self._show_inactive = show
        self._rebuild_index()

    def set_only(self, member_ids: set[int] | None) -> None:
        """Show only these members (the "review for forgetting" list), or all again."""
        self._only_ids = member_ids
        self._rebuild_index()

    @property
    def reviewing(self) -> bool:
        """True while only the "offered for forgetting" members are shown."""
        return self._only_ids is not None

    @property
    def total(self) -> int:
        """Members passing the group / inactive filters (before the type-ahead filter)."""
        return len(self._index)

    def _rebuild_index(self) -> None:
        members = [
            m
            for m in self._data.members
            if (self._show_inactive or m.active or self._only_ids is not None)
            and (self._group_id is None or self._group_id in m.group_ids)
            and (self._only_ids is None or m.id in self._only_ids)
        ]
        self._index = RosterIndex(members)
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        rows = self._index.filter(self._query)
        column, order = self._sort
        # Name A-Z is the roster's own order; while typing, keep the best matches first.
        if not (column == self.NAME and order == Qt.SortOrder.AscendingOrder):
            rows.sort(
                key=lambda m: self._sort_key(m, column),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        self._rows = rows
        self.endResetModel()

    # -- Access ----------------------------------------------------------------------
    def member(self, row: int) -> Member:
        return self._rows[row]

    def row_of(self, member_id: int) -> int:
        """Row of a member, or -1 if filtered out."""
        return next((r for r, m in enumerate(self._rows) if m.id == member_id), -1)

    def groups_text(self, member: Member) -> str:
        names = self._data.group_names
        return ", ".join(sorted(names[g] for g in member.group_ids if g in names))

    def last_attended(self, member: Member) -> str:
        return self._data.last_attended.get(member.pseudonym, "")

    def _sort_key(self, m: Member, column: int) -> Any:
        if column == self.ACTIVE:
            return (not m.active, fold(m.display_name))
        if column == self.LAST_ATTENDED:
            return self.last_attended(m)
        return fold(self._text(m, column))

    def _text(self, m: Member, column: int) -> str:
        if column == self.NAME:
            return m.display_name
        if column == self.FULL_NAME:
            return m.full_name
        if column == self.PHONE:
            return m.phone
        if column == self.GROUPS:
            return self.groups_text(m)
        if column == self.ACTIVE:
            return (
                QCoreApplication.translate("RosterModel", "yes")
                if m.active
                else QCoreApplication.translate("RosterModel", "no (inactive)")
            )
        return self.last_attended(m) or QCoreApplication.translate("RosterModel", "never")

    # -- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(m, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.NAME and m.pronouns:
                return m.pronouns
            if index.column() == self.GROUPS:
                return self.groups_text(m) or None
        if role == self.MemberRole:
            return m
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            QCoreApplication.translate("RosterModel", "Name"),
            QCoreApplication.translate("RosterModel", "Full name"),
            QCoreApplication.translate("RosterModel", "Phone"),
            QCoreApplication.translate("RosterModel", "Groups"),
            QCoreApplication.translate("RosterModel", "Active"),
            QCoreApplication.translate("RosterModel", "Last came"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < 6:
            return
        self._sort = (column, order)
        self._apply()
