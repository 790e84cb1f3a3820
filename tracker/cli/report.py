"""`tracker report weekly|compliance`: the Monday status report and each partner's record."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from tracker.cli.app import app, get_context, print_json
from tracker.cli.options import parse_optional_date, parse_party
from tracker.errors import ConfigError, InputError
from tracker.exporters import report as render
from tracker.private_files import write_private_text
from tracker.services.report import DEFAULT_LIMIT, build_compliance, build_weekly_report, parse_week
from tracker.speed.json_text import indented

report_app = typer.Typer(
    help="The weekly status report and each partner's compliance record.", no_args_is_help=True
)
app.add_typer(report_app, name="report")


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    JSON = "json"


_SUFFIX_FORMATS = {
    ".md": ReportFormat.MD,
    ".markdown": ReportFormat.MD,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
    ".json": ReportFormat.JSON,
}


def _home(option: str | None, settings) -> str | None:
    """The user's own country: --home, else the home_country setting; a code or a name."""
    value = option or settings.home_country
    return parse_party(value, settings.cache_dir) if value else None


def _party(option: str | None, app_ctx) -> str | None:
    return parse_party(option, app_ctx.settings.cache_dir) if option else None


_HOME_HELP = "Your own country (code or name), not listed as a partner (default: the home_country setting)."


def _read_format(value: str | None) -> ReportFormat | None:
    """--format's value, read here: Typer reads a choice (and a path) through Pydantic, whose import
    cost a report a tenth of its time (issue #16)."""
    if value is None:
        return None
    try:
        return ReportFormat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not one of md, html, json.", param_hint="'--format'"
        ) from None


def _output_format(format_: ReportFormat | None, output: Path | None) -> ReportFormat:
    """The format asked for, else the one the output file's name says (issue #14: -o x.pdf got Markdown).

    Raises InputError for a file name whose format tracker does not write, or that contradicts --format.
    """
    if output is None:
        return format_ or ReportFormat.MD
    suffix = output.suffix.lower()
    named = _SUFFIX_FORMATS.get(suffix)
    if suffix == ".pdf":
        raise InputError(
            f"cannot write PDF ({output}); write HTML (-o {output.with_suffix('.html')}) "
            "and print it to PDF from a browser"
        )
    if format_ is None:
        if named is None:
            raise InputError(
                f"cannot tell the format of {output} from its name; use .md, .html or .json, or give --format"
            )
        return named
    if named is not None and named is not format_:
        raise InputError(f"--format {format_} does not match {output} ({named}); change one of them")
    return format_


def _cache_dir(settings) -> Path | None:
    """Where the gazetteer's index is cached: naming the parties from it saves building it (issue #16)."""
    return Path(settings.cache_dir) if settings.cache_dir else None


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_private_text(output, text)
    except OSError as err:
        raise InputError(f"cannot write {output}: {err.strerror}") from err
    typer.echo(f"wrote {output}", err=True)


def _send(settings, to: str, report) -> None:
    try:
        from tracker.services.mail import send_mail
    except ImportError as err:  # the mail service ships with the follow-ups issue
        raise ConfigError("this version of tracker cannot send mail yet; write the report with -o") from err
    send_mail(
        settings,
        to,
        render.report_subject(report),
        render.render_markdown(report, _cache_dir(settings)),
        render.render_html(report, _cache_dir(settings)),
    )
    typer.echo(f"sent {render.report_subject(report)} to {to}", err=True)


@report_app.command("weekly")
def weekly(
    ctx: typer.Context,
    week: str | None = typer.Option(
        None, "--week", help="ISO week, e.g. 2016-W40 (default: the week before today)."
    ),
    format_: str | None = typer.Option(
        None,
        "--format",
        metavar="[md|html|json]",
        help="md, html or json (default: from the -o file's name, else md).",
        show_default=False,
    ),
    output: str | None = typer.Option(
        None,
        "-o",
        "--output",
        metavar="PATH",
        help="Write to this file instead of stdout.",
    ),
    party: str | None = typer.Option(None, "--party", help="Only this party (code or name)."),
    mail_to: str | None = typer.Option(
        None, "--mail-to", help="Mail the report (Markdown and HTML parts) to ADDR instead of printing it."
    ),
    limit: int = typer.Option(DEFAULT_LIMIT, "--limit", min=0, help="Items listed per section; 0 lists all."),
    home: str | None = typer.Option(None, "--home", help=_HOME_HELP),
) -> None:
    """Report on a week: what happened in it, and where things stand today.

    Meetings held, commitments made, items fulfilled, rescheduled or cancelled in the week;
    then what is due, overdue or stale as of today, and each partner's open items and record.

    Example: tracker report weekly --week 2016-W40 --format html -o report.html
    """
    app_ctx = get_context(ctx)
    path = Path(output) if output is not None else None
    chosen = _output_format(_read_format(format_), path)
    iso_week = parse_week(week) if week else None
    with app_ctx.connection(read_only=True) as connection:
        report = build_weekly_report(
            connection,
            today=app_ctx.today,
            week=iso_week,
            party=_party(party, app_ctx),
            limit=limit,
            stale_months=app_ctx.settings.stale_months,
            home=_home(home, app_ctx.settings),
            cache_dir=_cache_dir(app_ctx.settings),
        )
    if mail_to:
        _send(app_ctx.settings, mail_to, report)
        if path is None:
            return
    if chosen is ReportFormat.JSON:
        _write(indented(render.report_to_json(report)) + "\n", path)
    elif chosen is ReportFormat.HTML:
        _write(render.render_html(report, _cache_dir(app_ctx.settings)), path)
    else:
        _write(render.render_markdown(report, _cache_dir(app_ctx.settings)), path)


@report_app.command("compliance")
def compliance(
    ctx: typer.Context,
    party: str | None = typer.Option(None, "--party", help="Only this party (code or name)."),
    since: str | None = typer.Option(None, "--since", help="Only commitments made on or after YYYY-MM-DD."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
    home: str | None = typer.Option(None, "--home", help=_HOME_HELP),
) -> None:
    """Each partner's record of commitments kept, and its on-time rate.

    Commitments made, fulfilled on time or late, overdue, cancelled, pending, and the on-time
    rate over those fulfilled or overdue.

    Example: tracker report compliance --party BY --since 2016-01-01
    """
    app_ctx = get_context(ctx)
    since_day = parse_optional_date(since, "--since")
    with app_ctx.connection(read_only=True) as connection:
        records = build_compliance(
            connection,
            today=app_ctx.today,
            party=_party(party, app_ctx),
            since=since_day,
            home=_home(home, app_ctx.settings),
            cache_dir=_cache_dir(app_ctx.settings),
        )
    if json_:
        print_json(render.compliance_to_json(records, today=app_ctx.today, since=since_day))
        return
    typer.echo(render.render_compliance_text(records, today=app_ctx.today, since=since_day), nl=False)
