"""The Linux bundle leaves parts of Python out (build.spec): the app must never need them.

``build.spec`` excludes standard-library modules and text encodings nothing in the app
reaches (``EXCLUDES``, ``_LINUX_UNUSED_STDLIB``, ``_LINUX_UNUSED_ENCODINGS``). A module the
bundle lacks raises ImportError only when a user reaches the code that imports it, so
these tests look for such imports before a build does: every import statement in the
app's code, every encoding name it spells out, and, in a fresh interpreter where the
excluded modules cannot be imported (as in the bundle), importing every module of the
app and opening a real vault through sqlite-utils. CI's bundle self-test covers the rest.
"""

from __future__ import annotations

import ast
import codecs
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "groupkeeper"


def _spec_literal(name: str) -> list[str]:
    """The list or tuple of strings assigned to ``name`` in build.spec."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert all(isinstance(item, str) for item in value)
            return list(value)
    raise AssertionError(f"build.spec assigns no {name}")


def excluded_modules() -> list[str]:
    """Every module the Linux bundle leaves out (Qt's bindings aside)."""
    names = _spec_literal("EXCLUDES") + _spec_literal("_LINUX_UNUSED_STDLIB")
    names += [f"encodings.{name}" for name in _spec_literal("_LINUX_UNUSED_ENCODINGS")]
    return [name for name in names if not name.startswith("PySide6.")]


def _is_excluded(module: str, excluded: list[str]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in excluded)


def _optional(node: ast.Try) -> bool:
    """Whether ``node`` is ``try: ... except ImportError`` (or ModuleNotFoundError)."""
    caught = " ".join(ast.unparse(h.type) for h in node.handlers if h.type is not None)
    return "ImportError" in caught or "ModuleNotFoundError" in caught


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every import in ``tree``, also inside functions, except those
    under ``if TYPE_CHECKING:`` (never run) and optional ones (``try`` with ``except
    ImportError``, which copes without the module)."""
    found: list[tuple[int, str]] = []
    skipped: set[int] = set()
    for node in ast.walk(tree):
        guarded = (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)) or (
            isinstance(node, ast.Try) and _optional(node)
        )
        if guarded:
            body = node.body  # type: ignore[attr-defined]
            skipped.update(id(child) for part in body for child in ast.walk(part))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_the_encoding_check_finds_an_excluded_code_page() -> None:
    info = codecs.lookup("IBM850")
    assert _is_excluded(info.incrementalencoder.__module__, excluded_modules())
    assert not _is_excluded(codecs.lookup("windows-1252").incrementalencoder.__module__, [])


def test_the_spec_lists_are_read() -> None:
    excluded = excluded_modules()
    for name in ("sqlite3", "asyncio", "email", "xml", "numpy", "encodings.cp850"):
        assert name in excluded
    # What the app and its libraries need at run time is not among them.
    for name in ("pickle", "unicodedata", "encodings.cp1252", "encodings.cp437", "zipfile"):
        assert name not in excluded


def test_the_app_imports_no_module_the_bundle_leaves_out() -> None:
    excluded = excluded_modules()
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, module in _imports(tree):
            if _is_excluded(module, excluded):
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {module}")
    assert offenders == []


def test_the_checker_sees_a_lazy_import() -> None:
    tree = ast.parse(
        textwrap.dedent(
            """
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                import asyncio
            def later():
                import xml.dom
                from email import message
            try:
                import sqlite3
            except ImportError:
                sqlite3 = None
            try:
                import socket
            except OSError:
                pass
            """
        )
    )
    modules = [module for _, module in _imports(tree)]
    assert "asyncio" not in modules
    assert "sqlite3" not in modules  # optional: the code copes without it
    assert "socket" in modules  # not optional: an ImportError would escape
    assert {"xml.dom", "email", "email.message"} <= set(modules)
    assert _is_excluded("xml.dom", excluded_modules())


def test_the_app_names_no_encoding_the_bundle_leaves_out() -> None:
    """Every string in the app that names a text encoding ("cp1252", "utf-16"...) names
    one the bundle has."""
    excluded = excluded_modules()
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            text = node.value
            if not text or len(text) > 20 or not text.isascii() or not text.isprintable():
                continue
            try:
                info = codecs.lookup(text)
            except LookupError:
                continue
            if _is_excluded(info.incrementalencoder.__module__, excluded):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text}")
    assert offenders == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's list")
def test_the_app_runs_without_the_excluded_modules(tmp_path: Path) -> None:
    """In an interpreter that cannot import anything the bundle leaves out, every module
    of the app imports, a vault opens and takes a schema change through sqlite-utils
    (whose plugin hooks import ``sqlite3``: there the SQLCipher driver answers), and the
    self-test passes (vault, meeting, backup, main window, charts, PDF, export audit)."""
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        excluded = sys.argv[1].split(",")
        for name in excluded:
            sys.modules[name] = None  # importing it raises ImportError, as in the bundle
        import groupkeeper
        for info in pkgutil.walk_packages(groupkeeper.__path__, "groupkeeper."):
            if not info.name.endswith(".__main__"):  # that one starts the app
                importlib.import_module(info.name)
        import sqlcipher3
        from groupkeeper.storage import _sqlcipher
        assert sys.modules["sqlite3"] is sqlcipher3
        conn = _sqlcipher.connect(sys.argv[2])
        conn.execute("PRAGMA key = 'not a real passphrase'")
        db = _sqlcipher.database(conn)
        db["t"].insert({"a": 1})
        db["t"].insert({"a": 2, "b": "x"}, alter=True)  # sqlite-utils' fallback path
        print(sorted(db["t"].columns_dict), db.execute("select count(*) from t").fetchone())
        conn.close()
        from groupkeeper.cli import main
        print("self-test", main(["self-test"]))
        """
    )
    excluded = excluded_modules()
    result = subprocess.run(
        [sys.executable, "-c", code, ",".join(excluded), str(tmp_path / "v.db")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "GROUPKEEPER_HOME": str(tmp_path / "home"),
        },
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[0] == "['a', 'b'] (2,)"
    assert lines[-1] == "self-test 0", result.stdout[-2000:] + result.stderr[-2000:]
    assert "Self-test passed" in result.stdout
