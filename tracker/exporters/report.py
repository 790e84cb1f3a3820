"""Render a WeeklyReport as Markdown, one self-contained HTML page, or JSON.

Templates live in `templates/` (package data) and run on Jinja2. Every text that
comes from a document is escaped for its output: HTML by Jinja's autoescaping,
Markdown by a `finalize` hook that escapes every printed value unless it was
built as MarkdownText by a filter here. The HTML page has inline CSS, an inline
SVG timeline, no script and a Content-Security-Policy that forbids loading
anything, so it can be mailed or printed as it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tracker.domain.report import ComplianceRecord, IsoWeek, ItemLine, Listing, Timeline, WeeklyReport
from tracker.gazetteer import party_name
from tracker.speed.json_text import ReprFloat

if TYPE_CHECKING:
    from _typeshed import DataclassInstance
    from jinja2 import Environment

__all__ = [
    "REPORT_FORMAT",
    "COMPLIANCE_FORMAT",
    "MarkdownText",
    "escape_markdown",
    "render_markdown",
    "render_html",
    "report_to_json",
    "compliance_to_json",
    "render_compliance_text",
    "report_subject",
]

REPORT_FORMAT = "tracker.weekly-report/1"
COMPLIANCE_FORMAT = "tracker.compliance/1"


# Markdown escaping


class MarkdownText(str):
    """Markdown that is already safe: printed as it is by the Markdown templates."""


# Characters that start emphasis, code, links, raw HTML, tables or strikethrough
# anywhere in a line. Line-start markers (#, -, +, 1.) need no escape because a
# document text is never printed at the start of a line, and newlines inside it
# are folded into spaces.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_markdown(value: object) -> MarkdownText:
    """`value` as one line of Markdown that shows exactly its characters."""
    if isinstance(value, MarkdownText):
        return value
    text = _SPACES.sub(" ", _CONTROL.sub("", str(value))).strip()
    return MarkdownText(_MD_SPECIAL.sub(r"\\\1", text))


def _md_finalize(value: object) -> object:
    if value is None:
        return ""
    return escape_markdown(value)


def _md_link(text: object, url: str | None) -> MarkdownText:
    """[text](url), or the escaped text alone without a URL."""
    label = escape_markdown(text)
    if not url:
        return label
    target = quote(url, safe=":/?#@!$&'*+,;=%~-._")
    return MarkdownText(f"[{label}]({target})")


# Shared filters


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def _span(item: ItemLine) -> tuple[dt.date, dt.date] | None:
    """The window's first and last day; None for an open-ended item (a window has both dates or neither)."""
    if item.window_start is None or item.window_end is None:
        return None
    return item.window_start, item.window_end


def _window(item: ItemLine) -> str:
    """The due window: what the text said, and its dates."""
    span = _span(item)
    if span is None:
        return f"open-ended ({item.window_text})" if item.window_text else "open-ended"
    start, end = span
    dates = end.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
    said = (item.window_text or "").strip()
    return f"{said} ({dates})" if said and said != dates else dates


def _old_window(start: dt.date | None, end: dt.date | None) -> str:
    if end is None:
        return "open-ended"
    return end.isoformat() if start == end else f"{_iso(start)}..{end.isoformat()}"


def _names(codes) -> str:
    return ", ".join(party_name(code) for code in codes) if codes else "no party"


def _title(item) -> str:
    """The item's title, else what it is and where."""
    if item.title:
        return item.title
    where = f" in {item.city}" if item.city else ""
    return f"{item.kind.capitalize()}{where}"


def _pct(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate * 100:.0f}%"


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.2f}"


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


_STATE_LABELS = {
    "overdue": "overdue",
    "due_soon": "due within four weeks",
    "upcoming": "upcoming",
    "open_ended": "open-ended",
    "fulfilled": "fulfilled",
    "fulfilled_late": "fulfilled late",
    "cancelled": "cancelled",
}


def _state(item: ItemLine) -> str:
    if item.state == "overdue":
        return f"{_plural(item.days_overdue, 'day')} overdue"
    label = _STATE_LABELS.get(item.state, item.state)
    return f"{label}, rescheduled" if item.status == "rescheduled" else label


_CHANGE_LABELS = {
    "fulfilled": "fulfilled on time",
    "fulfilled_late": "fulfilled late",
    "rescheduled": "rescheduled",
    "cancelled": "cancelled",
}


def _filters() -> dict:
    return {
        "iso": _iso,
        "window": _window,
        "names": _names,
        "title": _title,
        "pct": _pct,
        "score": _score,
        "state": _state,
        "change_label": lambda change: _CHANGE_LABELS.get(change, change),
        "old_window": _old_window,
    }


@cache
def _environment(kind: str, cache_dir: Path | None) -> Environment:
    # Jinja2 is imported here: JSON and the compliance table need no template (issue #16).
    from jinja2 import Environment, PackageLoader, StrictUndefined

    from tracker.speed.templates import template_cache

    options: dict[str, Any] = {"undefined": StrictUndefined, "trim_blocks": True, "lstrip_blocks": True}
    if kind == "html":
        options["autoescape"] = True
    else:
        options.update(autoescape=False, finalize=_md_finalize, keep_trailing_newline=True)
    env = Environment(
        loader=PackageLoader("tracker.exporters", "templates"),
        bytecode_cache=template_cache(cache_dir, {"kind": kind, **options}),
        **options,
    )
    if kind != "html":
        env.filters["link"] = _md_link
        env.filters["md"] = escape_markdown
        env.filters["raw"] = MarkdownText  # for macro output only: a macro escapes its own values
    env.filters.update(_filters())
    env.globals["plural"] = _plural
    return env


def report_subject(report: WeeklyReport) -> str:
    """A one-line title, e.g. for the subject of a mail."""
    scope = f" — {report.party_name} ({report.party})" if report.party else ""
    return f"Weekly report {report.week}{scope}"


def _context(report: WeeklyReport) -> dict:
    return {"r": report, "subject": report_subject(report), "s": report.summary}


def render_markdown(report: WeeklyReport, cache_dir: Path | None = None) -> str:
    """The report as Markdown plain enough for a mail or a chat message.

    :param cache_dir: where the compiled template is kept (tracker.speed.templates); None: compiled each time.
    """
    text = _environment("md", cache_dir).get_template("weekly.md.j2").render(**_context(report))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_html(report: WeeklyReport, cache_dir: Path | None = None) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no script).

    :param cache_dir: as for `render_markdown`.
    """
    return (
        _environment("html", cache_dir)
        .get_template("weekly.html.j2")
        .render(**_context(report), timeline=_timeline_view(report.timeline, report.today))
    )


# The SVG timeline


@dataclass(frozen=True)
class _Bar:
    y: float
    x: float
    width: float
    label: str
    tooltip: str
    css: str
    clipped_left: bool
    clipped_right: bool
    stub: bool = False  # overdue since before the chart starts: a stub at its left edge
    note: str = ""


@dataclass(frozen=True)
class _Tick:
    x: float
    label: str


@dataclass(frozen=True)
class _TimelineView:
    width: int
    height: int
    plot_x: int
    plot_right: int
    axis_y: int
    today_x: float
    today_label: str
    ticks: tuple[_Tick, ...]
    bars: tuple[_Bar, ...]
    row_height: int
    shown: int
    total: int


_TL_WIDTH, _TL_LABEL, _TL_ROW, _TL_TOP, _TL_BOTTOM, _TL_LABEL_CHARS = 960, 320, 22, 44, 14, 46


def _shorten(text: str, limit: int) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _timeline_view(timeline: Timeline, today: dt.date) -> _TimelineView:
    """Bar geometry for the open items of the timeline (dates are inclusive days)."""
    days = (timeline.end - timeline.start).days + 1
    plot_w = _TL_WIDTH - _TL_LABEL - 16

    def x_of(day: dt.date) -> float:
        offset = min(max((day - timeline.start).days, 0), days)
        return round(_TL_LABEL + offset * plot_w / days, 1)

    bars = []
    for row, item in enumerate(timeline.items.items):
        span = _span(item)
        assert span is not None, "the timeline holds dated items only"
        window_start, window_end = span
        first = max(window_start, timeline.start)
        after = min(window_end, timeline.end) + dt.timedelta(days=1)
        x1 = x_of(first)
        x2 = max(x_of(after), x1 + 4)  # a one-day or clipped window stays visible
        stub = window_end < timeline.start
        if stub:
            x1, x2 = _TL_LABEL, _TL_LABEL + 6
        css = {"overdue": "bar overdue", "due_soon": "bar due"}.get(item.state, "bar later")
        if item.status == "rescheduled":
            css += " rescheduled"
        label = _shorten(f"#{item.id} {_title(item)}", _TL_LABEL_CHARS)
        tooltip = f"#{item.id} {_title(item)} — {_window(item)} — {_state(item)}"
        bars.append(
            _Bar(
                y=_TL_TOP + row * _TL_ROW,
                x=x1,
                width=round(x2 - x1, 1),
                label=label,
                tooltip=tooltip,
                css=css,
                clipped_left=window_start < timeline.start,
                clipped_right=window_end > timeline.end,
                stub=stub,
                note=f"ended {window_end.isoformat()}, {_state(item)}" if stub else "",
            )
        )
    ticks = []
    month = dt.date(timeline.start.year, timeline.start.month, 1)
    while month <= timeline.end:
        if month >= timeline.start and x_of(month) <= _TL_LABEL + plot_w - 56:  # room for its label
            ticks.append(_Tick(x_of(month), month.strftime("%b %Y")))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    height = _TL_TOP + max(len(bars), 1) * _TL_ROW + _TL_BOTTOM
    return _TimelineView(
        width=_TL_WIDTH,
        height=height,
        plot_x=_TL_LABEL,
        plot_right=_TL_LABEL + plot_w,
        axis_y=_TL_TOP - 4,
        today_x=round((x_of(today) + x_of(today + dt.timedelta(days=1))) / 2, 1),
        today_label=f"today {today.isoformat()}",
        ticks=tuple(ticks),
        bars=tuple(bars),
        row_height=_TL_ROW,
        shown=len(bars),
        total=timeline.items.total,
    )


# JSON


def _rate(value: float | None) -> ReprFloat | None:
    """A float of the JSON: written as `json` writes it by `tracker.speed.json_text.indented` too."""
    return None if value is None else ReprFloat(value)


def _plain(value: object) -> object:
    if value is None or type(value) in _AS_THEY_ARE:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, IsoWeek):
        return {"label": str(value), "start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, Listing):
        return {"items": [_plain(v) for v in value.items], "total": value.total, "more": value.more}
    if isinstance(value, ComplianceRecord):
        return {
            **_plain_fields(value),
            "assessed": value.assessed,
            "on_time_rate": _rate(value.on_time_rate),
            "score": _rate(value.score),
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain_fields(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


_AS_THEY_ARE = frozenset({str, int, float, bool})  # most values of a report: checked first


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def _plain_fields(value: DataclassInstance) -> dict[str, object]:
    return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}


def report_to_json(report: WeeklyReport) -> dict:
    """The report as one JSON-ready dict (the same content as the Markdown and HTML)."""
    return {"format": REPORT_FORMAT, **_plain_fields(report)}


def compliance_to_json(records: list[ComplianceRecord], *, today: dt.date, since: dt.date | None) -> dict:
    return {
        "format": COMPLIANCE_FORMAT,
        "today": today.isoformat(),
        "since": _iso(since) if since else None,
        "records": [_plain(record) for record in records],
    }


def render_compliance_text(records: list[ComplianceRecord], *, today: dt.date, since: dt.date | None) -> str:
    """An aligned table, one party per line (the `*` line counts every item once)."""
    header = ("party", "made", "on time", "late", "overdue", "cancelled", "pending", "on-time rate", "score")
    rows = [
        (
            f"{r.name} ({r.party})" if r.party != "*" else r.name,
            str(r.made),
            str(r.fulfilled_on_time),
            str(r.fulfilled_late),
            str(r.overdue),
            str(r.cancelled),
            str(r.pending),
            f"{_pct(r.on_time_rate)} of {r.assessed}" if r.assessed else "n/a",
            _score(r.score),
        )
        for r in records
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        f"Compliance record as of {today.isoformat()}"
        + (f", commitments made since {since.isoformat()}" if since else ", all commitments")
    ]
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    lines.append(
        "On-time rate = fulfilled on time / (on time + late + overdue); score: +1 on time, 0 late, "
        "-1 overdue, averaged (G7/G20 Research Group scale)."
    )
    return "\n".join(lines) + "\n"
