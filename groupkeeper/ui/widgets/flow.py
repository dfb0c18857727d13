"""A layout that places its widgets in rows and starts a new row when one is full.

For rows of buttons whose words differ in length between languages and text sizes: they
keep their full width (their words are never cut) and move to the next line instead of
pushing the window wider than the screen. Qt's own "Flow Layout" example, typed, with
a right or left alignment of each row.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Rows of widgets at their size hints, wrapping to as many rows as needed."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = 8,
        align_right: bool = False,
    ) -> None:
        # Qt asks for the items while the base class is built with a parent: the list
        # must exist first, so the parent gets the layout afterwards.
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._align_right = align_right
        self.setContentsMargins(0, 0, 0, 0)
        if parent is not None:
            parent.setLayout(self)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self.__dict__.setdefault("_items", []).append(item)

    def addLayout(self, layout: QLayout) -> None:  # noqa: N802
        """Add a small layout (e.g. a label and its box) that stays together on a row."""
        self.addChildLayout(layout)
        self.addItem(layout)

    # Qt may ask for items while the Python half is not built yet or already gone: a
    # layout torn down with its widget may have had its attributes cleared by the garbage
    # collector (in the GUI thread, ``ui/gc_guard.py``) before Qt's last calls. Every
    # override reads its state through these, so such a layout is simply empty.
    def _list(self) -> list[QLayoutItem]:
        items: list[QLayoutItem] = self.__dict__.get("_items", [])
        return items

    def _gap(self) -> int:
        return int(self.__dict__.get("_spacing", 0))

    def count(self) -> int:
        return len(self._list())

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        items = self._list()
        return items[index] if 0 <= index < len(items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        items = self._list()
        return items.pop(index) if 0 <= index < len(items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        # Asked many times per layout pass (the home screen's cards: ~500 times); the
        # answer only changes when the items do, which invalidates the layout.
        cache: dict[int, int] = self.__dict__.setdefault("_heights", {})
        if width not in cache:
            cache[width] = self._place(QRect(0, 0, width, 0), apply=False)
        return cache[width]

    def invalidate(self) -> None:
        self.__dict__.pop("_heights", None)
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One row of everything (the layout's preferred shape)."""
        visible = [i for i in self._list() if not i.isEmpty()]
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in visible)
        width += self._gap() * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:  # noqa: N802
        """As narrow as the widest single widget (each on its own row)."""
        size = QSize()
        for item in self._list():
            if not item.isEmpty():
                size = size.expandedTo(item.sizeHint())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        gap = self._gap()
        align_right = bool(self.__dict__.get("_align_right", False))
        for item in self._list():
            if item.isEmpty():
                continue
            width = item.sizeHint().width()
            if rows[-1] and used + gap + width > area.width():
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + width
            rows[-1].append(item)
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(i.sizeHint().height() for i in row)
            total = sum(i.sizeHint().width() for i in row) + gap * (len(row) - 1)
            x = area.x() + (max(0, area.width() - total) if align_right else 0)
            for item in row:
                hint = item.sizeHint()
                if apply:
                    item.setGeometry(QRect(QPoint(x, y), QSize(hint.width(), height)))
                x += hint.width() + gap
            y += height + gap
        return y - gap - rect.y() + margins.bottom() if rows[0] else 0
