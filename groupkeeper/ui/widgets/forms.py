"""Form pieces that suit the audience: number boxes that ignore a passing mouse wheel,
multi-line text boxes that look multi-line, and form rows whose labels never clip and
never show a stray "&".

* ``NumberBox`` / ``TimeBox``: a spin box changes with the wheel only once it has focus
  (clicked or tabbed to); otherwise the wheel scrolls the page, as the person meant.
* ``text_box``: a ``QPlainTextEdit`` at least ``lines`` lines tall, Tab moves on.
* ``add_row``: a ``QFormLayout`` row whose mnemonic ("&Name") has a buddy even when the
  field is a layout, so the "&" is never drawn as text; with ``prepare_form`` a label too
  long for its row goes above the field instead of being cut.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)


class _WheelOnlyWhenFocused:
    """Mixin for spin boxes: the wheel changes the value only while the box has focus."""

    def _setup_wheel(self) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        widget: QWidget = self  # type: ignore[assignment]
        if not widget.hasFocus():
            event.ignore()  # goes on to the scroll area around the form
            return
        super().wheelEvent(event)  # type: ignore[misc]


class NumberBox(_WheelOnlyWhenFocused, QSpinBox):
    """A whole-number box (range from the caller, e.g. an ``IntOption``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_wheel()


class TimeBox(_WheelOnlyWhenFocused, QTimeEdit):
    """A time box (HH:mm)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_wheel()
        self.setDisplayFormat("HH:mm")


class TextBox(QPlainTextEdit):
    """A multi-line text box at least ``lines`` lines of its font tall; Tab moves on.

    The height is set again whenever the widget is polished: the style sheet's
    ``min-height`` for inputs would otherwise shrink it to one line.
    """

    def __init__(self, parent: QWidget | None = None, text: str = "", lines: int = 5) -> None:
        super().__init__(text, parent)
        self.lines = lines
        self.setTabChangesFocus(True)
        self._fit_lines()

    def _fit_lines(self) -> None:
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom() + 8
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * self.lines + frame)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_lines()
        return handled


def text_box(parent: QWidget, text: str = "", *, lines: int = 5) -> TextBox:
    """A ``TextBox`` (see there)."""
    return TextBox(parent, text, lines)


def _first_focusable(item: QWidget | QLayout) -> QWidget | None:
    if isinstance(item, QWidget):
        return item
    for index in range(item.count()):
        child = item.itemAt(index)
        widget = child.widget() if child is not None else None
        if widget is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return widget
        inner = child.layout() if child is not None else None
        if inner is not None:
            found = _first_focusable(inner)
            if found is not None:
                return found
    return None


def prepare_form(form: QFormLayout) -> QFormLayout:
    """Labels above their fields when the row is too narrow (Spanish), and on every row
    from 150% text on: one long label ("Ocultar en las exportaciones las cifras menores
    que esta", 911 px at 200%) otherwise made the label column so wide that the fields
    beside it were too narrow to read."""
    from groupkeeper.ui.widgets.sizing import large_text

    form.setRowWrapPolicy(
        QFormLayout.RowWrapPolicy.WrapAllRows
        if large_text()
        else QFormLayout.RowWrapPolicy.WrapLongRows
    )
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def add_row(form: QFormLayout, text: str, field: QWidget | QLayout) -> QLabel:
    """Add a row labelled ``text`` (may hold an "&" mnemonic); returns the label."""
    # Not word-wrapped: a wrapped label may be squeezed narrower than its longest word;
    # with ``prepare_form`` a long label gets its own line above the field instead.
    label = QLabel(text, form.parentWidget())
    buddy = _first_focusable(field)
    if buddy is not None:
        label.setBuddy(buddy)
    else:
        label.setText(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    if isinstance(field, QPlainTextEdit):
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.addRow(label, field)
    return label
