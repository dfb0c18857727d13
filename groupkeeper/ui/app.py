"""Start the GUI: QApplication, theme and text size, translations, crash hook, main window.

Start-up budget: the first screen (first run or unlock) is shown before the storage
stack (``sqlite_utils``, SQLCipher, ``argon2``, ``cryptography``) is imported; those load
on first use (unlock runs in the worker). ``bench_startup=True`` quits right after the
first window is shown (for ``bench/bench_startup.py`` and the start-up test).
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from groupkeeper import paths
from groupkeeper.hardening import disable_core_dumps  # noqa: F401 (re-exported)
from groupkeeper.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon  # built on first use, after the first frame

log = logging.getLogger(__name__)

# Fictional people only, so this passphrase can be shown on screen.
DEMO_PASSPHRASE = "demo group passphrase"  # noqa: S105


def set_app_icon() -> None:
    """Give every window the app icon (``MainWindow.finish_start`` calls this after the
    first frame: reading the PNGs is not worth delaying it, and window managers pick up
    a new icon at any time)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setWindowIcon(_app_icon())


def _app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    from groupkeeper.ui import resources

    try:
        return resources.app_icon()
    except FileNotFoundError:
        return QIcon()


def apply_appearance(app: QApplication, settings: Settings) -> None:
    """Apply the theme's style sheet and scale the app font to the text-size setting."""
    from groupkeeper.ui import resources

    base_pt = round(12 * settings.text_scale)
    try:
        app.setStyleSheet(resources.stylesheet(settings.theme, settings.text_scale))
        base_pt = resources.font_point_size(settings.text_scale)
    except (FileNotFoundError, ValueError):
        log.warning("theme not available; using the plain style")
    font = QFont(app.font())
    font.setPointSize(base_pt)
    app.setFont(font)


_translators: list[QTranslator] = []


class LanguageNotifier(QObject):
    """Says that the app's language changed: ``install_translations`` emits ``changed``
    once the new translators are in, and the main window rebuilds its screens then.

    Qt also sends every widget a ``LanguageChange`` event; the main window listens here
    instead because a Python ``changeEvent`` handler costs start-up time (see there).
    """

    changed = Signal()


_notifier: LanguageNotifier | None = None


def language_notifier() -> LanguageNotifier:
    """The one ``LanguageNotifier`` (made on first use, in the GUI thread)."""
    global _notifier
    if _notifier is None:
        _notifier = LanguageNotifier()
    return _notifier


def apply_language(app: QApplication, settings: Settings) -> str:
    """Switch the running app to the language setting, no restart needed.

    Installing the translators sends every window a ``LanguageChange`` event (the
    first-run wizard rebuilds its pages then) and ``language_notifier()`` says so once
    (the main window rebuilds its screens then).
    """
    return install_translations(app, settings.language)


def install_translations(app: QApplication, language: str, *, qt_later: bool = False) -> str:
    """Load Qt's own ``qtbase_*.qm`` and the app's translation; return the language used.

    ``qt_later`` (start-up only) puts off Qt's own translation until
    ``install_deferred_translations`` (the main window calls it right after the first
    frame): nothing on the first screen is worded by Qt. The app's translation is
    searched first either way, so its words for Qt's dialogs (``ui/qt_words.py``) win
    over Qt's.
    """
    global _qt_pending
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    lang = language or QLocale.system().name()
    QLocale.setDefault(QLocale(lang))
    _qt_pending = lang if qt_later else None
    if not qt_later:
        qt = _qt_translation(app, lang)
        if qt is not None:
            app.installTranslator(qt)
            _translators.append(qt)
    _install_app_translation(app, lang)
    if _notifier is not None:
        _notifier.changed.emit()
    return lang


_qt_pending: str | None = None


def install_deferred_translations() -> None:
    """Load Qt's own translation if ``install_translations(qt_later=True)`` put it off.

    Translators are searched newest first, so the app's own is taken out and put back
    after Qt's. Does nothing the second time, or if the language changed since (that
    loaded both).
    """
    global _qt_pending
    lang, _qt_pending = _qt_pending, None
    app = QApplication.instance()
    if lang is None or not isinstance(app, QApplication):
        return
    qt = _qt_translation(app, lang)
    if qt is None:
        return  # Qt has no words of this language: nothing changes, no event is sent
    ours = list(_translators)
    for translator in ours:
        app.removeTranslator(translator)
    app.installTranslator(qt)
    _translators[:] = [qt]
    for translator in ours:
        app.installTranslator(translator)
        _translators.append(translator)


def _qt_translation(app: QApplication, lang: str) -> QTranslator | None:
    """Qt's own ``qtbase_*.qm`` for ``lang`` (or its base language), loaded; None if
    Qt ships none."""
    from PySide6.QtCore import QLibraryInfo

    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir) or qt.load(f"qtbase_{lang.split('_')[0]}", qt_dir):
        return qt
    qt.deleteLater()
    return None


def _install_app_translation(app: QApplication, lang: str) -> None:
    from groupkeeper.ui import resources

    # English ships a .qm too: it holds the plural forms ("1 member", "2 members").
    # Any language without a translation falls back to it.
    path = resources.translation_file(lang) or resources.translation_file("en")
    if path is not None:
        ours = QTranslator(app)
        if ours.load(str(path)):
            app.installTranslator(ours)
            _translators.append(ours)


def demo_vault_dir() -> Path:
    """A throwaway folder for the demo vault (never the real vault's folder)."""
    base = paths.data_dir()
    try:
        base.mkdir(parents=True, exist_ok=True)
        return base / "demo-vault"
    except OSError:
        return Path(tempfile.gettempdir()) / "groupkeeper-demo-vault"


def _print_startup_state() -> None:
    """Say what was loaded when the first window appeared: every module, and every
    PySide6 class built so far (PySide6 builds a class and its enums on first use; ``Qt``
    is its namespace of ~140 enums, ~12 ms). The start-up test reads both lines and holds
    the list of what the first frame must not need. Called once the window is shown;
    nothing before it has run since."""
    import PySide6.QtCore
    import PySide6.QtGui
    import PySide6.QtWidgets

    print(f"startup-modules:{','.join(sorted(sys.modules))}", flush=True)  # noqa: T201
    built = sorted(
        name
        for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets)
        for name in vars(module)
        if name.startswith("Q")
    )
    print(f"startup-classes:{','.join(built)}", flush=True)  # noqa: T201


def make_demo_vault(folder: Path, passphrase: str) -> None:
    """Create the demo vault if absent: fictional people from ``groupkeeper.demo``."""
    from groupkeeper import demo
    from groupkeeper.storage.vault import Vault

    if Vault.exists(folder):
        return
    demo.make_demo_vault(folder, passphrase, members=40, groups=2, years=1)


def run_app(
    argv: list[str],
    *,
    demo: bool = False,
    vault_dir: Path | None = None,
    bench_startup: bool = False,
) -> int:
    """Run the desktop app; returns the exit code.

    Args:
        argv: command-line arguments for Qt.
        demo: open (creating if needed) a demo vault of fictional people, with its
            passphrase shown on the unlock screen and a permanent demo banner.
        vault_dir: use this vault folder instead of the one in the settings.
        bench_startup: quit as soon as the first window is shown.
    """
    disable_core_dumps()
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    from groupkeeper.ui import binding_fix, gc_guard

    binding_fix.keep_singletons_alive()  # PySide6 6.12.0 on Python 3.11 (see there)
    gc_guard.install(app)  # cyclic garbage collection only in the GUI thread
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationDisplayName("GroupKeeper")
    settings = Settings()
    from groupkeeper.ui import crash

    crash.install()

    from groupkeeper.ui.services import Services

    demo_passphrase = None
    if demo:
        vault_dir = demo_vault_dir()
        demo_passphrase = DEMO_PASSPHRASE
        make_demo_vault(vault_dir, demo_passphrase)
    services = Services(settings, vault_dir, demo_passphrase=demo_passphrase)
    # Qt's own words wait for the first frame only in front of the unlock screen. The
    # first-run wizard rebuilds its welcome page on every language change event, which
    # loading them later would send (and its focus would leave the Start button).
    install_translations(app, settings.language, qt_later=services.vault_exists())
    apply_appearance(app, settings)

    from groupkeeper.ui.main_window import MainWindow

    window = MainWindow(services)
    window.show()
    if bench_startup:
        import time

        def shown() -> None:
            # The moment bench/bench_startup.py compares (the bare window prints it too),
            # printed first so the bookkeeping below is not counted against the app.
            print(f"startup-shown:{time.monotonic_ns()}", flush=True)  # noqa: T201
            _print_startup_state()
            app.quit()

        QTimer.singleShot(0, shown)
    code = app.exec()
    window.stop_idle_watch()
    if services.is_unlocked:
        services.lock()
    return int(code)
