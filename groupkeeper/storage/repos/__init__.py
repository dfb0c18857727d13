"""The small, typed repository API over an unlocked vault's database.

``Store(db, folder)`` groups one repository per kind of record (one module each in this
package, over the shared ``base.Repo``). Every write is one transaction (``BEGIN IMMEDIATE``)
that is committed before the method returns, so an action the UI has acknowledged is durable
(the vault runs ``synchronous=FULL``). Every write runs inside ``faults.guarded`` so disk
problems arrive as ``DiskFull`` / ``ReadOnly`` / ``VaultGone``.

Meeting records reference members only by pseudonym. ``MemberRepo.forget`` deletes the
person (profile, notes, consents, goal texts) and leaves the pseudonymous records.
Repositories store what they are given: choosing a new group's agenda from its template is
the core's decision (``groupkeeper.agenda.fill_from_template``), not storage's.
"""

from groupkeeper.storage.repos.base import Repo, new_pseudonym
from groupkeeper.storage.repos.consents import ConsentRepo
from groupkeeper.storage.repos.disclosures import DisclosureRepo
from groupkeeper.storage.repos.goals import GoalRepo
from groupkeeper.storage.repos.groups import GroupRepo
from groupkeeper.storage.repos.meetings import MeetingRepo
from groupkeeper.storage.repos.members import ForgetResult, MemberHistory, MemberRepo
from groupkeeper.storage.repos.moods import MoodRepo
from groupkeeper.storage.repos.safety import SafetyRepo
from groupkeeper.storage.repos.settings import VAULT_SETTING_DEFAULTS, SettingsRepo
from groupkeeper.storage.repos.skills import SkillRepo
from groupkeeper.storage.repos.store import Clock, Store
from groupkeeper.storage.repos.wellbeing import WellbeingRepo

__all__ = [
    "VAULT_SETTING_DEFAULTS",
    "Clock",
    "ConsentRepo",
    "DisclosureRepo",
    "ForgetResult",
    "GoalRepo",
    "GroupRepo",
    "MeetingRepo",
    "MemberHistory",
    "MemberRepo",
    "MoodRepo",
    "Repo",
    "SafetyRepo",
    "SettingsRepo",
    "SkillRepo",
    "Store",
    "WellbeingRepo",
    "new_pseudonym",
]
