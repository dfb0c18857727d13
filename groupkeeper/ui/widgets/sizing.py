"""Dialog sizes that follow the text size and never exceed the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from groupkeeper.ui.resources import BASE_PT

#: From this text scale on (the 150% setting and up: 125% is 15 pt, 150% is 18 pt), screens
#: stack what sits side by side at normal sizes, so nothing is cut on a 1366 px screen.
LARGE_TEXT_SCALE = 1.4


def text_scale() -> float:
    """The app font's size relative to the normal text size (1.0 is 100%)."""
    return QApplication.font().pointSizeF() / BASE_PT


def large_text() -> bool:
    """True at the 150% text setting and above (see ``LARGE_TEXT_SCALE``)."""
    return text_scale() >= LARGE_TEXT_SCALE


def fit_to_text_and_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height`` at the normal text size, grown with the text.

    A dialog laid out for 12 pt text is cramped at 200%: it grows with the text, up to
    95% of the screen it is on (a 1366x768 laptop keeps every dialog fully visible).
    """
    scale = max(1.0, text_scale())
    w, h = round(width * scale), round(height * scale)
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        w, h = min(w, int(area.width() * 0.95)), min(h, int(area.height() * 0.95))
    widget.resize(w, h)
