"""The CAMEO event ontology with Goldstein weights, QuadClass and PLOVER type/mode.

The table is the shipped data file ``data/cameo.tsv``; see its header for sources and
the decisions taken where the public copies disagree.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from wirewatch.errors import ConfigError


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        """The two-digit root (``03`` for ``0341``)."""
        return self.code[:2]


@dataclass(frozen=True)
class Ontology:
    """CAMEO codes by code, with the table version."""

    version: str
    codes: dict[str, CameoCode]

    def get(self, code: str) -> CameoCode:
        """Look up a code, falling back to its nearest listed parent.

        Raises:
            ConfigError: when neither the code nor any parent is known.
        """
        probe = code
        while probe:
            found = self.codes.get(probe)
            if found is not None:
                return found
            probe = probe[:-1]
        raise ConfigError(f"unknown CAMEO code {code!r}; codes run from 01 to 20 (2-4 digits)")

    def lookup(self, code: str) -> CameoCode:
        """Like :meth:`get`, but the code is kept as given: a finer code than the table has
        takes the rest from its parent, and a code no table knows (a user dictionary's own,
        as in the PETRARCH validation suites) gets no weight or type."""
        known = self.codes.get(code)
        if known is not None:
            return known
        try:
            parent = self.get(code)
        except ConfigError:
            root = code[:2] if code[:2].isdigit() else code
            return CameoCode(
                code=code,
                name="code from a user dictionary",
                goldstein=0.0,
                quad_class=_quad(root),
                plover_type="",
                plover_mode=None,
                plover_context=None,
            )
        # A finer code than the table has: keep the code, take the rest from its parent.
        return CameoCode(
            code=code,
            name=parent.name,
            goldstein=parent.goldstein,
            quad_class=parent.quad_class,
            plover_type=parent.plover_type,
            plover_mode=parent.plover_mode,
            plover_context=parent.plover_context,
        )

    def __contains__(self, code: object) -> bool:
        return code in self.codes


@cache
def load_ontology() -> Ontology:
    """The shipped CAMEO table (read once per process).

    Example:
        >>> load_ontology().get("0341").goldstein
        7.0
    """
    text = resources.files("wirewatch.coding").joinpath("data/cameo.tsv").read_text("utf-8")
    version = "unknown"
    rows: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            if line.startswith("# version:"):
                version = line.split(":", 1)[1].strip()
            continue
        if line.strip():
            rows.append(line)
    codes: dict[str, CameoCode] = {}
    for row in csv.DictReader(rows, delimiter="\t"):
        codes[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover_type=row["plover_type"] or "",
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
        )
    return Ontology(version=version, codes=codes)


def _quad(root: str) -> int:
    if not root.isdigit():
        return 0
    value = int(root)
    return 1 if value <= 5 else 2 if value <= 9 else 3 if value <= 14 else 4 if value <= 20 else 0


# What a future or conditional act amounts to today: the intent to do it (cooperative
# acts) or the threat of it (hostile ones), as CAMEO codes a stated plan.
INTENT_OF_ROOT = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030",
    "14": "133", "15": "130", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138",
}  # fmt: skip
INTENT_OF_CODE = {"163": "1312", "161": "1313", "162": "1311", "0832": "0341", "0841": "0353", "173": "137"}


def intent_code(code: str) -> str | None:
    """The intent or threat code for a material act that is only announced.

    Example:
        >>> intent_code("042"), intent_code("163"), intent_code("190")
        ('036', '1312', '138')
    """
    if code in INTENT_OF_CODE:
        return INTENT_OF_CODE[code]
    return INTENT_OF_ROOT.get(code[:2])
