"""Convergence: three laptops, random changes, files carried in any order, twice, late.

Hypothesis drives three replicas of one group, each with its own shared folder (as three
Syncthing peers have), through random steps: new members, concurrent edits of the same
member's fields, check-ins, apologies and corrections, walk-in and safety counters,
forgets, compaction (a laptop replaces the files every other laptop has applied with a
snapshot), meetings opened and discarded (also while others record into them), goals with
texts, edits, reviews and removals, skill shares, wellbeing answers, group settings;
files are carried between folders one at a time in random order, duplicated,
delayed, and also dropped in as ``*.sync-conflict-*`` and temporary copies. After a final
round in which everything reaches everyone, every replica's canonical dump is identical,
and a forgotten member's personal fields exist nowhere: not in any replica, not in any
file, not in any change file even when opened with the group key (their key is gone from
every keyring), and no planted name appears in any file of any folder.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groupkeeper.sync import changefile
from groupkeeper.sync.identity import DeviceIdentity
from groupkeeper.sync.replica import Replica

GROUP = "group-convergence"
MEETINGS = ["2026-01-06#1", "2026-01-13#1"]
MARK_MEETINGS = MEETINGS[:1]  # few keys, so marks and corrections meet often
PSEUDONYMS = ["calm-otter", "brave-heron"]
PERSONAL = ["display_name", "phone", "notes"]

R = st.integers(0, 2)
step = st.one_of(
    st.tuples(st.just("add"), R),
    st.tuples(st.just("edit"), R, st.integers(0, 9), st.sampled_from(PERSONAL)),
    st.tuples(st.just("active"), R, st.integers(0, 9), st.booleans()),
    st.tuples(
        st.just("mark"),
        R,
        st.sampled_from(MARK_MEETINGS),
        st.sampled_from(PSEUDONYMS),
        st.sampled_from(["present", "apologies", "absent", "none"]),
        st.booleans(),
    ),
    st.tuples(
        st.just("count"),
        R,
        st.sampled_from(MEETINGS),
        st.sampled_from(["walk_ins", "safety_concerns"]),
        st.integers(-1, 3),
    ),
    st.tuples(st.just("forget"), R, st.integers(0, 9)),
    st.tuples(st.just("flush"), R),
    st.tuples(st.just("pull"), R),
    st.tuples(
        st.just("carry"),
        R,
        R,
        st.integers(0, 2**32),
        st.sampled_from(["copy", "copy", "twice", "conflict-copy", "temp-copy"]),
    ),
    st.tuples(st.just("carry-some"), R, R, st.integers(0, 2**32)),
    st.tuples(st.just("tick"), st.integers(0, 50)),
    st.tuples(st.just("open"), R, st.sampled_from(MEETINGS)),
    st.tuples(st.just("discard"), R, st.sampled_from(MEETINGS)),
    st.tuples(st.just("close"), R, st.sampled_from(MEETINGS)),
    st.tuples(st.just("compact"), R),
    st.tuples(st.just("goal"), R, st.integers(0, 9), st.sampled_from(MEETINGS)),
    st.tuples(st.just("goal-edit"), R, st.integers(0, 9)),
    st.tuples(
        st.just("review"),
        R,
        st.integers(0, 9),
        st.sampled_from([None, "done", "partly"]),
        st.sampled_from(MEETINGS),
    ),
    st.tuples(st.just("skill"), R, st.sampled_from(MEETINGS), st.sampled_from([None, *PSEUDONYMS])),
    st.tuples(st.just("wellbeing"), R, st.sampled_from(MEETINGS), st.integers(0, 5)),
    st.tuples(st.just("remove"), R, st.integers(0, 9)),
    st.tuples(
        st.just("group"),
        R,
        st.sampled_from(["name", "crisis_resources", "wellbeing_scale"]),
        st.integers(0, 3),
    ),
)


def copy_if_newer(path: Path, target: Path) -> None:
    """Carry a file as a sync tool does: an older version never replaces a newer one
    (Syncthing's version vectors; here the modification time stands in for them)."""
    if target.exists() and target.stat().st_mtime_ns >= path.stat().st_mtime_ns:
        return
    shutil.copy2(path, target)


class World:
    def __init__(self, root: Path) -> None:
        self.now = 1_700_000_000_000
        key = changefile.new_key()
        self.key = key
        skews = [0, -700, 350]  # the laptops' clocks disagree
        self.replicas = [
            Replica(DeviceIdentity.generate(), GROUP, key, lambda s=s: self.now + s) for s in skews
        ]
        self.folders = [root / name for name in "ABC"]
        for folder in self.folders:
            folder.mkdir()
        self.planted: dict[str, set[str]] = {}  # member -> every personal value given
        self.serial = 0
        self.steps = 0

    def plant(self, member: str) -> str:
        self.serial += 1
        value = f"Plnt{self.serial:04d}Zq"
        self.planted.setdefault(member, set()).add(value)
        return value

    def known(self, r: int) -> list[str]:
        rep = self.replicas[r]
        return sorted(m for m in rep.state.members() if m in rep.member_keys)

    def records(self, r: int, kind: str | None = None) -> list[str]:
        return sorted(
            rid
            for rid, (k, _) in self.replicas[r].state.records().items()
            if kind is None or k == kind
        )

    def run_records(self, rep: Replica, r: int, kind: str, args: list[Any]) -> None:
        if kind == "open":
            rep.open_meeting(args[1])
        elif kind == "discard":
            rep.discard_meeting(args[1])
        elif kind == "close":
            rep.close_meeting(args[1])
        elif kind == "compact":  # what every other laptop has applied, in one snapshot
            rep.compact(self.folders[r], min_files=1)
        elif kind == "goal":
            known = self.known(r)
            if not known:
                return
            member = known[args[1] % len(known)]
            rid = f"goal-{self.serial}-{r}"
            self.serial += 1
            base = {"pseudonym": f"gp-{member[:8]}", "member": member}
            rep.set_record("goal", rid, "base", args[2], base)
            rep.set_record("goal", rid, "text", args[2], self.plant(member), member=member)
        elif kind == "goal-edit":
            goals = self.records(r, "goal")
            if goals:
                rid = goals[args[1] % len(goals)]
                _, fields = rep.state.records()[rid]
                base = fields["base"]
                member = base["value"]["member"]
                if member in rep.member_keys:
                    text = self.plant(member)
                    rep.set_record("goal", rid, "text", base["meeting"], text, member=member)
        elif kind == "review":
            goals = self.records(r, "goal")
            if goals:
                rid = goals[args[1] % len(goals)]
                base = rep.state.records()[rid][1]["base"]
                value = None if args[2] is None else {"outcome": args[2], "meeting": args[3]}
                rep.set_record("goal", rid, "review", args[3] if value else base["meeting"], value)
        elif kind == "skill":
            rid = f"share-{self.serial}-{r}"
            self.serial += 1
            value = {"skill": "Box breathing", "category": "Calming", "pseudonym": args[2]}
            rep.set_record("skill_share", rid, "base", args[1], value)
        elif kind == "wellbeing":
            rid = f"wb-{self.serial}-{r}"
            self.serial += 1
            value = {"scale": "who5", "answers": [args[2]] * 5, "pseudonym": PSEUDONYMS[0]}
            rep.set_record("wellbeing", rid, "base", args[1], value)
        elif kind == "remove":
            records = self.records(r)
            if records:
                rid = records[args[1] % len(records)]
                rep.remove_record(rep.state.records()[rid][0], rid)
        elif kind == "group":
            rep.set_group_field(args[1], f"{args[1]} {args[2]}")

    def run(self, s: tuple[Any, ...]) -> None:
        kind, *args = s
        if kind == "tick":
            self.now += args[0]
            return
        rep = self.replicas[args[0]]
        folder = self.folders[args[0]]
        self.steps += 1
        if self.steps % 3 == 0:  # laptops write often, as the app does after operations
            rep.flush(folder)
        if kind in ("open", "discard", "close", "compact", "goal", "goal-edit", "review"):
            self.run_records(rep, args[0], kind, args)
        elif kind in ("skill", "wellbeing", "remove", "group"):
            self.run_records(rep, args[0], kind, args)
        elif kind == "add":
            member = rep.add_member({"pseudonym": f"p{self.serial}", "active": True})
            rep.set_field(member, "display_name", self.plant(member))
        elif kind in ("edit", "active", "forget"):
            known = self.known(args[0])
            if not known:
                return
            member = known[args[1] % len(known)]
            if kind == "edit":
                rep.set_field(member, args[2], self.plant(member))
            elif kind == "active":
                rep.set_field(member, "active", args[2])
            else:
                rep.forget_member(member)
        elif kind == "mark":
            _, meeting, pseudonym, status, correction = args
            rep.mark(meeting, pseudonym, status, correction=correction or status == "none")
        elif kind == "count":
            rep.count(args[1], args[2], args[3])
        elif kind == "flush":
            rep.flush(folder)
        elif kind == "pull":
            assert rep.pull(folder).refused == []
        elif kind == "carry":
            self.carry(args[0], args[1], args[2], args[3])
        elif kind == "carry-some":  # part of the folder, in a random order, then applied
            src, dst, seed = args
            if src == dst:
                return
            rng = random.Random(seed)
            files = sorted(p for p in self.folders[src].rglob("*") if p.is_file())
            rng.shuffle(files)
            for path in files[: rng.randint(1, max(1, len(files)))]:
                target = self.folders[dst] / path.relative_to(self.folders[src])
                target.parent.mkdir(parents=True, exist_ok=True)
                copy_if_newer(path, target)
                if rng.random() < 0.3:
                    assert self.replicas[dst].pull(self.folders[dst]).refused == []
            self.replicas[dst].pull(self.folders[dst])

    def carry(self, src: int, dst: int, pick: int, how: str) -> None:
        if src == dst:
            return
        files = sorted(p for p in self.folders[src].rglob("*") if p.is_file())
        if not files:
            return
        path = files[pick % len(files)]
        target = self.folders[dst] / path.relative_to(self.folders[src])
        target.parent.mkdir(parents=True, exist_ok=True)
        if how == "conflict-copy":
            target = target.with_name(
                f"{target.stem}.sync-conflict-20260101-1200-ABC{target.suffix}"
            )
        elif how == "temp-copy":
            target = target.with_name(f".syncthing.{target.name}.tmp")
        if how in ("conflict-copy", "temp-copy"):
            shutil.copyfile(path, target)
            return
        copy_if_newer(path, target)
        if how == "twice":
            shutil.copyfile(path, target)

    def settle(self) -> None:
        """Everyone writes, everything reaches everyone, everyone applies (twice, so the
        keyrings rewritten after a forget travel too)."""
        for _ in range(2):
            for rep, folder in zip(self.replicas, self.folders, strict=True):
                rep.flush(folder)
            for src in range(3):
                for dst in range(3):
                    if src != dst:
                        for path in self.folders[src].rglob("*"):
                            if path.is_file() and not path.name.startswith("."):
                                target = self.folders[dst] / path.relative_to(self.folders[src])
                                target.parent.mkdir(parents=True, exist_ok=True)
                                copy_if_newer(path, target)
            for rep, folder in zip(self.replicas, self.folders, strict=True):
                assert rep.pull(folder).refused == []


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(step, min_size=5, max_size=60), st.lists(R, min_size=3, max_size=3))
def test_replicas_converge_whatever_the_delivery(steps: list[Any], founders: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp))
        for r in founders:  # some members exist before the random steps
            world.run(("add", r))
        for s in steps:
            world.run(s)
        world.settle()
        dumps = [rep.dump() for rep in world.replicas]
        assert dumps[0] == dumps[1] == dumps[2]
        check_forgotten_are_gone(world)


def check_forgotten_are_gone(world: World) -> None:
    forgotten = set().union(*(rep.state.forgotten for rep in world.replicas))
    assert all(rep.state.forgotten == forgotten for rep in world.replicas)
    gone = {v for m in forgotten for v in world.planted.get(m, set())}
    for rep in world.replicas:
        assert not forgotten & set(rep.member_keys)
        assert not forgotten & set(rep.state.members())
        dump = rep.dump()
        assert not any(v in dump for v in gone)
    every_value = {v.encode() for values in world.planted.values() for v in values}
    for folder in world.folders:
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            assert not any(v in data for v in every_value), path  # nothing in plaintext
            if "sync-conflict" in path.name or path.name.startswith("."):
                continue  # readers skip these (copies of genuine files here)
            kind = "keys" if path.name == changefile.KEYRING_NAME else "ops"
            if path.name.startswith("snapshot-"):
                kind = "snapshot"
            opened = changefile.open_file(data, world.key, kind=kind, group=GROUP)
            if kind == "keys":  # with the group key: no forgotten member's key anywhere
                assert not forgotten & set(opened.payload["member_keys"])
            else:  # and what older files hold about them stays sealed
                text = str(opened.payload)
                assert not any(v in text for v in gone)


def test_a_few_fixed_scenarios_converge() -> None:
    """Deterministic companions to the hypothesis test (quick to read when it fails)."""
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp))
        for r in (0, 1, 2):
            world.run(("add", r))
        world.settle()
        world.run(("edit", 0, 0, "display_name"))
        world.run(("edit", 1, 0, "display_name"))  # concurrent edit of the same field
        world.run(("forget", 2, 1))
        world.run(("edit", 0, 1, "notes"))  # concurrent with the forget
        world.run(("count", 0, MEETINGS[0], "walk_ins", 2))
        world.run(("count", 1, MEETINGS[0], "walk_ins", 3))
        world.run(("mark", 0, MEETINGS[0], "calm-otter", "present", False))
        world.run(("mark", 1, MEETINGS[0], "calm-otter", "absent", False))
        world.settle()
        a, b, c = world.replicas
        assert a.dump() == b.dump() == c.dump()
        assert a.state.counter(MEETINGS[0], "walk_ins") == 5
        assert a.state.attendance(MEETINGS[0]) == {"calm-otter": "present"}
        assert len(a.state.conflicts(a.open_sealed)) == 1
        assert len(a.state.forgotten) == 1 and len(a.state.members()) == 2
        check_forgotten_are_gone(world)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(step, min_size=5, max_size=60), st.integers(0, 2**32))
def test_any_order_and_any_repeat_of_the_files_gives_the_same_state(
    steps: list[Any], seed: int
) -> None:
    """A new laptop that receives every file, one at a time in a random order, some of
    them twice, applying after random arrivals, ends exactly where the others are."""
    # One drawn seed, not ``st.randoms``: how many files exist depends on the laptops'
    # random keys and ids, and Hypothesis calls a test flaky when its number of draws
    # changes between runs of one example.
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp))
        for r in (0, 1, 2):
            world.run(("add", r))
        for s in steps:
            world.run(s)
        world.settle()
        expected = world.replicas[0].dump()
        own = [
            path
            for rep, folder in zip(world.replicas, world.folders, strict=True)
            for path in sorted(changefile.device_folder(folder, GROUP, rep.device).iterdir())
            if not path.name.startswith(".")
        ]
        for n in range(3):
            files = own + rnd.sample(own, k=len(own) // 3)
            rnd.shuffle(files)
            observer = Replica(DeviceIdentity.generate(), GROUP, world.key, lambda: world.now)
            inbox = Path(tmp) / f"observer{n}"
            for path in files:
                target = inbox / path.relative_to(path.parents[2])
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                if rnd.random() < 0.5:
                    assert observer.pull(inbox).refused == []
            observer.pull(inbox)
            assert observer.dump() == expected


def test_a_discarded_meeting_goes_everywhere_but_what_others_recorded_unseen_stays() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp))
        a, b, c = world.replicas
        k = MEETINGS[0]
        a.open_meeting(k)
        a.mark(k, "calm-otter", "present")
        a.count(k, "walk_ins", 2)
        a.set_record(
            "skill_share", "s1", "base", k, {"skill": "Walk", "category": "Move", "pseudonym": None}
        )
        world.settle()
        assert all(k in r.state.meetings() for r in world.replicas)
        a.discard_meeting(k)
        world.settle()
        for rep in world.replicas:
            assert k not in rep.state.meetings() and k in rep.state.discarded()
            assert rep.state.attendance(k) == {} and rep.state.counter(k, "walk_ins") == 0
            assert rep.state.records() == {}
        # Opening the same date and slot again starts it afresh.
        b.open_meeting(k)
        world.settle()
        assert all(k in r.state.meetings() for r in world.replicas)
        assert a.dump() == b.dump() == c.dump()

        # Concurrent: A discards while B, not having seen it, checks someone in.
        a.mark(k, "calm-otter", "present")
        world.settle()
        a.discard_meeting(k)
        b.mark(k, "brave-heron", "present")
        b.count(k, "walk_ins", 1)
        world.settle()
        assert a.dump() == b.dump() == c.dump()
        assert a.state.attendance(k) == {"brave-heron": "present"}
        assert a.state.counter(k, "walk_ins") == 1


def test_records_and_group_settings_converge_and_forget_seals_goal_texts() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp))
        a, b, c = world.replicas
        world.run(("add", 0))
        world.settle()
        (member,) = world.known(1)
        k1, k2 = MEETINGS
        b.set_record("goal", "g1", "base", k1, {"pseudonym": "gp-1", "member": member})
        b.set_record("goal", "g1", "text", k1, world.plant(member), member=member)
        world.settle()
        c.set_record("goal", "g1", "review", k2, {"outcome": "done", "meeting": k2})
        a.set_record(
            "wellbeing",
            "w1",
            "base",
            k1,
            {"scale": "who5", "answers": [3] * 5, "pseudonym": "gp-1"},
        )
        a.set_group_field("crisis_resources", "Call 111")
        world.now += 1000  # B's clock runs 0.7 s behind A's
        b.set_group_field("crisis_resources", "Call 112")  # later: wins
        world.settle()
        assert a.dump() == b.dump() == c.dump()
        kind, fields = a.state.records()["g1"]
        assert fields["review"]["value"] == {"outcome": "done", "meeting": k2}
        assert a.state.group_fields() == {"crisis_resources": "Call 112"}
        # A removal is a tombstone: an edit made later elsewhere does not bring it back.
        a.remove_record("wellbeing", "w1")
        world.settle()
        c.set_record(
            "wellbeing",
            "w1",
            "base",
            k1,
            {"scale": "who5", "answers": [1] * 5, "pseudonym": "gp-1"},
        )
        world.settle()
        assert all("w1" not in r.state.records() for r in world.replicas)
        # Forgetting the member: the goal stays (pseudonymous), its text is gone, and
        # the change files that carried it cannot be opened by anyone any more.
        c.forget_member(member)
        world.settle()
        for rep in world.replicas:
            _, fields = rep.state.records()["g1"]
            assert "text" not in fields and fields["base"]["value"]["pseudonym"] == "gp-1"
        check_forgotten_are_gone(world)


def test_compaction_replaces_applied_files_and_a_new_laptop_reads_the_snapshot() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp))
        a, b, c = world.replicas
        for _ in range(3):
            world.run(("add", 0))
        for n in range(6):
            a.count(MEETINGS[0], "walk_ins", 1)
            a.mark(MEETINGS[0], PSEUDONYMS[n % 2], "present")
            a.flush(world.folders[0])
        assert a.compact(world.folders[0], min_files=1) == 0  # nobody has applied them yet
        world.settle()
        mine = changefile.device_folder(world.folders[0], GROUP, a.device)
        before = sorted(p.name for p in mine.glob("*.gkops"))
        replaced = a.compact(world.folders[0], min_files=1)
        assert replaced == len(before) >= 7
        assert sorted(p.name for p in mine.glob("*.gkops")) == []
        (snapshot,) = mine.glob("snapshot-*.gksnap")
        # Older counts of the same counter are left out of the snapshot.
        opened = changefile.open_file(
            snapshot.read_bytes(), world.key, kind="snapshot", group=GROUP
        )
        counts = [e for e in opened.payload["entries"] if e["op"] == "counter.set"]
        assert [e["value"] for e in counts] == [6]
        # Later changes go on in files after the snapshot; a second compaction folds them.
        a.count(MEETINGS[0], "walk_ins", 1)
        world.settle()
        assert a.compact(world.folders[0], min_files=1) >= 1
        assert len(list(mine.glob("snapshot-*.gksnap"))) == 1
        world.settle()
        # A laptop that arrives now reads the snapshot and ends where the others are.
        newcomer = Replica(DeviceIdentity.generate(), GROUP, world.key, lambda: world.now)
        inbox = Path(tmp) / "newcomer"
        for rep, folder in zip(world.replicas, world.folders, strict=True):
            src = changefile.device_folder(folder, GROUP, rep.device)
            shutil.copytree(src, changefile.device_folder(inbox, GROUP, rep.device))
        assert newcomer.pull(inbox).refused == []
        assert newcomer.dump() == a.dump() == b.dump() == c.dump()
        assert newcomer.state.counter(MEETINGS[0], "walk_ins") == 7
