"""Spanish everywhere it shows: starter skills as translated data, the first-run language
choice, and a language change that applies without a restart (issue 13 item 14)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

sys.path.insert(0, str(Path(__file__).parent))
from ui_screens import TODAY, make_services  # noqa: E402

from groupkeeper.agenda import SegmentKind  # noqa: E402
from groupkeeper.ui import app as app_module  # noqa: E402


@pytest.fixture
def restore_language(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    locale = QLocale()
    yield
    for translator in app_module._translators:
        qapp.removeTranslator(translator)
    app_module._translators.clear()
    QLocale.setDefault(locale)


def _spanish(qapp, services) -> None:  # type: ignore[no-untyped-def]
    services.settings.set("language", "es")
    app_module.apply_language(qapp, services.settings)


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(1)


def test_starter_skills_show_in_spanish_and_group_skills_as_typed(
    qtbot, qapp, tmp_path: Path, restore_language
) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.meeting.runner import MeetingRunner

    services = make_services(tmp_path)
    _spanish(qapp, services)
    store = services.store
    group = store.groups.all()[0]
    own_category = store.skills.categories()[0]
    meeting = store.meetings.start(int(group.id), TODAY.isoformat())
    runner = MeetingRunner(services, int(meeting.id))
    qtbot.addWidget(runner)
    runner.show()
    runner.go_to(
        next(
            i
            for i, s in enumerate(runner.session.run.segments)
            if s.kind is SegmentKind.SKILL_SHARE
        )
    )
    seg = runner.segment_widget
    seg.search.setText("respiracion lenta")  # accent-blind, in Spanish
    rows = [seg.matches.item(i).text() for i in range(seg.matches.count())]
    assert rows and rows[0] == "Respiración lenta (4-7-8)  (Cuerpo y respiración)", rows
    categories = [seg.category.itemText(i) for i in range(seg.category.count())]
    assert "Cuerpo y respiración" in categories and "Body and breath" not in categories
    seg.share_selected()
    assert "Respiración lenta (4-7-8)" in seg.shared.item(0).text()
    # The vault keeps the English key (exports name starter skills by it).
    names = {s.name for s in store.skills.skills()}
    assert "Slow breathing (4-7-8)" in names
    # A skill the group adds stays exactly as typed, in any language.
    seg.search.setText("Paseo con Luna")
    seg.category.setCurrentIndex(seg.category.findData(own_category.id))
    seg.add_new()
    assert any("Paseo con Luna" in seg.shared.item(i).text() for i in range(seg.shared.count()))
    assert "Paseo con Luna" in {s.name for s in store.skills.skills()}
    runner.clear_personal_data()
    services.lock()


def test_first_run_starts_with_the_language_and_switches_at_once(
    qtbot, qapp, tmp_path: Path, restore_language
) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.main_window import MainWindow

    services = make_services(tmp_path, vault=False)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    screen = window.first_run
    page = screen.pages.widget(0)
    # The first thing on the first page (Enter still starts at once: focus on Start).
    assert page.isAncestorOf(screen.language)
    assert screen.focusProxy() is screen.start_button
    top = min(
        (w for w in page.findChildren(QLabel) + page.findChildren(QPushButton) if w.isVisible()),
        key=lambda w: w.mapTo(page, w.rect().topLeft()).y(),
    )
    assert top.buddy() is screen.language
    screen.language.setCurrentIndex(screen.language.findData("es"))
    screen.language.activated.emit(screen.language.currentIndex())
    qtbot.waitUntil(lambda: window.first_run.start_button.text() == "Empecemos", timeout=3000)
    titles = [w.text() for w in window.first_run.pages.widget(0).findChildren(QLabel)]
    assert "Te damos la bienvenida a GroupKeeper" in titles
    assert services.settings.language == "es"
    assert window.first_run.language.currentData() == "es"


def test_changing_the_language_rebuilds_open_screens_and_keeps_the_meeting(
    qtbot, qapp, tmp_path: Path, restore_language
) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.main_window import MainWindow

    services = make_services(tmp_path)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.finish_start()
    window._on_unlocked()
    assert window.nav_buttons["home"].text() == "Home"
    group = services.store.groups.all()[0]
    meeting = services.store.meetings.start(int(group.id), TODAY.isoformat())
    window.open_meeting(int(meeting.id))
    window.runner.go_to(1)
    _spanish(qapp, services)
    qtbot.waitUntil(lambda: window.nav_buttons["home"].text() == "Inicio", timeout=3000)
    _settle(qtbot)
    runner = window.runner
    assert window.stack.currentWidget() is runner
    assert runner.session.run.current == 1  # the same meeting, the same segment
    assert runner.back_button.text() == "\u2039 Atrás"
    window.show_home()
    assert window.home.findChild(QLabel).text() == "Tus grupos" or any(
        lab.text() == "Tus grupos" for lab in window.home.findChildren(QLabel)
    )
    window.lock()


def test_qt_own_spanish_comes_after_the_first_frame_and_ours_still_wins(
    qapp, restore_language
) -> None:  # type: ignore[no-untyped-def]
    """At start-up the app's translation is in at once and Qt's own (its dialogs' and
    context menus' words) follows after the first frame; ours is still searched first,
    so its words for Qt's file dialog win over Qt's outdated ones."""
    from PySide6.QtCore import QCoreApplication

    def tr(context: str, text: str) -> str:
        return QCoreApplication.translate(context, text)

    app_module.install_translations(qapp, "es", qt_later=True)
    assert tr("UnlockForm", "Unlock") != "Unlock"  # ours: the first screen is Spanish
    assert tr("QShortcut", "Ctrl") == "Ctrl"  # Qt's own: not yet
    app_module.install_deferred_translations()
    assert tr("QShortcut", "Ctrl") != "Ctrl"  # Qt's own Spanish now
    # Translators are searched newest first: ours was put back after Qt's.
    files = [Path(t.filePath()).name for t in app_module._translators]
    assert files[0].startswith("qtbase_es"), files
    assert files[1].startswith("groupkeeper_es"), files
    assert tr("QFileDialog", "&Look in:") != "&Look in:"  # ours, Qt's own lacks it
    app_module.install_deferred_translations()  # a second call changes nothing
    assert len(app_module._translators) == 2
    # A language chosen before the first frame loads both at once; nothing is left over.
    app_module.install_translations(qapp, "en", qt_later=True)
    app_module.install_translations(qapp, "es")
    before = list(app_module._translators)
    app_module.install_deferred_translations()
    assert app_module._translators == before


@pytest.mark.parametrize("with_vault", [False, True])
def test_qt_own_words_wait_for_the_first_frame_only_before_the_unlock_screen(
    tmp_path: Path, with_vault: bool
) -> None:
    """The real start (``run_app``), in Spanish: in front of the unlock screen Qt's own
    translation comes after the first frame; in front of the first-run wizard it comes at
    once, so the wizard's welcome page is not rebuilt afterwards (a late language change
    event would rebuild it and move the focus off its Start button)."""
    import os
    import subprocess

    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text('{"language": "es"}', encoding="utf-8")
    if with_vault:
        from groupkeeper.storage.vault import Vault

        Vault.create(home / "data" / "vault", "kettle river purple bicycle")[0].lock()
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from groupkeeper.ui import app\n"
        "qt = QApplication([])\n"
        "seen = {}\n"
        "def window():\n"
        "    return next(w for w in qt.topLevelWidgets() if hasattr(w, 'first_run'))\n"
        "def page():\n"
        "    first = window().first_run\n"
        "    return None if first is None else first.pages.widget(0)\n"
        "def before():\n"
        "    seen['page'] = page()\n"
        "    sys.stdout.write('BEFORE %d ' % len(app._translators))\n"
        "def after():\n"
        "    same = page() is seen['page']\n"
        "    sys.stdout.write('AFTER %d %s ' % (len(app._translators), same))\n"
        "    qt.quit()\n"
        "QTimer.singleShot(0, before)\n"
        "QTimer.singleShot(1500, after)\n"
        "app.run_app([])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GROUPKEEPER_HOME": str(home)}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    if with_vault:  # only the app's own translation before the frame, Qt's after it
        assert "BEFORE 1 AFTER 2 True" in done.stdout, done.stdout
    else:  # both at once, and the welcome page is the one first shown
        assert "BEFORE 2 AFTER 2 True" in done.stdout, done.stdout


def test_no_qt_words_for_the_language_means_no_late_language_change(qapp, restore_language) -> None:  # type: ignore[no-untyped-def]
    """A language Qt ships no words for (the C locale) loads nothing after the first
    frame and sends no language change event to the open windows."""
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        seen = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.LanguageChange:
                Counter.seen += 1
            return False

    app_module.install_translations(qapp, "C", qt_later=True)
    before = list(app_module._translators)
    counter = Counter()
    qapp.installEventFilter(counter)
    try:
        app_module.install_deferred_translations()
    finally:
        qapp.removeEventFilter(counter)
    assert app_module._translators == before
    assert Counter.seen == 0
