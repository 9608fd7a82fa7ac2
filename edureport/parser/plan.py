"""A plan (工作要点): sections, groups and items, the units responsible by role, task tables."""

from __future__ import annotations

import re
from collections import Counter

from .. import vocab
from ..compose import heading_number
from ..errors import Location
from ..i18n import _ as _t  # `_` is a throwaway name in this module
from ..model import Block, Plan, PlanItem, PlanSection, Table
from ..repair import Line as _Line
from ..repair import TableUnit as _Table
from ..repair import Unit as _Unit
from ..vocab import Role, numeral_value
from .context import Context
from .lines import END_MARKS as _END_MARKS
from .lines import heading_of as _heading_of
from .lines import run_in as _run_in
from .lines import written_label as _written_label
from .summary import _CAPTION
from .tables import read_table

# A bracket closing a paragraph, where the units responsible for an item are named.
_TRAILING_BRACKET = re.compile(
    r"(?P<open>[（(【])(?P<body>(?:[^（）()【】]|[（(][^（）()]*[）)])+)(?P<close>[）)】])(?P<end>[。；;]?)$"
)
_VERB_FORM = re.compile(
    rf"^(?P<lead>.+?)(?P<lead_verb>{'|'.join(vocab.LEAD_VERBS)})"
    rf"(?:(?P<gap>[，,；;、\s]+)(?P<co>.+?)(?P<co_verb>{'|'.join(vocab.COOPERATE_VERBS)}))?$"
)


def read_plan(ctx: Context, title: str, units: list[_Unit]) -> Plan:
    """A plan: its sections (一、), groups (（一）) and items, the deepest numbered level."""
    plan = Plan(title)
    lines = [u for u in units if isinstance(u, _Line)]
    headings = {id(u): _heading_of(u) for u in lines}  # each line's heading, read once
    headed = [(h[0], u.style) for u in lines if (h := headings[id(u)]) is not None]
    styled = {level for level, style in headed if style == "GwH3"}
    if styled:  # a document built from data says which headings are items
        item_level = min(styled)
    elif headed and all(style in ("GwH1", "GwH2") for _, style in headed):
        item_level = 99
    else:
        item_level = _item_level(Counter(level for level, _ in headed))
    levels = Counter(level for level, _ in headed)
    section_levels = sorted(lv for lv in levels if lv < item_level)
    stack: list[tuple[int, PlanSection]] = []
    builder: _ItemBuilder | None = None
    item_count = 0
    counters: dict[int, int] = {}

    def close() -> None:
        nonlocal builder
        if builder is not None:
            builder.close()
            builder = None

    def untitled() -> PlanSection:
        section = PlanSection("", number="")
        plan.sections.append(section)
        stack.append((0, section))
        return section

    for unit in units:
        if isinstance(unit, _Table):
            task = _task_table(unit)
            if task is None and builder is not None:  # a table among an item's paragraphs
                builder.table(read_table(unit, None))
                continue
            close()
            if task is not None:
                header, groups = task
                holder = stack[-1][1] if stack else untitled()
                if holder.items or holder.sections or holder.columns:
                    holder = PlanSection("", number="")
                    (stack[-1][1].sections if stack else plan.sections).append(holder)
                holder.columns = header  # the items print back as this table
                for group, items in groups:
                    target = holder
                    if group:
                        sub = PlanSection(group, number="")
                        target.sections.append(sub)
                        target = sub
                    for item in items:
                        item_count += 1
                        item.number = None if str(item_count) == item.number else item.number
                        target.items.append(item)
                continue
            if stack:
                stack[-1][1].paragraphs.append(read_table(unit, None))
            else:
                ctx.warn(
                    unit.where,
                    _t("a table before the plan's first heading is kept as lines of overview text"),
                )
                plan.overview.extend("\t".join(r) for r in unit.rows)
            continue
        text = unit.text
        heading = headings[id(unit)]
        if heading is not None and heading[0] in section_levels:
            close()
            level, written, rest = heading
            while stack and stack[-1][0] >= level:
                stack.pop()
            depth = section_levels.index(level) + 1
            expected = counters.get(level, 0) + 1
            counters[level] = numeral_value(written) or expected
            for deeper in [k for k in counters if k > level]:
                del counters[deeper]
            standard = heading_number(depth, expected) if level == depth else None
            section = PlanSection(rest, number=None if written == standard else written)
            head, body = _run_in(rest) if depth > 1 else (rest, "")
            if body:
                section.title, section.run_in = head, True
                section.paragraphs.append(body)
            (stack[-1][1].sections if stack else plan.sections).append(section)
            stack.append((level, section))
            continue
        if heading is not None and heading[0] == item_level:
            close()
            _, written, rest = heading
            number = None if written == heading_number(3, item_count + 1) else written
            item_count = numeral_value(written) or item_count + 1
            item = PlanItem(rest, number=number)
            target = stack[-1][1] if stack else untitled()
            target.items.append(item)
            builder = _ItemBuilder(ctx, item)
            head, body = _run_in(rest)
            if body:
                item.title, item.run_in = head, True
                builder.text(body, unit.where)
            continue
        if builder is not None:
            builder.line(text, unit.where)
            continue
        if vocab.LEGEND_RE.search(text):
            ctx.legend = True
        if stack:
            ctx.warn(
                unit.where,
                _t(
                    "text between a section heading and its first item is kept as a plain paragraph"
                ),
            )
            stack[-1][1].paragraphs.append(text)
            continue
        m = vocab.OVERVIEW_RE.match(text)
        if not plan.overview:
            if m:
                label = _written_label(m["prefix"], "总体思路")
                plan.overview_label = label if label is not None else "总体思路"
                text = m["text"]
            else:
                plan.overview_label = ""
        plan.overview.append(text)
    close()
    return plan


def _item_level(levels: Counter[int]) -> int:
    """The level that numbers a plan's items: the deepest level at least as frequent as every
    level above it (一、 6 and 1. 34 → 1.; a few （1） inside items do not count)."""
    best = 3
    for level in sorted(levels):
        if level == 5 and any(levels[k] for k in (2, 3, 4)):
            continue  # ① ② inside items, unless nothing else numbers them
        if all(levels[level] >= levels[above] for above in levels if above < level):
            best = level
    return best


class _ItemBuilder:
    """Fills one plan item from the lines that follow its heading."""

    def __init__(self, ctx: Context, item: PlanItem) -> None:
        self.ctx = ctx
        self.item = item
        self.current: Role | None = None
        self.gaps: dict[str, str] = {}

    def text(self, text: str, where: Location) -> None:
        """Unlabelled text: the item's measures, written without a label."""
        item = self.item
        if self.current is None and not item.goal and not item.measures:
            item.labels["measures"] = ""
            self.current = "measures"
        if self.current in ("goal", "measures") and not item.paragraphs:
            getattr(item, self.current).append(text)
            return
        self.ctx.warn(
            where,
            _t(
                "text in a work item that is not one of its fields is kept as a "
                "plain paragraph after the fields"
            ),
        )
        item.paragraphs.append(text)

    def table(self, table: Table) -> None:
        """A table among the item's paragraphs, kept in place (its caption is the line above)."""
        item = self.item
        if self.current is None and not item.goal and not item.measures:
            item.labels["measures"] = ""
            self.current = "measures"
        into: list[Block] = (
            getattr(item, self.current)
            if self.current in ("goal", "measures") and not item.paragraphs
            else item.paragraphs
        )
        last = into[-1] if into else None
        if isinstance(last, str) and _CAPTION.match(last):
            table.caption = last
            into.pop()
        into.append(table)

    def line(self, text: str, where: Location) -> None:
        item = self.item
        whole = _TRAILING_BRACKET.match(text) if text[:1] in "（(" else None
        if whole is not None and not item.departments:
            inner = list(vocab.LABEL_PAIR_RE.finditer(whole["body"]))
            if (
                len(inner) == 1
                and inner[0].start() == 0
                and vocab.FIELD_LABELS[inner[0]["label"]] == "departments"
            ):
                # “（责任单位：A、B）” on a line of its own: a label line in brackets
                self.line(whole["body"], where)
                item.labels["departments"] = whole["open"] + item.label("departments")
                item.departments_end += whole["close"] + whole["end"]
                return
        first = vocab.LABEL_PAIR_RE.match(text)
        pairs = [first] if first is not None else []
        after = first.end() if first is not None else len(text)
        if text.find("：", after) >= 0 or text.find(":", after) >= 0:  # more labels on the line
            pairs = list(vocab.LABEL_PAIR_RE.finditer(text))
        if pairs and pairs[0].start() == 0:
            roles = [self.role(p["label"]) for p in pairs]
            if any(getattr(item, r) for r in roles):
                self.ctx.warn(
                    where,
                    _t(
                        "{label} given twice in one item; the second is kept as a plain "
                        "paragraph after the item"
                    ).format(label=pairs[0]["label"]),
                )
                item.paragraphs.append(text)
                self.current = "departments"
                return
            if not all(r in _LIST_ROLES for r in roles):
                pairs = pairs[:1]  # a label inside a sentence is text, not a second field
            for k, pair in enumerate(pairs):
                role = self.role(pair["label"])
                end = _next_label_start(text, pair.end()) if k + 1 < len(pairs) else len(text)
                value = text[pair.end() : end]
                prefix = pair.group(0)
                label = _written_label(prefix, vocab.DEFAULT_LABELS[role])
                if label is not None:
                    item.labels[role] = label
                self.current = role
                self.field(role, value)
            return
        if self.current is None and item.goal == item.measures == []:
            self.text(text, where)
            return
        if self.current in ("goal", "measures") and not item.paragraphs:
            getattr(item, self.current).append(text)
            return
        self.text(text, where)

    def role(self, label: str) -> Role:
        """The field a label fills; 责任单位 after 牵头单位 are the units sharing the work."""
        if self.item.departments and not self.item.cooperating:
            return vocab.shared_units_role(self.item.labels.get("departments", ""), label)
        return vocab.FIELD_LABELS[label]

    def field(self, role: Role, value: str) -> None:
        item = self.item
        if role in ("goal", "measures"):
            getattr(item, role).append(value)
            return
        stripped = value.rstrip(_END_MARKS)
        if role == "deadline":
            item.deadline = stripped
            item.departments_end = item.departments_end or value[len(stripped) :]
            return
        names, gaps = vocab.split_names(stripped)
        setattr(item, role, names)
        self.gaps[role] = gaps
        if role == "departments":
            item.departments_end = value[len(stripped) :]

    def close(self) -> None:
        """The item is complete: read units named at the end of its last paragraph."""
        item = self.item
        if not (item.departments or item.cooperating or item.leader) and not item.paragraphs:
            field_name: Role | None = "measures" if item.measures else "goal" if item.goal else None
            if field_name is not None:
                paragraphs: list[Block] = getattr(item, field_name)
                last = paragraphs[-1]
                kept = self.inline(last) if isinstance(last, str) else None
                if kept is not None:
                    paragraphs[-1] = kept
            elif item.title:
                kept = self.inline(item.title)
                if kept is not None:
                    item.title = kept
        self.finish_separators()

    def inline(self, text: str) -> str | None:
        """Read "（责任科室：A、B）", "（A牵头，B参与）" or a bare list of units closing ``text``;
        the text without them, or None if it names none."""
        m = _TRAILING_BRACKET.search(text)
        if m is None or m.start() == 0:
            return None
        item = self.item
        body, opening, closing, end = m["body"], m["open"], m["close"], m["end"]
        pairs = list(vocab.LABEL_PAIR_RE.finditer(body))
        if pairs and pairs[0].start() == 0:
            roles = [vocab.FIELD_LABELS[p["label"]] for p in pairs]
            if not all(r in _LIST_ROLES for r in roles):
                return None
            if len(pairs) == 1 and roles[0] == "departments":
                # the form the seed uses: the label keeps the bracket, the end its close
                names, gaps = vocab.split_names(body[pairs[0].end() :])
                item.departments_inline = True
                item.labels["departments"] = opening + pairs[0].group(0)
                item.departments = names
                item.departments_end = closing + end
                self.gaps["departments"] = gaps
                return text[: m.start()]
            form = body
            for pair in reversed(pairs):
                role = vocab.FIELD_LABELS[pair["label"]]
                stop = _next_label_start(body, pair.end())
                value = body[pair.end() : stop]
                stripped = value.rstrip(_END_MARKS + " ")
                if role == "deadline":
                    item.deadline = stripped
                else:
                    names, gaps = vocab.split_names(stripped)
                    setattr(item, role, names)
                    self.gaps[role] = gaps
                form = form[: pair.end()] + "{" + role + "}" + value[len(stripped) :] + form[stop:]
            item.inline = opening + form + closing + end
            return text[: m.start()]
        verb = _VERB_FORM.match(body)
        if verb:
            lead, lead_gaps = vocab.split_names(verb["lead"])
            if lead and all(_unit_or_short(n) for n in lead):
                item.departments = lead
                self.gaps["departments"] = lead_gaps
                form = "{departments}" + verb["lead_verb"]
                if verb["co"]:
                    co, co_gaps = vocab.split_names(verb["co"])
                    if not all(_unit_or_short(n) for n in co):
                        item.departments = []
                        return None
                    item.cooperating = co
                    self.gaps["cooperating"] = co_gaps
                    form += verb["gap"] + "{cooperating}" + verb["co_verb"]
                item.inline = opening + form + closing + end
                return text[: m.start()]
        names, gaps = vocab.split_names(body, "、，,；;")
        legend = [n for n in names if vocab.LEGEND_RE.search(n) or n == "下同"]
        units = [n for n in names if n not in legend]
        if not units or not all(vocab.looks_like_unit(n) for n in units):
            return None
        if names[: len(units)] != units:
            return None  # the legend stands between names: not a form we can write back
        if legend:
            self.ctx.legend = True
        if self.ctx.legend and len(units) > 1:
            item.departments, item.cooperating = units[:1], units[1:]
            form = "{departments}" + gaps[0] + "{cooperating}"
            unit_gaps = gaps[1 : len(units) - 1]
        else:
            item.departments = units
            form = "{departments}"
            unit_gaps = gaps[: len(units) - 1]
        rest = "".join(g + n for g, n in zip(gaps[len(units) - 1 :], legend, strict=False))
        item.inline = opening + form + rest + closing + end
        self.gaps["all"] = unit_gaps
        return text[: m.start()]

    def finish_separators(self) -> None:
        """One separator for all the item's names, or one per gap where they differ."""
        item = self.item
        if "all" in self.gaps:
            gaps = self.gaps["all"]
        else:
            gaps = "".join(self.gaps.get(r, "") for r in ("departments", "cooperating", "leader"))
        marks = set(gaps)
        if not marks or marks == {"、"}:
            item.separators = ""
        elif len(marks) == 1:
            item.separators = gaps[0]
        else:
            item.separators = gaps


_UNIT_ROLES: tuple[Role, ...] = ("departments", "cooperating", "leader")
# roles that several labels on one line may give (牵头单位：A 配合单位：B 完成时限：6月)
_LIST_ROLES = frozenset((*_UNIT_ROLES, "deadline"))


def _next_label_start(text: str, after: int) -> int:
    m = vocab.LABEL_PAIR_RE.search(text, after)
    if m is None:
        return len(text)
    stop = m.start()
    while stop > after and text[stop - 1] in "；;，, 　":
        stop -= 1
    return stop


def _unit_or_short(name: str) -> bool:
    return vocab.looks_like_unit(name) or (0 < len(name) <= 12 and not re.search(r"[。；]", name))


def _task_table(unit: _Table) -> tuple[list[str], list[tuple[str, list[PlanItem]]]] | None:
    """A task decomposition table (任务分解表): one item a row, found by the columns' headers."""
    header, *rows = unit.rows
    columns = vocab.task_columns(header)
    if columns is None or not rows:
        return None
    roles = {c: role for role, c in columns.items()}
    groups: list[tuple[str, list[PlanItem]]] = []
    for row in rows:
        cells = row + [""] * (len(header) - len(row))

        def cell(role: str, cells: list[str] = cells) -> str:
            return cells[columns[role]].strip() if role in columns else ""

        group = cell("group")
        if not groups or (group and group != groups[-1][0]):
            groups.append((group, []))
        title = cell("title") or cell("label") or cell("goal")
        goal = cell("goal") if title != cell("goal") else ""
        measures = cell("measures")
        if not title and not measures:
            continue
        if not title:
            title, measures = _run_in(measures)
        first, _, more = title.partition("\n")
        item = PlanItem(first, number=cell("number") or None)
        if goal:
            item.goal = list(goal.split("\n"))
            item.labels["goal"] = ""
        text = "\n".join(p for p in (more, measures) if p)
        if text:
            item.measures = list(text.split("\n"))
            item.labels["measures"] = ""
        for role in ("departments", "cooperating", "leader"):
            if cell(role):
                setattr(item, role, vocab.split_names(cell(role))[0])
        item.deadline = cell("deadline") or None
        # columns with no role (备注 …) are kept by their header
        item.cells = {header[c]: cells[c].strip() for c in range(len(header)) if c not in roles}
        item.cells = {k: v for k, v in item.cells.items() if v}
        groups[-1][1].append(item)
    return header, groups
