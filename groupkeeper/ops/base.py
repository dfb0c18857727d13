"""The machinery of operations: a name, plain-data arguments, one transaction, a result.

An operation is registered with ``@operation(name, *kinds)`` on a function
``apply(store, **args)``. The decorator returns a *factory* with the same keyword
arguments (without ``store``) that builds an ``Op``: the stable name and the arguments as
JSON data (checked when the ``Op`` is built, so an ``Op`` can always be written to a change
log and read back). ``perform(store, op)`` runs ``apply`` inside one transaction and
returns an ``OpResult``: what ``apply`` returned and an ``OpChanges`` saying which kinds
of data changed, so every screen can decide whether to reload. (Anki's ``CollectionOp``
returning ``OpChanges``; here the result is the same whatever screen ran it.)
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from groupkeeper.model import Meeting

if TYPE_CHECKING:
    from groupkeeper.storage.repos import Store

P = ParamSpec("P")
R = TypeVar("R")


class Kind(StrEnum):
    """The kinds of data an operation can change (what a screen may need to reload)."""

    GROUPS = "groups"
    MEMBERS = "members"
    CONSENTS = "consents"
    MEETINGS = "meetings"  # opened, closed, dates, counters (walk-ins, safety concerns)
    TIMER = "timer"  # the meeting engine's saved state: segment, pause, order
    ATTENDANCE = "attendance"
    MOODS = "moods"
    SKILLS = "skills"
    GOALS = "goals"
    SAFETY = "safety"
    WELLBEING = "wellbeing"
    SETTINGS = "settings"


@dataclass(frozen=True)
class OpChanges:
    """Which kinds of data an operation changed, and in which meeting if it was one."""

    kinds: frozenset[Kind]
    meeting_id: int | None = None

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def touches(self, *kinds: Kind) -> bool:
        """True if any of ``kinds`` changed."""
        return any(k in self.kinds for k in kinds)


@dataclass(frozen=True)
class Op:
    """One operation to perform: its stable name and its arguments as JSON data."""

    name: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        """The operation as one line of JSON (what a change log stores)."""
        return json.dumps({"op": self.name, "args": dict(self.args)}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Op:
        """Read an operation written by ``to_json``; the name must be a known operation."""
        data = json.loads(text)
        name = data["op"]
        if name not in REGISTRY:
            raise KeyError(name)
        return REGISTRY[name].build(data.get("args", {}))


@dataclass(frozen=True)
class OpResult:
    """What an operation did: the operation, what changed, and what ``apply`` returned."""

    op: Op
    changes: OpChanges
    value: Any = None


@dataclass(frozen=True)
class _Spec:
    name: str
    apply: Callable[..., Any]
    kinds: frozenset[Kind]
    signature: inspect.Signature
    prepare: Callable[..., Callable[[Store], Any]] | None = None
    may_give_way: bool = False

    def build(self, args: Mapping[str, Any]) -> Op:
        """Check ``args`` against ``apply``'s keywords and make them plain JSON data."""
        bound = self.signature.bind(None, **args)  # TypeError on unknown/missing args
        bound.apply_defaults()
        values = dict(bound.arguments)
        values.pop(next(iter(self.signature.parameters)))  # the store
        try:
            plain = json.loads(json.dumps(values, allow_nan=False))
        except (TypeError, ValueError) as exc:
            raise TypeError(f"{self.name}: arguments must be plain JSON data") from exc
        return Op(self.name, plain)


#: Every operation by its stable name (filled by the ``groupkeeper.ops`` modules).
REGISTRY: dict[str, _Spec] = {}


def operation(
    name: str,
    *kinds: Kind,
    prepare: Callable[..., Callable[[Store], Any]] | None = None,
    may_give_way: bool = False,
) -> Callable[[Callable[Concatenate[Store, P], R]], Callable[P, Op]]:
    """Register ``apply(store, **args)`` as operation ``name`` that changes ``kinds``.

    Returns a factory taking ``apply``'s keyword arguments and returning the ``Op``. The
    ``apply`` function stays reachable as ``factory.apply`` (for tests and replay).

    ``prepare(store, **args)``, for a long operation run in the background (a CSV
    import), does the slow part first, outside the transaction: it checks the input,
    reads what it needs and returns ``write(store)``, which ``perform`` runs inside the
    transaction. The write lock is then held only for the writing, and a check-in on the
    GUI thread never waits for the checking. ``apply`` must do the same as ``prepare``
    then ``write`` (it is what replay and tests call).

    ``may_give_way``: run in the background, the operation's transaction rolls back at
    its safe points (``Store.give_way``) when a GUI write waits, and starts again after
    it (``perform``). Only for an operation that does nothing outside the database
    before its last safe point (an import; a sync, whose writes to the shared folder
    come after): a rolled back attempt must leave nothing behind.
    """

    def register(apply: Callable[Concatenate[Store, P], R]) -> Callable[P, Op]:
        if name in REGISTRY:
            raise ValueError(f"operation {name!r} registered twice")
        spec = _Spec(name, apply, frozenset(kinds), inspect.signature(apply), prepare, may_give_way)
        REGISTRY[name] = spec

        def factory(*args: P.args, **kwargs: P.kwargs) -> Op:
            if args:
                raise TypeError(f"{name}: pass the arguments by keyword")
            return spec.build(kwargs)

        factory.__name__ = apply.__name__
        factory.__qualname__ = apply.__qualname__
        factory.__doc__ = apply.__doc__
        factory.op_name = name  # type: ignore[attr-defined]
        factory.apply = apply  # type: ignore[attr-defined]
        return factory

    return register


#: How many times a background operation rolls back for the GUI's writes (``GaveWay``)
#: before it runs to its end whatever waits: a facilitator checking people in without a
#: pause must not keep an import from ever finishing.
GIVE_WAY_TIMES = 5


def _giving_way(store: Store, write: Callable[[Store], Any], may_give_way: bool) -> Any:
    """``write(store)`` in one transaction. On a background connection a long write
    (an import, a sync) calls ``store.give_way()`` at safe points: when a GUI write is
    waiting there, its transaction rolls back as a whole and starts again after it, so
    the check-in waits for one step of the import, not the whole of it (only for an
    operation declared ``may_give_way``)."""
    from groupkeeper.storage._sqlcipher import GaveWay

    if not may_give_way or store.db.conn.in_transaction:
        # An operation that must not start again; or one inside someone's transaction (a
        # savepoint): only whoever began it can start it again, so a ``GaveWay`` goes on
        # up to them.
        with store.transaction():
            return write(store)
    for attempt in range(GIVE_WAY_TIMES + 1):
        try:
            with store.transaction(may_give_way=attempt < GIVE_WAY_TIMES):
                return write(store)
        except GaveWay:
            continue
    raise AssertionError("unreachable: the last attempt may not give way")


def perform(store: Store, op: Op) -> OpResult:
    """Validate and apply ``op`` in one transaction; all of it is saved, or none of it.

    Raises:
        KeyError: ``op`` names no known operation.
        KnownError: the input is refused (``InvalidInput``) or the disk failed; nothing
            was changed.
    """
    spec = REGISTRY[op.name]
    if spec.prepare is not None:
        write = spec.prepare(store, **op.args)  # before the write lock: see ``operation``
    else:

        def write(on: Store) -> Any:
            return spec.apply(on, **op.args)

    value = _giving_way(store, write, spec.may_give_way)
    meeting_id = op.args.get("meeting_id")
    if isinstance(value, Meeting):
        meeting_id = value.id
    if not isinstance(meeting_id, int):
        meeting_id = None
    return OpResult(op, OpChanges(spec.kinds, meeting_id), value)
