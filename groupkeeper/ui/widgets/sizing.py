"""Dialog sizes that follow the text size and never exceed the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from groupkeeper.ui.resources import BASE_PT


def fit_to_text_and_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height`` at the normal text size, grown with the text.

    A dialog laid out for 12 pt text is cramped at 200%: it grows with the text, up to
    95% of the screen it is on (a 1366x768 laptop keeps every dialog fully visible).
    """
    scale = max(1.0, QApplication.font().pointSizeF() / BASE_PT)
    w, h = round(width * scale), round(height * scale)
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        w, h = min(w, int(area.width() * 0.95)), min(h, int(area.height() * 0.95))
    widget.resize(w, h)
