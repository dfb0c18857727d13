"""Translation pipeline: extract tr/translate strings into the .ts files, compile the .qm files.

Usage (from the repository root)::

    .venv/bin/python tools/i18n.py            # update resources/translations/*.ts, compile .qm
    .venv/bin/python tools/i18n.py --check    # fail if a string is missing or untranslated

Why our own extractor instead of ``pyside6-lupdate``: lupdate only sees ``self.tr(...)`` and
``QCoreApplication.translate(...)`` with literal arguments. Most modules here call small
wrappers (``_tr("...")``, ``tr("...")``, ``ntr("...", n)`` imported from
``ui/meeting/common.py``), which lupdate silently skips. This extractor reads the Python AST:

* ``<anything>.tr("text"[, "disambiguation"[, n]])`` -> context = the enclosing class name
  (what PySide6 uses at run time);
* ``QCoreApplication.translate("ctx", "text"[, "disambiguation"[, n]])``;
* ``InvalidInput("sentence", ...)`` (and its subclasses named in ``INVALID_INPUT``) with a
  literal sentence -> context ``"InvalidInput"``: the core raises it in English and
  ``ui/messages.py`` translates it (sentences built at run time, e.g. the CLI's f-strings,
  are not extracted and reach the user in English);
* calls to *wrapper functions*: a module-level ``def f(text[, n])`` whose body returns
  ``QCoreApplication.translate(CTX, text[, "", n])`` where ``CTX`` is a literal or a module
  constant; wrappers are followed through ``from module import f``.

Existing translations in the ``.ts`` files are kept; strings no longer in the code are marked
``vanished``. ``pyside6-lrelease`` (from the venv, found next to this Python) compiles them.
The English file only carries plural forms ("%n member(s)" -> "1 member" / "2 members");
for singular strings it is left empty so Qt falls back to the source text.
"""

from __future__ import annotations

import argparse
import ast
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
)
# Known-error classes whose literal sentence is translated under the "InvalidInput" context.
INVALID_INPUT = ("InvalidInput", "CrisisResourcesNeeded")
# Spanish plural rules in Qt: two forms (1 / other); English the same.
NUMERUS_FORMS = {"es": 2, "en": 2}


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
    locations: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, msg: Message, where: str) -> None:
        key = (msg.context, msg.source, msg.comment)
        old = self.messages.get(key)
        if old is None or (msg.numerus and not old.numerus):
            self.messages[key] = msg
        self.locations.setdefault(key, []).append(where)


@dataclass(frozen=True)
class Wrapper:
    """A module-level function that forwards to ``QCoreApplication.translate``."""

    context: str
    numerus: bool


def _module_name(path: Path) -> str:
    rel = path.relative_to(SOURCE_DIR.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _literal(node: ast.AST | None, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left, constants), _literal(node.right, constants)
        if left is not None and right is not None:
            return left + right
    return None


def _is_translate_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "translate"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in ("QCoreApplication", "QApplication")
    )


def _constants(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for stmt in tree.body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str)
        ):
            out[stmt.targets[0].id] = stmt.value.value
    return out


def _wrappers(tree: ast.Module, constants: dict[str, str]) -> dict[str, Wrapper]:
    """Module-level ``def f(text, [n]): return QCoreApplication.translate(CTX, text, ...)``."""
    found: dict[str, Wrapper] = {}
    for stmt in tree.body:
        if not isinstance(stmt, ast.FunctionDef) or not stmt.args.args:
            continue
        first_param = stmt.args.args[0].arg
        for node in ast.walk(stmt):
            if not _is_translate_call(node):
                continue
            assert isinstance(node, ast.Call)
            if len(node.args) < 2:
                continue
            context = _literal(node.args[0], constants)
            text_arg = node.args[1]
            if context is None or not (
                isinstance(text_arg, ast.Name) and text_arg.id == first_param
            ):
                continue
            found[stmt.name] = Wrapper(context, numerus=len(node.args) >= 4)
            break
    return found


def _parse_all() -> dict[str, tuple[Path, ast.Module]]:
    modules: dict[str, tuple[Path, ast.Module]] = {}
    for path in sorted(SOURCE_DIR.rglob("*.py")):
        modules[_module_name(path)] = (path, ast.parse(path.read_text("utf-8"), str(path)))
    return modules


class _Visitor(ast.NodeVisitor):
    def __init__(
        self,
        rel: str,
        constants: dict[str, str],
        wrappers: dict[str, Wrapper],
        out: Extracted,
    ) -> None:
        self.rel = rel
        self.constants = constants
        self.wrappers = wrappers
        self.out = out
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _emit(self, context: str, call: ast.Call, text_index: int, numerus_hint: bool) -> None:
        where = f"{self.rel}:{call.lineno}"
        args = call.args
        text = _literal(args[text_index], self.constants) if len(args) > text_index else None
        if text is None:
            self.out.problems.append(f"{where}: translated text is not a string literal")
            return
        comment = ""
        if len(args) > text_index + 1:
            comment = _literal(args[text_index + 1], self.constants) or ""
        numerus = numerus_hint or len(args) > text_index + 2
        self.out.add(Message(context, text, comment, numerus), where)

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr" and node.args:
            if self.classes:
                self._emit(self.classes[-1], node, 0, False)
            else:
                self.out.problems.append(f"{self.rel}:{node.lineno}: tr() outside a class")
        elif _is_translate_call(node) and len(node.args) >= 2:
            context = _literal(node.args[0], self.constants)
            text_arg = node.args[1]
            is_forwarding = isinstance(text_arg, ast.Name) and text_arg.id not in self.constants
            data_contexts = {table[0] for table in DATA_TABLES}
            if context is not None and not is_forwarding:
                if context in data_contexts and _literal(text_arg, self.constants) is None:
                    pass  # looked up from a DATA_TABLES dict, extracted in _data_tables
                else:
                    self._emit(context, node, 1, False)
        elif (
            isinstance(func, ast.Name)
            and func.id in INVALID_INPUT
            and node.args
            and _literal(node.args[0], self.constants) is not None
        ):
            self._emit("InvalidInput", node, 0, False)
        elif isinstance(func, ast.Name) and func.id in self.wrappers and node.args:
            wrapper = self.wrappers[func.id]
            self._emit(wrapper.context, node, 0, wrapper.numerus)
        self.generic_visit(node)


def extract() -> Extracted:
    """Every translatable message in ``groupkeeper/`` with where it is used."""
    modules = _parse_all()
    local: dict[str, dict[str, Wrapper]] = {}
    constants: dict[str, dict[str, str]] = {}
    for name, (_path, tree) in modules.items():
        constants[name] = _constants(tree)
        local[name] = _wrappers(tree, constants[name])
    out = Extracted()
    for name, (path, tree) in modules.items():
        visible = dict(local[name])
        for stmt in ast.walk(tree):
            if isinstance(stmt, ast.ImportFrom) and stmt.module in local:
                for alias in stmt.names:
                    if alias.name in local[stmt.module]:
                        visible[alias.asname or alias.name] = local[stmt.module][alias.name]
        rel = str(path.relative_to(ROOT))
        _Visitor(rel, constants[name], visible, out).visit(tree)
    _data_tables(out)
    return out


def _data_tables(out: Extracted) -> None:
    import importlib

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for context, module_name, attr in DATA_TABLES:
        table = getattr(importlib.import_module(module_name), attr)
        where = module_name.replace(".", "/") + ".py:0"
        for text in table.values():
            out.add(Message(context, text, "", False), where)


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


def _write_ts(
    path: Path,
    lang: str,
    found: Extracted,
    old: dict[tuple[str, str, str], Translation],
) -> None:
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    keys = sorted(set(found.messages) | set(old))
    by_context: dict[str, list[tuple[str, str, str]]] = {}
    for key in keys:
        by_context.setdefault(key[0], []).append(key)
    for context in sorted(by_context):
        ctx_el = ET.SubElement(root, "context")
        ET.SubElement(ctx_el, "name").text = context
        for key in by_context[context]:
            msg = found.messages.get(key)
            prev = old.get(key, Translation())
            numerus = msg.numerus if msg else bool(prev.forms)
            attrs = {"numerus": "yes"} if numerus else {}
            msg_el = ET.SubElement(ctx_el, "message", attrs)
            for where in (found.locations.get(key) or [])[:3]:
                file, _, line = where.rpartition(":")
                ET.SubElement(msg_el, "location", filename=f"../../{file}", line=line)
            ET.SubElement(msg_el, "source").text = key[1]
            if key[2]:
                ET.SubElement(msg_el, "comment").text = key[2]
            tr_el = ET.SubElement(msg_el, "translation")
            kind = prev.kind
            if msg is None:
                kind = "vanished"
            elif kind in ("vanished", "obsolete"):
                kind = "unfinished"
            if numerus:
                forms = prev.forms or ([prev.text] if prev.text else [])
                forms = (forms + [""] * NUMERUS_FORMS[lang])[: NUMERUS_FORMS[lang]]
                for form in forms:
                    ET.SubElement(tr_el, "numerusform").text = form
                if not all(forms) and kind == "":
                    kind = "unfinished"
            else:
                tr_el.text = prev.text or None
                if not prev.text and kind == "":
                    kind = "unfinished"
            if kind:
                tr_el.set("type", kind)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )


def update_ts(found: Extracted) -> None:
    """Merge the extracted messages into every language's .ts (keeping translations)."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        path = TS_DIR / f"groupkeeper_{lang}.ts"
        old = read_ts(path)
        if lang == "en":
            # English only needs plural forms; drop singular placeholders.
            found_en = Extracted(
                {k: m for k, m in found.messages.items() if m.numerus},
                found.locations,
                [],
            )
            old = {k: v for k, v in old.items() if k in found_en.messages}
            _write_ts(path, lang, found_en, old)
        else:
            _write_ts(path, lang, found, old)


def _lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    if here.exists():
        return str(here)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found (install PySide6 in this Python)")
    return found


def _release(ts: Path, qm: Path) -> None:
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_qm() -> None:
    """Compile every .ts into its .qm next to it."""
    for lang in LANGUAGES:
        ts = TS_DIR / f"groupkeeper_{lang}.ts"
        _release(ts, ts.with_suffix(".qm"))


def check(found: Extracted) -> list[str]:
    """Problems that make ``--check`` fail: missing, unfinished or stale translations."""
    problems = list(found.problems)
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
    update_ts(found)
    compile_qm()
    for line in found.problems:
        print("warning:", line)  # noqa: T201
    print(f"{len(found.messages)} messages written to {TS_DIR}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
