"""Build a smaller ``libicudata`` for the Linux bundle: ICU's data for English and Spanish only.

The PySide6 wheels' QtCore links ICU, and ``libicudata.so.73`` is 31 MB of data for every
language: locale names, currencies, units, time-zone names, collation tailorings,
legacy character-set converters, transliterators, spell-out rules and word-break
dictionaries for Chinese, Japanese, Thai, Khmer, Lao and Burmese. Qt reaches ICU only
for collation (``QCollator``, which Qt's file dialog sorts with), locale-aware case
mapping, time-zone names and legacy text codecs; the app itself sorts in SQLite and folds
names and reads CSV in Python, and a whole session of
unlocking and browsing a 10,000-member roster touches 62 KB of the 31 MB.

``trim`` rewrites ICU's common data package (the ``icudt73l`` ".dat" format: a header, a
sorted table of contents, then the items, each 16-byte aligned) keeping what Qt's calls
into ICU read for any language (the root collation and locale, converter aliases,
time-zone rules and names, calendar and locale metadata) plus the English and Spanish
locale data, without the display names of currencies, units, languages and regions
(``_DROP_FOLDERS``). Anything left out makes ICU fall back to the root locale, as it does
for a language it has no data for.

Qt 6 calls ICU for four things only (the ICU symbols QtCore imports: ``nm -D
--undefined-only libQt6Core.so.6``): collation (``ucol_*``), case mapping
(``u_strToUpper``/``u_strToLower``), time zones (``ucal_open``,
``ucal_getTimeZoneDisplayName``, ``ucal_getCanonicalTimeZoneID``) and legacy text codecs
(``ucnv_*``). So the data of ICU services Qt never calls goes too (``_DROP_FILES``): break
iteration rules, IDNA and stringprep profiles, the spoof checker's confusables, NFKC
normalisation, plural, unit, day-period and grammatical data, Windows zone IDs, the
locale matcher's distances, text layout and emoji properties. tests/test_trim_icu.py
asks Qt the same questions (sorting accented names, upper and lower case, time-zone
names of every kind) with the wheel's full library and with the trimmed one, and needs
the same answers for English and Spanish.

``build_library`` wraps the package in a shared library exporting the same symbol
(``icudt73_dat``) with binutils' ``objcopy`` and ``ld`` (which PyInstaller's ``strip``
already needs). ``build.spec`` uses it on Linux x86-64 and keeps the full
library anywhere else or if anything here fails.

Run directly to see the effect: ``python tools/trim_icu.py path/to/libicudata.so.73``.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

#: Languages whose locale data is kept (the app ships these translations).
LANGUAGES = ("en", "es")

# A locale resource: "es.res", "es_419.res", "sr_Latn_BA.res" (two or three letters first).
_LOCALE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")
# Whole folders no Qt feature the app uses reads: transliterators, spell-out rules, break
# iteration rules (Qt finds words and line breaks with its own tables), and the display
# names of currencies, units, languages and regions (ICU's number, measure and locale-name
# formatters; Qt's QLocale names languages, countries and currencies from its own CLDR
# tables, and reaches ICU only for collation, case mapping, codecs and time-zone names,
# whose data stays).
_DROP_FOLDERS = ("translit", "rbnf", "curr", "unit", "lang", "region", "brkitr")
# Data of ICU services Qt does not call (see the module's docstring); "*.spp" too.
_DROP_FILES = frozenset(
    {
        "uts46.nrm",  # IDNA (Qt has its own)
        "confusables.cfu",  # the spoof checker
        "nfkc.nrm",  # NFKC, for IDNA, stringprep and the spoof checker (Qt has its own)
        "nfkc_cf.nrm",
        "units.res",
        "dayPeriods.res",
        "plurals.res",
        "pluralRanges.res",
        "genderList.res",
        "grammaticalFeatures.res",
        "currencyNumericCodes.res",
        "windowsZones.res",
        "langInfo.res",  # the locale matcher
        "ulayout.icu",  # Indic and vertical text layout properties
        "uemoji.icu",
    }
)


def _section(elf: bytes, wanted: str) -> bytes:
    """The bytes of section ``wanted`` of a 64-bit little-endian ELF file."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff = struct.unpack_from("<Q", elf, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3A)
    headers = [struct.unpack_from("<IIQQQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    names_off = headers[shstrndx][4]
    for name_off, _type, _flags, _addr, offset, size in headers:
        end = elf.index(b"\0", names_off + name_off)
        if elf[names_off + name_off : end].decode() == wanted:
            return elf[offset : offset + size]
    raise ValueError(f"no {wanted} section")


def read_package(library: Path) -> bytes:
    """ICU's common data package inside ``libicudata.so`` (its ``.rodata``)."""
    data = _section(library.read_bytes(), ".rodata")
    if data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    return data


def items(package: bytes) -> list[tuple[str, bytes]]:
    """The (name, bytes) items of a package, in table-of-contents order."""
    header = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, header)[0]
    toc = [struct.unpack_from("<II", package, header + 4 + 8 * i) for i in range(count)]
    out = []
    for i, (name_off, data_off) in enumerate(toc):
        start = header + name_off
        name = package[start : package.index(b"\0", start)].decode("ascii")
        end = header + toc[i + 1][1] if i + 1 < count else len(package)
        out.append((name, package[header + data_off : end]))
    return out


def write_package(header: bytes, kept: Iterable[tuple[str, bytes]]) -> bytes:
    """A package with ICU's layout: header, count, TOC, names, then 16-byte aligned items."""
    entries = list(kept)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in entries)
    toc_size = 4 + 8 * len(entries)
    data_start = (toc_size + len(names) + 15) // 16 * 16
    toc = bytearray(struct.pack("<I", len(entries)))
    body = bytearray()
    name_off = toc_size
    for name, data in entries:
        toc += struct.pack("<II", name_off, data_start + len(body))
        name_off += len(name) + 1
        body += data + b"\0" * (-len(data) % 16)
    blob = bytes(toc) + names
    return header + blob + b"\0" * (data_start - len(blob)) + bytes(body)


def keep(name: str, languages: Iterable[str] = LANGUAGES) -> bool:
    """Whether item ``name`` (e.g. ``"icudt73l/coll/es.res"``) stays in the package."""
    parts = name.split("/")[1:]
    leaf = parts[-1]
    if len(parts) > 1 and parts[0] in _DROP_FOLDERS:
        return False
    if leaf.endswith(".cnv"):  # legacy converters; UTF-8/16/32 and Latin-1 are built in
        return False
    if leaf.endswith(".dict"):  # word-break dictionaries for Chinese, Thai, Khmer...
        return False
    if leaf == "unames.icu":  # Unicode character names (u_charName)
        return False
    if leaf in _DROP_FILES or leaf.endswith(".spp"):  # .spp: stringprep profiles
        return False
    match = _LOCALE.match(leaf)
    if match and leaf != "res_index.res":  # each folder's index of locales stays
        return match.group(1) in tuple(languages)
    return True


def trim(package: bytes, rule: Callable[[str], bool] = keep) -> bytes:
    """``package`` with only the items ``rule`` keeps."""
    header = package[: struct.unpack_from("<H", package, 0)[0]]
    return write_package(header, ((n, d) for n, d in items(package) if rule(n)))


def build_library(package: bytes, out: Path, soname: str, symbol: str) -> None:
    """A shared library ``out`` exporting ``package`` as the data symbol ``symbol``.

    Raises:
        FileNotFoundError: Without binutils' ``objcopy`` and ``ld``.
        subprocess.CalledProcessError: If either fails.
    """
    objcopy, ld = shutil.which("objcopy"), shutil.which("ld")
    if objcopy is None or ld is None:
        raise FileNotFoundError("objcopy and ld (binutils) are needed")
    with tempfile.TemporaryDirectory(prefix="gk-icu-") as tmp:
        dat = Path(tmp) / "icudata.dat"
        dat.write_bytes(package)
        obj = Path(tmp) / "icudata.o"
        mangled = "_binary_" + re.sub(r"[^A-Za-z0-9]", "_", str(dat)) + "_start"
        subprocess.run(
            [
                objcopy,
                "-I",
                "binary",
                "-O",
                "elf64-x86-64",
                "-B",
                "i386:x86-64",
                "--rename-section",
                ".data=.rodata,alloc,load,readonly,data,contents",
                "--set-section-alignment",
                ".rodata=16",
                "--redefine-sym",
                f"{mangled}={symbol}",
                str(dat),
                str(obj),
            ],
            check=True,
            cwd=tmp,
        )
        subprocess.run(
            [ld, "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), str(obj)],
            check=True,
        )


def trimmed_library(library: Path, out_dir: Path) -> Path:
    """Write the trimmed ``library`` (same file name and soname) into ``out_dir``."""
    match = re.match(r"libicudata\.so\.(\d+)", library.name)
    if not match:
        raise ValueError(f"not an ICU data library: {library.name}")
    version = match.group(1)
    package = trim(read_package(library))
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / library.name
    build_library(package, out, f"libicudata.so.{version}", f"icudt{version}_dat")
    return out


if __name__ == "__main__":
    source = Path(sys.argv[1])
    full = read_package(source)
    small = trim(full)
    kept = len(items(small))
    print(
        f"{len(full) / 1e6:.1f} MB, {len(items(full))} items -> {len(small) / 1e6:.1f} MB, {kept}"
    )
    if len(sys.argv) > 2:
        print(trimmed_library(source, Path(sys.argv[2])))
