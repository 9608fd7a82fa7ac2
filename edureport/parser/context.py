"""What a parse carries along: where it reads, the warnings it gives, what it has learnt."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, Problem

# Something parse could not place where the schema wants it; the text is kept regardless.
ParseWarning = Problem


@dataclass
class Context:
    path: Path
    warnings: list[ParseWarning] = field(default_factory=list)
    # a "排在第一位的为牵头单位，下同" was read: later bare lists name the lead unit first
    legend: bool = False

    def warn(self, where: Location, message: str) -> None:
        self.warnings.append(ParseWarning(where, message))
