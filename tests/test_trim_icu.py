"""tools/trim_icu.py: the smaller ICU data library the Linux bundle ships."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import trim_icu  # noqa: E402

sys.path.pop(0)


def _icudata() -> Path | None:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


def test_keep_rules() -> None:
    keep = trim_icu.keep
    # What every language needs stays.
    for name in (
        "icudt73l/cnvalias.icu",
        "icudt73l/root.res",
        "icudt73l/pool.res",
        "icudt73l/res_index.res",
        "icudt73l/coll/res_index.res",
        "icudt73l/supplementalData.res",
        "icudt73l/zoneinfo64.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/coll/root.res",
        "icudt73l/likelySubtags.res",
        "icudt73l/metaZones.res",
        "icudt73l/zone/es.res",
    ):
        assert keep(name), name
    # English and Spanish, in every folder and region.
    for name in ("icudt73l/es.res", "icudt73l/es_419.res", "icudt73l/coll/es.res"):
        assert keep(name), name
    # Display names of currencies, units, languages and regions: Qt has its own.
    for name in ("icudt73l/curr/en_GB.res", "icudt73l/lang/es.res", "icudt73l/region/es.res"):
        assert not keep(name), name
    assert not keep("icudt73l/unit/es.res")
    # Other languages, converters, dictionaries, transliterators do not.
    for name in (
        "icudt73l/de.res",
        "icudt73l/zh_Hant_TW.res",
        "icudt73l/coll/zh.res",
        "icudt73l/yue_Hans.res",
        "icudt73l/ibm-1390_P110-2003.cnv",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/translit/root.res",
        "icudt73l/rbnf/es.res",
    ):
        assert not keep(name), name
    # Data of ICU services Qt never calls (break iteration, IDNA, stringprep, NFKC, the
    # spoof checker, plurals, units, the locale matcher, layout properties).
    for name in (
        "icudt73l/brkitr/word.brk",
        "icudt73l/brkitr/es.res",
        "icudt73l/rfc3491.spp",
        "icudt73l/uts46.nrm",
        "icudt73l/nfkc.nrm",
        "icudt73l/confusables.cfu",
        "icudt73l/plurals.res",
        "icudt73l/units.res",
        "icudt73l/langInfo.res",
        "icudt73l/ulayout.icu",
    ):
        assert not keep(name), name


def test_package_round_trip() -> None:
    header = bytes(16)  # the header is copied as it is; its size comes first
    header = (16).to_bytes(2, "little") + header[2:]
    entries = [("x/a.res", b"abc"), ("x/b.icu", bytes(range(40))), ("x/c.res", b"")]
    package = trim_icu.write_package(header, entries)
    assert [(n, d.rstrip(b"\0")) for n, d in trim_icu.items(package)] == [
        (n, d.rstrip(b"\0")) for n, d in entries
    ]
    # Every item starts 16-byte aligned, as ICU expects.
    small = trim_icu.trim(package, lambda n: n != "x/b.icu")
    assert [n for n, _ in trim_icu.items(small)] == ["x/a.res", "x/c.res"]


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or _icudata() is None or shutil.which("ld") is None,
    reason="needs PySide6's ICU on Linux and binutils",
)
def test_trimmed_library_serves_spanish_collation(tmp_path: Path) -> None:
    """Qt loads the trimmed library and still sorts Spanish (ñ after n) and names time
    zones in Spanish; a dropped language (German) falls back to the root order."""
    source = _icudata()
    assert source is not None
    full = trim_icu.read_package(source)
    out = trim_icu.trimmed_library(source, tmp_path)
    small = trim_icu.read_package(out)
    assert len(small) < len(full) / 5
    names = {n.split("/", 1)[1] for n, _ in trim_icu.items(small)}
    assert {
        "coll/ucadata.icu",
        "coll/es.res",
        "coll/res_index.res",
        "zoneinfo64.res",
        "zone/es.res",
    } <= names
    code = textwrap.dedent(
        """
        import functools
        from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QTimeZone
        app = QCoreApplication([])
        words = ["zorro", "ñu", "nube", "ocho"]
        es = sorted(words, key=functools.cmp_to_key(QCollator(QLocale("es_ES")).compare))
        de = sorted(words, key=functools.cmp_to_key(QCollator(QLocale("de_DE")).compare))
        zone = QTimeZone(b"Europe/Madrid").displayName(
            QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("es_ES"))
        print(es, de, zone)
        """
    )
    env = dict(os.environ, LD_LIBRARY_PATH=str(tmp_path))
    env["LD_DEBUG"] = "libs"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"calling init: {out}" in result.stderr  # the trimmed library, not the wheel's
    assert result.stdout.strip() == (
        "['nube', 'ñu', 'ocho', 'zorro'] ['ñu', 'nube', 'ocho', 'zorro'] "
        "hora estándar de Europa central"
    )


# Everything Qt asks ICU (QtCore imports ucol_*, u_strToUpper/Lower, ucal_* and ucnv_*):
# sorting accented names with every collator option, case mapping, time-zone names of
# every kind, and which codec names ICU knows (the trimmed data keeps no legacy codecs).
_QT_ICU_PROBE = textwrap.dedent(
    """
    import functools, sys
    from PySide6.QtCore import (QCollator, QCoreApplication, QDateTime, QLocale,
        QStringDecoder, QTimeZone, Qt)
    app = QCoreApplication([])
    names = ["Zoe", "Álvaro", "alvaro", "Ángela", "Ñuñez", "Nuñez", "Nunez", "Íñigo",
             "Ignacio", "Émile", "Eva", "O'Brien", "Obrien", "van Dijk", "Van Dijk",
             "Ødegaard", "Çelik", "Celia", "Straße", "Strasse", "Zoë", "Chávez", "Chavez",
             "Llorente", "Lopez", "Lucía", "10 B", "9 B", "łukasz", "Lukas", "Đorđe",
             "Þór", "Thor", "יעקב", "محمد", "ch", "cz"]
    zones = [b"Europe/Madrid", b"America/Mexico_City", b"America/Argentina/Buenos_Aires",
             b"America/New_York", b"Europe/London", b"Asia/Kolkata", b"Atlantic/Canary",
             b"UTC", b"Asia/Jerusalem", b"Australia/Lord_Howe"]
    T, N = QTimeZone.TimeType, QTimeZone.NameType
    for loc in sys.argv[1:]:
        locale = QLocale(loc)
        for numeric in (False, True):
            for case in (Qt.CaseSensitivity.CaseSensitive, Qt.CaseSensitivity.CaseInsensitive):
                for punctuation in (False, True):
                    collator = QCollator(locale)
                    collator.setNumericMode(numeric)
                    collator.setCaseSensitivity(case)
                    collator.setIgnorePunctuation(punctuation)
                    print(sorted(names, key=functools.cmp_to_key(collator.compare)))
        text = "istanbul İ ı ß ﬁ Σίσυφος ΌΣΟΣ ǅ ÁÉÍÓÚ ñ Ñ ü"
        print(locale.toUpper(text), locale.toLower(text))
        for zone in zones:
            tz = QTimeZone(zone)
            for kind in (T.StandardTime, T.DaylightTime, T.GenericTime):
                for name in (N.LongName, N.ShortName, N.OffsetName, N.DefaultName):
                    print(tz.displayName(kind, name, locale))
            moment = QDateTime.fromSecsSinceEpoch(1_750_000_000, tz)
            print(tz.displayName(moment, N.LongName, locale), tz.abbreviation(moment))
    for codec in ("UTF-8", "UTF-16LE", "ISO-8859-1", "US-ASCII", "UTF-7", "SCSU"):
        print(codec, QStringDecoder(codec).isValid())
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or _icudata() is None or shutil.which("ld") is None,
    reason="needs PySide6's ICU on Linux and binutils",
)
def test_trimmed_library_answers_qt_as_the_full_one(tmp_path: Path) -> None:
    """For English and Spanish, Qt gets the same answers from the trimmed data as from
    the wheel's full library (so nothing dropped is data Qt reads for them)."""
    source = _icudata()
    assert source is not None
    trimmed = trim_icu.trimmed_library(source, tmp_path)
    locales = ["es_ES", "es_MX", "es_AR", "es_US", "en_US", "en_GB", "en_IN", "C"]

    def ask(library_folder: Path) -> str:
        env = dict(os.environ, LD_LIBRARY_PATH=str(library_folder), LD_DEBUG="libs")
        result = subprocess.run(
            [sys.executable, "-c", _QT_ICU_PROBE, *locales],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        loaded = f"calling init: {library_folder / source.name}"
        assert loaded in result.stderr  # the library asked for, not another copy
        return result.stdout

    full, small = ask(source.parent), ask(trimmed.parent)
    assert "hora estándar de Europa central" in full  # the probe reached ICU's names
    assert full.count("\n") > 500
    assert small == full
