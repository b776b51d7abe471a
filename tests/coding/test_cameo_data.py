"""Validation of the CAMEO ontology data files shipped in wirewatch.coding.data."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).parents[2] / "src/wirewatch/coding/data"
CAMEO_TSV = DATA_DIR / "cameo.tsv"
SECTORS_TSV = DATA_DIR / "cameo_sectors.tsv"

HEADER = ["code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context"]
PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "",
}


def _read(path: Path) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Return (comment lines, header, rows) of a '#'-commented TSV."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = [ln for ln in lines if ln.startswith("#")]
    body = [ln for ln in lines if not ln.startswith("#")]
    reader = csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for rec in reader:
        rows.append(dict(zip(header, rec, strict=True)))
    return comments, header, rows


@pytest.fixture(scope="module")
def cameo():
    return _read(CAMEO_TSV)


@pytest.fixture(scope="module")
def rows(cameo):
    return cameo[2]


@pytest.fixture(scope="module")
def by_code(rows):
    return {r["code"]: r for r in rows}


def test_header_and_version(cameo):
    comments, header, _ = cameo
    assert header == HEADER
    assert "# version: 2026.11.29" in comments


def test_row_count(rows):
    assert len(rows) >= 280


def test_codes_well_formed_and_unique(rows):
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for c in codes:
        assert c.isdigit() and len(c) in (2, 3, 4), c
        assert 1 <= int(c[:2]) <= 20, c


def test_all_roots_present(by_code):
    for root in range(1, 21):
        assert f"{root:02d}" in by_code


def test_parent_exists(by_code):
    for code in by_code:
        if len(code) == 3:
            assert code[:2] in by_code, code
        elif len(code) == 4:
            assert code[:3] in by_code, code


def test_goldstein_range(rows):
    for r in rows:
        g = float(r["goldstein"])
        assert -10.0 <= g <= 10.0, r


def test_quad_class_root_rule(rows):
    for r in rows:
        root = int(r["code"][:2])
        expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        assert int(r["quad_class"]) == expected, r


def test_plover_columns(rows):
    for r in rows:
        assert r["plover_type"] in PLOVER_TYPES, r
        assert r["plover_mode"] == r["plover_mode"].strip().lower(), r
        assert r["plover_context"] == r["plover_context"].strip().lower(), r
        if not r["plover_type"]:
            assert not r["plover_mode"] and not r["plover_context"], r


def test_plover_dropped_roots_only(rows):
    for r in rows:
        if r["code"][:2] in ("01", "02"):
            assert r["plover_type"] == "", r
        else:
            assert r["plover_type"] != "", r


def test_names_unique_nonempty(rows):
    names = [r["name"] for r in rows]
    assert all(n.strip() == n and n for n in names)
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("0341", 7.0),
        ("190", -10.0),
        ("016", -2.0),
        ("022", 3.2),
        ("124", -4.0),
        ("163", -8.0),
        ("164", -7.0),
        ("165", -6.5),
        ("166", -7.0),
        ("106", -5.0),
        ("057", 8.0),
        ("0874", 10.0),
        ("011", -0.1),
    ],
)
def test_goldstein_spot_checks(by_code, code, goldstein):
    assert float(by_code[code]["goldstein"]) == goldstein


@pytest.mark.parametrize(
    ("code", "ptype", "mode", "context"),
    [
        ("042", "CONSULT", "visit", ""),
        ("043", "CONSULT", "visit", ""),
        ("041", "CONSULT", "phone", ""),
        ("106", "REQUEST", "meet", "diplomatic"),
        ("0813", "RETREAT", "", "legal"),
        ("081", "CONCEDE", "", "legal"),
        ("163", "COERCE", "restrict", "diplomatic"),
        ("175", "ASSAULT", "", "pro_autocracy;military"),
        ("1712", "ASSAULT", "seize", "human_security"),
        ("191", "COERCE", "restrict", "military"),
        ("201", "ASSAULT", "cleansing", "religion_ethnicity"),
        ("091", "ACCUSE", "investigate", "crime;corruption"),
        ("20", "ASSAULT", "massacre", "military"),
        ("010", "", "", ""),
        ("0214", "", "", ""),
    ],
)
def test_plover_spot_checks(by_code, code, ptype, mode, context):
    r = by_code[code]
    assert (r["plover_type"], r["plover_mode"], r["plover_context"]) == (ptype, mode, context)


def test_codes_outside_cameo_1_1b3_absent(by_code):
    # ICEWS/PLOVER additions that neither GDELT nor the CAMEO 1.1b3 manual has.
    assert "1213" not in by_code
    assert "1214" not in by_code


def test_sectors_file():
    comments, header, rows = _read(SECTORS_TSV)
    assert header == ["code", "name", "kind"]
    assert "# version: 2026.11.29" in comments
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    names = [r["name"] for r in rows]
    assert all(names) and len(names) == len(set(names))
    for r in rows:
        assert len(r["code"]) == 3 and r["code"].isupper(), r
        assert r["kind"] in {"state", "non_state", "international"}, r
    kinds = {r["code"]: r["kind"] for r in rows}
    expected = {
        "GOV": "state",
        "MIL": "state",
        "COP": "state",
        "JUD": "state",
        "LEG": "state",
        "SPY": "state",
        "OPP": "non_state",
        "REB": "non_state",
        "INS": "non_state",
        "SEP": "non_state",
        "CVL": "non_state",
        "MED": "non_state",
        "IGO": "international",
        "NGO": "international",
        "MNC": "international",
        "PKO": "international",
    }
    for code, kind in expected.items():
        assert kinds[code] == kind, code
