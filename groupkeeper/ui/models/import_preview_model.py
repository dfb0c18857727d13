"""The CSV import preview: a ``QAbstractTableModel`` over the rows that will be imported.

One column per field the user mapped (plain-word titles), after the spreadsheet row number,
so the preview shows exactly what will be stored, for every row (the view scrolls).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from groupkeeper.csv_import import FIELDS, GoodRow

_Index = QModelIndex | QPersistentModelIndex


def field_title(name: str) -> str:
    """A field in plain words ("Emergency contact", not ``emergency_contact``)."""
    titles = {
        "display_name": QCoreApplication.translate(
            "CsvImportDialog", "Name (first name or nickname)"
        ),
        "full_name": QCoreApplication.translate("CsvImportDialog", "Full name"),
        "_last_name": QCoreApplication.translate(
            "CsvImportDialog", "Last name (joined to the name as the full name)"
        ),
        "pronouns": QCoreApplication.translate("CsvImportDialog", "Pronouns"),
        "phone": QCoreApplication.translate("CsvImportDialog", "Phone"),
        "email": QCoreApplication.translate("CsvImportDialog", "Email"),
        "emergency_contact": QCoreApplication.translate("CsvImportDialog", "Emergency contact"),
        "contact_consent": QCoreApplication.translate("CsvImportDialog", "OK to contact (yes/no)"),
        "joined_on": QCoreApplication.translate("CsvImportDialog", "Joined on (like 2025-01-31)"),
        "notes": QCoreApplication.translate("CsvImportDialog", "Notes"),
        "": QCoreApplication.translate("CsvImportDialog", "Don't import"),
    }
    return titles[name]


def _short_title(name: str) -> str:
    """The preview table's column titles (shorter than the mapping step's)."""
    titles = {
        "display_name": QCoreApplication.translate("CsvImportDialog", "Name"),
        "full_name": QCoreApplication.translate("CsvImportDialog", "Full name"),
        "pronouns": QCoreApplication.translate("CsvImportDialog", "Pronouns"),
        "phone": QCoreApplication.translate("CsvImportDialog", "Phone"),
        "email": QCoreApplication.translate("CsvImportDialog", "Email"),
        "emergency_contact": QCoreApplication.translate("CsvImportDialog", "Emergency contact"),
        "contact_consent": QCoreApplication.translate("CsvImportDialog", "OK to contact"),
        "joined_on": QCoreApplication.translate("CsvImportDialog", "Joined on"),
        "notes": QCoreApplication.translate("CsvImportDialog", "Notes"),
    }
    return titles[name]


def preview_fields(mapping: list[str]) -> list[str]:
    """The member fields the preview shows for a mapping, in the roster's order."""
    mapped = set(mapping)
    if "_last_name" in mapped:
        mapped.add("full_name")
    return [f for f in FIELDS if f in mapped]


class ImportPreviewModel(QAbstractTableModel):
    """Rows that will be imported: the row number, then one column per mapped field."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GoodRow] = []
        self._fields: list[str] = []

    # Qt's views call these until the model's C++ side goes; a model torn down with its
    # dialog may have had its attributes cleared by the garbage collector first (in the
    # GUI thread, ``ui/gc_guard.py``): it then reads as empty instead of raising.
    @property
    def _row_list(self) -> list[GoodRow]:
        rows: list[GoodRow] = self.__dict__.get("_rows", [])
        return rows

    @property
    def _field_list(self) -> list[str]:
        fields: list[str] = self.__dict__.get("_fields", [])
        return fields

    def set_rows(self, rows: list[GoodRow], fields: list[str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._fields = list(fields)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], [])

    def fields(self) -> list[str]:
        return list(self._field_list)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._row_list)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else (1 + len(self._field_list) if self._field_list else 0)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._row_list):
            return None
        row = self._row_list[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return str(row.row_number)
        if column > len(self._field_list):
            return None
        name = self._field_list[column - 1]
        value = getattr(row.member, name)
        if name == "contact_consent":
            return (
                QCoreApplication.translate("CsvImportDialog", "yes")
                if value
                else QCoreApplication.translate("CsvImportDialog", "no")
            )
        return str(value)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return QCoreApplication.translate("CsvImportDialog", "Row")
        if 0 < section <= len(self._field_list):
            return _short_title(self._field_list[section - 1])
        return None
