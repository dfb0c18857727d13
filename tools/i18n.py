"""Translation pipeline: ``pyside6-lupdate`` extracts, ``pyside6-lrelease`` compiles.

Usage (from the repository root)::

    .venv/bin/python tools/i18n.py            # update resources/translations/*.ts, compile .qm
    .venv/bin/python tools/i18n.py --check    # fail if a string is missing or untranslated

The code translates only in forms lupdate reads: ``self.tr("text"[, "disambiguation"[, n]])``
(context = the enclosing class) and ``QCoreApplication.translate("Context", "text"[, "", n])``
with literal strings (no wrappers, no f-strings). lupdate does the extraction and the merge
into the ``.ts`` files (translations kept, removed strings marked ``vanished``, no source
locations so that moving code does not change the files). This script adds exactly three
things lupdate cannot do:

1. **Text kept as data in the Qt-free core** (which may not import Qt, so it cannot call
   ``QT_TRANSLATE_NOOP``, and some of it is built by concatenation): the tables in
   ``DATA_TABLES`` (report definitions, settings titles, starter skills, the member
   export's words), translated by the UI under a fixed context.
2. **Known-error sentences raised in the core**: a literal first argument of
   ``InvalidInput(...)`` (and the subclasses in ``INVALID_INPUT``), translated by
   ``ui/messages.py`` under the context ``"InvalidInput"``. Sentences built at run time
   (e.g. the CLI's f-strings) reach the user in English.
   Both are written as ``QT_TRANSLATE_NOOP("context", "text")`` lines into a temporary
   Python file that is handed to lupdate together with ``groupkeeper/``.
3. **``--check``**: lupdate has no "fail if untranslated" mode, and says nothing about text
   it cannot see. ``check()`` fails on strings missing from a ``.ts``, unfinished or empty
   translations, lost plural forms or ``%1`` placeholders, stale entries, a ``.qm`` not
   built from its ``.ts``, and on code lupdate would miss or misread
   (``source_problems``): a message with no context (what lupdate makes of a bare
   ``tr(...)``), a translation inside an f-string or of an f-string, and a wrapper
   function called with literal text.

The English file only carries plural forms (lupdate ``-pluralonly``: "%n member(s)" ->
"1 member" / "2 members"); singular strings fall back to the source text.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "groupkeeper"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("es", "en")
# Strings kept as data in Qt-free core modules and translated by the UI under a fixed
# context: (context, module, dict whose values are English text).
DATA_TABLES = (
    ("definitions", "groupkeeper.reports_export", "ALL_DEFINITIONS"),
    ("settings", "groupkeeper.options", "TITLES"),
    ("StarterSkills", "groupkeeper.storage.skills_seed", "STARTER_NAMES"),
    ("MemberExport", "groupkeeper.member_export", "WORDS"),
    ("csv", "groupkeeper.export_csv", "EXPLANATIONS"),
    ("csv", "groupkeeper.export_csv", "REPORT_NOTES"),
    ("csv", "groupkeeper.export_csv", "COMBINED_NOTES"),
)
# Known-error classes whose literal sentence is translated under the "InvalidInput" context.
INVALID_INPUT = ("InvalidInput", "CrisisResourcesNeeded")
# Spanish plural rules in Qt: two forms (1 / other); English the same.
NUMERUS_FORMS = {"es": 2, "en": 2}
# lupdate: no source locations (they churn on every edit), messages sorted (stable files).
LUPDATE_OPTIONS = ("-silent", "-locations", "none", "-sort-messages")


@dataclass(frozen=True)
class Message:
    """One translatable string as the code asks for it."""

    context: str
    source: str
    comment: str
    numerus: bool


@dataclass
class Extracted:
    """Everything found in the source tree."""

    messages: dict[tuple[str, str, str], Message] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


# -- what lupdate cannot see: core data tables and known-error sentences ----------------


def _literal(node: ast.AST | None, constants: dict[str, str]) -> str | None:
    """A string literal, a module constant holding one, or a sum of those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left, constants), _literal(node.right, constants)
        if left is not None and right is not None:
            return left + right
    return None


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments."""
    out: dict[str, str] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            text = _literal(stmt.value, out)
            if isinstance(target, ast.Name) and text is not None:
                out[target.id] = text
    return out


def core_strings() -> list[tuple[str, str]]:
    """(context, text) of the core's data tables and literal ``InvalidInput`` sentences."""
    out: list[tuple[str, str]] = []
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for context, module_name, attr in DATA_TABLES:
        table = getattr(importlib.import_module(module_name), attr)
        out.extend((context, text) for text in table.values())
    for path in sorted(SOURCE_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        constants = _constants(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in INVALID_INPUT
                and node.args
            ):
                text = _literal(node.args[0], constants)
                if text is not None:
                    out.append(("InvalidInput", text))
    return out


def _is_translate(node: ast.AST) -> bool:
    """``QCoreApplication.translate(...)`` / ``translate(...)`` / ``<x>.tr(...)`` (a bare
    ``tr(...)`` is no Qt call in Python: it can only be a wrapper)."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr in ("translate", "tr")
    return isinstance(func, ast.Name) and func.id == "translate"


def _text_arg(call: ast.Call) -> ast.AST | None:
    """The argument of a translate/tr call that holds the text to translate."""
    is_tr = isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
    index = 0 if is_tr else 1
    return call.args[index] if len(call.args) > index else None


def source_problems() -> list[str]:
    """Translations lupdate would miss or get wrong, found in ``groupkeeper/``.

    * a translate/tr call inside an f-string (lupdate does not look inside them);
    * an f-string as the text (lupdate would take ``{name}`` literally; at run time the
      text never matches);
    * a call of a *wrapper* with literal text: a function that passes its parameter on as
      the text of a translate/tr call (``def tr(text): return ...translate(CTX, text)``),
      which lupdate cannot follow.
    """
    problems: list[str] = []
    trees: dict[Path, ast.Module] = {}
    wrappers: set[str] = set()
    for path in sorted(SOURCE_DIR.rglob("*.py")):
        trees[path] = tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            params = {a.arg for a in node.args.args}
            for call in ast.walk(node):
                if _is_translate(call):
                    assert isinstance(call, ast.Call)
                    text = _text_arg(call)
                    if isinstance(text, ast.Name) and text.id in params:
                        wrappers.add(node.name)
    for path, tree in trees.items():
        rel = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if inner is not node and _is_translate(inner):
                        problems.append(f"{rel}:{node.lineno}: a translation inside an f-string")
                        break
            if not isinstance(node, ast.Call):
                continue
            if _is_translate(node) and isinstance(_text_arg(node), ast.JoinedStr):
                problems.append(f"{rel}:{node.lineno}: an f-string as the text to translate")
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            is_wrapper = name in wrappers and not _is_translate(node)
            if is_wrapper and node.args and _literal(node.args[0], {}) is not None:
                problems.append(
                    f"{rel}:{node.lineno}: {name}() wraps translate/tr; lupdate cannot see"
                    " its text (call QCoreApplication.translate or self.tr directly)"
                )
    return problems


def _stub(folder: Path) -> Path:
    """A Python file of ``QT_TRANSLATE_NOOP`` lines for ``core_strings()``, for lupdate."""
    path = folder / "groupkeeper_core_strings.py"
    lines = [f"QT_TRANSLATE_NOOP({ctx!r}, {text!r})\n" for ctx, text in core_strings()]
    path.write_text("".join(lines), "utf-8")
    return path


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (install PySide6 in this Python)")
    return found


def lupdate(ts: Path, *, plural_only: bool = False) -> None:
    """Run ``pyside6-lupdate`` over ``groupkeeper/`` (plus the core strings) into ``ts``."""
    with tempfile.TemporaryDirectory(prefix="gk-i18n-") as tmp:
        stub = _stub(Path(tmp))
        args = [_tool("pyside6-lupdate"), *LUPDATE_OPTIONS]
        if plural_only:
            args.append("-pluralonly")
        sources = [str(p) for p in sorted(SOURCE_DIR.rglob("*.py"))]
        subprocess.run([*args, *sources, str(stub), "-ts", str(ts)], check=True)


def extract() -> Extracted:
    """Every translatable message lupdate finds in ``groupkeeper/`` (plus the core strings)."""
    out = Extracted()
    with tempfile.TemporaryDirectory(prefix="gk-i18n-") as tmp:
        ts = Path(tmp) / "extracted.ts"
        lupdate(ts)
        root = ET.parse(ts).getroot()  # noqa: S314 - lupdate's own output
    for ctx in root.iter("context"):
        context = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            comment = msg.findtext("comment") or ""
            numerus = msg.get("numerus") == "yes"
            out.messages[(context, source, comment)] = Message(context, source, comment, numerus)
            if not context:
                out.problems.append(
                    f"{source[:60]!r} has no context: use self.tr() inside a class or "
                    'QCoreApplication.translate("Context", ...), not a bare tr() wrapper'
                )
    return out


# -- .ts files -------------------------------------------------------------------------


@dataclass
class Translation:
    """What a .ts file says for one message."""

    text: str = ""
    forms: list[str] = field(default_factory=list)
    kind: str = "unfinished"  # "" (finished), "unfinished", "vanished", "obsolete"


def read_ts(path: Path) -> dict[tuple[str, str, str], Translation]:
    """Parse a .ts file into {(context, source, comment): Translation}."""
    if not path.exists():
        return {}
    result: dict[tuple[str, str, str], Translation] = {}
    root = ET.parse(path).getroot()  # noqa: S314 - our own .ts files
    for ctx in root.iter("context"):
        ctx_name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            comment = msg.findtext("comment") or ""
            tr_el = msg.find("translation")
            entry = Translation()
            if tr_el is not None:
                entry.kind = tr_el.get("type", "")
                forms = tr_el.findall("numerusform")
                if forms:
                    entry.forms = [f.text or "" for f in forms]
                else:
                    entry.text = tr_el.text or ""
            result[(ctx_name, source, comment)] = entry
    return result


def update_ts() -> None:
    """Merge what lupdate finds into every language's .ts (keeping translations)."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        lupdate(TS_DIR / f"groupkeeper_{lang}.ts", plural_only=lang == "en")


def _release(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_qm() -> None:
    """Compile every .ts into its .qm next to it."""
    for lang in LANGUAGES:
        ts = TS_DIR / f"groupkeeper_{lang}.ts"
        _release(ts, ts.with_suffix(".qm"))


def check(found: Extracted) -> list[str]:
    """Problems that make ``--check`` fail: missing, unfinished or stale translations, and
    translations in the code that lupdate cannot see (``source_problems``)."""
    problems = list(found.problems) + source_problems()
    for lang in LANGUAGES:
        path = TS_DIR / f"groupkeeper_{lang}.ts"
        ts = read_ts(path)
        wanted = {k: m for k, m in found.messages.items() if lang == "es" or m.numerus}
        for key, msg in sorted(wanted.items()):
            entry = ts.get(key)
            label = f"{path.name}: [{key[0]}] {key[1][:60]!r}"
            if entry is None:
                problems.append(f"{label} is not in the .ts (run tools/i18n.py)")
            elif entry.kind:
                problems.append(f"{label} is {entry.kind}")
            elif msg.numerus and (len(entry.forms) < NUMERUS_FORMS[lang] or not all(entry.forms)):
                problems.append(f"{label} lacks plural forms")
            elif not msg.numerus and not entry.text:
                problems.append(f"{label} is empty")
            elif "%n" in key[1] and msg.numerus and not all("%n" in f for f in entry.forms[1:]):
                problems.append(f"{label}: a plural form lost %n")
            else:
                problems.extend(_placeholder_problems(label, key[1], entry))
        stale = [
            k for k, v in ts.items() if k not in wanted and v.kind not in ("vanished", "obsolete")
        ]
        problems.extend(f"{path.name}: [{k[0]}] {k[1][:60]!r} is no longer used" for k in stale)
        qm = path.with_suffix(".qm")
        if not qm.exists() or qm.read_bytes() != _compiled(path):
            problems.append(f"{qm.name} is missing or not built from its .ts (run tools/i18n.py)")
    return problems


def _compiled(ts: Path) -> bytes:
    """What ``pyside6-lrelease`` makes of ``ts`` now (it is deterministic).

    Compared by content, not by file times: a fresh clone sets the times in checkout
    order, so an up-to-date .qm could look "older" than its .ts and fail CI at random.
    """
    with tempfile.TemporaryDirectory(prefix="gk-i18n-") as tmp:
        out = Path(tmp) / ts.with_suffix(".qm").name
        _release(ts, out)
        return out.read_bytes()


def _placeholder_problems(label: str, source: str, entry: Translation) -> list[str]:
    import re

    wanted = sorted(set(re.findall(r"%\d", source)))
    out = []
    for text in entry.forms or [entry.text]:
        got = sorted(set(re.findall(r"%\d", text)))
        if got != wanted:
            out.append(f"{label}: placeholders {wanted} became {got}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args(argv)
    found = extract()
    if args.check:
        problems = check(found)
        for line in problems:
            print(line)  # noqa: T201
        print(f"{len(found.messages)} messages, {len(problems)} problem(s)")  # noqa: T201
        return 1 if problems else 0
    update_ts()
    compile_qm()
    for line in found.problems:
        print("warning:", line)  # noqa: T201
    print(f"{len(found.messages)} messages written to {TS_DIR}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
