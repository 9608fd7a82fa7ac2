"""A Jinja sandbox with limits: a template is a file from someone else, so rendering it is bounded.

The sandbox already keeps a template away from Python's internals. This adds bounds on what a
template can make: no string, list or number larger than :data:`MAX_VALUE` from ``*``, ``**`` or a
filter; no ``range`` longer than :data:`MAX_RANGE`; at most :data:`MAX_STEPS` executions of a block
(a loop's body, a macro, an if) and :data:`MAX_OUTPUT` characters of output per part; a deadline of
:data:`TIME_LIMIT` seconds; and no ``include``/``import``/``extends`` (there are no other files).
Each check is a counter or a length compared, so a normal build does not slow down.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import BaseLoader, StrictUndefined
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.nodes import Concat, Node
from jinja2.sandbox import SandboxedEnvironment

from .i18n import N_, _

MAX_VALUE = 4_000_000  # characters (or items) of one value a template computes
MAX_RANGE = 100_000  # items of one range()
MAX_STEPS = 1_000_000  # block executions in one build (the bundled example: under 400)
MAX_OUTPUT = 64_000_000  # characters of one rendered part (a .docx part is at most 64 MB)
MAX_MEMORY = 1024 * 1024 * 1024  # bytes the process may grow by while rendering (where known)
TIME_LIMIT = 30.0  # seconds for all the parts of one build
_CHECK_EVERY = 255  # steps between looks at the clock and the memory (a mask: 2**n - 1)


class LimitError(SecurityError):
    """A template went past one of the limits."""


class _Budget:
    def __init__(self, time_limit: float, max_steps: int) -> None:
        self.deadline = time.monotonic() + time_limit
        self.time_limit = time_limit
        self.steps = 0
        self.max_steps = max_steps
        self.memory_start = _peak_memory()

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            message = _("the template ran for more than {seconds} seconds")
            raise LimitError(message.format(seconds=f"{self.time_limit:g}"))
        if self.memory_start is not None:
            peak = _peak_memory()
            if peak is not None and peak - self.memory_start > MAX_MEMORY:
                raise LimitError(
                    _("the template used more than {size} MB of memory").format(
                        size=f"{MAX_MEMORY // 2**20:,}"
                    )
                )


def _peak_memory() -> int | None:
    try:
        import resource
    except ImportError:  # Windows: the size limits still hold
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "edureport_template_budget", default=None
)


class _NoFiles(BaseLoader):
    def get_source(self, environment: Any, template: str) -> Any:
        raise SecurityError(
            _(
                "the template includes, imports or extends “{template}”; "
                "a template is one file, with no other templates"
            ).format(template=template)
        )


class _Generator(CodeGenerator):
    """Counts every execution of a block (loop bodies, macro bodies, if branches), and bounds
    what ``~`` joins."""

    def blockvisit(self, nodes: Iterable[Node], frame: Frame) -> None:
        self.writeline("environment.step()")
        super().blockvisit(nodes, frame)

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.bounded(")
        super().visit_Concat(node, frame)
        self.write(")")


def _size(value: Any) -> int:
    try:
        return len(value) if hasattr(value, "__len__") else 0
    except Exception:  # an object whose length cannot be taken is not a large value
        return 0


def _too_big(what: str) -> LimitError:
    message = _("{what} would be larger than the limit of {limit}")
    return LimitError(message.format(what=_(what), limit=f"{MAX_VALUE:,}"))


def _guard_number(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE:
        raise _too_big(N_("a number argument"))


# A format with a width of a million or more: '%9999999s', '{:>9999999}'.
_WIDE_FORMAT = re.compile(r"\d{7,}")


def _guard_widening(value: Any, arguments: Iterable[Any]) -> None:
    """Refuse, before it is made, a result that a text argument would make huge: a join or an
    indent repeats its text once per item or line."""
    if isinstance(value, str) and _WIDE_FORMAT.search(value):
        raise _too_big(N_("a formatted text"))
    for argument in arguments:
        _guard_number(argument)
        if isinstance(argument, str) and len(argument) * (_size(value) + 1) > MAX_OUTPUT:
            raise _too_big(N_("the result"))


def _guard(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    """A filter or test with its numeric arguments and its result kept within the limits."""
    # Filters marked pass_context (and the like) get the context first, then the value.
    skip = 2 if hasattr(function, "jinja_pass_arg") else 1
    widening = name not in ("replace", "default", "d")

    def guarded(*args: Any, **kwargs: Any) -> Any:
        if name == "join" and len(args) >= skip and not hasattr(args[skip - 1], "__len__"):
            args = (*args[: skip - 1], list(args[skip - 1]), *args[skip:])
        arguments = (*args[skip:], *kwargs.values())
        if widening and len(args) >= skip:
            _guard_widening(args[skip - 1], arguments)
        else:
            for value in arguments:
                _guard_number(value)
        result = function(*args, **kwargs)
        if _size(result) > MAX_VALUE:
            raise _too_big(N_("a filter's result"))
        return result

    if hasattr(function, "jinja_pass_arg"):
        guarded.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return guarded


def _replace_size(text: Any, old: Any, new: Any = "", count: Any = None) -> int:
    if not isinstance(text, str) or not isinstance(old, str) or not isinstance(new, str):
        return 0
    times = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * max(len(new) - len(old), 0)


def _bounded_replace(original: Callable[..., Any]) -> Callable[..., Any]:
    def replace(eval_ctx: Any, text: Any, old: Any, new: Any, count: Any = None) -> Any:
        if _replace_size(str(text), str(old), str(new), count) > MAX_VALUE:
            raise _too_big(N_("the text after replace"))
        return original(eval_ctx, text, old, new, count)

    replace.jinja_pass_arg = original.jinja_pass_arg  # type: ignore[attr-defined]
    return replace


def _range(*args: Any) -> range:
    for value in args:
        if not isinstance(value, int) or isinstance(value, bool):
            raise LimitError("range() takes whole numbers")
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        message = _("range() of {n} numbers; the limit is {limit}")
        raise LimitError(message.format(n=f"{len(numbers):,}", limit=f"{MAX_RANGE:,}"))
    return numbers


# String methods that make a larger string from a number or another string.
_WIDENING = {
    "center",
    "ljust",
    "rjust",
    "zfill",
    "expandtabs",
    "join",
    "format",
    "format_map",
    "replace",
}


class Undefined(StrictUndefined):
    """StrictUndefined that is also refused by round() (``{{ x|round }}`` with no x)."""

    __slots__ = ()
    __round__ = __float__ = __int__ = __complex__ = StrictUndefined._fail_with_undefined_error


class LimitedEnvironment(SandboxedEnvironment):
    """A sandboxed environment whose rendering is bounded in time, memory and output size."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "//", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(loader=_NoFiles(), **options)
        self.filters["replace"] = _bounded_replace(self.filters["replace"])
        for name, function in list(self.filters.items()):
            self.filters[name] = _guard(function, name)
        self.globals["range"] = _range

    @contextlib.contextmanager
    def limits(self, time_limit: float | None = None) -> Iterator[None]:
        """Renders inside this block share one budget of time and steps."""
        budget = _Budget(TIME_LIMIT if time_limit is None else time_limit, MAX_STEPS)
        token = _budget.set(budget)
        try:
            yield
        finally:
            _budget.reset(token)

    def step(self) -> None:
        budget = _budget.get()
        if budget is None:
            return
        budget.steps += 1
        if budget.steps > budget.max_steps:
            raise LimitError(
                _("the template ran more than {n} steps (loops or recursion)").format(
                    n=f"{budget.max_steps:,}"
                )
            )
        if not budget.steps & _CHECK_EVERY:
            budget.check()

    def bounded(self, value: str) -> str:
        if len(value) > MAX_VALUE:
            raise _too_big(N_("a joined text"))
        return value

    def concat(self, parts: Iterable[str]) -> str:
        # Every rendered part, macro and block is joined here: the one place output grows, so
        # its size is counted as it is made, not after.
        pieces = []
        total = 0
        for piece in parts:
            total += len(piece)
            if total > MAX_OUTPUT:
                message = _("the template's output is larger than {n} characters")
                raise LimitError(message.format(n=f"{MAX_OUTPUT:,}"))
            pieces.append(piece)
        return "".join(pieces)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        self.step()
        if operator_name == "**":
            numbers = isinstance(right, int | float) and isinstance(left, int | float)
            if numbers and (
                abs(right) > 64 or (abs(left) > 1 and abs(right) * math.log2(abs(left) + 1) > 1024)
            ):
                raise _too_big(N_("a power"))
        elif operator_name == "*":
            for seq, times in ((left, right), (right, left)):
                if _size(seq) and isinstance(times, int) and _size(seq) * times > MAX_VALUE:
                    raise _too_big(N_("a repeated text or list"))
            integers = isinstance(left, int) and isinstance(right, int)
            if integers and left.bit_length() + right.bit_length() > 4096:
                raise _too_big(N_("a product"))
        elif operator_name == "+" and _size(left) + _size(right) > MAX_VALUE:
            raise _too_big(N_("a joined text or list"))
        elif operator_name == "%" and isinstance(left, str):
            _guard_widening(left, ())
            result = super().call_binop(context, operator_name, left, right)
            if _size(result) > MAX_VALUE:
                raise _too_big(N_("a formatted text"))
            return result
        return super().call_binop(context, operator_name, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.step()
        if getattr(__obj, "__name__", None) in _WIDENING and isinstance(
            getattr(__obj, "__self__", None), str
        ):
            _guard_widening(__obj.__self__ if __obj.__name__.startswith("format") else "", ())
            _guard_widening(__obj.__self__, (*args, *kwargs.values()))
            if __obj.__name__ == "replace" and _replace_size(__obj.__self__, *args) > MAX_VALUE:
                raise _too_big(N_("the text after replace"))
        result = SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs)
        if _size(result) > MAX_VALUE:
            raise _too_big(N_("a call's result"))
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:  # 'text'.format: its widths are in the text
            _guard_widening(value.__self__, ())
        return wrapped


# The expressions of a template's tags, docxtpl's {{p …}} {%tr …%} forms included.
_TAG_EXPRESSIONS = re.compile(
    r"\{\{[prtc]?\s*(?P<value>.+?)\s*\}\}"
    r"|\{%[prtc]?\s*(?:if|elif)\s+(?P<test>.+?)\s*%\}"
    r"|\{%[prtc]?\s*for\s+[\w\s,]+?\s+in\s+(?P<items>.+?)\s*%\}"
    r"|\{%[prtc]?\s*set\s+[\w.]+\s*=\s*(?P<set>.+?)\s*%\}"
)


def failing_tag(
    environment: LimitedEnvironment,
    paragraphs: Iterable[tuple[int, str]],
    context: dict[str, Any],
    missing: Iterable[str] = (),
) -> tuple[int, str] | None:
    """The first paragraph (its number and tag) whose tag fails on its own with ``context``.

    Used after a render failed, to say where. Tags that use loop variables cannot be tried alone
    and are passed over, so this finds the culprit where it can, not always.
    """
    from jinja2 import meta

    for index, text in paragraphs:
        if "{" not in text:
            continue
        for m in _TAG_EXPRESSIONS.finditer(text):
            expression = next(g for g in m.groups() if g is not None)
            try:
                names = meta.find_undeclared_variables(environment.parse(f"{{{{ {expression} }}}}"))
                if names & set(missing):
                    return index, m.group()
                if not names <= set(context) | set(environment.globals):
                    continue
                with environment.limits(time_limit=2.0):
                    environment.compile_expression(expression, undefined_to_none=False)(**context)
            except Exception:
                return index, m.group()
    return None
