"""The PDF report: a valid PDF with the key figures, the privacy statement, and no hidden
small count; parsed back with pypdf."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize

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
    assert "January 2026 to March 2026" in text
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
