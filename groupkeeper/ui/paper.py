"""Documents the facilitator asks for on paper: one A4 PDF writer with proper margins.

``write_pdf(document, path, title)`` lays a ``QTextDocument`` out on A4 (2 cm margins and
page numbers from Qt's own text-document printing) and writes it where the user chose, and
nowhere else: the PDF is rendered into memory and written with
``fileio.atomic_write_bytes`` (owner-only, all or nothing), so no copy or half-written file
is left behind. The recovery key, the paper kit and a member's proof of attendance use it.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QLocale,
    QMarginsF,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from groupkeeper import fileio
from groupkeeper.attendance_proof import AttendanceProof
from groupkeeper.paper_kit import Kit, Sheet

RESOLUTION = 300


def long_date(day: date) -> str:
    """A date in words, in the app's language ("Tuesday 24 November 2026")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")


def esc(text: str) -> str:
    """Text (which may be a member's or group's name) made safe inside the HTML."""
    return html.escape(text, quote=True)


def document(body_html: str) -> QTextDocument:
    """A text document with the paper style (large enough to read, tables ruled)."""
    doc = QTextDocument()
    doc.setDefaultStyleSheet(
        "body { font-size: 11pt; }"
        "h1 { font-size: 18pt; margin-bottom: 6pt; }"
        "h2 { font-size: 14pt; margin-top: 14pt; }"
        "td, th { padding: 6px; }"
        "th { background-color: #eeeeee; text-align: left; }"
        ".key { font-family: monospace; font-size: 20pt; }"
        ".hint { color: #444444; }"
        ".write { font-size: 17pt; }"
    )
    doc.setHtml("<html><body>" + body_html + "</body></html>")
    return doc


def render_pdf(doc: QTextDocument, title: str) -> bytes:
    """The document as A4 PDF bytes (in memory only)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("GroupKeeper")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            # print_ adds its own 2 cm margins and the page numbers.
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def write_pdf(doc: QTextDocument, path: Path, title: str) -> None:
    """Write ``doc`` as an A4 PDF at ``path`` (replacing it only once it is complete).

    Raises:
        OSError: the folder cannot be written.
    """
    pdf = render_pdf(doc, title)
    if not pdf.startswith(b"%PDF"):
        raise OSError("the PDF could not be made")
    fileio.atomic_write_bytes(Path(path), pdf)


def recovery_key_document(key: str, vault_folder: Path, made_on: date) -> QTextDocument:
    """The recovery-key sheet for the vault in ``vault_folder``, dated ``made_on``."""
    return document(recovery_key_html(key, vault_folder.name, str(vault_folder), made_on))


def save_recovery_key_pdf(
    parent: QWidget | None, key: str, path: Path, vault_folder: Path, made_on: date
) -> bool:
    """Save the recovery-key sheet as a PDF; asks first when ``path`` is on this laptop.

    Returns True when it was written; problems are said to the user.
    """
    from groupkeeper.storage.errors import KnownError
    from groupkeeper.ui import messages
    from groupkeeper.ui.first_run import is_risky_place

    if is_risky_place(path, vault_folder) and not messages.confirm(
        parent,
        QCoreApplication.translate("paper", "Save on this laptop?"),
        QCoreApplication.translate(
            "paper",
            "This place is on this laptop. Anyone who takes the laptop could then open "
            "the vault. Paper or a USB stick kept elsewhere is much safer.\n\n"
            "Save here anyway?",
        ),
    ):
        return False
    try:
        write_pdf(
            recovery_key_document(key, vault_folder, made_on),
            path,
            QCoreApplication.translate("paper", "GroupKeeper recovery key"),
        )
    except KnownError as exc:
        messages.show_error(parent, exc)
        return False
    except OSError:
        messages.error(
            parent,
            QCoreApplication.translate(
                "paper", "The PDF could not be saved there. Try a USB stick."
            ),
        )
        return False
    return True


def recovery_key_html(key: str, vault_name: str, vault_folder: str, made_on: date) -> str:
    """The recovery-key sheet: what it is, which vault, when, and the key itself."""
    return "".join(
        [
            "<h1>" + esc(QCoreApplication.translate("paper", "GroupKeeper recovery key")) + "</h1>",
            "<table cellspacing='0' border='0'>",
            "<tr><td><b>"
            + esc(QCoreApplication.translate("paper", "Vault"))
            + f"</b></td><td>{esc(vault_name)}</td></tr>",
            "<tr><td><b>"
            + esc(QCoreApplication.translate("paper", "Folder"))
            + f"</b></td><td>{esc(vault_folder)}</td></tr>",
            "<tr><td><b>"
            + esc(QCoreApplication.translate("paper", "Made on"))
            + f"</b></td><td>{esc(long_date(made_on))}</td></tr>",
            "</table>",
            "<p>",
            esc(
                QCoreApplication.translate(
                    "paper",
                    "This key opens your GroupKeeper vault if the passphrase is forgotten. "
                    "Keep it somewhere safe, away from the laptop. Anyone who has it and the "
                    "vault can read the group's records.",
                )
            ),
            "</p>",
            f"<p class='key'>{esc(key)}</p>",
            "<p class='hint'>",
            esc(
                QCoreApplication.translate(
                    "paper",
                    "A newer recovery key, if one is made later, replaces this one: "
                    "then destroy this sheet.",
                )
            ),
            "</p>",
        ]
    )


# -- The paper kit ---------------------------------------------------------------------

_BREAK = "<p style='page-break-before: always'></p>"


def _table(headers: list[str], rows: int, widths: list[int] | None = None) -> str:
    """A ruled table with empty rows to write in by hand."""
    cells = "".join(
        f"<th width='{widths[i]}%'>{esc(h)}</th>" if widths else f"<th>{esc(h)}</th>"
        for i, h in enumerate(headers)
    )
    # Rows tall enough to write in by hand (about 9 mm each).
    blank = "<tr>" + "".join("<td class='write'>&nbsp;</td>" for _ in headers) + "</tr>"
    return (
        "<table width='100%' border='1' cellspacing='0' cellpadding='6'>"
        f"<tr>{cells}</tr>" + blank * rows + "</table>"
    )


def _sheet_heading(title: str, kit: Kit) -> str:
    return (
        f"<h1>{esc(title)}</h1>"
        + "<p><b>"
        + esc(QCoreApplication.translate("paper", "Group"))
        + f":</b> {esc(kit.group_name)}"
        + "&nbsp;&nbsp;&nbsp;<b>"
        + esc(QCoreApplication.translate("paper", "Date"))
        + ":</b> ____________________</p>"
    )


def paper_kit_html(kit: Kit) -> str:
    """The sheets of ``kit``, one per page, laid out like "Enter a past meeting"."""
    scale = f"{kit.scale_low}-{kit.scale_high}"
    parts: list[str] = []
    wellbeing_at = 0
    for sheet in kit.sheets:
        if parts:
            parts.append(_BREAK)
        if sheet is Sheet.SIGN_IN:
            parts.append(_sheet_heading(QCoreApplication.translate("paper", "Sign-in sheet"), kit))
            hint = QCoreApplication.translate(
                "paper",
                "Tick one box per person. Type it in afterwards with Enter a past meeting; "
                "then shred this sheet.",
            )
            parts.append(f"<p class='hint'>{esc(hint)}</p>")
            parts.append(
                _table(
                    [
                        QCoreApplication.translate("paper", "Name (first name or nickname)"),
                        QCoreApplication.translate("paper", "Here"),
                        QCoreApplication.translate("paper", "First time here"),
                        QCoreApplication.translate("paper", "Sent apologies"),
                    ],
                    kit.rows,
                    [52, 12, 18, 18],
                )
            )
            parts.append(
                "<p><b>"
                + esc(
                    QCoreApplication.translate(
                        "paper", "Walk-ins who stayed anonymous (count only)"
                    )
                )
                + ":</b> ______</p>"
            )
        elif sheet is Sheet.MOODS:
            parts.append(_sheet_heading(QCoreApplication.translate("paper", "Mood check"), kit))
            parts.append(
                "<p class='hint'>"
                + esc(
                    QCoreApplication.translate(
                        "paper", "Scores from %1; write P for a pass."
                    ).replace("%1", scale)
                )
                + "</p>"
            )
            headers = [
                QCoreApplication.translate("paper", "Name"),
                QCoreApplication.translate("paper", "Opening score"),
                QCoreApplication.translate("paper", "Feeling word"),
            ]
            widths = [40, 18, 42]
            if kit.closing_round:
                headers.append(QCoreApplication.translate("paper", "Closing score"))
                widths = [34, 16, 32, 18]
            parts.append(_table(headers, kit.rows, widths))
        elif sheet is Sheet.MOOD_TALLY:
            parts.append(
                _sheet_heading(
                    QCoreApplication.translate("paper", "Mood check (tally, no names)"), kit
                )
            )
            columns = [
                QCoreApplication.translate("paper", "Score"),
                QCoreApplication.translate("paper", "Opening round: tally"),
            ]
            if kit.closing_round:
                columns.append(QCoreApplication.translate("paper", "Closing round: tally"))
            rows = "".join(
                "<tr><td><b>"
                + str(score)
                + "</b></td>"
                + "<td>&nbsp;</td>" * (len(columns) - 1)
                + "</tr>"
                for score in range(kit.scale_low, kit.scale_high + 1)
            )
            rows += (
                "<tr><td class='write'><b>"
                + esc(QCoreApplication.translate("paper", "Passed"))
                + "</b></td>"
                + "<td class='write'>&nbsp;</td>" * (len(columns) - 1)
                + "</tr>"
            )
            head = "".join(f"<th>{esc(c)}</th>" for c in columns)
            parts.append(
                "<table width='100%' border='1' cellspacing='0' cellpadding='10'>"
                f"<tr>{head}</tr>{rows}</table>"
            )
        elif sheet is Sheet.GOALS:
            parts.append(_sheet_heading(QCoreApplication.translate("paper", "Goals"), kit))
            headers = [QCoreApplication.translate("paper", "Name")]
            widths = [28]
            if kit.goals_review:
                headers.append(
                    QCoreApplication.translate(
                        "paper", "Last week's goal: done / partly / not yet / dropped"
                    )
                )
                widths.append(32)
            if kit.goal_setting:
                headers.append(QCoreApplication.translate("paper", "Goal for this week"))
                widths.append(100 - sum(widths))
            parts.append(_table(headers, 14, widths))
        elif sheet is Sheet.WELLBEING:
            wellbeing_at = len(parts) - 1  # before its page break
            parts.append(_wellbeing_form(kit))
        elif sheet is Sheet.SKILLS:
            parts.append(
                _sheet_heading(QCoreApplication.translate("paper", "Coping skills shared"), kit)
            )
            parts.append(
                _table(
                    [
                        QCoreApplication.translate("paper", "Skill"),
                        QCoreApplication.translate("paper", "Category"),
                        QCoreApplication.translate("paper", "Shared by (optional)"),
                    ],
                    12,
                    [45, 25, 30],
                )
            )
    no_notes = QCoreApplication.translate(
        "paper", "Write no private notes on paper: add them in the app afterwards."
    )
    footer = (
        "<p><b>"
        + esc(QCoreApplication.translate("paper", "Safety concerns counted"))
        + ":</b> ______&nbsp;&nbsp;&nbsp;"
        + f"<span class='hint'>{esc(no_notes)}</span></p>"
    )
    # On the facilitator's last sheet, not on the questionnaire each person gets a copy of.
    last = len(parts) if Sheet.WELLBEING not in kit.sheets else wellbeing_at
    parts.insert(last, footer)
    return "".join(parts)


def _wellbeing_form(kit: Kit) -> str:
    """The group's wellbeing questionnaire as published, to copy once per person; its
    statements are numbered like the columns of the wellbeing check's grid."""
    from groupkeeper import wellbeing

    scale = wellbeing.load_scale(kit.wellbeing_scale)
    language = QLocale().name()[:2]
    published = scale.available_in(language)
    text = scale.text(language) if published else scale.text("en")
    labels = dict(text.responses)
    values = [value for value, _words in text.responses]
    anchors = ""
    if sorted(values) != list(range(scale.item_min, scale.item_max + 1)):
        # Only the ends are labelled (0 = not at all ... 10 = completely): numbers as
        # the columns, what the ends mean above them.
        values = list(range(scale.item_min, scale.item_max + 1))
        anchors = "<p>" + esc(",   ".join(f"{v} = {w}" for v, w in text.responses)) + "</p>"
        labels = {}
    title = QCoreApplication.translate("paper", "Wellbeing questionnaire")
    hint = QCoreApplication.translate(
        "paper",
        "One copy per person, filled in by that person. Type the answers in afterwards "
        "in the wellbeing check of Enter a past meeting (the statements are numbered like "
        "its columns); then shred the forms.",
    )
    name = QCoreApplication.translate("paper", "Name (first name or nickname)")
    statement_width = 40 if len(values) <= 6 else 34
    each = (100 - statement_width) // len(values)
    heads = "".join(
        f"<th align='center' width='{each}%'>{value}"
        + (f"<br/><small>{esc(labels[value])}</small>" if value in labels else "")
        + "</th>"
        for value in values
    )
    rows = "".join(
        f"<tr><td width='{statement_width}%'>{i + 1}. {esc(item)}</td>"
        + "<td class='write' align='center'>&#9633;</td>" * len(values)
        + "</tr>"
        for i, item in enumerate(text.items)
    )
    stem = f"<p><b>{esc(text.stem)}:</b></p>" if text.stem else ""
    if not published and language not in ("en", "C"):  # never translated by us
        only = QCoreApplication.translate(
            "paper", "This questionnaire is printed in its published English wording."
        )
        hint += " " + only
    return (
        _sheet_heading(title, kit)
        + f"<p class='hint'>{esc(hint)}</p>"
        + f"<p><b>{esc(name)}:</b> ________________________________</p>"
        + f"<h2>{esc(text.title)}</h2>"
        + f"<p>{esc(text.instructions)}</p>"
        + stem
        + anchors
        + "<table width='100%' border='1' cellspacing='0' cellpadding='6'>"
        + f"<tr><th width='{statement_width}%'>&nbsp;</th>{heads}</tr>{rows}</table>"
    )


# -- Proof of attendance ---------------------------------------------------------------


def attendance_proof_html(proof: AttendanceProof, signed_by: str, made_on: date) -> str:
    """A one-member proof of attendance, to be signed by the facilitator."""
    rows = "".join(
        f"<tr><td>{esc(long_date(date.fromisoformat(day)))}</td><td>{esc(group)}</td></tr>"
        for day, group in proof.attended
    )
    if not rows:
        rows = (
            "<tr><td colspan='2'>"
            + esc(QCoreApplication.translate("paper", "No meetings attended in this period."))
            + "</td></tr>"
        )
    intro = (
        QCoreApplication.translate(
            "paper",
            "This is to confirm that %1 attended the meetings listed below between %2 and %3.",
        )
        .replace("%1", proof.name)
        .replace("%2", long_date(proof.period_start))
        .replace("%3", long_date(proof.period_end))
    )
    return "".join(
        [
            "<h1>" + esc(QCoreApplication.translate("paper", "Proof of attendance")) + "</h1>",
            f"<p>{esc(intro)}</p>",
            "<table width='100%' border='1' cellspacing='0' cellpadding='6'>",
            "<tr><th width='55%'>"
            + esc(QCoreApplication.translate("paper", "Date"))
            + "</th><th>"
            + esc(QCoreApplication.translate("paper", "Group"))
            + "</th></tr>",
            rows,
            "</table>",
            "<p><b>"
            + esc(
                QCoreApplication.translate("paper", "Meetings attended: %1").replace(
                    "%1", str(len(proof.attended))
                )
            )
            + "</b></p>",
            "<p>&nbsp;</p>",
            "<p>"
            + esc(QCoreApplication.translate("paper", "Signed"))
            + ": ______________________________</p>",
            "<p>"
            + esc(QCoreApplication.translate("paper", "Facilitator"))
            + f": {esc(signed_by) or '_' * 30}</p>",
            "<p>"
            + esc(QCoreApplication.translate("paper", "Date"))
            + f": {esc(long_date(made_on))}</p>",
            "<p class='hint'>"
            + esc(
                QCoreApplication.translate(
                    "paper", "Made at the request of the person named above."
                )
            )
            + "</p>",
        ]
    )
