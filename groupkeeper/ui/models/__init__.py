"""Qt item models over domain objects (``QAbstractTableModel`` / ``QAbstractListModel``)."""
