import pytest

from wirewatch.coding.gazetteer import load_gazetteer
from wirewatch.coding.ontology import intent_code, load_ontology


def test_cities_resolve_to_country_and_coordinates():
    minsk = load_gazetteer().locate("Minsk")
    assert minsk.country == "BLR"
    assert minsk.lat == pytest.approx(53.9, abs=0.1)
    assert load_gazetteer().locate("Grodno").country == "BLR"  # an alternate name
    assert load_gazetteer().locate("Minsk", country="POL") is None
    assert load_gazetteer().locate("Nowhereville") is None


@pytest.mark.parametrize(
    ("code", "intent"), [("042", "036"), ("163", "1312"), ("190", "138"), ("0832", "0341"), ("010", None)]
)
def test_announced_acts_map_to_intents_and_threats(code, intent):
    assert intent_code(code) == intent
    if intent:
        assert intent in load_ontology()


def test_user_codes_are_kept_as_given():
    ontology = load_ontology()
    assert ontology.lookup("0951").code == "0951"  # finer than the table: parent's weight
    assert ontology.lookup("0951").goldstein == ontology.get("095").goldstein
    odd = ontology.lookup("903")
    assert (odd.code, odd.goldstein, odd.plover_type) == ("903", 0.0, "")
