"""Report charts drawn with QPainter: attendance over time, mood trend, skills by category.

One drawing function per chart type paints onto any ``QPainter`` (a widget on the Reports
screen, a ``QImage`` for the PDF), so what the facilitator sees and what a funder reads
look the same. The chart *data* is built from a ``suppression.ReportTable``: the screen
passes the exact table, exports pass the suppressed one, so a PDF chart can never show a
number the PDF's tables hide. A hidden bar is drawn as a dashed outline of fixed height
with its marker ("<5", "hidden"), never at a height that would give the number away.

Colours: the Okabe-Ito palette (safe for the common colour-vision deficiencies); lines
also differ by dash pattern and marker shape, so they can be told apart in greyscale
print. Text and axes take the widget palette's colours (so the high-contrast theme
applies); images for the PDF are black on white.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from groupkeeper.metrics import OTHER_CATEGORY
from groupkeeper.suppression import Cell, CellState, ReportTable

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with colour-vision
#: deficiencies. Chart data colours, not widget styling (QSS cannot reach QPainter).
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}


# --- Chart data --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar. ``marker`` is empty for a shown value, else the text drawn instead."""

    label: str
    value: float | None
    marker: str = ""


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    horizontal: bool = False
    colour: str = OKABE_ITO["blue"]
    note: str = ""


@dataclass(frozen=True)
class Line:
    name: str
    points: tuple[float | None, ...]  # one per x label; None = no value or withheld
    colour: str
    dash: Qt.PenStyle
    marker: str  # "circle" | "square"


@dataclass(frozen=True)
class LineChart:
    title: str
    x_labels: tuple[str, ...]
    lines: tuple[Line, ...]
    y_min: float
    y_max: float
    note: str = ""
    hidden_points: int = 0  # points withheld (said in the note, drawn as gaps)


Chart = BarChart | LineChart


@dataclass
class ChartColours:
    text: QColor = field(default_factory=lambda: QColor("#1a1a1a"))
    muted: QColor = field(default_factory=lambda: QColor("#555555"))
    grid: QColor = field(default_factory=lambda: QColor("#d0d0d0"))
    background: QColor | None = None


def month_label(key: str, short: bool = True) -> str:
    """``"2026-03"`` as the locale's month name and year ("Mar 2026")."""
    try:
        year, month = (int(x) for x in key.split("-"))
    except ValueError:
        return key
    fmt = "MMM yyyy" if short else "MMMM yyyy"
    return QLocale().toString(QDate(year, month, 1), fmt)


def marker_text(state: CellState, threshold: int) -> str:
    """What a hidden cell shows in a chart or table (translated)."""
    if state is CellState.FEWER_THAN:
        return QCoreApplication.translate("charts", "<%1").replace("%1", str(threshold))
    if state is CellState.SUPPRESSED:
        return QCoreApplication.translate("charts", "hidden")
    if state is CellState.WITHHELD:
        return QCoreApplication.translate("charts", "withheld")
    return QCoreApplication.translate("charts", "none")


def hidden_text(cell: Cell, threshold: int) -> str:
    """What a bar that is not shown says: its marker, or a combined report's range."""
    if cell.state is CellState.RANGE:
        return (
            QCoreApplication.translate("charts", "%1 to %2")
            .replace("%1", _fmt(cell.value))
            .replace("%2", _fmt(cell.high))
        )
    return marker_text(cell.state, threshold)


def category_label(key: str) -> str:
    """A skill category as the app's language words it: the starter categories through
    the ``StarterSkills`` table (the vault stores them in English), the groups' own
    categories as "Added by groups"."""
    if key == OTHER_CATEGORY:
        return QCoreApplication.translate("charts", "Added by groups")
    return skill_name(key)


def skill_name(name: str) -> str:
    """A starter skill's or category's name in the app's language (one a group added,
    not in the table, comes back as it is)."""
    # Looked up in the StarterSkills table (tools/i18n.py DATA_TABLES), not a literal.
    return QCoreApplication.translate("StarterSkills", name)


def attendance_chart(table: ReportTable) -> BarChart:
    """Attendances per month (members present plus walk-ins)."""
    bars = []
    for c in table.cells:
        if c.metric != "attendance_month":
            continue
        if c.state is CellState.SHOWN:
            bars.append(Bar(month_label(c.key), float(c.value or 0)))
        else:
            bars.append(Bar(month_label(c.key), None, hidden_text(c, table.threshold)))
    note = (
        ""
        if table.exact
        else QCoreApplication.translate(
            "charts", "Months with fewer than %1 attendances are not shown."
        )
    )
    return BarChart(
        QCoreApplication.translate(
            "charts", "Attendance per month (members present plus walk-ins)"
        ),
        tuple(bars),
        note=note.replace("%1", str(table.threshold)),
    )


def skills_chart(table: ReportTable) -> BarChart:
    """Coping skills shared, per category (horizontal bars, largest first)."""
    bars = []
    for c in table.cells:
        if c.metric != "skills_by_category":
            continue
        label = category_label(c.key)
        if c.state is CellState.SHOWN:
            bars.append(Bar(label, float(c.value or 0)))
        else:
            bars.append(Bar(label, None, hidden_text(c, table.threshold)))
    bars.sort(key=lambda b: (b.value is None, -(b.value or 0), b.label.casefold()))
    return BarChart(
        QCoreApplication.translate("charts", "Coping skills shared, by category"),
        tuple(bars),
        horizontal=True,
        colour=OKABE_ITO["green"],
    )


def mood_charts(table: ReportTable) -> list[LineChart]:
    """One chart per mood scale used (1-5 and 0-10 are never drawn on the same axis)."""
    charts = []
    for scale, y_min, y_max in (("1-5", 1.0, 5.0), ("0-10", 0.0, 10.0)):
        series: dict[str, dict[str, float | None]] = {
            "mood_opening_month": {},
            "mood_closing_month": {},
        }
        hidden = 0
        for c in table.cells:
            if c.metric in series and c.key.startswith(scale + "|"):
                month = c.key.split("|", 1)[1]
                shown = c.state is CellState.SHOWN and c.value is not None
                series[c.metric][month] = float(c.value) if shown and c.value is not None else None
                hidden += 0 if shown else 1
        if not series["mood_opening_month"] and not series["mood_closing_month"]:
            continue
        months = sorted({m for s in series.values() for m in s})
        lines = (
            Line(
                QCoreApplication.translate("charts", "Opening round"),
                tuple(series["mood_opening_month"].get(m) for m in months),
                OKABE_ITO["blue"],
                Qt.PenStyle.SolidLine,
                "circle",
            ),
            Line(
                QCoreApplication.translate("charts", "Closing round"),
                tuple(series["mood_closing_month"].get(m) for m in months),
                OKABE_ITO["orange"],
                Qt.PenStyle.DashLine,
                "square",
            ),
        )
        title = QCoreApplication.translate(
            "charts", "Mood check (%1 scale), monthly average"
        ).replace("%1", scale)
        note = QCoreApplication.translate("charts", "A check-in, not a validated outcome.")
        if hidden:
            note += " " + QCoreApplication.translate(
                "charts", "Gaps: months with too few people to show an average."
            )
        charts.append(
            LineChart(
                title,
                tuple(month_label(m) for m in months),
                tuple(line for line in lines if any(p is not None for p in line.points))
                or lines[:1],
                y_min,
                y_max,
                note,
                hidden,
            )
        )
    return charts


def all_charts(table: ReportTable) -> list[Chart]:
    """The report's charts in reading order."""
    return [attendance_chart(table), *mood_charts(table), skills_chart(table)]


def is_empty(chart: Chart) -> bool:
    """True when the chart has nothing to draw (no bars, or every point withheld)."""
    if isinstance(chart, BarChart):
        return not chart.bars
    return not any(p is not None for line in chart.lines for p in line.points)


def describe(chart: Chart) -> str:
    """A plain-text summary for screen readers (accessible description)."""
    if isinstance(chart, BarChart):
        parts = [f"{b.label}: {b.marker or _fmt(b.value)}" for b in chart.bars]
    else:
        parts = []
        none = QCoreApplication.translate("charts", "none")
        for line in chart.lines:
            values = ", ".join(
                f"{x} {_fmt(p) if p is not None else none}"
                for x, p in zip(chart.x_labels, line.points, strict=True)
            )
            parts.append(f"{line.name}: {values}")
    body = (
        "; ".join(parts)
        if parts
        else QCoreApplication.translate("charts", "No figures for this period.")
    )
    return f"{chart.title}. {body}. {chart.note}".strip()


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", 1)


# --- Drawing -----------------------------------------------------------------------------


def _nice_step(span: float, ticks: int = 5) -> float:
    if span <= 0:
        return 1.0
    raw = span / ticks
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return max(1.0, m * mag)
    return 10 * mag


def _draw_title(p: QPainter, rect: QRectF, chart: Chart, colours: ChartColours) -> QRectF:
    """Title on top, note at the bottom; returns the plotting area left."""
    base = p.font()
    title_font = QFont(base)
    title_font.setBold(True)
    title_font.setPointSizeF(base.pointSizeF() * 1.15 if base.pointSizeF() > 0 else 12)
    p.setFont(title_font)
    p.setPen(colours.text)
    th = QFontMetricsF(title_font).height()
    p.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), th * 1.3),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        chart.title,
    )
    p.setFont(base)
    fm = QFontMetricsF(base)
    bottom = rect.bottom()
    if chart.note:
        note_rect = QRectF(rect.left(), bottom - fm.height() * 2.4, rect.width(), fm.height() * 2.4)
        p.setPen(colours.muted)
        p.drawText(
            note_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
            chart.note,
        )
        bottom = note_rect.top() - fm.height() * 0.3
    return QRectF(rect.left(), rect.top() + th * 1.5, rect.width(), bottom - rect.top() - th * 1.5)


def _empty(p: QPainter, area: QRectF, colours: ChartColours) -> None:
    p.setPen(colours.muted)
    p.drawText(
        area,
        Qt.AlignmentFlag.AlignCenter,
        QCoreApplication.translate("charts", "No figures for this period."),
    )


def _draw_placeholder(p: QPainter, box: QRectF, text: str, colours: ChartColours) -> None:
    """A hidden value: dashed outline of fixed size with its marker, never its height."""
    pen = QPen(colours.muted, 1.2, Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(QBrush(colours.grid, Qt.BrushStyle.BDiagPattern))
    p.drawRect(box)
    p.setPen(colours.muted)


def draw_bar_chart(p: QPainter, rect: QRectF, chart: BarChart, colours: ChartColours) -> None:
    area = _draw_title(p, rect, chart, colours)
    if not chart.bars:
        _empty(p, area, colours)
        return
    fm = QFontMetricsF(p.font())
    top = max((b.value or 0) for b in chart.bars)
    step = _nice_step(top)
    axis_max = max(step, math.ceil(top / step) * step)
    colour = QColor(chart.colour)
    if chart.horizontal:
        label_w = min(
            area.width() * 0.4, max(fm.horizontalAdvance(b.label) for b in chart.bars) + 12
        )
        value_w = fm.horizontalAdvance("withheld") + 12
        plot = QRectF(
            area.left() + label_w, area.top(), area.width() - label_w - value_w, area.height()
        )
        row = min(plot.height() / len(chart.bars), fm.height() * 2.2)
        for i, b in enumerate(chart.bars):
            y = plot.top() + i * row
            label_rect = QRectF(area.left(), y, label_w - 8, row)
            p.setPen(colours.text)
            p.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(b.label, Qt.TextElideMode.ElideRight, label_w - 8),
            )
            bar_h = row * 0.62
            by = y + (row - bar_h) / 2
            if b.value is None:
                w = min(plot.width() * 0.08, fm.horizontalAdvance("MM"))
                _draw_placeholder(p, QRectF(plot.left(), by, w, bar_h), b.marker, colours)
                end_x = plot.left() + w
                text = b.marker
            else:
                w = plot.width() * (b.value / axis_max)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawRect(QRectF(plot.left(), by, w, bar_h))
                end_x = plot.left() + w
                text = _fmt(b.value)
            p.setPen(colours.text)
            p.drawText(
                QRectF(end_x + 6, y, value_w + plot.right() - end_x, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        p.setPen(QPen(colours.text, 1))
        p.drawLine(
            QPointF(plot.left(), plot.top()),
            QPointF(plot.left(), plot.top() + row * len(chart.bars)),
        )
        return

    # Vertical bars (attendance per month).
    axis_w = fm.horizontalAdvance(_fmt(axis_max)) + 10
    label_h = fm.height() * 1.6
    plot = QRectF(
        area.left() + axis_w,
        area.top() + fm.height(),
        area.width() - axis_w,
        area.height() - label_h - fm.height(),
    )
    ticks = int(round(axis_max / step))
    for t in range(ticks + 1):
        v = t * step
        y = plot.bottom() - plot.height() * v / axis_max
        p.setPen(QPen(colours.grid, 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(colours.muted)
        p.drawText(
            QRectF(area.left(), y - fm.height() / 2, axis_w - 6, fm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            _fmt(v),
        )
    slot = plot.width() / len(chart.bars)
    widest = max(fm.horizontalAdvance(b.label) for b in chart.bars) + 8
    every = max(1, math.ceil(widest / slot))
    for i, b in enumerate(chart.bars):
        x = plot.left() + i * slot
        bw = slot * 0.64
        bx = x + (slot - bw) / 2
        if b.value is None:
            h = fm.height() * 1.2
            _draw_placeholder(p, QRectF(bx, plot.bottom() - h, bw, h), b.marker, colours)
            top_y = plot.bottom() - h
            text = b.marker
        else:
            h = plot.height() * b.value / axis_max
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRect(QRectF(bx, plot.bottom() - h, bw, h))
            top_y = plot.bottom() - h
            text = _fmt(b.value)
        p.setPen(colours.text)
        if fm.horizontalAdvance(text) <= slot:
            p.drawText(
                QRectF(x, top_y - fm.height() * 1.1, slot, fm.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                text,
            )
        if i % every == 0:
            p.drawText(
                QRectF(x - slot * (every - 1) / 2, plot.bottom() + 4, slot * every, label_h),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                b.label,
            )
    p.setPen(QPen(colours.text, 1))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))


def _marker(p: QPainter, at: QPointF, shape: str, size: float) -> None:
    half = size / 2
    if shape == "square":
        p.drawRect(QRectF(at.x() - half, at.y() - half, size, size))
    else:
        p.drawEllipse(at, half, half)


def draw_line_chart(p: QPainter, rect: QRectF, chart: LineChart, colours: ChartColours) -> None:
    area = _draw_title(p, rect, chart, colours)
    fm = QFontMetricsF(p.font())
    # Legend (line sample + marker + name), so lines differ by more than colour.
    legend_h = fm.height() * 1.5
    x = area.left()
    for line in chart.lines:
        pen = QPen(QColor(line.colour), 2.5, line.dash)
        p.setPen(pen)
        y = area.top() + legend_h / 2
        p.drawLine(QPointF(x, y), QPointF(x + 34, y))
        p.setBrush(QColor(line.colour))
        p.setPen(QPen(QColor(line.colour), 1))
        _marker(p, QPointF(x + 17, y), line.marker, 8)
        p.setPen(colours.text)
        p.drawText(QPointF(x + 42, y + fm.ascent() / 2 - 1), line.name)
        x += 42 + fm.horizontalAdvance(line.name) + 24
    axis_w = fm.horizontalAdvance("10.0") + 10
    label_h = fm.height() * 1.6
    plot = QRectF(
        area.left() + axis_w,
        area.top() + legend_h + fm.height() * 0.5,
        area.width() - axis_w - 10,
        area.height() - legend_h - label_h - fm.height() * 0.5,
    )
    if is_empty(chart) or plot.height() <= 0:
        p.setPen(colours.muted)
        p.drawText(
            plot,
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            QCoreApplication.translate(
                "charts", "Too few people in each month to show an average."
            ),
        )
        return
    span = chart.y_max - chart.y_min
    step = 1.0 if span <= 5 else 2.0
    v = chart.y_min
    while v <= chart.y_max + 1e-9:
        y = plot.bottom() - plot.height() * (v - chart.y_min) / span
        p.setPen(QPen(colours.grid, 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(colours.muted)
        p.drawText(
            QRectF(area.left(), y - fm.height() / 2, axis_w - 6, fm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            _fmt(v),
        )
        v += step
    n = len(chart.x_labels)
    slot = plot.width() / n

    def xy(i: int, value: float) -> QPointF:
        return QPointF(
            plot.left() + slot * (i + 0.5),
            plot.bottom() - plot.height() * (value - chart.y_min) / span,
        )

    widest = max(fm.horizontalAdvance(label) for label in chart.x_labels) + 8
    every = max(1, math.ceil(widest / slot))
    p.setPen(colours.text)
    for i, label in enumerate(chart.x_labels):
        if i % every == 0:
            x0 = plot.left() + slot * i
            p.drawText(
                QRectF(x0 - slot * (every - 1) / 2, plot.bottom() + 4, slot * every, label_h),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for line in chart.lines:
        colour = QColor(line.colour)
        pen = QPen(colour, 2.5, line.dash)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        # Consecutive shown months are joined; a withheld month leaves a gap.
        run: list[QPointF] = []
        runs: list[list[QPointF]] = []
        for i, value in enumerate(line.points):
            if value is None:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append(xy(i, value))
        if run:
            runs.append(run)
        for segment in runs:
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            if len(segment) > 1:
                p.drawPolyline(QPolygonF(segment))
            p.setPen(QPen(colour, 1))
            p.setBrush(colour)
            for point in segment:
                _marker(p, point, line.marker, 9)
    p.setPen(QPen(colours.text, 1))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))


def draw_chart(p: QPainter, rect: QRectF, chart: Chart, colours: ChartColours) -> None:
    """Paint ``chart`` into ``rect``."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if colours.background is not None:
        p.fillRect(rect, colours.background)
    if isinstance(chart, BarChart):
        draw_bar_chart(p, rect, chart, colours)
    else:
        draw_line_chart(p, rect, chart, colours)
    p.restore()


def render_chart(chart: Chart, size: QSize, scale: float = 2.0, point_size: float = 10.0) -> QImage:
    """Render ``chart`` to a white ``QImage`` (for the PDF and the self-test).

    Args:
        chart: From ``attendance_chart``/``mood_charts``/``skills_chart``.
        size: Logical size in pixels.
        scale: Device pixel ratio (2 gives crisp print at the PDF's size).
        point_size: Base font size.
    """
    image = QImage(
        int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_RGB32
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        font = QFont(painter.font())
        font.setPointSizeF(point_size)
        painter.setFont(font)
        draw_chart(
            painter,
            QRectF(8, 8, size.width() - 16, size.height() - 16),
            chart,
            ChartColours(),
        )
    finally:
        painter.end()
    return image


class ChartView(QWidget):
    """Shows one chart on screen; its accessible description reads the values out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChart")
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # screen readers can reach it
        self.chart: Chart | None = None

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title if chart else "")
        self.setAccessibleDescription(describe(chart) if chart else "")
        self.setToolTip(chart.note if chart else "")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.chart is None:
            return
        painter = QPainter(self)
        try:
            pal = self.palette()
            colours = ChartColours(
                text=pal.windowText().color(),
                muted=pal.placeholderText().color(),
                grid=pal.mid().color(),
            )
            draw_chart(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.chart, colours)
        finally:
            painter.end()
