"""Process hardening shared by the window and the command line (no Qt)."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def disable_core_dumps() -> None:
    """Forbid core dumps: one of an unlocked app would hold the vault key and names.

    Only the soft limit is set to 0, which is what the kernel obeys; the hard limit is
    left as it was so a test process can still start children with dumps allowed.
    """
    try:
        import resource
    except ImportError:  # Windows: no resource module, and no core dumps of this kind
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    except (ValueError, OSError):
        log.warning("could not disable core dumps")
