"""The shipped actor data holds together: codes exist, dates are ordered, ids are unique."""

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
import yaml

from wirewatch.coding.actors import SHIPPED_FILES, load_dictionary, load_shipped
from wirewatch.errors import ConfigError

DATA = Path(__file__).parents[2] / "src/wirewatch/coding/data"


def load(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


SECTORS = {
    row["code"]
    for row in csv.DictReader(
        (
            line
            for line in (DATA / "cameo_sectors.tsv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
        ),
        delimiter="\t",
    )
}
COUNTRIES = {c["iso3"] for c in load("countries.yaml")["countries"]}
ORG_FILES = ("organizations.yaml", "armed_groups.yaml")
ORGS = {o["id"] for name in ORG_FILES for o in load(name)["organizations"]}
PEOPLE_FILES = ("people.yaml", "people_world.yaml", "people_africa_mideast.yaml", "people_asia_americas.yaml")
PEOPLE = [p for name in PEOPLE_FILES for p in load(name)["people"]]


def test_every_file_has_a_version():
    for name in SHIPPED_FILES:
        assert load(name)["version"]


def test_country_codes_are_unique_and_well_formed():
    codes = [c["iso3"] for c in load("countries.yaml")["countries"]]
    assert len(codes) == len(set(codes)) >= 195
    assert all(len(c) == 3 and c.isupper() for c in codes)


def test_organizations_and_groups_name_known_countries():
    for org in (o for name in ORG_FILES for o in load(name)["organizations"]):
        assert set(org.get("members") or ()) <= COUNTRIES, org["id"]
        assert org.get("sector", "IGO") in SECTORS
        assert org.get("country") is None or org["country"] in COUNTRIES, org["id"]
    for group in load("groups.yaml")["groups"]:
        assert group["members"], group["id"]
        assert set(group["members"]) <= COUNTRIES, group["id"]


def test_people_roles_are_dated_and_coded():
    for person in PEOPLE:
        assert person["gender"] in ("m", "f"), person["id"]
        assert person["country"] in COUNTRIES, person["id"]
        for role in person["roles"]:
            assert role["sector"] in SECTORS, (person["id"], role)
            assert (role.get("country") in COUNTRIES) != (role.get("org") in ORGS), (person["id"], role)
            start, end = role.get("start"), role.get("end")
            if start and end:
                assert dt.date.fromisoformat(str(start)) <= dt.date.fromisoformat(str(end)), (person["id"], role)


def test_person_ids_are_unique_within_each_file():
    for name in PEOPLE_FILES:
        ids = Counter(p["id"] for p in load(name)["people"])
        assert [i for i, n in ids.items() if n > 1] == []


def test_agent_and_title_sectors_exist():
    data = load("agents.yaml")
    for item in data["agents"] + data["titles"]:
        assert item["sector"] in SECTORS, item


def test_office_holders_on_known_dates():
    actors = load_shipped()
    assert actors.holder("RUS", "head_of_state", dt.date(2010, 1, 1)) == "dmitry_medvedev"
    assert actors.holder("RUS", "head_of_government", dt.date(2010, 1, 1)) == "vladimir_putin"
    assert actors.holder("BLR", "head_of_state", dt.date(2020, 12, 2)) == "alexander_lukashenko"
    assert actors.holder("RUS", "foreign_minister", dt.date(2020, 11, 26)) == "sergey_lavrov"


def test_a_person_in_two_files_keeps_every_role(tmp_path):
    extra = tmp_path / "more.yaml"
    extra.write_text(
        "people:\n  - id: vladimir_putin\n    aliases: [V. Putin]\n    roles:\n"
        "      - {country: RUS, sector: GOV, title: director of the FSB, start: 1998-07-25, end: 1999-08-09}\n",
        encoding="utf-8",
    )
    actors = load_dictionary([extra])
    putin = actors.people["vladimir_putin"]
    assert "V. Putin" in putin.aliases and "Putin" in putin.aliases
    assert any(r.title == "director of the FSB" for r in putin.roles)
    assert any(r.title == "president" for r in putin.roles)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("people: [", "cannot read"),
        ("- just a list\n", "YAML mapping"),
        ("people:\n  - name: No Id\n", "people entry 1 has no id"),
        ("persons:\n  - id: x\n", "unknown section"),
        ("people:\n  - id: x\n    roles:\n      - {country: BLR, title: mayor}\n", "role without a sector"),
        ("people:\n  - id: x\n    roles:\n      - {country: BLR, sector: GOV, start: 2020-13-01}\n", "YYYY-MM-DD"),
    ],
)
def test_bad_user_actor_files(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_dictionary([path])


def test_organization_ids_are_unique_across_files():
    ids = Counter(o["id"] for name in ORG_FILES for o in load(name)["organizations"])
    assert [i for i, n in ids.items() if n > 1] == []
