"""Bounds on rendering a template, so an override from a pull request cannot hang or swamp a run.

The sandbox already keeps a template away from Python internals and caps `range()`; on top of
that a document stops being rendered once it is MAX_OUTPUT characters long or has taken
MAX_SECONDS (nested loops need not print anything to take hours), and the operators that
build large values from small ones (``*``, ``**``, ``%``) refuse results past MAX_OUTPUT.
"""

from __future__ import annotations

import ctypes
import re
import threading
from typing import Any

from jinja2 import Template
from jinja2.exceptions import TemplateRuntimeError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_OUTPUT = 64 * 1024 * 1024
"""Characters in one document: a national tracker pack is a few MiB."""
MAX_SECONDS = 60.0
"""A national pack renders in seconds."""
_WIDTH = re.compile(r"%[-#0 +]*(\d*)(?:\.(\d+))?")


class TooLarge(TemplateRuntimeError):
    """A template that would print or build more than the bounds allow."""


class TookTooLong(BaseException):
    """Raised inside the rendering thread when its time is up (a BaseException, so no
    `except Exception` in a template's Python callee can swallow it)."""


class Bounded(ImmutableSandboxedEnvironment):
    """The sandbox, with the operators that multiply sizes checked before they run."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*" and (_grows(left, right) or _grows(right, left)):
            raise TooLarge(f"a template multiplies a value past {MAX_OUTPUT} characters")
        if operator == "**" and isinstance(right, int) and abs(right) > 1024:
            raise TooLarge("a template raises a number to a power over 1024")
        if operator == "%" and isinstance(left, str) and _format_too_wide(left):
            raise TooLarge(f"a template formats a value wider than {MAX_OUTPUT} characters")
        return super().call_binop(context, operator, left, right)


def _grows(sized: Any, times: Any) -> bool:
    return isinstance(sized, (str, list, tuple)) and isinstance(times, int) and len(sized) * times > MAX_OUTPUT


def _format_too_wide(form: str) -> bool:
    return any(int(n or 0) > MAX_OUTPUT or int(p or 0) > MAX_OUTPUT for n, p in _WIDTH.findall(form))


def within_bounds(template: Template, context: dict[str, Any]) -> str:
    """Render ``template`` with ``context``, stopping at MAX_OUTPUT characters or MAX_SECONDS."""
    state = {"rendering": True}
    lock = threading.Lock()
    target = threading.get_ident()

    def interrupt() -> None:
        with lock:
            if state["rendering"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TookTooLong))

    timer = threading.Timer(MAX_SECONDS, interrupt)
    timer.daemon = True
    try:
        timer.start()
        try:
            parts, size = [], 0
            for part in template.generate(context):
                size += len(part)
                if size > MAX_OUTPUT:
                    raise TooLarge(f"the document would be over {MAX_OUTPUT // 1048576} MiB: no document is this large")
                parts.append(part)
            return "".join(parts)
        finally:
            with lock:
                state["rendering"] = False
            timer.cancel()
    except TookTooLong:
        raise TooLarge(f"the template took over {MAX_SECONDS:.0f} seconds: no document takes this long") from None
    except MemoryError:
        raise TooLarge("the template ran out of memory building its document") from None
