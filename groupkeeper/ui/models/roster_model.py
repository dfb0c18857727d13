"""The roster table: a windowed ``QAbstractTableModel`` over the vault's members.

Opening the roster of 10,000 members must take less than a frame, so the model never holds
10,000 ``Member`` objects. It keeps only the *ids* of the rows, in order (one SQL query of
integers: the group and "show inactive" filters and the column sort are done by SQLite),
and reads the rows themselves a page at a time when the view asks for them (what is on
screen, plus what is scrolled to), as compact ``RosterRow`` tuples; a few pages stay
cached. ``member(row)`` reads one whole ``Member`` (the selected one).

Type-ahead goes through ``groupkeeper.roster.RosterIndex`` (accent-insensitive, phone
digits, ranked) built over compact ``SearchRow`` tuples of the listed members, made on the
first keystroke after a reload and kept while the user types; with a column sort other
than name A-Z the matches are put in that column's order.

``refresh()`` (the screen's ``changed`` handler, through its ``ScreenReloader``) reads the
ids again and drops the cached pages and the search index: a few milliseconds whatever the
size. ``clear()`` empties it when the vault locks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from groupkeeper.model import RosterRow, SearchRow
from groupkeeper.roster import RosterIndex

if TYPE_CHECKING:
    from groupkeeper.model import Member
    from groupkeeper.storage.repos import Store

_Index = QModelIndex | QPersistentModelIndex

#: Rows read from the vault in one go when the view needs one of them.
PAGE = 128
#: Cached rows kept at most (a few screens' worth); beyond that the cache starts again.
MAX_CACHED = 8 * PAGE
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.UserRole + 1,  # MemberRole
    }
)
_SORT_KEYS = ("name", "full_name", "phone", "groups", "active", "last_attended")


class RosterModel(QAbstractTableModel):
    """Members as rows; columns name, full name, phone, groups, active, last attended."""

    NAME, FULL_NAME, PHONE, GROUPS, ACTIVE, LAST_ATTENDED = range(6)
    MemberRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Callable[[], Store] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._loaded = False
        self._group_id: int | None = None
        self._show_inactive = False
        self._only_ids: set[int] | None = None
        self._query = ""
        self._sort: tuple[int, Qt.SortOrder] = (self.NAME, Qt.SortOrder.AscendingOrder)
        self._order: list[int] = []  # ids passing the filters, in the column order
        self._rows: list[int] = []  # ids shown (the type-ahead matches of _order)
        self._cache: dict[int, RosterRow] = {}
        self._index: RosterIndex[SearchRow] | None = None
        self._group_names: dict[int, str] = {}
        #: How many pages were read from the vault since the last reload (tests, bench).
        self.pages_read = 0
        self._titles: tuple[str, ...] | None = None

    # -- Loading and filtering -------------------------------------------------------
    def refresh(self) -> None:
        """Read the ids again (connected to the screen's ``changed`` signal)."""
        if self._store is None:
            return
        self._loaded = True
        groups = self._store().groups.all(active_only=False)
        self._group_names = {g.id: g.name for g in groups if g.id is not None}
        self._reload_ids()

    def clear(self) -> None:
        """Forget every member (the vault is locking): no name stays in the model."""
        self.beginResetModel()
        self._loaded = False
        self._order, self._rows = [], []
        self._cache = {}
        self._index = None
        self._group_names = {}
        self._query = ""
        self._only_ids = None
        self.endResetModel()

    def set_query(self, text: str) -> None:
        self._query = text
        self._apply()

    def set_group(self, group_id: int | None) -> None:
        if group_id != self._group_id:
            self._group_id = group_id
            self._reload_ids()

    def set_show_inactive(self, show: bool) -> None:
        self._show_inactive = show
        self._reload_ids()

    def set_only(self, member_ids: set[int] | None) -> None:
        """Show only these members (the "review for forgetting" list), or all again."""
        self._only_ids = member_ids
        self._reload_ids()

    @property
    def reviewing(self) -> bool:
        """True while only the "offered for forgetting" members are shown."""
        return self._only_ids is not None

    @property
    def total(self) -> int:
        """Members passing the group / inactive filters (before the type-ahead filter)."""
        return len(self._order)

    def _include_inactive(self) -> bool:
        return self._show_inactive or self._only_ids is not None

    def _reload_ids(self) -> None:
        self._cache = {}
        self._index = None
        self.pages_read = 0
        if self._store is None or not self._loaded:
            return
        column, order = self._sort
        ids = self._store().members.roster_ids(
            self._group_id,
            self._include_inactive(),
            _SORT_KEYS[column],
            order == Qt.SortOrder.DescendingOrder,
        )
        if self._only_ids is not None:
            ids = [i for i in ids if i in self._only_ids]
        self._order = ids
        self._apply()

    def _search_index(self) -> RosterIndex[SearchRow]:
        if self._index is None:
            rows: list[SearchRow] = []
            if self._store is not None and self._loaded:
                rows = self._store().members.search_rows(self._group_id, self._include_inactive())
            if self._only_ids is not None:
                rows = [r for r in rows if r.id in self._only_ids]
            self._index = RosterIndex(rows)
        return self._index

    def _apply(self) -> None:
        self.beginResetModel()
        if not self._query.strip():
            self._rows = self._order
        else:
            matches = [r.id for r in self._search_index().filter(self._query)]
            column, order = self._sort
            # Name A-Z is the index's own order: keep the best matches first while typing.
            if not (column == self.NAME and order == Qt.SortOrder.AscendingOrder):
                position = {member_id: i for i, member_id in enumerate(self._order)}
                matches.sort(key=lambda i: position.get(i, len(position)))
            self._rows = matches
        self.endResetModel()

    # -- Access ----------------------------------------------------------------------
    def member_id(self, row: int) -> int:
        return self._rows[row]

    def row_data(self, row: int) -> RosterRow:
        """The compact row shown on line ``row`` (read with its page if not cached)."""
        member_id = self._rows[row]
        found = self._cache.get(member_id)
        if found is None:
            self._read_page(row)
            found = self._cache[member_id]
        return found

    def member(self, row: int) -> Member:
        """The whole member on line ``row`` (one query: for the selected member)."""
        assert self._store is not None
        return self._store().members.get(self._rows[row])

    def row_of(self, member_id: int) -> int:
        """Row of a member, or -1 if filtered out."""
        try:
            return self._rows.index(member_id)
        except ValueError:
            return -1

    def _read_page(self, row: int) -> None:
        assert self._store is not None
        start = row - row % PAGE
        ids = self._rows[start : start + PAGE]
        if len(self._cache) + len(ids) > MAX_CACHED:
            self._cache = {}
        self._cache.update(self._store().members.roster_rows(ids))
        self.pages_read += 1

    def groups_text(self, row: RosterRow) -> str:
        names = self._group_names
        return ", ".join(sorted(names[g] for g in row.group_ids if g in names))

    def _text(self, m: RosterRow, column: int) -> str:
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
        return m.last_attended or QCoreApplication.translate("RosterModel", "never")

    # -- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for a dozen roles per cell at every paint: the others answer at once.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(self.row_data(index.row()), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            m = self.row_data(index.row())
            if index.column() == self.NAME and m.pronouns:
                return m.pronouns
            if index.column() == self.GROUPS:
                return self.groups_text(m) or None
        if role == self.MemberRole:
            return self.row_data(index.row())
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if self._titles is None:  # once: the screens are built again for a new language
            self._titles = (
                QCoreApplication.translate("RosterModel", "Name"),
                QCoreApplication.translate("RosterModel", "Full name"),
                QCoreApplication.translate("RosterModel", "Phone"),
                QCoreApplication.translate("RosterModel", "Groups"),
                QCoreApplication.translate("RosterModel", "Active"),
                QCoreApplication.translate("RosterModel", "Last came"),
            )
        titles = self._titles
        return titles[section] if 0 <= section < len(titles) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < 6 or (column, order) == self._sort:
            return
        self._sort = (column, order)
        self._reload_ids()
