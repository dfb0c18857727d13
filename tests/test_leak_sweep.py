"""Leak sweep: the whole app, end to end, writes nothing personal anywhere readable.

Distinctive names, full names, phones, notes, last week's goals, tonight's typed goals, a
feeling word and a safety note are planted; the end-to-end keyboard meeting runs through
the real runner (``run_meeting_by_keyboard``, with its roster seeded with the planted
people); a backup is written; a suppressed report is exported as CSV and PDF; the vault is
locked. Then every file under the vault folder, the test's temp folder (``TMPDIR`` is
pointed there for the test), ``GROUPKEEPER_HOME`` and the XDG config/cache/data folders
(where Qt keeps ``QtProject.conf``) is searched for each planted string as UTF-8, UTF-16LE
and UTF-16BE, as typed, case-folded and upper-cased: none may appear.

Core dumps: the desktop app (``run_app``) and the command line (``cli.main``) each turn
them off for their process; both are started in a subprocess and asked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import test_ui_meeting_e2e as e2e

from groupkeeper import reports_export
from groupkeeper.metrics import Period
from groupkeeper.model import Group, Member
from groupkeeper.settings import Settings
from groupkeeper.storage import backup
from groupkeeper.ui import report_pdf
from groupkeeper.ui.services import Services

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "leak sweep passphrase"
# Display names keep the prefixes run_meeting_by_keyboard types ("may", "ali", "sam",
# "dee", "kim") and match nothing else on the roster.
PEOPLE = {
    "Maya": Member(
        "Mayakovska",
        full_name="Mayakovska Thistlewood-Quenby",
        phone="07700 900123",
        notes="Prefers the marmalade chair by the radiator",
    ),
    "Ali": Member("Alizarina", full_name="Alizarina Pemberton-Fogg", phone="07700 900456"),
    "Sam": Member("Samphirea", full_name="Samphirea Oduya-Brightwell", email="sq@example.org"),
    "Dee": Member("Deepwater", full_name="Deepwater Varga-Nightingale", pronouns="xe/xem"),
    "Kim": Member(
        "Kimberlite", full_name="Kimberlite Hoxha-Marchbank", emergency_contact="Ottoline Wobb"
    ),
}
LAST_WEEK_GOALS = {
    "Maya": "Climb Mount Quillifax twice",
    "Ali": "Telephone Great-Aunt Zephyrine",
    "Kim": "Sleep before the Snorkelmancy hour",
}
SAFETY_NOTE = "Discussed the Hinterwhistle situation privately"
TYPED = ["Walk three mornings", "Phone my sister on Sunday", "hopeful", "Humming a song"]

PLANTED = [
    *(m.display_name for m in PEOPLE.values()),
    *(m.full_name for m in PEOPLE.values()),
    "Thistlewood",
    "Pemberton",
    "Brightwell",
    "Nightingale",
    "Marchbank",
    "07700 900123",
    "07700900123",
    "07700 900456",
    "sq@example.org",
    "Ottoline Wobb",
    "marmalade chair",
    *LAST_WEEK_GOALS.values(),
    SAFETY_NOTE,
    "Hinterwhistle",
    *TYPED,
]


def seed_planted_roster(services: Services, group_id: int) -> None:
    """``e2e.seed_roster`` with the planted people (same roles: Kim sends apologies)."""
    store = services.store
    for member in PEOPLE.values():
        member.group_ids = [group_id]
    members = store.members.add_many(list(PEOPLE.values()))
    by_role = dict(zip(PEOPLE, (m.pseudonym for m in members), strict=True))
    last = store.meetings.start(group_id, "2026-11-17")
    for role, text in LAST_WEEK_GOALS.items():
        store.goals.set(by_role[role], text, last.id)
    store.meetings.end(last.id)


def _needles() -> list[tuple[str, bytes]]:
    found = []
    for text in PLANTED:
        for variant in {text, text.casefold(), text.upper()}:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.append((f"{text!r} as {encoding}", variant.encode(encoding)))
    return found


def _files(roots: list[Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = (Path(folder) / name).resolve()
                if path not in seen and path.is_file():
                    seen.add(path)
                    yield path


def _leaks(paths: list[Path]) -> list[str]:
    needles = _needles()
    found = []
    for path in paths:
        data = path.read_bytes()
        found += [f"{what} in {path}" for what, needle in needles if needle in data]
    return found


def test_whole_app_leaves_nothing_personal_on_disk(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setattr(e2e, "seed_roster", seed_planted_roster)
    clock_t = [1_795_000_000.0]
    vault_dir = tmp_path / "vault"
    services = Services(
        Settings(),  # the real settings file, under the redirected GROUPKEEPER_HOME
        vault_dir,
        clock=lambda: clock_t[0],
        now=lambda: datetime.fromtimestamp(clock_t[0], UTC),
    )
    services.create_vault(vault_dir, PASSPHRASE)
    exports = tmp_path / "exports"
    exports.mkdir()
    try:
        group = services.store.groups.add(Group(name="Tuesday Circle", agreements="Be kind."))
        meeting_id = e2e.run_meeting_by_keyboard(qtbot, services, int(group.id))
        services.store.safety.add_note(meeting_id, SAFETY_NOTE)
        assert services.vault is not None
        backup.write_backup(services.vault, vault_dir / "backups" / "leak.gkbackup")
        bundle = reports_export.build_report(
            services.vault.db,
            None,
            Period((2026, 11), (2026, 11)),
            threshold=services.store.settings.get("suppression_threshold"),
            scope_label="All groups",
            today=date(2026, 12, 1),  # only an ended month can be exported
        )
        reports_export.export_csv(bundle, exports / "report.csv")
        report_pdf.write_pdf_offscreen(bundle, exports / "report.pdf")
        # The sweep is not blind: the decrypted vault holds what is searched for.
        names = {m.display_name for m in services.store.members.all()}
        assert {m.display_name for m in PEOPLE.values()} <= names
    finally:
        services.lock()
    assert (exports / "report.csv").stat().st_size > 0
    assert (exports / "report.pdf").stat().st_size > 0
    home = Path(os.environ["GROUPKEEPER_HOME"])
    roots = [tmp_path, home]
    roots += [Path(os.environ[v]) for v in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")]
    files = list(_files([r for r in roots if r.exists()]))
    names_written = {p.name for p in files}
    assert {"vault.db", "vault.key", "leak.gkbackup", "report.csv", "report.pdf"} <= names_written
    assert _leaks(files) == []


def test_the_sweep_sees_a_planted_string_in_any_encoding(tmp_path: Path) -> None:
    for i, encoding in enumerate(("utf-8", "utf-16-le", "utf-16-be")):
        (tmp_path / f"canary{i}").write_bytes(b"\x00junk" + SAFETY_NOTE.upper().encode(encoding))
    assert len({leak.split(" in ")[-1] for leak in _leaks(list(_files([tmp_path])))}) == 3


CORE_LIMIT_AFTER_START = {
    "desktop app": "from groupkeeper.ui.app import run_app; run_app([], bench_startup=True)",
    "command line": "from groupkeeper import cli; cli.main(['check', 'no-such-vault-folder'])",
}


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_CORE is POSIX")
@pytest.mark.parametrize("entry", sorted(CORE_LIMIT_AFTER_START))
def test_core_dumps_are_off_after_start(entry: str, tmp_path: Path) -> None:
    start = CORE_LIMIT_AFTER_START[entry]
    code = (
        "import resource, sys\n"
        # Start with core dumps allowed (other tests in this process may have turned
        # them off, and children inherit that); raising the hard limit needs root.
        "try:\n"
        "    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY,) * 2)\n"
        "except (ValueError, OSError):\n"
        "    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]\n"
        "    if hard == 0:\n"
        "        sys.stdout.write('VACUOUS'); sys.exit(0)\n"
        "    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))\n"
        f"{start}\n"
        "sys.stdout.write('LIMIT %d %d' % resource.getrlimit(resource.RLIMIT_CORE))\n"
        "if sys.platform.startswith('linux'):\n"
        "    import ctypes\n"
        "    sys.stdout.write(' DUMPABLE %d' % ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    if done.stdout == "VACUOUS":
        pytest.skip("core dumps are already off for this user; nothing to prove")
    # Soft *and* hard limit 0: nothing in the process can turn dumps back on.
    assert "LIMIT 0 0" in done.stdout, done.stderr[-2000:]
    if sys.platform.startswith("linux"):  # PR_GET_DUMPABLE: not dumpable, not attachable
        assert done.stdout.endswith(" DUMPABLE 0"), done.stdout
