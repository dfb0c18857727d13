"""The starter library of coping skills, seeded into every new vault.

Names are stored as these English keys (stable data: exports name starter skills by them).
They are also marked for translation (``STARTER_NAMES``, context ``StarterSkills``, read by
``tools/i18n.py``): the UI shows a ``builtin`` skill or category in the user's language,
and the ones a group adds exactly as typed. Starter skills are marked ``builtin`` so
exports may name them; skills a group adds are exported only as category counts.
"""

from __future__ import annotations

STARTER_SKILLS: dict[str, list[str]] = {
    "Body and breath": [
        "Slow breathing (4-7-8)",
        "Box breathing",
        "Progressive muscle relaxation",
        "Grounding with the five senses (5-4-3-2-1)",
        "Cold water on the face",
    ],
    "Mind and thoughts": [
        "Noticing and naming the thought",
        "Challenging an unhelpful thought",
        "Worry time",
        "Self-compassion break",
        "Gratitude list",
    ],
    "Movement and body care": [
        "A short walk",
        "Gentle stretching",
        "Regular sleep routine",
        "Eating regular meals",
    ],
    "Connection": [
        "Calling or texting a friend",
        "Reaching out to a peer from the group",
        "Asking for help early",
        "Spending time with a pet",
    ],
    "Activity and meaning": [
        "Planning one small pleasant activity",
        "Creative activity (drawing, music, writing)",
        "Volunteering or helping someone",
        "Time in nature",
    ],
    "Crisis and urges": [
        "Urge surfing",
        "Using a safety plan",
        "Distraction with a timer",
        "Removing triggers from the home",
        "Calling a helpline",
    ],
    "Boundaries and routine": [
        "Saying no kindly",
        "Breaking a task into small steps",
        "Limiting news and social media",
        "Journaling at the end of the day",
    ],
}

#: Every starter category and skill name, for translation (``tools/i18n.py`` DATA_TABLES).
STARTER_NAMES: dict[str, str] = {
    text: text for category, skills in STARTER_SKILLS.items() for text in (category, *skills)
}
