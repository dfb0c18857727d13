"""Size of the PyInstaller bundle folder (issue 11: under 100 MiB) and of its parts.

Builds ``build.spec`` into a temporary folder (about a minute; needs ``.[build]``) and
reports the folder's apparent size (the sum of its files' sizes, the same on any file
system; ``du -sb`` in ``.ci/run`` also counts the folders themselves, 0.1 MB more) in
MiB, against the 100 MiB budget CI checks, the tar.gz a download would be, and what the big parts
weigh (``build.spec``'s docstring says what each is for). No baseline can be built in
the same run (the earlier bundle needed numpy); the figures before issue 11's trim are
in ``build.spec``: 158 MiB folder, 63 MB tar.gz.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from bench.common import REPO_ROOT, Row

MIB = 1024 * 1024
BUDGET_MIB = 100.0

#: The parts reported, by their place in ``_internal`` (first match wins).
PARTS = (
    ("Qt, its ICU and the PySide6 bindings", ("PySide6", "shiboken6")),
    ("cryptography (AES-GCM, sharing's X25519/ChaCha20)", ("cryptography",)),
    ("sqlcipher3 (the vault)", ("sqlcipher3",)),
    ("highspy's HiGHS core (export audit)", ("highspy",)),
    ("Python (libpython, C modules, stdlib zip)", ("libpython", "python3", "base_library")),
)


def _bytes(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return 0 if path.is_symlink() else path.stat().st_size
    return sum(_bytes(p) for p in path.iterdir())


def _build(out: Path) -> Path:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if pyinstaller is None:
        raise FileNotFoundError("pyinstaller is not installed (pip install -e '.[build]')")
    subprocess.run(
        [
            pyinstaller,
            str(REPO_ROOT / "build.spec"),
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
        ],
        check=True,
        cwd=REPO_ROOT,
        capture_output=True,
        timeout=900,
    )
    return out / "dist" / "groupkeeper"


def _targz_bytes(folder: Path) -> int:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return buffer.tell()


def run(quick: bool) -> list[Row]:
    """Build the bundle once (quick or not) and measure it."""
    name = "bundle folder (apparent size)"
    out = Path(tempfile.mkdtemp(prefix="gk-bench-bundle-"))
    try:
        try:
            folder = _build(out)
        except (OSError, subprocess.SubprocessError) as exc:
            return [Row.not_available(name, BUDGET_MIB, str(exc)[:120])]
        total = _bytes(folder)
        rows = [
            Row(name, total / MIB, None, BUDGET_MIB, unit="MiB", note=f"{total:,} bytes"),
            Row("bundle as tar.gz", _targz_bytes(folder) / 1e6, None, float("inf"), unit="MB"),
        ]
        internal = folder / "_internal"
        counted = 0
        for label, prefixes in PARTS:
            size = sum(_bytes(p) for p in internal.iterdir() if p.name.startswith(prefixes))
            counted += size
            rows.append(Row(label, size / MIB, None, float("inf"), unit="MiB"))
        rows.append(Row("everything else", (total - counted) / MIB, None, float("inf"), unit="MiB"))
        return rows
    finally:
        shutil.rmtree(out, ignore_errors=True)
