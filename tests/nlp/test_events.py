"""Events, table-driven with the team's own sentences."""

import datetime as dt

import pytest

ROWS = [
    # text, published, (source, target, cameo, modality, date)
    (
        "Police detained dozens of protesters in Minsk on Sunday.",
        dt.date(2020, 8, 10),
        ("BLRCOP", "BLRCVL", "173", "asserted", "2020-08-09"),
    ),
    (
        "Several opposition leaders in Belarus have been jailed.",
        dt.date(2020, 9, 1),
        ("BLRGOV", "BLROPP", "173", "asserted", "2020-09-01"),
    ),
    ("Lavrov visited Minsk on Thursday.", dt.date(2020, 11, 27), ("RUSGOV", "BLRGOV", "042", "asserted", "2020-11-26")),
    (
        "Poland could impose sanctions on Belarus.",
        dt.date(2020, 9, 1),
        ("POL", "BLR", "163", "hypothetical", "2020-09-01"),
    ),
    (
        "Lithuania did not expel the Belarusian ambassador.",
        dt.date(2020, 10, 5),
        ("LTU", "BLRGOV", "161", "negated", "2020-10-05"),
    ),
    (
        "Belarusian critics say police beat the students.",
        dt.date(2020, 8, 14),
        ("BLRCOP", "BLREDU", "182", "reported", "2020-08-14"),
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "published", "expected"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_event_rows(run, text, published, expected):
    source, target, cameo, modality, date = expected
    x = run(text, published)
    found = [e for e in x.events if e.cameo == cameo]
    assert found, f"no {cameo} event in {[(e.cameo, e.source, e.target) for e in x.events]}"
    e = found[0]
    assert (e.source.code, e.target.code, e.modality, e.date) == (source, target, modality, date)
    assert text[e.evidence.start : e.evidence.end] == e.evidence.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an option weighed is a 014 aimed where the option is; the option itself is not done
        (
            "Sweden is considering sending medical aid to Moldova.",
            {("SWE", "MDA", "014", "asserted"), ("SWE", "MDA", "073", "hypothetical")},
        ),
        ("Estonia is weighing new sanctions against Belarus.", {("EST", "BLR", "014", "asserted")}),
        # being considered something is no option weighed
        ("Hezbollah is considered a terrorist group by Canada.", set()),
    ],
)
def test_weighing_an_option_is_not_taking_it(run, text, expected):
    x = run(text, dt.date(2021, 3, 1))
    assert {(e.source.code, e.target.code if e.target else None, e.cameo, e.modality) for e in x.events} == expected


@pytest.mark.model
def test_event_location_from_a_capital(run):
    x = run("Police detained dozens of protesters in Minsk on Sunday.", dt.date(2020, 8, 10))
    e = next(e for e in x.events if e.cameo == "173")
    assert (e.location.name, e.location.country) == ("Minsk", "BLR")
    assert e.location.lat == pytest.approx(53.9, abs=0.1) and e.location.lon == pytest.approx(27.6, abs=0.1)


@pytest.mark.model
def test_event_location_from_a_city_or_the_dateline(run):
    x = run("Riot police beat students in Grodno on Monday.", dt.date(2020, 8, 12))
    e = next(e for e in x.events if e.cameo.startswith("18"))
    assert (e.location.name, e.location.country) == ("Grodno", "BLR")
    x = run("VILNIUS (WDW) - Lithuanian police detained two smugglers on Monday.", dt.date(2020, 8, 12))
    e = next(e for e in x.events if e.cameo == "173")
    assert (e.location.name, e.location.country) == ("Vilnius", "LTU")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cameo", "modality"),
    [
        ("Poland will impose sanctions on Belarus.", "1312", "future"),
        ("Lavrov will visit Minsk next week.", "036", "future"),
        ("Lithuania would expel the Belarusian ambassador if the crackdown went on.", "1313", "conditional"),
        # being willing or eager to do it is an intent, not the act
        ("Japan is eager to send food aid to Somalia.", "033", "future"),
    ],
)
def test_announced_acts_are_intents_or_threats(run, text, cameo, modality):
    x = run(text, dt.date(2020, 9, 1))
    assert [(e.cameo, e.modality) for e in x.events] == [(cameo, modality)]


@pytest.mark.model
def test_promise_inside_a_statement_is_not_an_event_of_its_own(run):
    x = run("Lukashenko said he would resign once a new constitution was adopted.", dt.date(2020, 11, 27))
    assert [e.cameo for e in x.events] == ["0341"]
    assert x.events[0].modality == "conditional"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lavrov's visit to Minsk on Thursday was brief.", ("RUSGOV", "BLRGOV", "042", "2020-11-26")),
        ("EU sanctions on Belarus took effect on Friday.", ("IGOEEC", "BLR", "163", "2020-11-27")),
    ],
)
def test_nominal_events_with_a_named_actor(run, text, expected):
    x = run(text, dt.date(2020, 11, 28))
    (e,) = x.events
    assert (e.source.code, e.target.code, e.cameo, e.date) == expected


@pytest.mark.model
def test_a_noun_without_an_actor_or_already_coded_by_its_verb_is_not_an_event(run):
    assert run("The visit was brief.", dt.date(2020, 11, 28)).events == ()
    x = run("Poland imposed sanctions on Belarus.", dt.date(2020, 11, 28))
    assert [e.cameo for e in x.events] == ["163"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Several opposition leaders in Belarus have been jailed.", True),
        ("Belarusian police arrested dozens of students in 2019.", True),
        ("Belarusian police arrested dozens of students on Monday.", False),
    ],
)
def test_background_events(run, text, background):
    (e,) = [e for e in run(text, dt.date(2020, 9, 2)).events if e.cameo == "173"]
    assert e.background is background


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cameo", "modality"),
    [
        # what an actor refuses or fails to do did not happen
        ("Lithuania refused to expel the Belarusian ambassador.", "161", "negated"),
        # what an actor agrees, plans or vows to do has not happened yet: an intent, or a
        # threat when the act is hostile (a planned expulsion threatens to cut ties; the
        # threat itself was made)
        ("Poland plans to expel two Belarusian diplomats.", "1313", "asserted"),
        ("Putin has agreed to withdraw the riot police.", "03", "future"),
    ],
)
def test_infinitives_after_refusals_and_intents(run, text, cameo, modality):
    x = run(text, dt.date(2020, 9, 1))
    assert any(e.cameo.startswith(cameo) and e.modality == modality for e in x.events), x.events
    assert not [e for e in x.events if e.modality == "asserted" and e.root not in ("03", "12", "13")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what an agreement is to do is agreed, not done: an intent, as "agreed to supply"
        (
            "Russia signed an accord on Thursday to supply Iran with wheat.",
            {("RUS", None, "057", "asserted"), ("RUS", "IRN", "033", "future")},
        ),
        # an infinitive of purpose after an act done is done with it
        (
            "Germany sent its foreign minister to Minsk to tell Lukashenko to press ahead with reform.",
            {("DEUGOV", "BLRGOV", "024", "asserted"), ("DEUGOV", "BLRGOV", "042", "asserted")},
        ),
    ],
)
def test_what_an_agreement_is_to_do_is_planned(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    assert {(e.source.code, e.target.code if e.target else None, e.cameo, e.modality) for e in x.events} == expected


@pytest.mark.model
def test_every_speaker_of_a_coordinated_subject_acts(run):
    x = run("Latvia, Estonia and the ever cautious Lithuania condemned the crackdown in Belarus.", dt.date(2020, 8, 12))
    sources = {e.source.code for e in x.events if e.cameo.startswith("11")}
    assert sources == {"LVA", "EST", "LTU"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cameo_root", "expected"),
    [
        # an agent "in" coordinated countries is an agent of each; the second country is
        # where, not who
        ("Lawmakers in France and Germany criticized Russia.", "11", {("FRALEG", "RUS"), ("DEULEG", "RUS")}),
        ("Officials in Poland and Lithuania welcomed the decision.", "05", {("POLGOV", None), ("LTUGOV", None)}),
        # a joint act of coordinated sources with no object: they act on each other
        ("Russia and China held talks on Monday.", "04", {("RUS", "CHN"), ("CHN", "RUS")}),
        # a one-sided act does not make them act on each other
        ("Britain and France condemned the attack.", "11", {("GBR", None), ("FRA", None)}),
        # a second name hung on a word inside the first one
        (
            "Barack Obama and Vladimir Putin will meet in Zurich.",
            "03",
            {("USAELI", "RUSGOV"), ("RUSGOV", "USAELI")},
        ),
        # a list whose last member has modifiers
        (
            "Estonia, Latvia and the small Lithuania welcomed the decision.",
            "05",
            {("EST", None), ("LVA", None), ("LTU", None)},
        ),
    ],
)
def test_coordinated_actors(run, text, cameo_root, expected):
    x = run(text, dt.date(2020, 9, 1))
    found = {(e.source.code, e.target.code if e.target else None) for e in x.events if e.root == cameo_root}
    assert found == expected


@pytest.mark.model
def test_a_planned_act_in_a_plain_report_is_kept_as_planned(run):
    # (said by Lithuania's own official it would be Lithuania's announced intent)
    x = run("Lithuania will expel the Belarusian ambassador, Latvia's foreign minister said.", dt.date(2020, 10, 5))
    planned = [e for e in x.events if e.source.code == "LTU"]
    assert planned and all(e.modality == "future" for e in planned)
    assert planned[0].target.code == "BLRGOV"


@pytest.mark.model
def test_what_an_appeal_asks_for_is_not_an_event(run):
    x = run("The European Union urged Belarus to release the protesters.", dt.date(2020, 10, 5))
    assert [e.source.code for e in x.events] == ["IGOEEC"]
    assert x.events[0].root == "02"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb that launches a named act gives its actor
        (
            "Qatar's emir launched a mediation effort between the Emirates and Saudi Arabia.",
            {("QATGOV", "ARE", "045"), ("QATGOV", "SAU", "045")},
        ),
        # declining to act refuses; declining to comment says nothing of substance
        ("Kenya's finance minister declined to resign.", {("KENGOV", None, "120")}),
        ("The Kenyan finance minister declined to comment.", {("KENGOV", None, "011")}),
        # denying someone something refuses; denying a claim is a denial
        ("Turkey denied entry to the Greek delegation.", {("TUR", None, "120")}),
        ("The Kremlin denied the reports.", {("RUSGOV", None, "016")}),
        ("The Security Council agreed to an extension of the mission in Lebanon.", {("IGOUNSC", None, "030")}),
        # a country spoken to is the addressee, not a place
        ("Argentina apologized to Brazil for the incident.", {("ARG", "BRA", "055")}),
        ("Lebanon complained to the United Nations over the air raids.", {("LBN", "IGOUNO", "111")}),
        ("A Peruvian judge ordered the former minister to appear in court.", {("PERJUD", "PERGOV", "100")}),
        ("Swiss doctors handed over medicine to the Red Crescent.", {("CHEHLH", "NGORCR", "073")}),
        ("Azerbaijan's army fired artillery batteries at Armenia.", {("AZEMIL", "ARM", "194")}),
        # made clear it will not: a refusal, here to yield on the ban (one refusal, aimed at
        # whom the ban is on); a statement issued is its issuer's
        (
            "The Polish government has made it clear it will not lift the ban on the protests.",
            {("POLGOV", "POLOPP", "124")},
        ),
        ("The EU has made it clear it will not lift the embargo on China.", {("IGOEEC", "CHN", "124")}),
        ("The European Union issued an ultimatum to Belarus.", {("IGOEEC", "BLR", "130")}),
        # the object noun itself says more than a word further down
        ("Japan halted economic aid to Serbia.", {("JPN", "SRB", "1621")}),
        ("Poland and Lithuania reached a consensus on the border.", {("POL", "LTU", "030"), ("LTU", "POL", "030")}),
        ("Britain shared evidence with France about the plot.", {("GBR", "FRA", "064")}),
        ("Latvia accepted a proposal from Estonia.", {("LVA", "EST", "030")}),
        ("Norway suspended its mediation between the two sides.", {("NOR", None, "165")}),
        ("Prisoners rioted at a jail in Dili on Monday.", {("TLSCVL", None, "145")}),
        # admitting observers yields; fighters "demobilized" stood down themselves
        ("Belarus received a mission of observers from the OSCE.", {("BLR", "IGOSCE", "0862")}),
        (
            "Two hundred Maoist guerrillas in Nepal have been demobilized since the peace deal.",
            {("NPLREB", None, "0873")},
        ),
        # stepping up an act named by a noun is doing it
        ("The Azerbaijani army intensified its shelling of the town.", {("AZEMIL", None, "194")}),
        # the speaker's own government is not a target of its accusation; the allegation
        # aimed at no one is the same accusation of Rwanda
        (
            "France accused Rwanda of lying, alleging that Paris had a role.",
            {("FRA", "RWA", "112")},
        ),
        # a proposal or an offer named inside what someone else says is referred to, not
        # reported: it is not coded again at each mention; named on its own, it is
        ("Germany urged Iran to respond to Russia's proposals on the nuclear deal.", {("DEU", "IRN", "020")}),
        ("Japan welcomed China's offer of talks on the disputed islands.", {("JPN", "CHN", "051")}),
        ("Russia's proposals on the nuclear deal were published on Monday.", {("RUS", None, "030")}),
    ],
)
def test_speech_acts_and_acts_named_by_nouns(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    found = {
        (e.source.code, e.target.code if e.target else None, e.cameo) for e in x.events if e.modality == "asserted"
    }
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # another named actor's stance inside a report is that actor's act
        ("Officials said the African Union had agreed to send observers.", "IGOAU"),
        # a government speaking of what its country will do announces its own intent
        ("Putin said Russia would support the plan.", "RUSGOV"),
    ],
)
def test_stances_inside_reports(run, text, source):
    x = run(text, dt.date(2020, 9, 1))
    assert [(e.source.code, e.cameo) for e in x.events] == [(source, "030")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # an announced act of one's own is an intent when it cooperates, a threat when not
        ("Erdogan said he would boycott the summit in Paris.", "133"),
        ("Putin said Russia would send aid to Syria.", "033"),
    ],
)
def test_an_announced_act_of_ones_own_is_an_intent_or_a_threat(run, text, cameo):
    x = run(text, dt.date(2020, 9, 1))
    # an intent is still to come; a threat has been made
    assert [(e.cameo, e.modality) for e in x.events] == [(cameo, "asserted" if cameo[:2] == "13" else "future")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lemmatizer's "stag" for "staged" still finds the pattern
        ("Students in Minsk staged mass demonstrations on Saturday.", {("BLREDU", "141", "asserted")}),
        # what a demand asks for has not happened, whoever demanded it
        (
            "The opposition renewed its demand that Belarus release the detained students.",
            {("BLROPP", "1053", "asserted")},
        ),
        ("Belarusian authorities have been pressuring workers to cancel the strike.", {("BLRGOV", "100", "asserted")}),
        # what must happen is a demand, not an event
        ("Protesters in Minsk said Lukashenko must resign.", {("BLRCVL", "1041", "asserted")}),
    ],
)
def test_what_is_asked_for_has_not_happened(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    assert {(e.source.code, e.cameo, e.modality) for e in x.events if e.modality == "asserted"} == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # failing to agree is a rejection of the agreement
        (
            "Poland and Lithuania failed to reach agreement on the border.",
            {("POL", "127", "asserted"), ("LTU", "127", "asserted")},
        ),
        # what "may" happen "if" something else does is a threat
        (
            "The European Union may halt its mediation between Serbia and Croatia if the fighting goes on.",
            {("IGOEEC", "131", "conditional")},
        ),
        # a condition does not set the speech act: a boycott unless someone steps down
        (
            "Hungary said it will boycott the summit unless the president agrees to step down.",
            {("HUN", "133", "asserted")},
        ),
    ],
)
def test_failures_conditions_and_threats(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    assert {(e.source.code, e.cameo, e.modality) for e in x.events} == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed combat is between armed sides; state forces firing on civilians repress them,
        # and irregular forces attacking civilians commit irregular violence
        ("Rebels attacked an army base near Goma.", ("CODREB", "CODMIL", "190")),
        ("Police fired on demonstrators in Minsk.", ("BLRCOP", "BLRCVL", "175")),
        ("Burundian militiamen attacked a camp for Congolese refugees.", ("BDIUAF", "COGREF", "180")),
    ],
)
def test_combat_repression_and_irregular_violence(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    assert [(e.source.code, e.target.code, e.cameo) for e in x.events] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what one receives from a giver, the giver provides
        ("Kurdish fighters received weapons from Washington.", {("USAGOV", "072")}),
        ("Moldova has received humanitarian aid from Romania.", {("ROU", "073")}),
        ("Armenian protesters received assurances from the Armenian government.", {("ARMGOV", "030")}),
        # a call received is made by the caller
        ("Zelensky received a phone call from Macron on Monday.", {("FRAGOV", "041")}),
        # no giver, no source
        ("The rebels received new weapons last month.", set()),
    ],
)
def test_what_is_received_is_given_by_the_giver(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    assert {(e.source.code, e.cameo) for e in x.events} == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a transitive strike is an attack, an intransitive one a labour strike
        ("Israeli warplanes struck Gaza overnight.", {("ISRMIL", "PSE", "190")}),
        ("Greek workers struck on Tuesday.", {("GRCLAB", None, "143")}),
        # force shown on another country's ground is aimed at that country
        ("Russia is conducting military exercises in Belarus.", {("RUS", "BLR", "150")}),
        ("Turkish warplanes bombed positions in Iraq overnight.", {("TURMIL", "IRQ", "195")}),
        # on one's own ground it has no target of its own
        ("Russia is conducting military exercises in Russia.", {("RUS", None, "150")}),
    ],
)
def test_who_acts_on_whom_by_force_or_strike(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    assert {(e.source.code, e.target.code if e.target else None, e.cameo) for e in x.events} == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle with a "by" agent is passive: the agent acts on what it is said of
        ("Attacked by Russian troops, Ukrainian soldiers retreated.", ("RUSMIL", "UKRMIL", "190")),
    ],
)
def test_a_participle_with_a_by_agent_is_passive(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    found = {(e.source.code, e.target.code if e.target else None, e.cameo) for e in x.events}
    assert expected in found
    assert not any(e.target is not None and e.target.code == expected[0] for e in x.events)


@pytest.mark.model
def test_a_participle_by_a_thing_of_no_named_victim_is_not_an_event(run):
    x = run(
        "Relatives of passengers killed by the Ukraine International Airlines crash met in Kyiv.", dt.date(2020, 9, 1)
    )
    assert not [e for e in x.events if e.root in ("18", "19", "20")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a joint act announced by two with no one else named is aimed at each other
        (
            "Brazil and Argentina are seeking to deepen their partnership in energy.",
            {("BRA", "ARG"), ("ARG", "BRA")},
        ),
        # an appeal is aimed at the one asked to act
        ("Congress is asking Biden to help Ukraine.", {("USALEG", "USAGOV")}),
        ("Paris wants Moscow to stop its attacks on Kyiv.", {("FRAGOV", "RUSGOV")}),
        ("Germany urged Russia to withdraw its troops from Ukraine.", {("DEU", "RUS")}),
        # an apology is aimed at the one apologized to, not at others its content names
        ("Chile apologized to Peru for a shooting on the border with Bolivia.", {("CHL", "PER")}),
        # a threatened attack "in" a country is aimed at it
        ("Hezbollah threatened to resume attacks in Israel.", {("LBNUAF", "ISR")}),
    ],
)
def test_who_a_verbal_act_is_aimed_at(run, text, expected):
    x = run(text, dt.date(2021, 6, 1))
    found = {(e.source.code, e.target.code if e.target else None) for e in x.events if e.root < "14"}
    assert found == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A Tunisian court jailed a Nigerian student for two years.", "NGAEDU"),
        ("Egyptian police arrested a Sudanese worker in Cairo.", "SDNLAB"),
        ("Turkish troops detained a Syrian civilian near the border.", "SYRCVL"),
    ],
)
def test_singular_agents(run, text, target):
    x = run(text, dt.date(2020, 9, 1))
    assert target in {e.target.code for e in x.events if e.target is not None}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money named by its amount, things handed back, a ceasefire spelled with a hyphen,
        # firearms, troops contributed, a state of siege
        ("Norway provided 28 million euros to Sudan.", ("NOR", "SDN", "071")),
        ("Italy returned an ancient marble statue to Libya.", ("ITA", "LBY", "0842")),
        ("President Ghani announced a weeklong cease-fire with the Taliban.", ("AFGGOV", "AFGINS", "0871")),
        ("The Turkish army gave 600 new firearms to the Azerbaijani army.", ("TURMIL", "AZEMIL", "072")),
        ("Peruvian authorities declared a state of siege in Cusco.", ("PERGOV", None, "1724")),
        ("Ghana contributed 500 troops to the force.", ("GHA", None, "074")),
        # cyber attacks by verb and by noun; forcing people out; military aircraft
        ("Russian hackers hacked the computers of the Estonian parliament.", ("RUSCVL", "ESTLEG", "176")),
        ("Israel has launched cyber warfare against Iran.", ("ISR", "IRN", "176")),
        # an attempt made is the act
        ("North Korea has tried to hack into the computers of the South Korean army.", ("PRK", "KORMIL", "176")),
        ("The Serbian army forced out thousands of Albanian villagers.", ("SRBMIL", "ALBCVL", "174")),
        ("British aircraft killed four Iraqi soldiers near Basra.", ("GBRMIL", "IRQMIL", "190")),
        # prisoners let or set free, sanctions and boycotts undone, tariffs cut, a cessation
        # of hostilities, aid paid and supplies sent
        ("Belarus let free twelve Lithuanian students on Monday.", ("BLR", "LTUEDU", "0841")),
        ("Egypt finally set free two Canadian journalists.", ("EGY", "CANMED", "0841")),
        ("Kuwait repealed its boycott of Qatar.", ("KWT", "QAT", "085")),
        ("Canada cut tariffs on Mexican steel.", ("CAN", None, "085")),
        ("The Ethiopian government declared a cessation of hostilities.", ("ETHGOV", None, "0871")),
        ("Norway paid 40 million euros in aid to Yemen.", ("NOR", "YEM", "070")),
        ("Japan sent medical supplies to Peru.", ("JPN", "PER", "073")),
        ("Ireland sent emergency supplies to Chad.", ("IRL", "TCD", "070")),
        # a country's department or agency is its government, its defense department its military
        ("The Swedish development agency gave 9 million euros to Kenya.", ("SWEGOV", "KEN", "071")),
        ("The Dutch Treasury Department lifted sanctions on Cuba.", ("NLDGOV", "CUB", "085")),
        ("The U.S. Defense Department sent rifles to Ukraine.", ("USAMIL", "UKR", "072")),
        ("U.S federal investigators shared evidence with Brazil.", ("USACOP", "BRA", "064")),
        # agencies named by their initials, an acronym the tagger reads as an adverb
        ("USAID sent tents to Nepal.", ("USAGOV", "NPL", "073")),
        ("ICE returned two stolen artifacts to Italy.", ("USACOP", "ITA", "0842")),
        ("The Department for International Development gave 5 million pounds to Malawi.", ("GBRGOV", "MWI", "071")),
        # an act of one's own announced or approved as done
        ("Chile's foreign ministry announced the release of three Bolivian soldiers.", ("CHLGOV", "BOLMIL", "0841")),
        ("Sweden announced emergency food aid for Somalia.", ("SWE", "SOM", "073")),
        ("A Chilean judge approved the extradition of a Peruvian banker.", ("CHLJUD", None, "063")),
        # an adverb the parser hangs on the verb as a preposition completes it as a particle
        ("The Sudanese government forced foreign aid agencies out of Darfur.", ("SDNGOV", None, "1663")),
        ("Sweden presented evidence against Iran.", ("SWE", "IRN", "112")),
        # hostages held as shields, troops kept on alert, a base overrun, a mosque captured
        ("The rebels in Mali hold dozens of villagers as human shields.", ("MLIREB", "MLICVL", "184")),
        ("Nepalese troops remained on alert near the border.", ("NPLMIL", None, "152")),
        ("Chadian rebels overran an army base near Faya.", ("TCDREB", "TCDMIL", "192")),
        ("Syrian government troops captured the mosque in Raqqa.", ("SYRMIL", None, "192")),
        # a word the dictionaries do not know after a named actor is that actor's
        ("The Taliban gunmen killed three Afghan soldiers near Herat.", ("AFGINS", "AFGMIL", "190")),
        # aid measured out ("$5 million in assistance", "the release of $40 million in aid")
        # is the aid the verb announces or approves
        ("Canada announced $5 million in emergency assistance to Lebanon.", ("CAN", "LBN", "070")),
        ("The State Department authorized the release of $40 million in aid to Jordan.", ("USAGOV", "JOR", "070")),
        ("Australia approved a package of humanitarian assistance for Fiji.", ("AUS", "FJI", "070")),
        ("Turkish soldiers distributed food and blankets to refugees in Idlib.", ("TURMIL", "SYRREF", "073")),
        ("Norway has earmarked 2 million euros in emergency aid to help Haiti.", ("NOR", "HTI", "070")),
        # a noun the parser takes for an adverb right after the verb is still its object
        ("Kuwait eased curfew hours it had imposed on several towns.", ("KWT", None, "0813")),
        # lawsuits and official complaints
        ("Ukraine filed a lawsuit against Russia at the International Court of Justice.", ("UKR", "RUS", "115")),
        ("The European Commission launched legal action against Hungary.", ("IGOEUROPEAN_COMMISSION", "HUN", "115")),
        ("Mexico lodged a formal complaint with the United States over the raid.", ("MEX", "USA", "114")),
        # whoever is held responsible for mass violence did it
        ("The Burmese junta was responsible for mass killings in Rakhine state.", ("MMRGOV", None, "202")),
        (
            "Serbian commanders responsible for the massacre of Bosnian Muslims were tried in The Hague.",
            ("SRBMIL", "BIHCVL", "202"),
        ),
        # a rebel leader is a rebel, not a government
        ("A rebel leader in Colombia surrendered to the authorities on Friday.", ("COLREB", "COLGOV", "0874")),
        # shelling and bombing "against" someone is aimed at them
        ("Israeli troops pounded against Hamas fighters in Gaza City.", ("ISRMIL", "PSEREB", "190")),
        ("Russian forces shelled against Ukrainian troops near Bakhmut.", ("RUSMIL", "UKRMIL", "194")),
    ],
)
def test_material_acts_in_news_wording(run, text, expected):
    x = run(text, dt.date(2020, 5, 1))
    found = {
        (e.source.code, e.target.code if e.target else None, e.cameo) for e in x.events if e.modality == "asserted"
    }
    assert expected in found


@pytest.mark.model
def test_the_country_where_mass_violence_happened_is_not_who_did_it(run):
    x = run("Cambodia's president marked the anniversary of the country's genocide on Friday.")
    assert not [e for e in x.events if e.root == "20"]


@pytest.mark.model
def test_one_offensive_the_parser_splits_over_two_verbs_is_one_event(run):
    # "launched ... bombing" and "shelling ... against the rebels" are one offensive: the
    # act with no target goes where an act of the same kind by the same side has one
    x = run("Syrian government forces launched a bombing and shelling offensive against the rebels in Idlib.")
    assert {(e.source.code, e.target.code if e.target else None, e.cameo) for e in x.events} == {
        ("SYRMIL", "SYRREB", "194")
    }


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chile's foreign ministry announced plans to release three Bolivian soldiers.",
        "Sweden announced a plan to send food aid to Somalia.",
    ],
)
def test_an_announced_plan_is_not_the_act_done(run, text):
    x = run(text, dt.date(2020, 5, 1))
    assert not [e for e in x.events if e.cameo in ("0841", "070", "073") and e.modality == "asserted"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # a last member the parser splits into a conjunct and an apposition still acts
        ("Latvia and the ever cautious Lithuania welcomed the agreement with Poland.", {"LVA", "LTU"}),
        # a name set off by commas between the first member and a later one is a member
        (
            "Quiet Estonia, the proud Latvia, and small Lithuania welcomed the agreement with Poland.",
            {"EST", "LVA", "LTU"},
        ),
    ],
)
def test_members_of_a_list_the_parser_misreads(run, text, sources):
    x = run(text, dt.date(2020, 9, 1))
    assert {e.source.code for e in x.events if e.root == "05"} == sources


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["An attack by Turkish soldiers on the village killed five people.", "The attack by Somali militants lasted days."],
)
def test_an_attack_by_armed_men_is_not_a_statement(run, text):
    assert run(text, dt.date(2020, 9, 1)).statements == ()


@pytest.mark.model
def test_an_attack_by_a_politician_is_a_statement(run):
    (s,) = run("Senator Cruz's attack on the budget was harsh.", dt.date(2020, 9, 1)).statements
    assert s.cue.text == "attack"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rejecting a claim denies it; rejecting a proposal refuses it
        ("The Chinese government rejected accusations of genocide.", {("CHNGOV", "016")}),
        ("Israel rejected the proposal.", {("ISR", "120")}),
        # pushing for something appeals for it
        ("The Bush administration pushed for an Iraqi constitution.", {("USAGOV", "024")}),
        # refusing now to ease or release is the act; a past "did not" is only negated
        ("The United States will not lift the ban on the company.", {("USA", "124")}),
        # a stance that an appeal asks for has not been taken
        ("Britain is pushing hard for the US to support its debt relief plan.", {("GBR", "020")}),
    ],
)
def test_denials_appeals_and_refusals(run, text, expected):
    x = run(text, dt.date(2005, 6, 1))
    assert {(e.source.code, e.cameo) for e in x.events if e.modality == "asserted"} == expected


def test_a_second_object_the_parser_adds_does_not_hide_the_target():
    """ "to supply Gondor with wheat, worth 11 million ducats": the parser can hang "ducats"
    on the verb as a second object; the first object with an actor stays the target."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from wirewatch.coding.actors import load_shipped
    from wirewatch.coding.patterns import load_shipped_patterns
    from wirewatch.nlp.components.events import EventCoder
    from wirewatch.nlp.extensions import MentionHit, register
    from wirewatch.types import ActorRef

    register()
    words = ["Arnor", "will", "supply", "Gondor", "with", "wheat", "worth", "eleven", "ducats"]
    heads = [2, 2, 2, 2, 2, 4, 5, 8, 2]
    deps = ["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "amod", "nummod", "dobj"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    gondor = ActorRef(code="GON", country="GON", name="Gondor")
    doc._.ww_mentions = [MentionHit(doc[3:4], doc[3], gondor, "country")]
    coder = EventCoder(load_shipped_patterns(), load_shipped(), events_from_statements=False)
    assert coder._targets(doc, doc[2], ("dobj",)) == [gondor]
