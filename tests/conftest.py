"""Shared fixtures: offscreen Qt, redirected user folders, cheap KDF, temporary vaults."""

from __future__ import annotations

import os

# With no display and no platform set, Qt aborts. Must happen before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Never touch the real user's folders: appdirs and settings go to a temp home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GROUPKEEPER_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    return home


@pytest.fixture(autouse=True, scope="session")
def _runner_stays_dumpable() -> Iterator[None]:
    """In-process calls of the entry points must not lower pytest's own core limit
    (children inherit it); subprocess tests check the real hardening."""
    from groupkeeper import hardening

    with hardening.left_alone_for_tests():
        yield


@pytest.fixture(autouse=True)
def fast_kdf() -> Iterator[None]:
    """Lower the KDF floor *in code* for this test process (a vault file never can)."""
    from groupkeeper.storage import keyheader

    with keyheader.lowered_floor_for_tests():
        yield


@pytest.fixture(scope="session")
def qapp(qapp):  # type: ignore[no-untyped-def]
    """pytest-qt's application, with the app's garbage collection guard: cyclic
    collection runs only in the GUI thread, as in the app (``ui/gc_guard.py``)."""
    from groupkeeper.ui import binding_fix, gc_guard

    binding_fix.keep_singletons_alive()  # as the app does (PySide6 6.12.0, Python 3.11)
    gc_guard.install(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    """With the guard installed, tests that never run the event loop would pile up
    cyclic garbage: collect what is due after each test (in the main thread)."""
    yield
    import sys

    guard_module = sys.modules.get("groupkeeper.ui.gc_guard")
    guard = guard_module.installed() if guard_module is not None else None
    if guard is not None:
        guard.collect_due()


@pytest.fixture
def plain_db(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated SQLCipher database keyed with a fixed raw key (no key header)."""
    from groupkeeper.storage import _sqlcipher, schema

    conn = _sqlcipher.connect(str(tmp_path / "t.db"))
    conn.execute("PRAGMA key = \"x'" + "11" * 32 + "'\"")
    conn.execute("PRAGMA foreign_keys = ON")
    db = _sqlcipher.Database(conn)
    schema.migrate(db)
    yield db
    db.close()


@pytest.fixture
def store(plain_db, tmp_path: Path):  # type: ignore[no-untyped-def]
    from groupkeeper.storage.repos import Store

    return Store(plain_db, tmp_path)


class MessageBoxes:
    """Answers the app's message boxes in a test and remembers only this test's boxes.

    ``answer`` answers every confirmation (True = Yes); ``queue`` (if not empty) answers
    the next confirmations and unsaved-text questions in order. ``seen`` holds
    (kind, title, text) of each box.
    """

    def __init__(self) -> None:
        self.answer = True
        self.queue: list[bool | str] = []  # "save", "discard", "keep" for unsaved text
        self.seen: list[tuple[str, str, str]] = []

    def __call__(self, kind: str, title: str, text: str) -> bool | str:
        self.seen.append((kind, title, text))
        if kind in ("confirm", "unsaved") and self.queue:
            return self.queue.pop(0)
        return self.answer if kind == "confirm" else True

    @property
    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.seen]


@pytest.fixture
def message_boxes() -> Iterator[MessageBoxes]:
    """Capture message boxes through ``messages.set_test_responder`` (no global list)."""
    from groupkeeper.ui import messages

    previous = messages._responder
    boxes = MessageBoxes()
    messages.set_test_responder(boxes)
    yield boxes
    messages.set_test_responder(previous)


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that switches the language (settings, first run) leaves English behind:
    the language applies at once now, so its translators would leak into later tests."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    import sys

    if "groupkeeper.ui.app" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    from groupkeeper.ui import app as app_module

    app = QApplication.instance()
    if app_module._translators and app is not None:
        for translator in app_module._translators:
            app.removeTranslator(translator)
        app_module._translators.clear()
    QLocale.setDefault(locale)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Delete the widgets pytest-qt closed at the end of the test, before the next test.

    pytest-qt calls ``deleteLater()`` on them at teardown; for some screens (Home, the
    first-run wizard) no later event loop in the test process ever ran those deferred
    deletes, so the widgets lived on with their timers ticking. Once Python collected a
    wrapper, a tick reached a C++ widget with no Python object behind it ("Slot
    'MeetingLockScreen::' not found"), failing every later test that waited a second (CI
    did, once). Sending the deferred deletes here deletes them (test_teardown_deletes.py).
    """
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
