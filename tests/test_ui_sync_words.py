"""Every error and refusal the sharing code can report has its own sentence, in English
and in Spanish (no "Something went wrong", no code, no English left in Spanish).

The codes are found in the sync package itself (every ``KnownError`` class it defines,
every reason it refuses a file for), so a code added there without words here fails.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import groupkeeper.sync
from groupkeeper.storage.errors import KnownError
from groupkeeper.ui import messages
from groupkeeper.ui.sync_status import error_text, refused_reason

SYNC = Path(groupkeeper.sync.__file__).parent


def _sync_errors() -> list[type[KnownError]]:
    found: dict[str, type[KnownError]] = {}
    for info in pkgutil.iter_modules([str(SYNC)]):
        module = importlib.import_module(f"groupkeeper.sync.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, KnownError) and cls.__module__ == module.__name__:
                found[cls.code] = cls
    return [found[code] for code in sorted(found)]


def _refusal_reasons() -> list[str]:
    """Every string given as the reason of a ``RefusedFile(path, reason)`` in the package."""
    reasons: set[str] = set()
    for path in SYNC.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "RefusedFile"
                and len(node.args) == 2
            ):
                for part in ast.walk(node.args[1]):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        reasons.add(part.value)
    return sorted(reasons)


ERRORS = _sync_errors()
REASONS = _refusal_reasons()


def test_the_codes_are_found() -> None:
    codes = {cls.code for cls in ERRORS}
    assert {"wrong_code", "not_an_invitation", "sync_folder_unavailable", "not_shared"} <= codes
    assert {"truncated", "bad-signature", "foreign-signature", "removed-laptop"} <= set(REASONS)


def _generic() -> set[str]:
    return {
        messages.describe_error(KnownError()),
        refused_reason("no-such-reason"),
    }


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_sync_error_has_its_own_sentence(qapp, lang) -> None:  # type: ignore[no-untyped-def]
    from ui_fit import appearance

    with appearance(qapp, lang, 1.0, "calm"):
        generic = _generic()
        sentences = {cls.code: error_text(cls()) for cls in ERRORS}
    problems = []
    for code, text in sentences.items():
        if text in generic:
            problems.append(f"{code}: only the generic sentence")
        if code in text or "_" in text:
            problems.append(f"{code}: shows a code: {text}")
        if not text.rstrip().endswith((".", "?")):
            problems.append(f"{code}: not a whole sentence: {text}")
    assert len(set(sentences.values())) == len(sentences), "two codes share one sentence"
    if lang == "es":
        with appearance(qapp, "en", 1.0, "calm"):
            english = {cls.code: error_text(cls()) for cls in ERRORS}
        problems += [f"{c}: English in Spanish" for c in sentences if sentences[c] == english[c]]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_refusal_reason_has_its_own_words(qapp, lang) -> None:  # type: ignore[no-untyped-def]
    from ui_fit import appearance

    with appearance(qapp, lang, 1.0, "calm"):
        generic = refused_reason("no-such-reason")
        words = {reason: refused_reason(reason) for reason in REASONS}
    with appearance(qapp, "en", 1.0, "calm"):
        english = {reason: refused_reason(reason) for reason in REASONS}
    problems = [f"{r}: generic" for r, text in words.items() if text == generic]
    if lang == "es":
        problems += [f"{r}: English in Spanish" for r in words if words[r] == english[r]]
    assert problems == [], "\n".join(problems)
