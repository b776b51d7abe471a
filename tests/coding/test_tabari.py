"""TABARI/PETRARCH dictionaries, with small dictionaries written by the team."""

import datetime as dt

import pytest

from wirewatch.coding.actors import load_dictionary
from wirewatch.coding.tabari import (
    DatedCode,
    fit_slots,
    is_agents,
    is_ontology,
    is_tabari,
    parse_actors,
    parse_agents,
    parse_negations,
    parse_verbs,
)
from wirewatch.errors import ConfigError

ACTORS = """<!-- a test dictionary -->
<!-- spanning
     two lines -->
FREEDONIA_  [FRD]
+FREEDONIAN
SYLVANI  [SYL]  # a stem: Sylvania, Sylvanian
RUFUS_FIREFLY
    [FRD < 330101]
    [FRDGOV 19330101 - 19351231]
    [FRDELI > 351231]
THE_TWIN_CITIES  [FRD/SYL]
NOBODY_AT_ALL  [---]
THE_SY  [SYU]  # an abbreviation: not a stem of "the Sylvanian ..."
NORWAY  [NWY]  # the user's own code for a country the shipped data knows
HARPO_MARX [FRD]  # a default code and a dated restriction
    [FRDMIL 19330101 - 19351231]
FREEDONIAN_ARMY [FRDMIL]
AL-KHAZAR [KHZ]  # a hyphenated stem
BRIMFORT [BRM]
GONDOR [GND]
EUROPEAN_UNION [EUX]  # the user's code for a union the shipped data knows as "the European Union"
"""

AGENTS = """!MAN! = MAN, MEN
CHANCELLOR [~GOV]
SECRET_POLICE {} [~SPY]
STREET_!MAN! [~CVL]
AID_WORKER {AID_WORKERS AID_STAFF} [NGO~]
NEWSPAPER [~MED]
ROYALIST [~ROY]
"""


def test_format_detection():
    assert is_tabari(ACTORS) and not is_agents(ACTORS)
    assert is_tabari(AGENTS) and is_agents(AGENTS)
    assert not is_tabari("people:\n  - id: x\n")


def test_actor_entries_with_synonyms_stems_and_dated_codes():
    actors = {a.names[0][0]: a for a in parse_actors(ACTORS, "t")}
    assert actors["FREEDONIA_"].names == [("FREEDONIA_", False), ("FREEDONIAN", True)]
    assert actors["SYLVANI"].names == [("SYLVANI", True)]
    assert actors["RUFUS_FIREFLY"].codes == [
        DatedCode("FRD", None, dt.date(1932, 12, 31)),
        DatedCode("FRDGOV", dt.date(1933, 1, 1), dt.date(1935, 12, 31)),
        DatedCode("FRDELI", dt.date(1936, 1, 1), None),
    ]
    assert actors["NOBODY_AT_ALL"].codes == []


def test_agents_expand_plurals_and_substitutions():
    agents = {a.names[0][0]: a for a in parse_agents(AGENTS, "t")}
    assert agents["SECRET_POLICE"].sector == "SPY"
    # whole words: the regular plural unless braces give the plurals, or none ("{}")
    assert agents["SECRET_POLICE"].names == (("SECRET_POLICE", False),)
    assert agents["CHANCELLOR"].names == (("CHANCELLOR", False), ("CHANCELLORS", False))
    assert [n for n, _ in agents["STREET_MAN"].names] == ["STREET_MAN", "STREET_MEN"]
    assert [n for n, _ in agents["AID_WORKER"].names] == ["AID_WORKER", "AID_WORKERS", "AID_STAFF"]
    assert agents["AID_WORKER"].sector == "NGO"


def test_bad_code_block_names_its_line():
    with pytest.raises(ConfigError, match=r"t:2: cannot read the code block"):
        parse_actors("GROUCHO\n   [FRD sometime]\n", "t")


def test_dictionary_codes_by_date(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    actors = load_dictionary([path])
    assert actors.coded_ref("tabari:rufus_firefly", dt.date(1934, 6, 1)).code == "FRDGOV"
    assert actors.coded_ref("tabari:rufus_firefly", dt.date(1940, 6, 1)).code == "FRDELI"
    # the undated code is the default; a dated restriction covering the day wins
    assert actors.coded_ref("tabari:harpo_marx", dt.date(1934, 6, 1)).code == "FRDMIL"
    assert actors.coded_ref("tabari:harpo_marx", dt.date(1940, 6, 1)).code == "FRD"
    twins = actors.coded_ref("tabari:the_twin_cities", dt.date(1934, 6, 1))
    assert twins.members == ("FRD", "SYL")


@pytest.mark.model
def test_tabari_dictionaries_in_the_pipeline(tmp_path, settings):
    from dataclasses import replace

    from wirewatch.ingest import make_article
    from wirewatch.nlp.pipeline import Extractor

    (tmp_path / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "agents.txt").write_text(AGENTS, encoding="utf-8")
    extractor = Extractor(replace(settings, actor_files=(tmp_path / "actors.txt", tmp_path / "agents.txt")))
    x = extractor.extract(
        make_article("Rufus Firefly accused Sylvanian diplomats.", "t", default_published=dt.date(1934, 6, 1))
    )
    codes = {m.text: m.actor.code for m in x.mentions}
    assert codes["Rufus Firefly"] == "FRDGOV"
    assert codes["Sylvanian diplomats"].startswith("SYL")
    assert x.statements[0].speaker.actor.code == "FRDGOV"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # agents add their codes in the order of the text; a code already there is not repeated
        ("The Sylvanian royalist newspapers accused Freedonia.", {"Sylvanian royalist newspapers": "SYLROYMED"}),
        ("The Freedonian Army secret police accused Sylvania.", {"Freedonian Army secret police": "FRDMILSPY"}),
        # a second agent in a list shares the first one's modifiers
        (
            "The Sylvanian royalist newspapers and chancellor accused Freedonia.",
            {"Sylvanian royalist newspapers": "SYLROYMED", "chancellor": "SYLROYGOV"},
        ),
        # an agent "of" an actor with a sector of its own joins that actor's code
        ("The secret police of the Freedonian Army accused Sylvania.", {"secret police": "FRDMILSPY"}),
        # a leading agent [NGO~] goes before the country
        ("Freedonia aid workers accused Sylvania.", {"Freedonia aid workers": "NGOFRD"}),
        ("The aid workers of Freedonia accused Sylvania.", {"aid workers": "NGOFRD"}),
        # an agent of no named country stays without one, as in TABARI coding
        ("Sylvania said the chancellor lied.", {"chancellor": "---GOV"}),
        # a hyphenated stem matches the words the tokenizer makes of it
        ("Al-Khazar accused Sylvania.", {"Al-Khazar": "KHZ"}),
        # agents are whole words: "{}" says there is no plural, so "polices" is no police
        ("Freedonia's secret polices accused Sylvania.", {"Freedonia": "FRD"}),
        ("The Sylvanian chancellors accused Freedonia.", {"Sylvanian chancellors": "SYLGOV"}),
        ("The Sylvanian newspapermen accused Freedonia.", {"Sylvanian newspapermen": "SYL"}),
    ],
)
def test_tabari_agents_compose_codes(tmp_path, settings, text, expected):
    from dataclasses import replace

    from wirewatch.ingest import make_article
    from wirewatch.nlp.pipeline import Extractor

    (tmp_path / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "agents.txt").write_text(AGENTS, encoding="utf-8")
    extractor = Extractor(replace(settings, actor_files=(tmp_path / "actors.txt", tmp_path / "agents.txt")))
    x = extractor.extract(make_article(text, "t", default_published=dt.date(1940, 6, 1)))
    codes = {m.text: m.actor.code for m in x.mentions}
    assert {k: codes.get(k) for k in expected} == expected


VERBS = """&COIN
+DUCAT
+FLORIN

&RARECOIN
+GOLD_FLORIN
+SEASHELL

--- GIVE  [070]  ---
GIVE
- * &COIN  [071]
- * &RARECOIN  [075]

--- ABANDON  [---]  ---
ABANDON
- * EFFORT  [080]

--- CUT  [160]  ---
CUT
- * TIES WITH [161]
- * DIPLOMATIC_TIES_WITH [162]

--- FIRE  [190]  ---
FIRE
- FINALLY_* [191]

--- LAUNCH  [---]  ---
LAUNCH
- * OFFENSIVE  [195]

--- SHELL  [---]  ---
SHELL
- * OFFENSIVE  [195]

--- RECEIVE  [033]  ---
RECEIVE
- + * MONEY $  [071]

--- SAY  [010]  ---
SAY  {SAYS SAID SAYING}

--- PRESENT  [032]  ---
PRESENT

--- RISEN  [---]  ---
RISEN
- DEATH TOLL * [223]

--- TOLD  [023]  ---
TOLD

--- SIGN  [057]  ---
SIGN

--- VOW  [170]  ---
VOW
- * WAR  [173]

--- CELEBRATE  [017]  ---
CELEBRATE
- * FEAST IN ^ +  [045]
- * FEAST AT ^ ^ +  [044]

--- HOLD  [210]  ---
HOLD  [---]
HOST
- * TALKS  [032]

--- WIRETAP  [171]  ---
WIRE_+TAP
WIRE
TAP
"""

# The team's small coding ontology: each code's number; a code negated is the code
# numbered 0xFFFF less.
ONTOLOGY = """# codes and their numbers
057:0x0087   # sign an agreement
128:-0xFFFF+0x0087   # not signing: a refusal to settle
171:0x9010
---:0
"""


def test_verb_patterns_read_joins_markers_and_synsets():
    verbs = parse_verbs(
        "&TIES\n+TRADE\n+ARMS_SALES\n\n--- PULL  [074]  ---\nPULL\n"
        "- SO IN_*_OUT NOW $ [075]\n- * NEW_&TIES_DEALS [076]\n",
        "t",
    )
    pattern, deals = verbs["pull"].patterns
    assert pattern.touches_verb and pattern.after[0].tight and not pattern.after[1].tight
    assert [s.options for s in pattern.before] == [(("so",),), (("in",),)]
    assert pattern.after[2].marker == "$"
    assert deals.after[0].options == (("new", "trade", "deals"), ("new", "arms", "sales", "deals"))
    assert fit_slots(pattern.after, ["out", "now", "to", "sylvania"], True, False) == ([("$", 2, 4)], 2)
    assert fit_slots(pattern.after, ["quickly", "out", "now"], True, False) is None
    assert fit_slots(deals.after, ["new", "trade", "deals"], True, False) == ([], 3)
    assert fit_slots(deals.after, ["new", "big", "trade", "deals"], True, False) is None


def test_a_verbs_own_code_beats_its_blocks():
    verbs = parse_verbs(VERBS, "t")
    assert verbs["hold"].code is None and verbs["host"].code == "210"
    assert [p.code for p in verbs["hold"].patterns] == ["032"]


def test_coding_ontology_says_what_a_negated_code_is():
    assert is_ontology(ONTOLOGY) and not is_ontology(VERBS) and not is_ontology(ACTORS)
    assert parse_negations(ONTOLOGY, "t") == {"057": "128"}
    with pytest.raises(ConfigError, match=r"t:2: cannot read the ontology line"):
        parse_negations("057:0x0087\n171:nine\n", "t")


def test_verb_patterns_count_the_phrases_skipped_before_an_actor():
    (pattern,) = parse_verbs("--- HOLD  [040]  ---\nHOLD\n- $ ^ FOR * TALKS AT ^ ^ + [043]\n", "t")["hold"].patterns
    assert [(s.marker, s.skips) for s in pattern.before if s.marker] == [("$", 0), ("^", 0)]
    assert [(s.marker, s.skips) for s in pattern.after if s.marker] == [("^", 0), ("^", 0), ("+", 2)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a planned act coded by the user's dictionary keeps the dictionary's code
        ("Freedonia will cut ties with Sylvania, an official said.", {("FRD", "SYL", "161", "future")}),
        # a stem of under four letters is an abbreviation, not a prefix
        ("The Sylvanian chancellor cut ties with Freedonia.", {("SYLGOV", "FRD", "161", "asserted")}),
        # the user's code wins over the shipped one for the same words
        ("The Norway chancellor cut ties with Freedonia.", {("NWYGOV", "FRD", "161", "asserted")}),
        # a place fired at is the country hit; a possessor is not the target
        ("Freedonia fired two shells at Oslo.", {("FRD", "NOR", "190", "asserted")}),
        ("Freedonia cut ties with Sylvania's chancellor.", {("FRD", "SYLGOV", "161", "asserted")}),
        # the sources' own things are not the target
        (
            "The envoys of Freedonia and Sylvania presented their credentials to Norway's chancellor.",
            {("FRDGOV", "NWYGOV", "032", "asserted"), ("SYLGOV", "NWYGOV", "032", "asserted")},
        ),
        # words joined by "_" stand together, next to the verb where "*" is joined
        ("Freedonia cut diplomatic ties with Sylvania.", {("FRD", "SYL", "162", "asserted")}),
        ("Freedonia cut diplomatic and trade ties with Sylvania.", {("FRD", "SYL", "161", "asserted")}),
        ("Freedonia finally fired at Oslo.", {("FRD", "NOR", "191", "asserted")}),
        ("Freedonia finally and reluctantly fired at Oslo.", {("FRD", "NOR", "190", "asserted")}),
        # a list of names the parser hangs on its last one: each name acts
        (
            "Brimfort and the evil awful Gondor welcomed a resumption of formal ties with Norway.",
            {("BRM", "NWY", "051", "asserted"), ("GND", "NWY", "051", "asserted")},
        ),
        # one act the parser splits over two verbs is one event, aimed where one of them is
        (
            "Freedonia launched a new bombing and shelling offensive against besieged Sylvania.",
            {("FRD", "SYL", "195", "asserted")},
        ),
        # ... also where only one of the verbs is the user's
        (
            "Freedonia launched a new probing and feinting offensive against besieged Sylvania.",
            {("FRD", "SYL", "195", "asserted")},
        ),
        # "$" and "+" say where the source and the target stand
        ("Sylvania received money from Freedonia.", {("FRD", "SYL", "071", "asserted")}),
        # a plain "said" aimed at no one is how the story reports, not an event of its own;
        # aimed at someone, it is a statement to code
        ("Freedonia cut ties with Sylvania, the Freedonian chancellor said.", {("FRD", "SYL", "161", "reported")}),
        ("The Freedonian chancellor said Sylvania was lying.", {("FRDGOV", "SYL", "010", "asserted")}),
        # a form the dictionary lists as a verb of its own is that verb, with its patterns
        ("Freedonia's death toll has risen in the dispute with Sylvania.", {("FRD", "SYL", "223", "asserted")}),
        # whom an infinitive of purpose is for is whom the act is aimed at; a verb the user's
        # dictionary does not list ("supply") is not coded by the shipped patterns; a clause
        # with a subject of its own is not the act's
        ("Freedonia signed an accord on Monday to supply Sylvania with wheat.", {("FRD", "SYL", "057", "asserted")}),
        ("Freedonia will supply Sylvania with wheat.", set()),
        ("Freedonia signed the accord after Sylvania made an offer.", {("FRD", None, "057", "asserted")}),
        # a subject the dictionaries do not know stands for its owner
        ("Freedonia's hotheads vowed to wage war on Sylvania.", {("FRD", "SYL", "173", "asserted")}),
        ("The river has risen in Sylvania.", set()),
        # ... and a verb of plain saying under the dictionary's code for it still only reports
        ("Freedonia cut ties with Sylvania, an official told reporters.", {("FRD", "SYL", "161", "reported")}),
        ("The Freedonian chancellor told Sylvania that the border was closed.", {("FRDGOV", "SYL", "023", "asserted")}),
        # "^" passes over a noun phrase: the target is the actor after it
        (
            "Freedonia celebrated the feast in Norway with the envoys of Sylvania.",
            {("FRD", "SYLGOV", "045", "asserted")},
        ),
        (
            "Freedonia celebrated the feast at Oslo with the chancellor of Sylvania.",
            {("FRD", "SYL", "044", "asserted")},
        ),
        ("Freedonia celebrated the feast in Oslo.", {("FRD", None, "045", "asserted")}),
        # the user's code for a name wins over the shipped one for the name with its article,
        # and over the shipped one for its abbreviation in brackets
        (
            "The European Union (EU) cut ties with Sylvania.",
            {("EUX", "SYL", "161", "asserted")},
        ),
        (
            "Freedonia and the European Union (EU) cut ties with Sylvania.",
            {("FRD", "SYL", "161", "asserted"), ("EUX", "SYL", "161", "asserted")},
        ),
        # a pattern's word matches its other forms ("EFFORT", "efforts")
        ("Freedonia abandoned its efforts to stop Sylvania.", {("FRD", "SYL", "080", "asserted")}),
        # the pattern that matches more words wins, however short its synset's other members
        ("Freedonia gave a gold florin to Sylvania.", {("FRD", "SYL", "075", "asserted")}),
        ("Freedonia gave a florin to Sylvania.", {("FRD", "SYL", "071", "asserted")}),
        # the coding ontology says what an act not done is; a code it pairs with none stays negated
        ("Freedonia will not sign the treaty with Sylvania.", {("FRD", "SYL", "128", "asserted")}),
        ("Freedonia did not cut ties with Sylvania.", {("FRD", "SYL", "161", "negated")}),
        # a verb the user's dictionary leaves uncoded codes nothing, and its object is the
        # dictionary's to code, not the shipped nouns' ("meeting")
        ("Freedonia held talks with Sylvania.", {("FRD", "SYL", "032", "asserted")}),
        ("Freedonia held a meeting with Sylvania.", set()),
        ("Freedonia hosted a meeting with Sylvania.", {("FRD", "SYL", "210", "asserted")}),
        # two words side by side that each read as the verb are one act
        ("Freedonia will wire tap the phones of Sylvania.", {("FRD", "SYL", "171", "future")}),
        # a place in a clause of its own ("while in ...") is not what the act is aimed at
        (
            "The Freedonian chancellor fired at the guards while on a visit to Sylvania.",
            {("FRDGOV", None, "190", "asserted")},
        ),
    ],
)
def test_tabari_verbs_in_the_pipeline(tmp_path, settings, text, expected):
    from dataclasses import replace

    from wirewatch.ingest import make_article
    from wirewatch.nlp.pipeline import Extractor

    for name, body in (("actors.txt", ACTORS), ("agents.txt", AGENTS), ("verbs.txt", VERBS), ("pico.txt", ONTOLOGY)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    extractor = Extractor(
        replace(
            settings,
            actor_files=(tmp_path / "actors.txt", tmp_path / "agents.txt"),
            verb_files=(tmp_path / "verbs.txt", tmp_path / "pico.txt"),
        )
    )
    x = extractor.extract(make_article(text, "t", default_published=dt.date(1995, 1, 1)))
    # a list: one act coded twice is a defect too
    found = [(e.source.code, e.target.code if e.target else None, e.cameo, e.modality) for e in x.events]
    assert sorted(found, key=str) == sorted(expected, key=str)
