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
        "icudt73l/ulayout.icu",
        "icudt73l/nfkc.nrm",
        "icudt73l/cnvalias.icu",
        "icudt73l/root.res",
        "icudt73l/pool.res",
        "icudt73l/res_index.res",
        "icudt73l/coll/res_index.res",
        "icudt73l/supplementalData.res",
        "icudt73l/zoneinfo64.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/coll/root.res",
        "icudt73l/brkitr/word.brk",
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
        "nfkc.nrm",
        "ulayout.icu",
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
