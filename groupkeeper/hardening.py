"""Process hardening shared by the window and the command line (no Qt)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)

_PR_SET_DUMPABLE = 4
_left_alone = False


@contextmanager
def left_alone_for_tests() -> Iterator[None]:
    """Keep the *test runner's own* process dumpable while tests call the entry points.

    Lowering the hard limit cannot be undone without privileges, and children inherit it,
    so a test process that ran ``cli.main`` in-process could no longer prove, in a fresh
    child, that the app turns dumps off. Code only (like the KDF floor): no file or
    variable can do this, and the subprocess tests run the real thing.
    """
    global _left_alone
    saved, _left_alone = _left_alone, True
    try:
        yield
    finally:
        _left_alone = saved


def disable_core_dumps() -> None:
    """Forbid core dumps for the whole process: one of an unlocked app holds the key and names.

    Both limits go to 0, so nothing this process starts can raise them again, and on Linux
    the process is marked not dumpable (``PR_SET_DUMPABLE`` 0). That also keeps other
    processes of the same user from attaching a debugger or reading ``/proc/<pid>/mem``
    (root still can). Windows has no such limit; see docs/PRIVACY.md.
    """
    if _left_alone:
        return
    try:
        import resource
    except ImportError:  # Windows: no resource module, and no core dumps of this kind
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        log.warning("could not disable core dumps")
    if sys.platform.startswith("linux"):
        _set_not_dumpable()


def _set_not_dumpable() -> None:
    from groupkeeper import native

    try:
        failed = native.call(native.c_function(None, "prctl"), _PR_SET_DUMPABLE, 0, 0, 0, 0) != 0
    except OSError:
        failed = True
    if failed:
        log.warning("could not mark the process as not dumpable")
