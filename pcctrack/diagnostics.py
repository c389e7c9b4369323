"""Diagnostics are data: where a problem is and what to do about it. Reporters render them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    message: str
    severity: str = "error"
