"""The PDF report for coordinators and funders, and the words both it and the screen use.

``write_pdf(bundle, path)`` lays out one ``QTextDocument`` (title, period, group, key
figures, the charts, every figure, a privacy statement of what was suppressed, the
definitions appendix) and prints it with ``QPdfWriter`` on A4, with page numbers. Only
the *suppressed* table of a ``reports_export.ReportBundle`` is used; an exact table is
refused. The file is written next to its destination and renamed into place, so a
half-written PDF never exists under the final name.

``metric_label`` and ``cell_text`` word report cells for the screen and the PDF alike.
Definitions come from ``metrics.DEFINITIONS`` through ``QCoreApplication.translate`` with
the context ``"definitions"``.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QRectF, QSize, QSizeF, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from groupkeeper import wellbeing
from groupkeeper.suppression import Cell, CellState, ReportTable, min_contributors
from groupkeeper.ui import charts

if TYPE_CHECKING:
    from groupkeeper.export_csv import Wording
    from groupkeeper.reports_export import ReportBundle

#: The figures shown large at the top of the screen and the PDF.
KEY_FIGURES: tuple[tuple[str, str], ...] = (
    ("meetings_held", ""),
    ("attendances", ""),
    ("mean_attendance", ""),
    ("unique_attendees", ""),
    ("new_members", ""),
    ("safety_concerns", ""),
)

#: Series shown in the monthly table and charts rather than the list of figures.
MONTHLY = ("attendance_month", "mood_opening_month", "mood_closing_month")


def _arg(text: str, *values: str) -> str:
    for i, v in enumerate(values, start=1):
        text = text.replace(f"%{i}", v)
    return text


def definition(metric: str) -> str:
    """The translated definition of ``metric`` (context ``"definitions"``)."""
    from groupkeeper.reports_export import ALL_DEFINITIONS

    return QCoreApplication.translate("definitions", ALL_DEFINITIONS.get(metric, ""))


def key_figure_label(metric: str) -> str:
    return {
        "meetings_held": QCoreApplication.translate("reports", "Meetings held"),
        "attendances": QCoreApplication.translate("reports", "Attendances"),
        "mean_attendance": QCoreApplication.translate("reports", "Average per meeting"),
        "unique_attendees": QCoreApplication.translate("reports", "Different people"),
        "new_members": QCoreApplication.translate("reports", "New members"),
        "safety_concerns": QCoreApplication.translate("reports", "Safety concerns counted"),
    }.get(metric, metric)


def _measure_label(measure: str) -> str:
    return {
        "who5": QCoreApplication.translate("reports", "WHO-5 wellbeing index (0-100)"),
        "ons4_life_satisfaction": QCoreApplication.translate(
            "reports", "ONS4 life satisfaction (0-10)"
        ),
        "ons4_worthwhile": QCoreApplication.translate(
            "reports", "ONS4 things done are worthwhile (0-10)"
        ),
        "ons4_happiness": QCoreApplication.translate("reports", "ONS4 happiness yesterday (0-10)"),
        "ons4_anxiety": QCoreApplication.translate(
            "reports", "ONS4 anxiety yesterday (0-10, lower is better)"
        ),
    }.get(measure, measure)


def metric_label(metric: str, key: str = "") -> str:
    """A facilitator's words for one report cell (translated)."""
    scale, _, month = key.partition("|")
    sessions = {
        "1": QCoreApplication.translate("reports", "People who came to 1 meeting"),
        "2-3": QCoreApplication.translate("reports", "People who came to 2-3 meetings"),
        "4-7": QCoreApplication.translate("reports", "People who came to 4-7 meetings"),
        "8+": QCoreApplication.translate("reports", "People who came to 8 or more meetings"),
    }
    outcomes = {
        "done": QCoreApplication.translate("reports", "Goals reviewed: done"),
        "partly": QCoreApplication.translate("reports", "Goals reviewed: partly"),
        "not_yet": QCoreApplication.translate("reports", "Goals reviewed: not yet"),
        "dropped": QCoreApplication.translate("reports", "Goals reviewed: dropped"),
    }
    simple = {
        "meetings_held": QCoreApplication.translate("reports", "Meetings held"),
        "attendances": QCoreApplication.translate(
            "reports", "Attendances (members present plus walk-ins)"
        ),
        "attendances_new": QCoreApplication.translate("reports", "First-time attendances"),
        "attendances_returning": QCoreApplication.translate("reports", "Returning attendances"),
        "walk_ins": QCoreApplication.translate("reports", "Walk-ins (anonymous)"),
        "mean_attendance": QCoreApplication.translate("reports", "Average attendance per meeting"),
        "median_attendance": QCoreApplication.translate("reports", "Median attendance per meeting"),
        "unique_attendees": QCoreApplication.translate("reports", "Different people attending"),
        "new_members": QCoreApplication.translate("reports", "New members"),
        "returning_members": QCoreApplication.translate("reports", "Returning members"),
        "sessions_mean": QCoreApplication.translate("reports", "Average meetings per person"),
        "sessions_median": QCoreApplication.translate("reports", "Median meetings per person"),
        "mood_passes": QCoreApplication.translate("reports", "Passes in mood rounds"),
        "skills_shared": QCoreApplication.translate("reports", "Coping skills shared"),
        "goals_set": QCoreApplication.translate("reports", "Goals set"),
        "goals_reviewed": QCoreApplication.translate("reports", "Goals reviewed"),
        "safety_concerns": QCoreApplication.translate("reports", "Safety concerns counted"),
    }
    if metric in simple:
        return simple[metric]
    if metric == "sessions_bucket":
        return sessions.get(key, key)
    if metric == "goals_outcome":
        return outcomes.get(key, key)
    if metric == "retention":
        return _arg(
            QCoreApplication.translate("reports", "New members who came again within %1 weeks"), key
        )
    if metric == "mood_opening_mean":
        return _arg(QCoreApplication.translate("reports", "Opening mood, average (%1 scale)"), key)
    if metric == "mood_opening_slope":
        return _arg(
            QCoreApplication.translate(
                "reports", "Opening mood trend, points per month (%1 scale)"
            ),
            key,
        )
    if metric == "mood_change_mean":
        return _arg(
            QCoreApplication.translate("reports", "Mood change from opening to closing (%1 scale)"),
            key,
        )
    if metric == "mood_opening_month":
        return _arg(
            QCoreApplication.translate("reports", "Opening mood, %2 (%1 scale)"),
            scale,
            charts.month_label(month),
        )
    if metric == "mood_closing_month":
        return _arg(
            QCoreApplication.translate("reports", "Closing mood, %2 (%1 scale)"),
            scale,
            charts.month_label(month),
        )
    if metric == "attendance_month":
        return _arg(
            QCoreApplication.translate("reports", "Attendances in %1"),
            charts.month_label(key, short=False),
        )
    if metric == "skills_by_category":
        return _arg(
            QCoreApplication.translate("reports", "Skills shared: %1"), charts.category_label(key)
        )
    if metric == "top_skill":
        return _arg(
            QCoreApplication.translate("reports", "Most shared skill: %1"), charts.skill_name(key)
        )
    if metric == "wellbeing_mean":
        return _arg(
            QCoreApplication.translate("reports", "Wellbeing, average: %1"), _measure_label(key)
        )
    if metric == "wellbeing_change":
        return _arg(
            QCoreApplication.translate("reports", "Wellbeing, change since first measure: %1"),
            _measure_label(key),
        )
    return metric


def _number(value: float, places: int) -> str:
    locale = QLocale()
    if places == 0:
        return locale.toString(round(value))
    return locale.toString(float(value), "f", places)


def cell_text(cell: Cell, threshold: int) -> str:
    """The value of ``cell`` as shown (numbers in the locale; hidden cells worded)."""
    if cell.state is CellState.FEWER_THAN:
        return _arg(QCoreApplication.translate("reports", "fewer than %1"), str(threshold))
    if cell.state is CellState.SUPPRESSED:
        return QCoreApplication.translate("reports", "hidden (see privacy)")
    if cell.state is CellState.WITHHELD:
        return QCoreApplication.translate("reports", "withheld (too few people)")
    if cell.state is CellState.RANGE and cell.value is not None and cell.high is not None:
        return _arg(
            QCoreApplication.translate("reports", "between %1 and %2"),
            _number(cell.value, 0),
            _number(cell.high, 0),
        )
    if cell.state is CellState.NO_DATA or cell.value is None:
        return QCoreApplication.translate("reports", "no data")
    v = float(cell.value)
    if cell.metric == "top_skill":
        return _arg(QCoreApplication.translate("reports", "rank %1"), _number(v, 0))
    if cell.metric == "retention":
        return _number(v, 0) + "%"
    if cell.metric in ("mood_opening_slope",):
        return ("+" if v > 0 else "") + _number(v, 2)
    if cell.metric in ("mood_change_mean", "wellbeing_change"):
        return ("+" if v > 0 else "") + _number(v, 1)
    if v.is_integer() and cell.metric not in ("mean_attendance", "sessions_mean"):
        return _number(v, 0)
    return _number(v, 1)


def _date(iso: str) -> str:
    return QLocale().toString(QDate.fromString(iso, "yyyy-MM-dd"), QLocale.FormatType.LongFormat)


def period_text(bundle: ReportBundle) -> str:
    """The report's period in words, as the CSV's ``period_label`` has it ("July–September
    2026")."""
    return period_words(bundle.period.first_day, bundle.period.last_day)


# --- The document -----------------------------------------------------------------------

_CSS = """
body { color: #1a1a1a; }
h1 { font-size: 20pt; margin: 0 0 4px 0; }
h2 { font-size: 14pt; margin: 18px 0 6px 0; color: #0b3d62; }
h3 { font-size: 10.5pt; margin: 10px 0 2px 0; }
h3.section { background-color: #eef2f5; margin: 8px 0 0 0; padding: 3px 8px; }
p { margin: 0 0 6px 0; }
.sub { color: #444444; font-size: 11pt; }
.key td { padding: 8px 10px; border: 1px solid #c8c8c8; }
.big { font-size: 20pt; font-weight: bold; }
.small { font-size: 9pt; color: #444444; }
.fig td, .fig th { padding: 3px 8px; border-bottom: 1px solid #dddddd; }
.fig th { text-align: left; background: #eef2f5; }
.privacy { background: #f4f6f8; border: 1px solid #c8c8c8; padding: 8px; }
"""


def _key_figures_html(table: ReportTable) -> str:
    cells = []
    for metric, key in KEY_FIGURES:
        try:
            c = table.cell(metric, key)
        except KeyError:
            continue
        value = cell_text(c, table.threshold)
        if c.state not in (CellState.SHOWN, CellState.NO_DATA, CellState.RANGE):
            # Short marker in the big box; the wording is in the figures list.
            value = charts.marker_text(c.state, table.threshold)
        cells.append(
            f'<td width="33%"><span class="big">{html.escape(value)}</span><br/>'
            f'<span class="sub">{html.escape(key_figure_label(metric))}</span></td>'
        )
    rows = ["<tr>" + "".join(cells[i : i + 3]) + "</tr>" for i in range(0, len(cells), 3)]
    return (
        '<table class="key" width="100%" cellspacing="0" cellpadding="8">'
        + "".join(rows)
        + "</table>"
    )


def _figures_html(table: ReportTable) -> str:
    rows: list[str] = []
    section = None
    section_names = {
        "meetings": QCoreApplication.translate("reports", "Meetings"),
        "attendance": QCoreApplication.translate("reports", "Attendance"),
        "members": QCoreApplication.translate("reports", "Members"),
        "sessions": QCoreApplication.translate("reports", "Meetings per person"),
        "retention": QCoreApplication.translate("reports", "Retention"),
        "mood": QCoreApplication.translate(
            "reports", "Mood check (a check-in, not a validated outcome)"
        ),
        "skills": QCoreApplication.translate("reports", "Coping skills"),
        "goals": QCoreApplication.translate("reports", "Goals"),
        "safety": QCoreApplication.translate("reports", "Safety"),
        "wellbeing": QCoreApplication.translate("reports", "Wellbeing measure"),
    }
    # One small table per section under a heading of its own, so ``paginate`` keeps each
    # section's name with its first figures (a row of one long table could not be).
    parts: list[str] = []

    def close() -> None:
        if rows:
            parts.append(
                '<table class="fig" width="100%" cellspacing="0">' + "".join(rows) + "</table>"
            )
            rows.clear()

    for c in table.cells:
        if c.metric in MONTHLY:
            continue
        if c.section != section:
            close()
            section = c.section
            parts.append(
                f'<h3 class="section">{html.escape(section_names.get(section, section))}</h3>'
            )
        rows.append(
            f"<tr><td>{html.escape(metric_label(c.metric, c.key))}</td>"
            f'<td align="right">{html.escape(cell_text(c, table.threshold))}</td></tr>'
        )
    close()
    return "".join(parts)


def _monthly_html(table: ReportTable) -> str:
    months: list[str] = []
    columns: list[tuple[str, str, str]] = [
        ("attendance_month", "", QCoreApplication.translate("reports", "Attendances"))
    ]
    for scale in ("1-5", "0-10"):
        for metric, word in (
            ("mood_opening_month", QCoreApplication.translate("reports", "Opening mood %1")),
            ("mood_closing_month", QCoreApplication.translate("reports", "Closing mood %1")),
        ):
            if any(c.metric == metric and c.key.startswith(scale + "|") for c in table.cells):
                columns.append((metric, scale, _arg(word, scale)))
    by_key: dict[tuple[str, str], Cell] = {}
    for c in table.cells:
        if c.metric == "attendance_month":
            months.append(c.key)
            by_key[(c.metric, c.key)] = c
        elif c.metric in MONTHLY:
            by_key[(c.metric, c.key)] = c
    if not months:
        return ""
    head = "".join(f'<th align="right">{html.escape(name)}</th>' for _, _, name in columns)
    # A header row (<thead>): repeated at the top of each page the table runs on to.
    rows = [
        "<thead><tr><th>"
        + html.escape(QCoreApplication.translate("reports", "Month"))
        + f"</th>{head}</tr></thead>"
    ]
    for m in months:
        tds = []
        for metric, scale, _ in columns:
            key = m if not scale else f"{scale}|{m}"
            found = by_key.get((metric, key))
            text = "-" if found is None else cell_text(found, table.threshold)
            if found is not None and found.state in (CellState.SUPPRESSED, CellState.WITHHELD):
                text = charts.marker_text(found.state, table.threshold)
            tds.append(f'<td align="right">{html.escape(text)}</td>')
        rows.append(
            f"<td>{html.escape(charts.month_label(m, short=False))}</td>".join(["<tr>", ""])
            + "".join(tds)
            + "</tr>"
        )
    return '<table class="fig" width="100%" cellspacing="0">' + "".join(rows) + "</table>"


def privacy_statement(table: ReportTable) -> str:
    """Plain-text privacy statement: what was suppressed in this report and why."""
    from groupkeeper.reports_export import hidden_cells

    if table.combined_from:
        return combined_privacy_statement(table)
    t = table.threshold
    hidden = hidden_cells(table)
    fewer, secondary, withheld = (
        hidden[CellState.FEWER_THAN],
        hidden[CellState.SUPPRESSED],
        hidden[CellState.WITHHELD],
    )
    parts = [
        _arg(
            QCoreApplication.translate(
                "reports",
                "This report holds aggregate figures only: no names, contact details, notes,"
                " goals or safety notes ever leave GroupKeeper. The suppression threshold is"
                " %1 (a vault setting, never below 5).",
            ),
            str(t),
        ),
        _arg(
            QCoreApplication.translate(
                "reports",
                'Small counts: every count from 1 to %1 is shown as "fewer than %2"'
                " (%n figure(s) in this report).",
                "",
                len(fewer),
            ),
            str(t - 1),
            str(t),
        ),
        QCoreApplication.translate(
            "reports",
            "Complementary suppression: %n further figure(s) hidden, after a check with an"
            " integer-programming solver of every way the shown figures, and those of"
            " earlier exports from this vault, could be combined: no hidden count can be"
            ' worked out exactly, and no "fewer than" figure narrowed.',
            "",
            len(secondary),
        ),
        _arg(
            QCoreApplication.translate(
                "reports",
                "Averages, medians, percentages and trends based on fewer than %1 people,"
                " or that would reveal a hidden count, are withheld (%n figure(s)).",
                "",
                len(withheld),
            ),
            str(min_contributors(t)),
        ),
    ]
    if table.perturbed:
        parts.append(
            _arg(
                QCoreApplication.translate(
                    "reports",
                    "Figures are slightly adjusted to protect privacy; totals may not add"
                    " exactly. Each count of %1 or more may differ from the exact count by up"
                    " to 2, the same way every time for the same people, so comparing exports"
                    " does not reveal a small count. Averages are worked out from the"
                    " adjusted counts.",
                ),
                str(t),
            )
        )
    parts += [
        QCoreApplication.translate(
            "reports",
            "Coping skills that groups added themselves are counted only by category."
            " The report covers one whole calendar month, quarter or year that has ended.",
        ),
    ]
    return "\n".join(parts)


def combined_privacy_statement(table: ReportTable) -> str:
    """The privacy statement of a combined report (``combine``): how it was added up."""
    t = table.threshold
    states = [c.state for c in table.cells]
    parts = [
        QCoreApplication.translate(
            "reports",
            "This report adds up %n exports. It was worked out from the exported figures"
            " alone, without any vault: it holds aggregate figures only and tells nothing"
            " that the exports did not already tell.",
            "",
            len(table.combined_from),
        ),
        QCoreApplication.translate(
            "reports",
            "Each count is the sum of the published counts, which were slightly adjusted to"
            " protect privacy, so a sum may differ from the exact count by up to 2 for each"
            " export added, and totals may not add exactly.",
        ),
        QCoreApplication.translate(
            "reports",
            "A sum with a hidden part is hidden (%n figure(s)); nothing hidden was guessed.",
            "",
            states.count(CellState.SUPPRESSED),
        ),
        _arg(
            QCoreApplication.translate(
                "reports",
                'A sum with a "fewer than" part is shown as the range its parts allow, each'
                " such part counting as 1 to %1 (%n figure(s)).",
                "",
                states.count(CellState.RANGE),
            ),
            str(t - 1),
        ),
        _arg(
            QCoreApplication.translate(
                "reports",
                'Small counts: a sum from 1 to %1 is shown as "fewer than %2" (%n figure(s)).',
                "",
                states.count(CellState.FEWER_THAN),
            ),
            str(t - 1),
            str(t),
        ),
        _arg(
            QCoreApplication.translate(
                "reports",
                "The average attendance per meeting is worked out from the summed counts,"
                " and only when at least %1 people are behind it. People are counted once"
                " per group: someone who attends two of the groups counts in each. Medians,"
                " percentages, mood and wellbeing averages, trends and skill ranks cannot be"
                " worked out from exports and are left out.",
            ),
            str(min_contributors(t)),
        ),
    ]
    return "\n".join(parts)


def _hidden_list_html(table: ReportTable) -> str:
    from groupkeeper.reports_export import hidden_cells

    items = []
    for cells in hidden_cells(table).values():
        for c in cells:
            items.append(
                f"<li>{html.escape(metric_label(c.metric, c.key))}: "
                f"{html.escape(cell_text(c, table.threshold))}</li>"
            )
    if not items:
        return (
            "<p>"
            + html.escape(QCoreApplication.translate("reports", "No figure had to be hidden."))
            + "</p>"
        )
    return (
        "<p>"
        + html.escape(QCoreApplication.translate("reports", "Figures hidden in this report:"))
        + "</p>"
        + f'<ul class="small">{"".join(items)}</ul>'
    )


def _definitions_html(table: ReportTable) -> str:
    from groupkeeper.reports_export import ALL_DEFINITIONS

    used = {c.metric for c in table.cells}
    rows = []
    for metric in ALL_DEFINITIONS:
        if metric not in used:
            continue
        name = _keyed_name(metric) if metric in _KEYED else metric_label(metric)
        rows.append(f"<p><b>{html.escape(name)}</b> - {html.escape(definition(metric))}</p>")
    return "".join(rows)


_KEYED = {
    "sessions_bucket",
    "retention",
    "mood_opening_mean",
    "mood_opening_month",
    "mood_opening_slope",
    "mood_change_mean",
    "mood_closing_month",
    "skills_by_category",
    "top_skill",
    "goals_outcome",
    "wellbeing_mean",
    "wellbeing_change",
    "attendance_month",
}


def _keyed_name(metric: str) -> str:
    return {
        "sessions_bucket": QCoreApplication.translate("reports", "Meetings per person"),
        "retention": QCoreApplication.translate("reports", "Retention"),
        "mood_opening_mean": QCoreApplication.translate("reports", "Opening mood, average"),
        "mood_opening_month": QCoreApplication.translate("reports", "Opening mood per month"),
        "mood_opening_slope": QCoreApplication.translate("reports", "Opening mood trend"),
        "mood_change_mean": QCoreApplication.translate(
            "reports", "Mood change from opening to closing"
        ),
        "mood_closing_month": QCoreApplication.translate("reports", "Closing mood per month"),
        "skills_by_category": QCoreApplication.translate("reports", "Skills by category"),
        "top_skill": QCoreApplication.translate("reports", "Most shared skills"),
        "goals_outcome": QCoreApplication.translate("reports", "Goal outcomes"),
        "wellbeing_mean": QCoreApplication.translate("reports", "Wellbeing, average"),
        "wellbeing_change": QCoreApplication.translate(
            "reports", "Wellbeing, change since first measure"
        ),
        "attendance_month": QCoreApplication.translate("reports", "Attendances per month"),
    }[metric]


def _citations_html(table: ReportTable) -> str:
    used = {c.key.split("_")[0] for c in table.cells if c.metric.startswith("wellbeing_")}
    lines: list[str] = []
    for scale_id in wellbeing.SCALE_IDS:
        if scale_id in used:
            scale = wellbeing.load_scale(scale_id)
            lines.extend(html.escape(c) for c in scale.citation)
    if not lines:
        return ""
    return (
        "<h2>"
        + html.escape(QCoreApplication.translate("reports", "Wellbeing measures used"))
        + "</h2>"
        + "".join(f'<p class="small">{line}</p>' for line in lines)
    )


def build_document(bundle: ReportBundle, chart_width: int = 600) -> QTextDocument:
    """The report as a ``QTextDocument`` (charts embedded as image resources)."""
    table = bundle.table
    if table.exact:
        raise ValueError("exact tables are for the screen only; export the suppressed table")
    doc = QTextDocument()
    font = QFont()
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(_CSS)
    chart_html = []
    for i, chart in enumerate(charts.all_charts(table)):
        if charts.is_empty(chart):
            empty = QCoreApplication.translate("reports", "No figures to show for this period.")
            if isinstance(chart, charts.LineChart) and chart.x_labels:
                empty = QCoreApplication.translate(
                    "reports", "Too few people in each month to show an average."
                )
            # A heading of its own, so it stays on the page of its sentence (``paginate``).
            chart_html.append(
                f'<h3 class="chart">{html.escape(chart.title)}</h3><p>{html.escape(empty)}</p>'
            )
            continue
        height = 300 if not (isinstance(chart, charts.BarChart) and chart.horizontal) else 260
        image = charts.render_chart(chart, QSize(chart_width, height))
        url = QUrl(f"chart:{i}")
        doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        chart_html.append(
            f'<p align="center"><img src="chart:{i}" width="{chart_width}" height="{height}"/></p>'
        )
    esc = html.escape
    mood_note = QCoreApplication.translate(
        "reports",
        "The weekly mood rating (1-5 or 0-10) is a check-in, not a validated outcome measure."
        " The periodic wellbeing measure, where used, is reported separately.",
    )
    made_with = _arg(
        QCoreApplication.translate(
            "reports",
            "Made with GroupKeeper on %1. Figures are suppressed for sharing: counts below %2"
            ' are shown as "fewer than %2".',
        ),
        _date(bundle.generated_on),
        str(table.threshold),
    )
    common_rules = QCoreApplication.translate(
        "reports",
        "Only closed meetings dated within the period count. Present excludes members who"
        " sent apologies.",
    )
    parts = [
        "<h1>" + esc(QCoreApplication.translate("reports", "Peer support group report")) + "</h1>",
        f'<p class="sub"><b>{esc(bundle.scope_label)}</b> - {esc(period_text(bundle))}</p>',
        f'<p class="small">{esc(made_with)}</p>',
        "<h2>" + esc(QCoreApplication.translate("reports", "Key figures")) + "</h2>",
        _key_figures_html(table),
        chart_html[0] if chart_html else "",
        "<h2>" + esc(QCoreApplication.translate("reports", "Mood and coping skills")) + "</h2>",
        f'<p class="small">{esc(mood_note)}</p>',
        "".join(chart_html[1:]),
        "<h2>" + esc(QCoreApplication.translate("reports", "All figures")) + "</h2>",
        _figures_html(table),
        "<h2>" + esc(QCoreApplication.translate("reports", "Month by month")) + "</h2>",
        _monthly_html(table),
        "<h2>"
        + esc(QCoreApplication.translate("reports", "Privacy: what was suppressed"))
        + "</h2>",
        '<table class="privacy" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
        + "".join(f"<p>{esc(line)}</p>" for line in privacy_statement(table).split("\n"))
        + "</td></tr></table>",
        _hidden_list_html(table),
        "<h2>" + esc(QCoreApplication.translate("reports", "About the mood check")) + "</h2>",
        f"<p>{esc(mood_note)}</p>",
        _citations_html(table),
        "<h2>" + esc(QCoreApplication.translate("reports", "Definitions")) + "</h2>",
        f'<p class="small">{esc(common_rules)}</p>',
        _definitions_html(table),
    ]
    doc.setHtml("<html><body>" + "".join(parts) + "</body></html>")
    return doc


# --- Pages ------------------------------------------------------------------------------

#: Page margins, as ``QTextDocument.print_`` has them (2 cm).
_MARGIN_CM = 2.0
#: A heading keeps at least this share of a page's text area (or all of what follows it,
#: if shorter) on its own page; otherwise it starts the next page.
_KEEP_WITH_HEADING = 0.25


def paginate(doc: QTextDocument, device: QPagedPaintDevice) -> float:
    """Lay ``doc`` out in pages of ``device`` with 2 cm margins, and move every heading
    that would sit at the foot of a page, cut off from its table or chart, to the next
    page. The sections otherwise flow on, so no page is left nearly empty.

    Returns:
        The page height in device pixels.
    """
    layout = doc.documentLayout()
    layout.setPaintDevice(device)
    # Margins in screen pixels, as print_ sets them: the layout scales them to the device.
    screen_dpi = (
        QGuiApplication.primaryScreen().logicalDotsPerInchY()
        if (QGuiApplication.primaryScreen() is not None)
        else 96.0
    )
    margin = _MARGIN_CM / 2.54 * screen_dpi
    fmt = doc.rootFrame().frameFormat()
    fmt.setMargin(margin)
    doc.rootFrame().setFrameFormat(fmt)
    page = QSizeF(device.width(), device.height())
    doc.setPageSize(page)
    device_margin = _MARGIN_CM / 2.54 * device.logicalDpiY()
    text_height = page.height() - 2 * device_margin
    # Each pass moves at most one heading; a moved heading only moves later ones.
    for _ in range(200):
        if not _move_one_heading(doc, page.height(), device_margin, text_height):
            break
    return page.height()


def _top_level_blocks(doc: QTextDocument) -> list[QTextBlock]:
    """Blocks of the root frame (not inside a table), in order."""
    out = []
    block = doc.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is None:
            out.append(block)
        block = block.next()
    return out


def _move_one_heading(doc: QTextDocument, page_h: float, margin: float, text_h: float) -> bool:
    layout = doc.documentLayout()
    for block in _top_level_blocks(doc):
        if block.blockFormat().headingLevel() == 0:
            continue
        if block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            continue
        rect = layout.blockBoundingRect(block)
        page = int(rect.top() // page_h)
        if rect.top() - page * page_h <= margin + 1:
            continue  # already at the top of a page
        page_end = (page + 1) * page_h - margin
        level = block.blockFormat().headingLevel()
        want = rect.bottom() + _following_height(doc, block, level, text_h * _KEEP_WITH_HEADING)
        if want > page_end:
            fmt = block.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).setBlockFormat(fmt)
            return True
    return False


def _following_height(doc: QTextDocument, heading: QTextBlock, level: int, cap: float) -> float:
    """How much of what follows ``heading`` must share its page: for a section heading
    (level 2) up to and with the first table or image (a chart), for a smaller one (a
    chart's title) its next paragraph; at most ``cap``."""
    layout = doc.documentLayout()
    start = layout.blockBoundingRect(heading).bottom()
    end = start
    block = heading.next()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            end = layout.frameBoundingRect(table).bottom()
            break
        if block.blockFormat().headingLevel():
            break
        end = layout.blockBoundingRect(block).bottom()
        if level > 2 or "\ufffc" in block.text() or end - start >= cap:
            break  # one paragraph for a chart's title; an image (a chart); enough text
        block = block.next()
    return min(end - start, cap)


def _print(doc: QTextDocument, writer: QPdfWriter) -> None:
    """Print ``doc`` page by page with page numbers (``print_``'s drawing, with the pages
    from ``paginate``)."""
    page_h = paginate(doc, writer)
    layout = doc.documentLayout()
    painter = QPainter(writer)
    try:
        width = float(writer.width())
        margin = _MARGIN_CM / 2.54 * writer.logicalDpiY()
        font = QFont(doc.defaultFont())
        for index in range(doc.pageCount()):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page_h)
            view = QRectF(0, index * page_h, width, page_h)
            painter.setClipRect(view)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = view
            context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
            layout.draw(painter, context)
            painter.setClipping(False)
            painter.setFont(font)
            number = str(index + 1)
            metrics = painter.fontMetrics()
            painter.drawText(
                round(width - margin - metrics.horizontalAdvance(number)),
                round(
                    view.top() + page_h - margin + metrics.ascent() + 5 * writer.logicalDpiY() / 72
                ),
                number,
            )
            painter.restore()
    finally:
        painter.end()


def ensure_qt_app() -> Any:
    """A ``QGuiApplication`` to paint with: the running one, or a new offscreen one."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        # No window is shown, so never ask for a display (a coordinator's script or CI).
        app = QGuiApplication(["groupkeeper-export", "-platform", "offscreen"])
        _install_language(app)
    return app


def _install_language(app: Any) -> None:
    """The command line writes in the language chosen in the app's settings, English when
    none was chosen (a script's output should not change with the machine's locale). The
    English translation holds the plural forms ("1 further figure")."""
    from groupkeeper.settings import Settings
    from groupkeeper.ui.app import install_translations

    install_translations(app, Settings().language or "en")


def write_pdf_offscreen(bundle: ReportBundle, path: Path) -> None:
    """``write_pdf`` from the command line: on an offscreen app if none is running."""
    ensure_qt_app()
    write_pdf(bundle, Path(path))


def write_pdf(
    bundle: ReportBundle, path: Path, page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4
) -> None:
    """Write the suppressed report of ``bundle`` to ``path`` as a PDF of ``page`` size.

    Needs a ``QGuiApplication`` (``ensure_qt_app`` makes an offscreen one).

    Raises:
        ValueError: the bundle's table is exact (never exported).
        InvalidInput: the bundle may not be exported (``reports_export.check_bundle``).
        OSError: the folder cannot be written.
    """
    from groupkeeper.reports_export import ReportBundle, check_bundle, check_exportable

    if isinstance(bundle, ReportBundle):
        check_bundle(bundle)
    else:  # a combined report (``combine``): made from exports alone
        check_exportable(bundle.period, bundle.generated_on)
    doc = build_document(bundle)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setTitle(QCoreApplication.translate("reports", "Peer support group report"))
        writer.setCreator("GroupKeeper")
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(page),
                QPageLayout.Orientation.Portrait,
                # _print lays out its own 2 cm margins and the page numbers.
                QMarginsF(0, 0, 0, 0),
                QPageLayout.Unit.Millimeter,
            )
        )
        _print(doc, writer)
        del writer  # flushes and closes the file
        if Path(tmp).stat().st_size == 0:
            raise OSError("the PDF could not be written")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- The CSV's people columns -----------------------------------------------------------


def _month_name(month: int) -> str:
    return QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)


def period_words(first_day: str, last_day: str) -> str:
    """A whole-month period in the app's language: "November 2026", "July–September 2026",
    "2026" ("noviembre de 2026", "julio–septiembre de 2026" in Spanish)."""
    sy, sm = int(first_day[:4]), int(first_day[5:7])
    ey, em = int(last_day[:4]), int(last_day[5:7])
    if (sm, em) == (1, 12) and sy == ey:
        return str(sy)
    if (sy, sm) == (ey, em):
        return (
            QCoreApplication.translate("reports", "%1 %2", "a month and its year")
            .replace("%1", _month_name(sm))
            .replace("%2", str(sy))
        )
    if sy == ey:
        return (
            QCoreApplication.translate("reports", "%1–%2 %3", "first month–last month year")
            .replace("%1", _month_name(sm))
            .replace("%2", _month_name(em))
            .replace("%3", str(sy))
        )
    return (
        QCoreApplication.translate("reports", "%1 %2–%3 %4", "month year–month year")
        .replace("%1", _month_name(sm))
        .replace("%2", str(sy))
        .replace("%3", _month_name(em))
        .replace("%4", str(ey))
    )


def explanation(reason: str, threshold: int) -> str:
    """The CSV's sentence for a hidden, withheld, adjusted or ranked value (translated)."""
    from groupkeeper.export_csv import EXPLANATIONS

    template = EXPLANATIONS.get(reason)
    if template is None:  # a combined report's note (``combine``), or nothing
        from groupkeeper.export_csv import COMBINED_NOTES

        note = COMBINED_NOTES.get(reason)
        return QCoreApplication.translate("csv", note) if note else ""
    return (
        QCoreApplication.translate("csv", template)
        .replace("%1", str(threshold))
        .replace("%2", str(threshold - 1))
        .replace("%3", str(min_contributors(threshold)))
    )


def _note_words(note_id: str) -> str:
    """A report's or a combined report's note (``REPORT_NOTES``, ``COMBINED_NOTES``), translated."""
    from groupkeeper.export_csv import COMBINED_NOTES, REPORT_NOTES

    text = REPORT_NOTES.get(note_id) or COMBINED_NOTES.get(note_id)
    return QCoreApplication.translate("csv", text) if text else note_id


def csv_wording() -> Wording:
    """The CSV's people columns in the app's language (the installed translators)."""
    from groupkeeper.export_csv import Wording

    return Wording(
        label=metric_label, period=period_words, explanation=explanation, note=_note_words
    )


def csv_wording_offscreen() -> Wording:
    """``csv_wording`` for the command line: an offscreen app in the app's language."""
    ensure_qt_app()
    return csv_wording()
