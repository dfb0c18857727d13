"""Read-only disk, full disk, vanished folder - while the meeting runner is on screen.

Faults are injected at the storage boundary as the errors the OS and SQLite give (CI
runs as root, which ignores ``chmod``): the next writes through the vault's database raise
``OSError`` with ``EROFS``/``ENOSPC``/``ENOENT``, or SQLite's "disk I/O error" while the
vault folder has been renamed away (a USB stick pulled). The app must stay up (no
exception reaches the excepthook), show the translated sentence for the problem, keep the
runner's on-screen state, and lose nothing committed before; once the fault clears (folder
back), the same action works and everything is there after lock and unlock.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_ui_meeting_runner import (  # noqa: F401  (clock, services: fixtures)
    check_in_by_typing,
    clock,
    make_runner,
    seed_group,
    services,
    start_meeting,
)

from groupkeeper.storage._sqlcipher import OperationalError, dbapi2
from groupkeeper.ui import messages
from groupkeeper.ui.services import Services

PASSPHRASE = "correct horse battery staple"  # test_ui_meeting_runner's services fixture
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def shown() -> Iterator[list[tuple[str, str]]]:
    """Every message box the app asked for, as (kind, text); confirmations say yes."""
    seen: list[tuple[str, str]] = []

    def respond(kind: str, title: str, text: str) -> bool:
        seen.append((kind, text))
        return True

    messages.set_test_responder(respond)
    yield seen
    messages.set_test_responder(None)


@pytest.fixture
def excepthook_calls(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Anything that would reach the crash dialog (pytest-qt also fails on these)."""
    calls: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: calls.append(e))
    return calls


class Fault:
    """Makes every write statement on the vault's connection raise ``error`` while it is set."""

    def __init__(self, app: Services, monkeypatch: pytest.MonkeyPatch) -> None:
        self.error: BaseException | None = None
        db = app.store.db
        real = db.execute

        def execute(sql: str, *args: Any, **kwargs: Any) -> Any:
            if self.error is not None and sql.lstrip().upper().startswith(WRITES):
                raise self.error
            return real(sql, *args, **kwargs)

        monkeypatch.setattr(db, "execute", execute)


FAULTS = {
    "read_only": (OSError(errno.EROFS, "Read-only file system"), "read_only"),
    "disk_full": (OSError(errno.ENOSPC, "No space left on device"), "disk_full"),
    "folder_gone": (OSError(errno.ENOENT, "No such file or directory"), "gone"),
}


def _expected_sentence(code: str) -> str:
    class Coded(Exception):
        pass

    exc = Coded()
    exc.code = code  # type: ignore[attr-defined]
    return messages.describe_error(exc)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_mid_meeting_is_shown_and_loses_nothing(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, str]],
    excepthook_calls: list[BaseException],
    fault: str,
) -> None:
    error, code = FAULTS[fault]
    meeting_id = start_meeting(services, seed_group(services))
    runner = make_runner(qtbot, services, meeting_id)
    check_in_by_typing(qtbot, runner, ["may", "al"])
    committed = [p.name for p in runner.session.present()]
    assert committed == ["Maya", "Ali"]
    segment_before = runner.header.segment_label.text()
    injector = Fault(services, monkeypatch)
    injector.error = error
    seg = runner.segment_widget
    check_in_by_typing(qtbot, runner, ["sam"])
    assert excepthook_calls == []
    assert runner.isVisible()
    expected = _expected_sentence(code)
    assert ("error", expected) in shown, shown
    assert [p.name for p in runner.session.present()] == committed  # nothing half-written
    assert seg.panel.search.isEnabled()
    assert runner.header.segment_label.text() == segment_before
    # The fault clears: the same action works, and nothing was lost.
    injector.error = None
    shown.clear()
    seg.panel.search.clear()
    check_in_by_typing(qtbot, runner, ["sam"])
    assert shown == []
    assert [p.name for p in runner.session.present()] == [*committed, "Sam"]
    assert segment_before  # the runner kept showing a segment throughout
    runner.timer.stop()
    services.lock()
    services.unlock(PASSPHRASE)
    names = services.store.members.names_by_pseudonym(services.store.meetings.present(meeting_id))
    assert sorted(names.values()) == ["Ali", "Maya", "Sam"]


def test_usb_stick_pulled_and_put_back(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, str]],
    excepthook_calls: list[BaseException],
    tmp_path: Path,
) -> None:
    meeting_id = start_meeting(services, seed_group(services))
    runner = make_runner(qtbot, services, meeting_id)
    check_in_by_typing(qtbot, runner, ["may"])
    folder = services.vault_dir
    away = tmp_path / "pulled"
    injector = Fault(services, monkeypatch)
    folder.rename(away)  # the stick is gone...
    # ...and the open handles now fail the way SQLite reports a vanished device.
    injector.error = OperationalError("disk I/O error")
    injector.error.sqlite_errorcode = dbapi2.SQLITE_IOERR  # type: ignore[attr-defined]
    check_in_by_typing(qtbot, runner, ["al"])
    assert excepthook_calls == []
    assert ("error", _expected_sentence("gone")) in shown, shown
    assert runner.isVisible()
    away.rename(folder)  # put back
    injector.error = None
    shown.clear()
    runner.segment_widget.panel.search.clear()
    check_in_by_typing(qtbot, runner, ["al"])
    assert shown == []
    assert [p.name for p in runner.session.present()] == ["Maya", "Ali"]
    runner.timer.stop()
    services.lock()
    services.unlock(PASSPHRASE)
    assert services.vault is not None and services.vault.check() == []
    present = services.store.meetings.present(meeting_id)
    assert sorted(services.store.members.names_by_pseudonym(present).values()) == ["Ali", "Maya"]
