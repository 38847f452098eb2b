"""Charts of the plan itself: action status, timeline, partners × priorities, safety fields."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from ivpgen.charts.context import Ctx, sentence
from ivpgen.charts.data import make_table
from ivpgen.charts.spec import (
    Bar,
    Chart,
    Column,
    FieldsSpec,
    MatrixSpec,
    PhoneForm,
    PhoneGroup,
    PhoneItem,
    StatusSpec,
    Table,
    TimelineSpec,
    Value,
)
from ivpgen.model import (
    ACTION_STATUSES,
    SAFETY_FIELDS,
    Action,
    FieldReference,
    FieldShare,
    Theme,
)

Counts = dict[str, Counter[str]]


def _statuses(ctx: Ctx) -> tuple[tuple[str, str], ...]:
    return tuple((s, ctx.locale.t(f"status.{s}")) for s in ACTION_STATUSES)


def _status_parts(ctx: Ctx, counts: Counter[str]) -> str:
    total = sum(counts.values())
    parts = ", ".join(ctx.t("status_part", count=counts[s], status=ctx.locale.t(f"status.{s}").lower())
                      for s in ACTION_STATUSES if counts[s])
    return ctx.t("status_desc", total=total, parts=parts) if total else ""


def theme_status_chart(ctx: Ctx, theme_id: str, theme: Theme) -> Chart | None:
    """How many of a priority's actions have each status: one bar per status."""
    if not theme.actions:
        return None
    counts: Counter[str] = Counter(a.status for a in theme.actions)
    statuses = _statuses(ctx)
    spec = StatusSpec((theme.title,), statuses, (tuple(counts[s] for s, _ in statuses),),
                      ctx.t("status_axis"), stacked=False)
    title = ctx.t("status_title", theme=theme.title, done=counts["afgerond"],
                  total=len(theme.actions))
    columns = [Column("status", ctx.t("status")), Column("count", ctx.t("count"), "number")]
    table = make_table(ctx.locale, title, columns, [[label, counts[s]] for s, label in statuses])
    return Chart(f"status-{theme_id}", "status", title, _status_parts(ctx, counts), table, spec,
                 ctx.palette)


def plan_status_chart(ctx: Ctx, counts: Counts, chart_id: str, title_key: str,
                      **words: str) -> Chart | None:
    """Actions per status for every priority: one stacked bar per priority, totals in the table;
    the title (``title_key`` with ``words``) says how many are done."""
    if not any(counts.values()):
        return None
    statuses = _statuses(ctx)
    themes = ctx.site.themes
    rows = [tid for tid in themes if counts.get(tid)]
    total: Counter[str] = sum((counts[tid] for tid in rows), Counter())
    title = ctx.t(title_key, done=total["afgerond"], total=sum(total.values()), **words)
    spec = StatusSpec(tuple(themes[tid].title for tid in rows), statuses,
                      tuple(tuple(counts[tid][s] for s, _ in statuses) for tid in rows),
                      ctx.t("status_axis"), stacked=True)
    columns = [Column("priority", ctx.t("priority"))] + [
        Column(s, label, "number") for s, label in statuses] + [
        Column("total", ctx.t("total"), "number")]
    table_rows: list[list[Value]] = [
        [themes[tid].title, *(counts[tid][s] for s, _ in statuses), sum(counts[tid].values())]
        for tid in rows]
    table_rows.append([ctx.t("whole_plan"), *(total[s] for s, _ in statuses), sum(total.values())])
    table = make_table(ctx.locale, title, columns, table_rows)
    return Chart(chart_id, "status", title, _status_parts(ctx, total), table, spec, ctx.palette)


def action_counts(ctx: Ctx) -> Counts:
    """Per priority id, its actions counted by status."""
    return {tid: Counter(a.status for a in t.actions) for tid, t in ctx.site.themes.items()}


def snapshot_counts(ctx: Ctx, statuses: dict[str, str]) -> Counts:
    """Per priority id, a progress report's action statuses (action id -> status) counted."""
    counts: Counts = {tid: Counter() for tid in ctx.site.themes}
    for action_id, status in statuses.items():
        tid = ctx.site.theme_of_action.get(action_id)
        if tid is not None:
            counts[tid][status] += 1
    return counts


def timeline_chart(ctx: Ctx, chart_id: str, themes: dict[str, Theme], title: str,
                   today_label: str | None = None) -> Chart | None:
    """Every action as a bar from start to deadline, grouped by priority, with today marked
    (``today_label``, default 'vandaag (date)': a progress report marks its own date)."""
    actions = [(t, a) for t in themes.values() for a in sorted(t.actions, key=_by_dates)
               if a.start and a.deadline]
    if not actions:
        return None
    today = ctx.site.today
    period = ctx.site.plan.period
    first = min([dt.date(period.start, 1, 1), *(_date(a.start) for _, a in actions)])
    last = max([dt.date(period.end, 12, 31), *(_date(a.deadline) for _, a in actions)])
    bars = tuple(Bar(a.title, t.title, _day(a.start), _day(a.deadline), a.status)
                 for t, a in actions)
    spec = TimelineSpec(bars, tuple(range(first.year, last.year + 2)), today.toordinal(),
                        today_label or ctx.t("today", date=ctx.locale.date(today)), _statuses(ctx))
    desc = ctx.t("timeline_desc", count=len(actions),
                 first=ctx.locale.date(min(_date(a.start) for _, a in actions), "MMMM y"),
                 last=ctx.locale.date(max(_date(a.deadline) for _, a in actions), "MMMM y"),
                 today=ctx.locale.date(today),
                 running=sum(_date(a.start) <= today <= _date(a.deadline) for _, a in actions),
                 future=sum(today < _date(a.start) for _, a in actions),
                 past=sum(_date(a.deadline) < today for _, a in actions))
    return Chart(chart_id, "tijdlijn", title, desc, _timeline_table(ctx, title, actions), spec,
                 ctx.palette, phone=_timeline_phone(ctx, actions))


def _timeline_phone(ctx: Ctx, actions: Sequence[tuple[Theme, Action]]) -> PhoneForm:
    """The timeline as a list per priority: each action's months and status."""
    groups: dict[str, list[PhoneItem]] = {}
    for theme, action in actions:
        period = ctx.t("phone_period", start=ctx.locale.date(_date(action.start), "MMM y"),
                       end=ctx.locale.date(_date(action.deadline), "MMM y"))
        groups.setdefault(theme.title, []).append(PhoneItem(
            action.title, period, action.status, ctx.locale.t(f"status.{action.status}")))
    return PhoneForm(ctx.t("timeline_phone_intro", date=ctx.locale.date(ctx.site.today)),
                     tuple(PhoneGroup(title, tuple(items)) for title, items in groups.items()))


def _date(value: dt.date | None) -> dt.date:
    """A date the timeline only sees when it is there (actions without dates are left out)."""
    assert value is not None
    return value


def _day(value: dt.date | None) -> int:
    return _date(value).toordinal()


def _by_dates(action: Action) -> tuple[dt.date, dt.date]:
    return action.start or dt.date.max, action.deadline or dt.date.max


def _timeline_table(ctx: Ctx, title: str, actions: Sequence[tuple[Theme, Action]]) -> Table:
    columns = [Column("action", ctx.t("action")), Column("priority", ctx.t("priority")),
               Column("start", ctx.t("start"), "date"),
               Column("deadline", ctx.t("deadline"), "date"), Column("status", ctx.t("status"))]
    rows = [[a.title, t.title, _date(a.start).isoformat(), _date(a.deadline).isoformat(),
             ctx.locale.t(f"status.{a.status}")] for t, a in actions]
    return make_table(ctx.locale, title, columns, rows)


def matrix_chart(ctx: Ctx) -> Chart | None:
    """Which partner works on which priority, and in how many of its actions."""
    themes = ctx.site.themes
    partners = [p for p in ctx.site.content.partners.values() if ctx.site.partner_themes(p)]
    if not partners or not themes:
        return None
    cells = tuple(tuple(_shared(t, p.id) for t in themes.values()) for p in partners)
    spec = MatrixSpec(tuple(p.name for p in partners), tuple(t.title for t in themes.values()),
                      cells, ctx.t("matrix_legend_count"), ctx.t("matrix_legend_named"))
    totals = [sum(c or 0 for c in row) for row in cells]
    top = max(range(len(partners)), key=lambda i: totals[i])
    desc = (ctx.t("matrix_desc", partners=len(partners), priorities=len(themes),
                  top=partners[top].name, count=totals[top]) if totals[top] else
            ctx.t("matrix_desc_none", partners=len(partners), priorities=len(themes)))
    title = (ctx.t("matrix_title_top", top=partners[top].name) if totals.count(totals[top]) == 1
             else ctx.t("matrix_title"))
    columns = [Column("partner", ctx.t("partner"))] + [
        Column(tid, t.title, "number") for tid, t in themes.items()]
    table = make_table(ctx.locale, title, columns,
                       [[p.name, *row] for p, row in zip(partners, cells, strict=True)],
                       notes=(ctx.t("matrix_note"),))
    phone = PhoneForm("", tuple(
        PhoneGroup(p.name, tuple(PhoneItem(t.title, _involvement(ctx, count))
                                 for t, count in zip(themes.values(), row, strict=True)
                                 if count is not None))
        for p, row in zip(partners, cells, strict=True)))
    return Chart("partners", "partners", title, desc, table, spec, ctx.palette, phone=phone)


def _involvement(ctx: Ctx, count: int) -> str:
    """'3 acties', '1 actie', or 'partner, zonder eigen actie'."""
    if not count:
        return ctx.t("matrix_legend_named_short")
    return ctx.t("actions_one" if count == 1 else "actions_many", count=count)


def _shared(theme: Theme, partner_id: str) -> int | None:
    count = sum(partner_id in a.partners for a in theme.actions)
    return count if count or partner_id in theme.partners else None


def fields_chart(ctx: Ctx) -> Chart | None:
    """The plan's priorities per safety field, next to the reference the plan gives, if any."""
    themes = ctx.site.themes
    if not themes:
        return None
    counts: Counter[str] = Counter(t.field for t in themes.values())
    reference = ctx.site.plan.field_reference
    shares: dict[str, FieldShare] = {s.field: s for s in reference.shares} if reference else {}
    plan = tuple(100 * counts[f] / len(themes) for f in SAFETY_FIELDS)
    ref = tuple(shares[f].percent if f in shares else None for f in SAFETY_FIELDS)
    spec = FieldsSpec(tuple(_field(ctx, f) for f in SAFETY_FIELDS), plan,
                      tuple(_percent(ctx, v) for v in plan), ref,
                      tuple(_reference_label(ctx, shares, f) for f in SAFETY_FIELDS),
                      ctx.t("plan_label"), reference.label if reference else "",
                      ctx.t("share_axis"))
    most = max(SAFETY_FIELDS, key=lambda f: counts[f])
    title = (ctx.t("fields_title_top", field=_field(ctx, most))
             if list(counts.values()).count(counts[most]) == 1 else ctx.t("fields_title"))
    parts = ", ".join(ctx.t("fields_part", count=counts[f], field=_field(ctx, f))
                      for f in SAFETY_FIELDS if counts[f])
    desc = sentence(ctx.t("fields_desc", count=len(themes), parts=parts),
                    _reference_sentence(ctx, reference))
    return Chart("velden", "velden", title, desc, _fields_table(ctx, title, counts, plan, reference),
                 spec, ctx.palette)


def _field(ctx: Ctx, name: str) -> str:
    """A safety field in the edition's language."""
    return ctx.locale.t(f"safety_field.{name}")


def _percent(ctx: Ctx, value: float | None) -> str:
    return "" if value is None else ctx.t("percent", value=ctx.number(value, 0))


def _reference_label(ctx: Ctx, shares: dict[str, FieldShare], field: str) -> str:
    share = shares.get(field)
    if share is None:
        return ""
    text = _percent(ctx, share.percent)
    return f"{text} ({share.note})" if share.note else text


def _reference_sentence(ctx: Ctx, reference: FieldReference | None) -> str:
    if reference is None:
        return ""
    parts = ", ".join(ctx.t("fields_reference_part", percent=_percent(ctx, s.percent),
                            field=s.note or _field(ctx, s.field)) for s in reference.shares)
    return ctx.t("fields_reference", label=reference.label, parts=parts)


def _fields_table(ctx: Ctx, title: str, counts: Counter[str], plan: tuple[float, ...],
                  reference: FieldReference | None) -> Table:
    columns = [Column("field", ctx.t("field")), Column("count", ctx.t("plan_count"), "number"),
               Column("share", ctx.t("plan_share"), "number")]
    shares: dict[str, float] = {s.field: s.percent for s in reference.shares} if reference else {}
    if reference:
        columns.append(Column("reference", ctx.t("reference_share", label=reference.label),
                              "number"))
    rows: list[list[Value]] = []
    for field, share in zip(SAFETY_FIELDS, plan, strict=True):
        row: list[Value] = [_field(ctx, field), counts[field], round(share, 6)]
        if reference:
            row.append(shares.get(field))
        rows.append(row)
    notes: tuple[str, ...] = ()
    if reference:
        notes = (f"{reference.label}: {reference.source}",
                 *(f"{_field(ctx, s.field)}: {s.note}" for s in reference.shares if s.note))
    return make_table(ctx.locale, title, columns, rows, notes=notes)
