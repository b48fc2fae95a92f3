"""CAMEO event codes for PLOVER events: the CAMEO2PLOVER table read backwards (store/data).

    codes = CameoCodes.load()
    codes.code(EventType.CONSULT, "visit")    # "042"  (Make a visit)
    codes.quad_class("042")                   # 1      (GDELT: verbal cooperation)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from veille.model import EventType

TABLE = "CAMEO2PLOVER-2021.txt"
CHOICES = "cameo.yaml"
_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,")


@dataclass(frozen=True, slots=True)
class CameoLine:
    code: str
    type: str
    mode: str | None
    description: str


@dataclass(frozen=True, slots=True)
class CameoCodes:
    by_type_mode: dict[tuple[str, str | None], str]
    defaults: dict[str, str]
    quads: dict[str, int]
    lines: dict[str, CameoLine]

    @classmethod
    def load(cls) -> "CameoCodes":
        return _load()

    def code(self, event_type: EventType | str, mode: str | None = None) -> str:
        """The CAMEO event code of a PLOVER type and mode (the type's general code when the mode
        has none)."""
        kind = event_type.value if isinstance(event_type, EventType) else event_type
        if mode and (kind, mode) in self.by_type_mode:
            return self.by_type_mode[(kind, mode)]
        return self.defaults[kind]

    def quad_class(self, code: str) -> int:
        """GDELT's QuadClass (1-4) of a CAMEO code, by its root."""
        return self.quads[root_code(code)]


def root_code(code: str) -> str:
    """CAMEO's two-digit root: "0841" -> "08"."""
    return code[:2]


def base_code(code: str) -> str:
    """CAMEO's three-digit base: "0841" -> "084", "042" -> "042"."""
    return code[:3]


def parse_table(text: str) -> list[CameoLine]:
    """The coded lines of CAMEO2PLOVER-2021.txt (`0841: RETREAT, release, legal # Return, release person(s)`)."""
    lines = []
    for raw in text.splitlines():
        match = _LINE.match(raw.strip())
        if match:
            description = raw.split("#", 1)[1].strip() if "#" in raw else ""
            lines.append(CameoLine(match[1], match[2], match[3].strip() or None, description))
    return lines


@cache
def _load() -> CameoCodes:
    data = resources.files("veille.store").joinpath("data")
    lines = parse_table(data.joinpath(TABLE).read_text(encoding="utf-8"))
    choices = yaml.safe_load(data.joinpath(CHOICES).read_text(encoding="utf-8"))
    best: dict[tuple[str, str | None], str] = {}
    for line in sorted(lines, key=lambda ln: (len(ln.code), ln.code)):  # most general first
        best.setdefault((line.type, line.mode), line.code)
    for entry in choices["modes"]:
        best.setdefault((entry["type"], entry["mode"]), entry["code"])
    quads = {root: int(quad) for quad, roots in choices["quad_class"].items() for root in roots}
    by_code = {line.code: line for line in lines}
    return CameoCodes(best, dict(choices["defaults"]), quads, by_code)
