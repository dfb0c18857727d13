"""Demo data: fictional members and years of weekly meetings (no Qt, no SQL).

Used by ``groupkeeper --demo``, ``groupkeeper make-demo``, tests and benchmarks. Everything
is invented: first names from many cultures, phone numbers only from the UK's reserved
drama range (01632 960xxx), e-mail addresses at ``example.org``, and every free text that
could look real (agreements, crisis resources, notes) is marked "(demo)".

The same ``seed`` and ``today`` always give the same vault contents. Records are written
with ``storage.bulk`` in one transaction, so 10,000 members and 20 groups x 5 years take
seconds rather than the hours one fsync per action would.

How a group's year looks: a core of regulars is there from the first week, others join
over time; each person has a lifetime with the group (some stay for years, some come once
or twice and drift away), a chance of coming each week, and a chance of sending apologies
when they do not. Opening moods drift slightly upward for people who keep coming; some
weeks have a closing round; skills are shared from the starter library (and a couple the
groups added); goals are set and reviewed later with a realistic mix of outcomes; a few
meetings count a safety concern.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from groupkeeper import agenda as agenda_mod
from groupkeeper.agenda import Segment, SegmentKind
from groupkeeper.meeting_rules import DAYS as _DAYS
from groupkeeper.model import (
    Attendance,
    AttendanceStatus,
    Goal,
    GoalOutcome,
    Group,
    Meeting,
    MeetingState,
    Member,
    MoodCheck,
    MoodRound,
    MoodScale,
    SafetyNote,
    SkillShare,
)
from groupkeeper.storage import bulk
from groupkeeper.storage.repos import Store

#: The passphrase of ``--demo`` vaults (shown on their unlock screen; nothing real inside).
DEMO_PASSPHRASE = "demo-only-fictional-people"  # noqa: S105  (public by design)

MAX_MEMBERS = 10_000
MAX_GROUPS = 20
MAX_YEARS = 5

FIRST_NAMES = (
    "Maya", "Ali", "Sam", "Jo", "Dee", "Kim", "Aisha", "Tomasz", "Priya", "Kwame",
    "Mei", "Diego", "Fatima", "Oluwaseun", "Ingrid", "Rahul", "Chloé", "Yusuf", "Siobhán",
    "Hamid", "Leilani", "Mateo", "Zoë", "Kenji", "Amara", "Bogdan", "Esperanza", "Farid",
    "Grace", "Hiroshi", "Imani", "Jamal", "Katarzyna", "Lars", "Marisol", "Nkechi", "Omar",
    "Paloma", "Quentin", "Rosa", "Sanjay", "Tariq", "Ula", "Valentina", "Wen", "Ximena",
    "Yara", "Zainab", "Aroha", "Bilal", "Carmen", "Dmitri", "Eilidh", "Femi", "Gwen",
    "Hana", "Ibrahim", "Jude", "Kalani", "Lucía", "Magnus", "Nadia", "Orla", "Pedro",
    "Rania", "Stellan", "Thandiwe", "Uzma", "Vikram", "Wanjiru", "Yosef", "Zara", "Alex",
    "Robin", "Charlie", "Taylor", "Jordan", "Ngozi", "Anh", "Björn", "Cyrus", "Dalia",
    "Emeka", "Fiona", "Goran", "Hyun", "Isla", "José", "Khadija", "Liam", "Mohammed",
    "Niamh", "Oskar", "Parisa", "Rui", "Saoirse", "Tobias", "Ugo", "Vera", "Wiremu", "Łukasz",
)  # fmt: skip

SURNAMES = (
    "Ashdown", "Brightwater", "Caldermoor", "Dunleavy", "Elmsworth", "Fairbairn", "Glenholm",
    "Harrowgate", "Ivybridge", "Juniper", "Kestrel", "Larkfield", "Meadowcroft", "Northcote",
    "Oakhurst", "Penhallow", "Quillfeather", "Rookwood", "Sallowmere", "Thornbury",
    "Underhill", "Vantorre", "Wrenfield", "Yarrowby", "Zephyrine",
)  # fmt: skip

FEELING_WORDS = (
    "hopeful", "tired", "calm", "anxious", "okay", "grateful", "restless", "content",
    "low", "proud", "stressed", "lighter", "flat", "relieved", "nervous",
)  # fmt: skip

GOAL_TEXTS = (
    "Walk for 15 minutes on three days this week",
    "Call my sister on Sunday",
    "Go to bed before 11 on weeknights",
    "Use box breathing when I notice my chest getting tight",
    "Cook one proper meal on Wednesday",
    "Write three good things each evening",
    "Reply to the letter from the council by Friday",
    "Spend 20 minutes in the park on Saturday",
    "Text someone from the group midweek",
    "Keep my phone out of the bedroom for four nights",
    "Try the 5-4-3-2-1 grounding once a day",
    "Tidy one drawer, just one",
    "Say no to one extra shift",
    "Go to the library on Tuesday",
    "Drink water with every meal",
    "Do ten minutes of stretching each morning",
    "Book the GP appointment I keep putting off",
    "Limit news to once a day",
    "Draw or doodle for ten minutes on two evenings",
    "Ask for help with the shopping",
)

GROUP_ADDED_SKILLS = (
    ("Tea and a crossword", "Activity and meaning"),
    ("Singing along in the car", "Body and breath"),
)

_KINDS = ("Circle", "Drop-in", "Check-in", "Peer Group", "Evening Group")
_PLACES = (
    "Community centre, room 2 (demo)",
    "Library meeting room (demo)",
    "Church hall, side room (demo)",
    "Wellbeing hub, upstairs (demo)",
)
_TEMPLATES = (agenda_mod.WEEKLY, agenda_mod.CHECK_IN_WORK_CHECK_OUT, agenda_mod.DROP_IN)
_TIMES = ("18:30", "19:00", "10:30", "14:00")
_PSEUDONYM_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

AGREEMENTS = (
    "(demo) What is said here stays here.\n"
    "(demo) We listen without fixing, and speak for ourselves.\n"
    "(demo) Everyone may pass.\n"
    "(demo) We respect the time: one person at a time, phones on silent."
)
CRISIS_RESOURCES = (
    "(demo) Crisis line: 01632 960000 (fictional number)\n"
    "(demo) Local urgent care: Example Street Health Centre (fictional)\n"
    "(demo) Replace these with your own area's services."
)
ESCALATION_STEPS = (
    "(demo) 1. Stay calm and stay with the person.\n"
    "(demo) 2. Ask directly about safety.\n"
    "(demo) 3. Call the crisis line together, or emergency services if in danger.\n"
    "(demo) 4. Tell the coordinator the same day."
)


@dataclass
class DemoSummary:
    """How much was written (counts only)."""

    groups: int = 0
    members: int = 0
    meetings: int = 0
    attendances: int = 0
    apologies: int = 0
    moods: int = 0
    skill_shares: int = 0
    goals: int = 0
    goals_reviewed: int = 0
    safety_concerns: int = 0


@dataclass
class _Person:
    member: Member
    join_week: int
    leave_week: int
    regular: bool
    attend_p: float
    apologies_p: float
    baseline: float  # typical mood, 0..1 of the scale
    attended: int = 0
    open_goal: Goal | None = None


@dataclass
class _GroupPlan:
    group: Group
    people: list[_Person] = field(default_factory=list)
    segments: set[SegmentKind] = field(default_factory=set)
    closing_mood: bool = False


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum()) or "member"


def _pseudonym(rng: random.Random, taken: set[str]) -> str:
    # Random like the real ones; drawn from the seeded generator so a demo is repeatable.
    while True:
        value = "P-" + "".join(rng.choice(_PSEUDONYM_ALPHABET) for _ in range(10))
        if value not in taken:
            taken.add(value)
            return value


def _group_agenda(template_id: str) -> list[Segment]:
    segments = agenda_mod.template(template_id)
    if not any(s.kind is SegmentKind.MOOD_ROUND for s in segments):
        # These groups saved their own agenda with a short mood round after check-in.
        segments.insert(1, Segment(SegmentKind.MOOD_ROUND, 10))
    return segments


def _stamp(day: date, at: time, minutes: int) -> str:
    moment = datetime.combine(day, at) + timedelta(minutes=minutes)
    return moment.isoformat(timespec="seconds") + "+00:00"


def _check_size(members: int, groups: int, years: int) -> None:
    if not 1 <= groups <= MAX_GROUPS:
        raise ValueError(f"groups must be 1..{MAX_GROUPS}")
    if not groups <= members <= MAX_MEMBERS:
        raise ValueError(f"members must be {groups}..{MAX_MEMBERS}")
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"years must be 1..{MAX_YEARS}")


def generate(
    store: Store,
    *,
    members: int = 40,
    groups: int = 2,
    years: int = 1,
    seed: int = 1,
    today: date | None = None,
) -> DemoSummary:
    """Fill an (empty) vault with fictional groups, members and closed weekly meetings.

    Args:
        store: The unlocked vault's repositories.
        members: Number of fictional members (spread over the groups), up to 10,000.
        groups: Number of groups (templates taken in turn), up to 20.
        years: Years of weekly meetings before ``today``, up to 5.
        seed: Same seed (and ``today``) gives the same data.
        today: The day the history ends before (default: the real today).

    Returns:
        Counts of what was written.

    Raises:
        ValueError: A size outside the limits above.
    """
    _check_size(members, groups, years)
    rng = random.Random(seed)
    today = today or date.today()
    weeks = 52 * years
    summary = DemoSummary(groups=groups, members=members)
    taken: set[str] = set()

    with bulk.session(store) as writer:
        categories = {c.name: c.id for c in store.skills.categories()}
        library = [s for s in store.skills.skills() if s.builtin and s.id is not None]
        own_skills = []
        for name, category in GROUP_ADDED_SKILLS:
            category_id = categories.get(category) or next(iter(categories.values()))
            assert category_id is not None
            own_skills.append(store.skills.add_skill(name, category_id))
        # A few skills are everyone's favourites; the long tail still gets used.
        weights = [1.0 / (1 + (i % 12)) for i in range(len(library))]

        plans = _plan_groups(store, rng, groups, members, weeks, today, taken)
        all_members = [p.member for plan in plans for p in plan.people]
        writer.add_members(all_members, _stamp(today, time(9), 0))

        attendance: list[Attendance] = []
        moods: list[MoodCheck] = []
        shares: list[SkillShare] = []
        goals: list[Goal] = []
        notes: list[SafetyNote] = []
        for plan in plans:
            group = plan.group
            assert group.id is not None
            scale = group.mood_scale
            at = time.fromisoformat(group.meeting_time)
            last = today - timedelta(
                days=((today.weekday() - _DAYS.index(group.meeting_day)) % 7 or 7)
            )
            first = last - timedelta(weeks=weeks - 1)
            active: list[list[_Person]] = [[] for _ in range(weeks)]
            for person in plan.people:
                for week in range(person.join_week, min(person.leave_week, weeks)):
                    active[week].append(person)
            for week in range(weeks):
                day = first + timedelta(weeks=week)
                if rng.random() < 0.03 and week not in (0, weeks - 1):
                    continue  # a holiday week: no meeting
                concerns = 1 if rng.random() < 0.03 else 0
                if concerns and rng.random() < 0.2:
                    concerns = 2
                meeting = Meeting(
                    group_id=group.id,
                    date=day.isoformat(),
                    state=MeetingState.CLOSED,
                    started_at=_stamp(day, at, 0),
                    ended_at=_stamp(day, at, 90),
                    agenda=list(group.agenda),
                    walk_ins=rng.choice((0, 0, 0, 0, 1, 1, 2)),
                    safety_concerns=concerns,
                    next_meeting_date=(day + timedelta(weeks=1)).isoformat(),
                    entered_after=rng.random() < 0.02,
                )
                meeting_id = writer.add_meeting(meeting)
                summary.meetings += 1
                summary.safety_concerns += concerns
                if concerns and rng.random() < 0.5:
                    notes.append(SafetyNote(meeting_id, "(demo note)", _stamp(day, at, 70)))

                present: list[_Person] = []
                for person in active[week]:
                    if rng.random() < person.attend_p:
                        present.append(person)
                        attendance.append(
                            Attendance(
                                meeting_id,
                                person.member.pseudonym,
                                AttendanceStatus.PRESENT,
                                is_new=person.attended == 0,
                                recorded_at=_stamp(day, at, rng.randint(0, 20)),
                            )
                        )
                        person.attended += 1
                    elif rng.random() < person.apologies_p:
                        attendance.append(
                            Attendance(
                                meeting_id,
                                person.member.pseudonym,
                                AttendanceStatus.APOLOGIES,
                                recorded_at=_stamp(day, at, 1),
                            )
                        )
                        summary.apologies += 1
                summary.attendances += len(present)

                opening: dict[str, float] = {}
                if SegmentKind.MOOD_ROUND in plan.segments:
                    for person in present:
                        value = _mood_value(rng, person)
                        opening[person.member.pseudonym] = value
                        moods.append(
                            _mood(rng, meeting_id, MoodRound.OPENING, scale, value, person, group,
                                  _stamp(day, at, 15), pass_p=0.08)
                        )  # fmt: skip
                if plan.closing_mood and rng.random() < 0.6:
                    for person in present:
                        base = opening.get(person.member.pseudonym, _mood_value(rng, person))
                        value = min(1.0, max(0.0, base + rng.gauss(0.06, 0.08)))
                        moods.append(
                            _mood(rng, meeting_id, MoodRound.CLOSING, scale, value, person, group,
                                  _stamp(day, at, 85), pass_p=0.05)
                        )  # fmt: skip

                if SegmentKind.SKILL_SHARE in plan.segments and library:
                    for _ in range(rng.randint(1, 4)):
                        if own_skills and rng.random() < 0.05:
                            skill_id = rng.choice(own_skills).id
                        else:
                            skill_id = rng.choices(library, weights)[0].id
                        assert skill_id is not None
                        who = (
                            rng.choice(present).member.pseudonym
                            if present and rng.random() < 0.7
                            else None
                        )
                        shares.append(SkillShare(meeting_id, skill_id, who, _stamp(day, at, 50)))

                for person in present:
                    goal = person.open_goal
                    if goal is not None:
                        goal.outcome = rng.choices(
                            (GoalOutcome.DONE, GoalOutcome.PARTLY, GoalOutcome.NOT_YET,
                             GoalOutcome.DROPPED),
                            (40, 25, 25, 10),
                        )[0]  # fmt: skip
                        goal.reviewed_meeting_id = meeting_id
                        goal.reviewed_at = _stamp(day, at, 35)
                        person.open_goal = None
                        summary.goals_reviewed += 1
                if SegmentKind.GOAL_SETTING in plan.segments:
                    for person in present:
                        if rng.random() < 0.55:
                            goal = Goal(
                                person.member.pseudonym,
                                rng.choice(GOAL_TEXTS),
                                meeting_id,
                                created_at=_stamp(day, at, 75),
                            )
                            goals.append(goal)
                            person.open_goal = goal

        writer.add_attendance(attendance)
        writer.add_moods(moods)
        writer.add_skill_shares(shares)
        writer.add_goals(goals)
        writer.add_safety_notes(notes)
    summary.moods = len(moods)
    summary.skill_shares = len(shares)
    summary.goals = len(goals)
    return summary


def _mood_value(rng: random.Random, person: _Person) -> float:
    # Regulars drift slightly upward the longer they keep coming.
    lift = (0.15 if person.regular else 0.05) * min(1.0, person.attended / 15)
    return min(1.0, max(0.0, person.baseline + lift + rng.gauss(0, 0.12)))


def _mood(
    rng: random.Random,
    meeting_id: int,
    round: MoodRound,
    scale: MoodScale,
    value: float,
    person: _Person,
    group: Group,
    stamp: str,
    *,
    pass_p: float,
) -> MoodCheck:
    passed = rng.random() < pass_p
    score = None if passed else scale.low + round_half(value * (scale.high - scale.low))
    word = rng.choice(FEELING_WORDS) if not passed and rng.random() < 0.3 else ""
    return MoodCheck(
        meeting_id,
        round,
        scale,
        score,
        pseudonym=None if group.tally_only_moods else person.member.pseudonym,
        passed=passed,
        feeling_word="" if group.tally_only_moods else word,
        recorded_at=stamp,
    )


def round_half(value: float) -> int:
    """Round half up (``round`` would round 2.5 to 2)."""
    return int(value + 0.5)


def _plan_groups(
    store: Store,
    rng: random.Random,
    groups: int,
    members: int,
    weeks: int,
    today: date,
    taken: set[str],
) -> list[_GroupPlan]:
    plans: list[_GroupPlan] = []
    for index in range(groups):
        template_id = _TEMPLATES[index % len(_TEMPLATES)]
        segments = _group_agenda(template_id)
        day = _DAYS[(1 + 2 * index) % 7]
        kind = _KINDS[index % len(_KINDS)]
        name = f"{day} {kind}" + (f" {index // 7 + 1}" if groups > 7 else "")
        group = store.groups.add(
            Group(
                name=name + " (demo)",
                meeting_day=day,
                meeting_time=_TIMES[index % len(_TIMES)],
                place=_PLACES[index % len(_PLACES)],
                template=template_id,
                agenda=agenda_mod.to_dicts(segments),
                agreements=AGREEMENTS,
                crisis_resources=CRISIS_RESOURCES,
                escalation_steps=ESCALATION_STEPS,
                mood_scale=MoodScale.ELEVEN if index % 3 == 1 else MoodScale.FIVE,
                tally_only_moods=index % 6 == 5,
            )
        )
        plans.append(
            _GroupPlan(
                group,
                segments={s.kind for s in segments},
                closing_mood=any(bool(s.options.get("closing_mood")) for s in segments),
            )
        )

    start = today - timedelta(weeks=weeks)
    per_group = [members // groups + (1 if i < members % groups else 0) for i in range(groups)]
    for plan, count in zip(plans, per_group, strict=True):
        assert plan.group.id is not None
        target_active = 18
        mean_life = min(3.0 * weeks, max(6.0, target_active * weeks / count))
        core = min(count, 15)
        used_names: set[str] = set()
        for i in range(count):
            regular = rng.random() < 0.5
            join = 0 if i < core else rng.randrange(1, weeks) if weeks > 1 else 0
            life = rng.expovariate(1.0 / (mean_life * (2.0 if regular else 0.6)))
            leave = join + max(1, int(life))
            plan.people.append(
                _Person(
                    member=_fictional_member(rng, plan, used_names, start + timedelta(weeks=join),
                                             gone=leave < weeks - 12, taken=taken),
                    join_week=join,
                    leave_week=leave,
                    regular=regular,
                    attend_p=0.85 if regular else 0.6,
                    apologies_p=0.35 if regular else 0.15,
                    baseline=min(0.9, max(0.1, rng.gauss(0.5, 0.13))),
                )
            )  # fmt: skip
    return plans


def _fictional_member(
    rng: random.Random,
    plan: _GroupPlan,
    used_names: set[str],
    joined: date,
    *,
    gone: bool,
    taken: set[str],
) -> Member:
    assert plan.group.id is not None
    first = rng.choice(FIRST_NAMES)
    surname = rng.choice(SURNAMES)
    display = first if first not in used_names else f"{first} {surname[0]}."
    used_names.add(display)
    phone = f"01632 960{rng.randrange(1000):03d}" if rng.random() < 0.5 else ""
    email = f"{_ascii(first)}.{rng.randrange(1000)}@example.org" if rng.random() < 0.3 else ""
    emergency = (
        f"{rng.choice(('Sister', 'Brother', 'Friend', 'Partner', 'Parent'))} (demo), "
        f"01632 960{rng.randrange(1000):03d}"
        if rng.random() < 0.2
        else ""
    )
    return Member(
        display_name=display,
        full_name=f"{first} {surname}" if rng.random() < 0.6 else "",
        pronouns=rng.choice(("she/her", "he/him", "they/them")) if rng.random() < 0.4 else "",
        phone=phone,
        email=email,
        emergency_contact=emergency,
        contact_consent=rng.random() < 0.7,
        notes="(demo note)" if rng.random() < 0.05 else "",
        joined_on=joined.isoformat(),
        active=not (gone and rng.random() < 0.5),
        group_ids=[plan.group.id],
        pseudonym=_pseudonym(rng, taken),
    )


def make_demo_vault(
    folder: Path,
    passphrase: str = DEMO_PASSPHRASE,
    members: int = 40,
    groups: int = 2,
    years: int = 1,
    *,
    seed: int = 1,
    today: date | None = None,
) -> Path:
    """Create a new vault in ``folder`` and fill it with demo data; the vault is locked after.

    Raises:
        VaultExists: ``folder`` already holds a vault (left untouched).
        ValueError: a size outside the limits of ``generate``.
    """
    from groupkeeper.storage.vault import Vault

    _check_size(members, groups, years)
    vault, _recovery_key = Vault.create(Path(folder), passphrase)
    try:
        generate(
            Store(vault.db, vault.folder),
            members=members,
            groups=groups,
            years=years,
            seed=seed,
            today=today,
        )
    finally:
        vault.lock()
    return Path(folder)


__all__ = [
    "DEMO_PASSPHRASE",
    "DemoSummary",
    "generate",
    "make_demo_vault",
]
