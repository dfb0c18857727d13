"""The PDF report: a valid PDF with the key figures, the privacy statement, and no hidden
small count; parsed back with pypdf."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtGui import QPageSize

from groupkeeper import reports_export
from groupkeeper.metrics import Period
from groupkeeper.storage.repos import Store
from groupkeeper.ui import charts, report_pdf
from tests.test_reports_export import TODAY, fill


@pytest.fixture
def bundle(store: Store, qapp) -> reports_export.ReportBundle:  # type: ignore[no-untyped-def]
    ids = fill(store)
    return reports_export.build_report(
        store.db,
        (ids["group"],),
        Period.quarter(2026, 1),
        threshold=5,
        scope_label="Circle",
        today=TODAY,
    )


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    # NFKC undoes the typesetting ligatures ("ﬁ" -> "fi") the PDF text layer keeps.
    return len(reader.pages), " ".join(unicodedata.normalize("NFKC", text).split())


def test_pdf_has_key_figures_and_privacy_and_hides_small_counts(
    bundle: reports_export.ReportBundle, tmp_path: Path
) -> None:
    path = tmp_path / "report.pdf"
    report_pdf.write_pdf(bundle, path)
    pages, text = pdf_text(path)
    assert 2 <= pages <= 6
    assert "Peer support group report" in text and "Circle" in text
    assert "January–March 2026" in text  # the CSV's period wording
    # Key figures: 7 meetings, 62 attendances (exact values worked out in fill()).
    assert re.search(r"\b[5-9] Meetings held\b", text)  # 7, adjusted by up to 2
    assert re.search(r"\b6[0-4] Attendances\b", text)  # 62
    assert "Privacy: what was suppressed" in text
    assert "Complementary suppression" in text
    assert "totals may not add exactly" in text
    assert "not a validated outcome" in text
    assert "Definitions" in text and "Number of closed meetings dated within the period" in text
    # 3 safety concerns and February's 3 attendances are hidden wherever they appear.
    assert re.search(r"Safety concerns counted fewer than 5", text)
    assert not re.search(r"Safety concerns counted 3\b", text)
    assert not re.search(r"\b3 Safety concerns", text)
    assert not re.search(r"February 2026 3\b", text)
    assert not list(tmp_path.glob(".export-*"))


def test_exact_table_is_refused(bundle: reports_export.ReportBundle, tmp_path: Path) -> None:
    from dataclasses import replace

    leaked = replace(bundle, table=bundle.exact)
    with pytest.raises(ValueError):
        report_pdf.write_pdf(leaked, tmp_path / "no.pdf")
    assert not (tmp_path / "no.pdf").exists()


def test_export_charts_come_from_suppressed_values(bundle: reports_export.ReportBundle) -> None:
    attendance = charts.attendance_chart(bundle.table)
    february = next(b for b in attendance.bars if b.label.startswith("Feb"))
    assert february.value is None and february.marker == "<5"
    exact = charts.attendance_chart(bundle.exact)
    assert next(b for b in exact.bars if b.label.startswith("Feb")).value == 3
    for chart in charts.all_charts(bundle.table):
        image = charts.render_chart(chart, QSize(500, 260))
        assert not image.isNull() and image.width() == 1000
        assert charts.describe(chart).startswith(chart.title)


# --- Pages and plurals (issue 12, issue 13 item 16) ---------------------------------------


def page_fill(path: Path) -> list[float]:
    """Per page: how far down the text area (inside the 2 cm margins) ink reaches, 0..1;
    the page number in the bottom margin does not count. Rendered with poppler's pdftoppm."""
    import subprocess
    import tempfile

    from PySide6.QtGui import QImage

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "30", "-gray", str(path), f"{tmp}/p"], check=True)
        pages = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        fills = []
        for page in pages:
            img = QImage(str(page))
            margin = round(img.height() * 20 / 297)
            top, bottom = margin, img.height() - margin
            last = top
            for y in range(top, bottom):
                if any(img.pixelColor(x, y).lightness() < 200 for x in range(0, img.width(), 2)):
                    last = y
            fills.append((last - top) / (bottom - top))
        return fills


def pdftotext_pages(path: Path) -> list[str]:
    """The text of each page, as poppler's pdftotext reads it (pages split on form feed)."""
    import subprocess

    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = out.split("\f")
    return [unicodedata.normalize("NFKC", p) for p in pages if p.strip()]


HEADINGS = (
    "Key figures",
    "Mood and coping skills",
    "All figures",
    "Month by month",
    "Privacy: what was suppressed",
    "About the mood check",
    "Definitions",
    # The sections of "All figures"
    "Meetings",
    "Attendance",
    "Members",
    "Meetings per person",
    "Retention",
    "Mood check (a check-in, not a validated outcome)",
    "Coping skills",
    "Goals",
    "Safety",
)


@pytest.fixture
def demo_store(store: Store) -> Store:
    from groupkeeper import demo

    demo.generate(store, members=60, groups=3, years=1, seed=3, today=TODAY)
    return store


def test_no_page_but_the_last_is_nearly_empty_and_headings_stay_with_their_content(
    demo_store: Store, qapp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    scopes: list[tuple[tuple[int, ...] | None, str]] = [(None, "All groups")]
    scopes += [((int(g.id),), g.name) for g in demo_store.groups.all() if g.id is not None]
    checked = 0
    for ids, name in scopes:
        for period in (Period.quarter(2026, 1), Period((2026, 4), (2026, 4))):
            bundle = reports_export.build_report(
                demo_store.db,
                ids,
                period,
                threshold=5,
                scope_label=name,
                today=TODAY,
                use_log=False,
            )
            path = tmp_path / f"{checked}.pdf"
            report_pdf.write_pdf(bundle, path)
            fills = page_fill(path)
            texts = pdftotext_pages(path)
            assert len(fills) == len(texts) >= 2
            # Every page but the last is at least half full.
            assert all(f >= 0.5 for f in fills[:-1]), (name, period.label, fills)
            # An empty chart's title is text (a drawn chart's is in its picture).
            titles = set(HEADINGS) | {chart.title for chart in charts.all_charts(bundle.table)}
            for text in texts[:-1]:
                # A heading never ends a page, cut off from its table, chart or sentence.
                lines = [line.strip() for line in text.splitlines() if line.strip()]
                words = [line for line in lines if not line.isdigit()]  # not the number
                assert not words or words[-1] not in titles, (name, period.label, words[-1])
            # Every heading is printed.
            joined = "\n".join(texts)
            assert all(h in joined for h in HEADINGS)
            checked += 1
    assert checked == 8


def _with_hidden(bundle: reports_export.ReportBundle, fewer: int, secondary: int):  # type: ignore[no-untyped-def]
    """``bundle`` with exactly ``fewer`` "fewer than" and ``secondary`` further hidden
    counts (and nothing else hidden), to check the wording for 1 and for 2."""
    from dataclasses import replace

    from groupkeeper.suppression import CellState

    cells = []
    left = {CellState.FEWER_THAN: fewer, CellState.SUPPRESSED: secondary}
    for c in bundle.table.cells:
        state = CellState.SHOWN if c.state is not CellState.NO_DATA else c.state
        value = c.value if c.value is not None else 10
        for want in (CellState.FEWER_THAN, CellState.SUPPRESSED):
            if c.metric.startswith("goals") and left[want]:
                left[want] -= 1
                state, value = want, None
                break
        cells.append(replace(c, state=state, value=value))
    assert not any(left.values())
    return replace(bundle, table=replace(bundle.table, cells=tuple(cells)))


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        (
            "en",
            ["1 further figure hidden", "(1 figure in this report)", "(0 figures)"],
            ["2 further figures hidden", "(2 figures in this report)"],
        ),
        (
            "es",
            ["1 cifra más oculta", "(1 cifra en este informe)", "(0 cifras)"],
            ["2 cifras más ocultas", "(2 cifras en este informe)"],
        ),
    ],
)
def test_plurals_in_the_privacy_statement(
    bundle: reports_export.ReportBundle,
    tmp_path: Path,
    qapp,
    lang: str,
    one: list[str],
    two: list[str],
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from groupkeeper.ui import app as app_module

    locale = QLocale()
    app_module.install_translations(qapp, lang)
    try:
        for n, expected in ((1, one), (2, two)):
            path = tmp_path / f"{lang}{n}.pdf"
            report_pdf.write_pdf(_with_hidden(bundle, n, n), path)
            text = " ".join(" ".join(pdftotext_pages(path)).split())
            for phrase in expected:
                assert phrase in text, (lang, n, phrase)
            assert "figure(s)" not in text and "cifra(s)" not in text
    finally:
        for translator in app_module._translators:
            qapp.removeTranslator(translator)
        app_module._translators.clear()
        QLocale.setDefault(locale)


def _month_table_pages(bundle: reports_export.ReportBundle, page: QPageSize.PageSizeId, tmp: Path):  # type: ignore[no-untyped-def]
    """The "Month by month" table of ``bundle``'s document laid out on ``page``: its
    header row count and the pages (0-based) it runs over."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPdfWriter, QTextTable

    writer = QPdfWriter(str(tmp))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )  # fmt: skip
    doc = report_pdf.build_document(bundle)
    page_h = report_pdf.paginate(doc, writer)
    (table,) = [
        f
        for f in doc.rootFrame().childFrames()
        if isinstance(f, QTextTable)
        and f.cellAt(0, 0).firstCursorPosition().block().text() == "Month"
    ]
    rect = doc.documentLayout().frameBoundingRect(table)
    return table.format().headerRowCount(), list(
        range(int(rect.top() // page_h), int(rect.bottom() // page_h) + 1)
    )


def test_a_long_table_repeats_its_column_titles_on_each_page(
    demo_store: Store, qapp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # A year's "Month by month" table on small pages runs over page breaks; each page it
    # runs on to starts with its column titles again.
    bundle = reports_export.build_report(
        demo_store.db, None, Period.year(2025), threshold=5, scope_label="All groups",
        today=TODAY, use_log=False,
    )  # fmt: skip
    assert report_pdf.period_text(bundle) == "2025"
    small = QPageSize.PageSizeId.A6
    header_rows, spans = _month_table_pages(bundle, small, tmp_path / "layout.pdf")
    assert header_rows == 1 and len(spans) >= 2
    path = tmp_path / "year.pdf"
    report_pdf.write_pdf(bundle, path, page=small)
    texts = pdftotext_pages(path)
    # Narrow columns break the titles ("Mo nth", "Att end anc es"): their first lines.
    starts = [i for i, t in enumerate(texts) if re.search(r"(?m)^\s*Mo\s+Att", t)]
    assert starts == spans, (starts, spans)
