"""Translations: the .ts files are complete, and with Spanish selected no English is shown."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).parent))
from ui_screens import walk_screens  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"

# Strings that are rightly the same in Spanish and English. Keep this short: anything
# else identical is probably a forgotten translation.
SAME_IN_BOTH = {"GroupKeeper", " min", "%1 - %2 min", "%n min", "no", "<%1"}


def _ts_messages(lang: str) -> list[tuple[str, str, ET.Element, ET.Element]]:
    root = ET.parse(TS_DIR / f"groupkeeper_{lang}.ts").getroot()  # noqa: S314
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            assert translation is not None
            out.append((name, msg.findtext("source") or "", msg, translation))
    return out


def _plain(text: str) -> str:
    """Drop mnemonics and squeeze whitespace so label text compares with sources."""
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.split())


def test_spanish_ts_is_complete_with_plural_forms() -> None:
    messages = _ts_messages("es")
    assert len(messages) > 500
    for ctx, source, msg, translation in messages:
        kind = translation.get("type", "")
        where = f"[{ctx}] {source[:60]!r}"
        assert kind in ("", "vanished"), f"{where} is {kind}"
        if kind:
            continue
        if msg.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            assert len(forms) == 2 and all(forms), f"{where} lacks a plural form"
            assert all("%n" in f for f in forms[1:]) or "%n" not in source, where
        else:
            text = translation.text or ""
            assert text.strip(), f"{where} is empty"
            assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), where
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", source)), where
            if text == source:
                assert source in SAME_IN_BOTH, f"{where} is not translated (same as English)"


def test_spanish_keeps_to_the_glossary_words() -> None:
    """resources/translations/GLOSSARY.md: a member is "participante" (neutral; "miembro"
    sounds like a club) and the vault a "caja fuerte", never "bóveda"."""
    avoided = re.compile(r"\b(miembros?|b[oó]vedas?|contraseñas?)\b", re.IGNORECASE)
    found = []
    for ctx, _source, _msg, translation in _ts_messages("es"):
        if translation.get("type", "") == "vanished":
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        found += [f"[{ctx}] {text!r}" for text in forms if avoided.search(text)]
    assert found == []


def test_english_plural_forms() -> None:
    messages = _ts_messages("en")
    assert messages, "the English .ts carries the plural forms"
    for _ctx, source, msg, translation in messages:
        assert msg.get("numerus") == "yes"
        forms = [f.text or "" for f in translation.findall("numerusform")]
        assert len(forms) == 2 and all(forms), source
        assert not re.search(r"\w\((s|es)\)", forms[0] + forms[1]), forms


def test_i18n_check_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_fails_on_an_untranslated_string(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "tools"))
    import i18n

    found = i18n.extract()
    for lang in ("es", "en"):
        (tmp_path / f"groupkeeper_{lang}.ts").write_bytes(
            (TS_DIR / f"groupkeeper_{lang}.ts").read_bytes()
        )
        (tmp_path / f"groupkeeper_{lang}.qm").write_bytes(
            (TS_DIR / f"groupkeeper_{lang}.qm").read_bytes()
        )
    monkeypatch.setattr(i18n, "TS_DIR", tmp_path)
    assert i18n.check(found) == []
    key = next(k for k, m in found.messages.items() if not m.numerus)
    found.messages[(key[0], "A brand new sentence nobody translated", "")] = i18n.Message(
        key[0], "A brand new sentence nobody translated", "", False
    )
    problems = i18n.check(found)
    assert any("brand new sentence" in p for p in problems)


def test_english_plurals_load(qapp) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui import app as app_module

    with _language(qapp, "en"):
        one = QCoreApplication.translate("RosterScreen", "%n member(s)", "", 1)
        two = QCoreApplication.translate("RosterScreen", "%n member(s)", "", 2)
    assert (one, two) == ("1 member", "2 members")
    assert app_module._translators == []


class _language:
    """Install a language for the whole app, then put everything back as it was."""

    def __init__(self, app: QApplication, lang: str) -> None:
        self.app, self.lang = app, lang

    def __enter__(self) -> None:
        from groupkeeper.ui import app as app_module

        self.locale = QLocale()
        app_module.install_translations(self.app, self.lang)

    def __exit__(self, *exc: object) -> None:
        from groupkeeper.ui import app as app_module

        for translator in app_module._translators:
            self.app.removeTranslator(translator)
        app_module._translators.clear()
        QLocale.setDefault(self.locale)


def _sources() -> tuple[set[str], list[re.Pattern[str]]]:
    """English sources as plain strings, and patterns for those with placeholders."""
    exact: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for _ctx, source, msg, translation in _ts_messages("es"):
        if translation.get("type") == "vanished" or source in SAME_IN_BOTH:
            continue
        plain = _plain(source)
        if len(plain) < 2:
            continue
        if re.search(r"%\d|%n|\{\w+\}", plain):
            literal = re.sub(r"%\d|%n|\{\w+\}", "\x00", plain)
            if len(literal.replace("\x00", "").split()) < 2:
                continue  # too little English left to recognise
            parts = [re.escape(p) for p in literal.split("\x00")]
            patterns.append(re.compile("^" + ".+".join(parts) + "$"))
        else:
            exact.add(plain)
        del msg
    return exact, patterns


def _texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a person (or a screen reader) gets from ``top``."""
    widgets = [top, *top.findChildren(QWidget)]
    yield "window title", top.windowTitle()
    for w in widgets:
        if not w.isVisibleTo(top) and w is not top:
            continue
        name = f"{type(w).__name__}({w.objectName()})"
        yield f"{name} tooltip", w.toolTip()
        yield f"{name} accessibleName", w.accessibleName()
        yield f"{name} accessibleDescription", w.accessibleDescription()
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QLineEdit):
            yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            yield f"{name} placeholder", w.placeholderText()
            if w.isReadOnly():
                yield name, w.toPlainText()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab", w.tabText(i)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item", w.itemText(i)
        elif isinstance(w, QAbstractSpinBox):
            if isinstance(w, QSpinBox):
                yield f"{name} prefix", w.prefix()
                yield f"{name} suffix", w.suffix()
            yield f"{name} special", w.specialValueText()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private
                columns = 1
            for col in range(columns):
                yield f"{name} header", str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for col in range(columns):
                    index = model.index(row, col)
                    yield f"{name} cell", str(model.data(index) or "")
                    yield (
                        f"{name} cell tooltip",
                        str(model.data(index, Qt.ItemDataRole.ToolTipRole) or ""),
                    )


def _offenders(screen: str, top: QWidget, exact: set[str], patterns: list) -> list[str]:  # type: ignore[type-arg]
    found = []
    for where, text in _texts(top):
        for line in text.split("\n"):
            plain = _plain(line)
            if plain and (plain in exact or any(p.match(plain) for p in patterns)):
                found.append(f"{screen}: {where}: {plain!r}")
    return found


def test_the_walk_finds_english_when_english_is_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    from groupkeeper.ui.help import HelpDialog

    exact, patterns = _sources()
    dialog = HelpDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    found = _offenders("help", dialog, exact, patterns)
    assert any("Keyboard shortcuts" in f for f in found)
    assert any("Step %1 of %2" in p.pattern or "Step" in p.pattern for p in patterns)


def test_spanish_ui_shows_no_english(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exact, patterns = _sources()
    offenders: list[str] = []
    seen = 0
    with _language(qapp, "es"):
        for screen, top in walk_screens(qtbot, tmp_path):
            for where, text in _texts(top):
                for line in text.split("\n"):
                    plain = _plain(line)
                    if not plain:
                        continue
                    seen += 1
                    if plain in exact or any(p.match(plain) for p in patterns):
                        offenders.append(f"{screen}: {where}: {plain!r}")
    assert seen > 500
    assert not offenders, "\n".join(sorted(set(offenders)))


def test_spanish_plural_forms_in_use(qapp) -> None:  # type: ignore[no-untyped-def]
    with _language(qapp, "es"):
        one = QCoreApplication.translate("RosterScreen", "%n member(s)", "", 1)
        many = QCoreApplication.translate("RosterScreen", "%n member(s)", "", 5)
    assert (one, many) == ("1 participante", "5 participantes")


@pytest.mark.parametrize("lang", ["es", "es_MX", "en_GB"])
def test_translation_file_found(lang: str) -> None:
    from groupkeeper.ui import resources

    path = resources.translation_file(lang)
    assert path is not None and path.name == f"groupkeeper_{lang[:2]}.qm"


def test_qm_check_is_by_content_not_file_times(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A fresh clone sets file times in checkout order: an up-to-date .qm that happens to
    be older than its .ts must pass, and a .qm that does not match its .ts must fail."""
    import os

    sys.path.insert(0, str(ROOT / "tools"))
    import i18n

    found = i18n.extract()
    for lang in ("es", "en"):
        for suffix in (".qm", ".ts"):
            name = f"groupkeeper_{lang}{suffix}"
            (tmp_path / name).write_bytes((TS_DIR / name).read_bytes())
        qm = tmp_path / f"groupkeeper_{lang}.qm"
        os.utime(qm, (1_000_000, 1_000_000))  # far older than its .ts
    monkeypatch.setattr(i18n, "TS_DIR", tmp_path)
    assert i18n.check(found) == []
    stale = tmp_path / "groupkeeper_es.qm"
    stale.write_bytes((TS_DIR / "groupkeeper_en.qm").read_bytes())  # newer, but wrong
    assert any("groupkeeper_es.qm" in p for p in i18n.check(found))


# Strings from modules that used to translate through wrappers pyside6-lupdate could not see
# (``tr``/``ntr`` in ui/meeting/common.py, ``_tr``/``_ntr`` in ui/report_pdf.py and
# ui/paper.py, ``_n`` in ui/roster.py and ui/csv_import_dialog.py), some of them once inside
# f-strings: (context, source, plural).
PLANTED = (
    ("MeetingRunner", "Check-in", False),  # meeting/common.py
    ("MeetingRunner", "%1 = very low", False),  # meeting/segments/mood_round.py
    ("MeetingRunner", "%n here in total", True),  # meeting/summary.py
    ("MeetingRunner", "Over by %n min", True),  # meeting/header.py
    ("MeetingRunner", "Saved notes (only in the vault): %n", True),  # meeting/safety_panel.py
    ("MeetingRunner", "Checked in: %n", True),  # meeting/segments/check_in.py
    ("MeetingRunner", "%n goal(s) from before", True),  # meeting/segments/goals_review.py
    ("reports", "Peer support group report", False),  # report_pdf.py, was in an f-string
    ("reports", "Meetings held", False),  # report_pdf.py
    (  # report_pdf.py, plural
        "reports",
        "Averages, medians, percentages and trends based on fewer than %1 people,"
        " or that would reveal a hidden count, are withheld (%n figure(s)).",
        True,
    ),
    ("paper", "Proof of attendance", False),  # paper.py, was in an f-string
    ("paper", "Vault", False),  # paper.py, was in an f-string
    ("paper", "Sign-in sheet", False),  # paper.py
    ("RosterScreen", "%n member(s)", True),  # roster.py
    ("CsvImportDialog", "&Import %n member(s)", True),  # csv_import_dialog.py
)


def _lupdate_messages(tmp_path: Path) -> dict[tuple[str, str], bool]:
    """What pyside6-lupdate alone finds in groupkeeper/: {(context, source): plural}."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = [str(p) for p in sorted((ROOT / "groupkeeper").rglob("*.py"))]
    out_ts = tmp_path / "lupdate.ts"
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(out_ts)],
        check=True,
    )
    found = {}
    for ctx in ET.parse(out_ts).getroot().iter("context"):  # noqa: S314 - lupdate's output
        for msg in ctx.iter("message"):
            key = (ctx.findtext("name") or "", msg.findtext("source") or "")
            found[key] = msg.get("numerus") == "yes"
    return found


def test_lupdate_itself_finds_the_formerly_wrapped_strings(tmp_path: Path) -> None:
    """The standard extractor sees every module: no wrapper hides strings from it again."""
    found = _lupdate_messages(tmp_path)
    for context, source, plural in PLANTED:
        assert (context, source) in found, f"lupdate does not see [{context}] {source!r}"
        assert found[(context, source)] is plural, f"[{context}] {source!r} plural form"
    # A bare tr("...") (a wrapper's call) is found by lupdate with no context at all,
    # so it could never be translated at run time.
    assert not [source for (context, source) in found if not context]


def test_extract_is_lupdate_plus_only_the_core_tables() -> None:
    """tools/i18n.py adds to lupdate only the Qt-free core's data tables and error sentences."""
    sys.path.insert(0, str(ROOT / "tools"))
    import i18n

    extra_contexts = {table[0] for table in i18n.DATA_TABLES} | {"InvalidInput"}
    stub = {(ctx, text) for ctx, text in i18n.core_strings()}
    assert {ctx for ctx, _ in stub} <= extra_contexts
    assert ("StarterSkills", "Box breathing") in stub
    assert ("settings", "Text size") in stub
    assert ("InvalidInput", "A group needs a name.") in stub


def test_check_fails_on_translations_lupdate_cannot_see(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A wrapper, a translation inside an f-string and an f-string as the text: each is a
    string lupdate silently misses or misreads, so ``--check`` names the line."""
    sys.path.insert(0, str(ROOT / "tools"))
    import i18n

    package = tmp_path / "groupkeeper"
    package.mkdir()
    (package / "screen.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "\n"
        "\n"
        "def _tr(text):\n"
        '    return QCoreApplication.translate("Screen", text)\n'
        "\n"
        "\n"
        "def build(name):\n"
        '    a = _tr("Hidden behind a wrapper")\n'
        "    b = f\"<b>{QCoreApplication.translate('Screen', 'Inside an f-string')}</b>\"\n"
        '    c = QCoreApplication.translate("Screen", f"Hello {name}")\n'
        '    d = QCoreApplication.translate("Screen", "Fine as it is")\n'
        "    return a + b + c + d\n",
        "utf-8",
    )
    monkeypatch.setattr(i18n, "SOURCE_DIR", package)
    monkeypatch.setattr(i18n, "ROOT", tmp_path)
    problems = sorted(p.split(";")[0] for p in i18n.source_problems())
    assert problems == [
        "groupkeeper/screen.py:10: a translation inside an f-string",
        "groupkeeper/screen.py:11: an f-string as the text to translate",
        "groupkeeper/screen.py:9: _tr() wraps translate/tr",
    ]


def test_spanish_file_dialog_has_no_english_label(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt's own Spanish lacks two of its file dialog's labels ("&Look in:", "Files of
    &type:"): the app's translation supplies them (``ui/qt_words.py``)."""
    from PySide6.QtWidgets import QAbstractButton, QFileDialog

    with _language(qapp, "es"):
        for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
            dialog = QFileDialog(None, "x")
            qtbot.addWidget(dialog)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setAcceptMode(mode)
            texts = [w.text() for w in dialog.findChildren(QLabel)]
            texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
            assert "&Ver en:" in texts and "Ficheros de &tipo:" in texts, texts
            english = [t for t in texts if t in ("&Look in:", "Files of &type:", "&Save", "&Open")]
            assert english == []
