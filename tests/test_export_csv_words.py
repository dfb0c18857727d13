"""The CSV is for people too: a label, a readable period and one plain explanation per
hidden or adjusted value, in the app's language, while the machine columns stay exactly
what scripts read (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from groupkeeper import export_csv, reports_export
from groupkeeper.metrics import Period
from groupkeeper.storage.repos import Store
from groupkeeper.suppression import CellState
from groupkeeper.ui import app as app_module
from groupkeeper.ui import report_pdf
from tests.test_reports_export import TODAY, fill

MACHINE = ["section", "metric", "key", "group", "period", "value", "note"]


@pytest.fixture
def language(qapp) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """Switch the translators; English again afterwards."""
    locale = QLocale()

    def use(lang: str) -> None:
        app_module.install_translations(qapp, lang)

    yield use
    for translator in app_module._translators:
        qapp.removeTranslator(translator)
    app_module._translators.clear()
    QLocale.setDefault(locale)


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


def _export(bundle: reports_export.ReportBundle, path: Path, wording=None) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    reports_export.export_csv(bundle, path, None, wording)
    return export_csv.read_rows(path)


def _machine(rows: list[dict[str, str]]) -> list[list[str]]:
    return [[r[c] for c in MACHINE] for r in rows]


def test_english_labels_period_and_one_note_per_hidden_or_adjusted_value(
    bundle: reports_export.ReportBundle, tmp_path: Path, language
) -> None:  # type: ignore[no-untyped-def]
    language("en")
    rows = _export(bundle, tmp_path / "en.csv", report_pdf.csv_wording())
    header = (tmp_path / "en.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == ",".join(MACHINE + ["label", "period_label", "explanation"])
    by = {(r["metric"], r["key"]): r for r in rows}
    assert by[("attendances_returning", "")]["label"] == "Returning attendances"
    assert by[("sessions_bucket", "2-3")]["label"] == "People who came to 2-3 meetings"
    assert by[("attendance_month", "2026-02")]["label"] == "Attendances in February 2026"
    assert {r["period_label"] for r in rows} == {"January\u2013March 2026"}
    assert {r["period"] for r in rows} == {"2026-01..2026-03"}  # the machine column as ever
    safety = by[("safety_concerns", "")]
    assert safety["value"] == "<5"
    assert safety["explanation"].startswith("Fewer than 5: a count from 1 to 4")
    mean = by[("mean_attendance", "")]
    assert mean["value"] and mean["note"] == ""  # the machine column as ever
    assert mean["explanation"].startswith("Worked out from the adjusted counts")
    cells = {(c.metric, c.key): c for c in bundle.table.cells}
    for r in rows:
        if r["section"] == "notes":
            assert r["label"].startswith("The weekly mood rating is a check-in")
            continue
        cell = cells[(r["metric"], r["key"])]
        hidden = cell.state in (CellState.FEWER_THAN, CellState.SUPPRESSED, CellState.WITHHELD)
        if hidden or cell.note == "adjusted":
            # One plain sentence per hidden or adjusted value, never a code.
            assert r["explanation"].endswith(".") and " " in r["explanation"], r
        if cell.note == "adjusted":
            assert "adjusted to protect privacy" in r["explanation"]
        if cell.state is CellState.WITHHELD:
            assert r["explanation"].startswith("Withheld: it rests on fewer than 8 people")
        if cell.metric in ("mean_attendance", "sessions_mean") and cell.value is not None:
            assert r["explanation"].startswith("Worked out from the adjusted counts")
        elif cell.state is CellState.SHOWN and not cell.note:
            assert r["explanation"] == ""
    assert any(c.note == "adjusted" for c in cells.values())
    assert any(c.state is CellState.FEWER_THAN for c in cells.values())


def test_spanish_words_and_the_machine_columns_do_not_change(
    bundle: reports_export.ReportBundle, tmp_path: Path, language
) -> None:  # type: ignore[no-untyped-def]
    plain = _export(bundle, tmp_path / "plain.csv")  # no wording: what scripts saw before
    language("en")
    english = _export(bundle, tmp_path / "en.csv", report_pdf.csv_wording())
    language("es")
    spanish = _export(bundle, tmp_path / "es.csv", report_pdf.csv_wording())
    # Same names, order and values in the machine columns whatever the language.
    assert _machine(plain) == _machine(english) == _machine(spanish)
    by = {(r["metric"], r["key"]): r for r in spanish}
    assert by[("attendances_returning", "")]["label"] == "Asistencias de quienes repiten"
    assert by[("sessions_bucket", "2-3")]["label"] == "Personas que vinieron a 2-3 reuniones"
    assert {r["period_label"] for r in spanish} == {"enero\u2013marzo de 2026"}
    assert by[("safety_concerns", "")]["explanation"].startswith("Menos de 5: una cifra de 1 a 4")
    adjusted = [r for r in spanish if r["note"].startswith("may differ")]
    assert adjusted and all(r["explanation"].startswith("Ligeramente ajustada") for r in adjusted)


def test_report_notes_are_worded_in_the_label_column(tmp_path: Path, language) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.suppression import Cell, ReportTable

    table = ReportTable(
        "2026-11-01",
        "2026-11-30",
        5,
        False,
        (Cell("mood", "mood_opening_mean", "1-5", CellState.NO_DATA, None),),
        ("note_mood_check_not_validated",),
    )
    language("es")
    export_csv.write_csv(tmp_path / "n.csv", table, "Circle", wording=report_pdf.csv_wording())
    mood, note = export_csv.read_rows(tmp_path / "n.csv")
    assert mood["value"] == "" and mood["note"] == "no data"  # machine columns as ever
    assert mood["label"] == "Ánimo al inicio, media (escala 1-5)"
    assert mood["explanation"].startswith("Sin datos:")
    assert note["section"] == "notes" and note["note"].startswith("The weekly mood rating")
    assert note["label"].startswith("La valoración semanal del ánimo")
    assert note["period_label"] == "noviembre de 2026" and note["explanation"] == ""


@pytest.mark.parametrize(
    ("first", "last", "en", "es"),
    [
        ("2026-11-01", "2026-11-30", "November 2026", "noviembre de 2026"),
        ("2026-07-01", "2026-09-30", "July\u2013September 2026", "julio\u2013septiembre de 2026"),
        ("2026-01-01", "2026-12-31", "2026", "2026"),
        (
            "2025-11-01",
            "2026-02-28",
            "November 2025\u2013February 2026",
            "noviembre de 2025\u2013febrero de 2026",
        ),
    ],
)
def test_period_words(first: str, last: str, en: str, es: str, language) -> None:  # type: ignore[no-untyped-def]
    assert export_csv.english_period(first, last) == en
    language("en")
    assert report_pdf.period_words(first, last) == en
    language("es")
    assert report_pdf.period_words(first, last) == es


@pytest.mark.parametrize("lang", ["en", "es"])
def test_combined_report_notes_in_the_apps_language(language, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper import combine
    from tests.test_combine import BASE, TODAY, write_export

    language(lang)
    b = dict(BASE)
    b[("attendances_new", "")] = "6"
    fa = write_export(tmp_path / "a.csv", "Tuesday", BASE)
    fb = write_export(tmp_path / "b.csv", "Thursday", b)
    report = combine.combine(combine.read_exports([fa, fb]), TODAY)
    out = tmp_path / "combined.csv"
    combine.write_combined_csv(report, out, report_pdf.csv_wording())
    rows = export_csv.read_rows(out)
    new = next(r for r in rows if r["metric"] == "attendances_new")
    notes = [r["label"] for r in rows if r["section"] == "notes"]
    # The machine note column stays English whatever the language.
    assert new["value"] == "7..10" and new["note"].startswith("a part was fewer than")
    if lang == "es":
        assert new["explanation"].startswith("una parte era menor que el umbral")
        assert any(n.startswith("las personas se cuentan una vez por grupo") for n in notes)
        assert any(n.startswith("Las medianas, los porcentajes") for n in notes)
    else:
        assert new["explanation"].startswith("a part was fewer than the threshold")
        assert any(n.startswith("people are counted once per group") for n in notes)
    assert not any(n.startswith("combined_") for n in notes)
    # Without a wording (library use): English sentences, never the note's code.
    combine.write_combined_csv(report, out)
    plain = export_csv.read_rows(out)
    assert next(r for r in plain if r["metric"] == "attendances_new")["explanation"].startswith(
        "a part was fewer than"
    )
    assert not any(r["label"].startswith("combined_") for r in plain if r["section"] == "notes")


def test_starter_skill_categories_in_the_apps_language(language) -> None:  # type: ignore[no-untyped-def]
    """The vault keeps starter skills and categories in English; charts, the PDF and the
    CSV's label column word them in the app's language (seen in a Spanish screenshot:
    "Body and breath" in the skills chart). A group's own skill stays as typed."""
    from groupkeeper.metrics import OTHER_CATEGORY
    from groupkeeper.ui import charts

    language("es")
    assert charts.category_label("Body and breath") == "Cuerpo y respiración"
    assert charts.category_label(OTHER_CATEGORY) != OTHER_CATEGORY
    assert charts.skill_name("Singing along in the car") == "Singing along in the car"
    label = report_pdf.metric_label("skills_by_category", "Body and breath")
    assert "Cuerpo y respiración" in label
    language("en")
    assert charts.category_label("Body and breath") == "Body and breath"
