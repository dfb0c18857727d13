"""``groupkeeper combine`` run as a real subprocess: no vault, no passphrase, one clear line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from groupkeeper.export_csv import read_rows
from tests.test_combine import BASE, write_export

REPO = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the headless command must not need a display
    return subprocess.run(
        [sys.executable, "-m", "groupkeeper", *args],
        input="",
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_combine_writes_csv_and_pdf(tmp_path: Path) -> None:
    a = write_export(tmp_path / "tuesday.csv", "Tuesday", BASE)
    b = write_export(tmp_path / "thursday.csv", "Thursday", BASE, extra_columns=True)
    out, pdf = tmp_path / "all.csv", tmp_path / "all.pdf"
    result = run_cli("combine", str(a), str(b), "--csv", str(out), "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "Combined 2 exports for 2026-01..2026-03" in result.stdout
    assert "attendances: 192" in result.stdout
    rows = read_rows(out)
    assert {r["group"] for r in rows} == {"Tuesday + Thursday"}
    assert {r["period"] for r in rows} == {"2026-01..2026-03"}
    values = {(r["metric"], r["key"]): r["value"] for r in rows if r["section"] != "notes"}
    assert values[("attendances", "")] == "192" and values[("attendances_new", "")] == "2..8"
    assert pdf.read_bytes().startswith(b"%PDF")
    # The combined file is not an export: combining it again is refused.
    again = run_cli("combine", str(out), str(a))
    assert again.returncode == 1
    assert "already a combined report" in one_clear_line(again)


def test_combine_without_outputs_only_checks(tmp_path: Path) -> None:
    a = write_export(tmp_path / "tuesday.csv", "Tuesday", BASE)
    b = write_export(tmp_path / "thursday.csv", "Thursday", BASE)
    result = run_cli("combine", str(a), str(b))
    assert result.returncode == 0, result.stderr
    assert "Nothing written" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thursday.csv", "tuesday.csv"]


def test_combine_refusals_are_one_line_and_exit_1(tmp_path: Path) -> None:
    a = write_export(tmp_path / "tuesday.csv", "Tuesday", BASE)
    b = write_export(tmp_path / "q2.csv", "Thursday", BASE, period="2026-04..2026-06")
    result = run_cli("combine", str(a), str(b), "--csv", str(tmp_path / "out.csv"))
    assert result.returncode == 1
    assert "different periods" in one_clear_line(result)
    assert not (tmp_path / "out.csv").exists()
    # An output that names an input would overwrite it: refused, the input kept.
    before = a.read_bytes()
    c = write_export(tmp_path / "thursday.csv", "Thursday", BASE)
    result = run_cli("combine", str(a), str(c), "--csv", str(a))
    assert result.returncode == 1
    assert "names one of the exports" in one_clear_line(result)
    assert a.read_bytes() == before
    missing = run_cli("combine", str(a), str(tmp_path / "nope.csv"))
    assert missing.returncode == 1
    assert "nope.csv" in one_clear_line(missing)
    not_export = tmp_path / "people.csv"
    not_export.write_text("name,phone\nAda,123\n")
    result = run_cli("combine", str(a), str(not_export))
    assert result.returncode == 1
    line = one_clear_line(result)
    assert "not a GroupKeeper report export" in line and "Ada" not in line
