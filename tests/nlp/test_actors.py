"""Actor resolution, table-driven with the team's own sentences."""

import datetime as dt

import pytest

ROWS = [
    # text, published, mention text, expected code, resolved_by prefix
    ("Putin met officials in Sochi.", dt.date(2009, 6, 1), "Putin", "RUSGOV", "dictionary+role"),
    ("Putin met officials in Sochi.", dt.date(2020, 6, 1), "Putin", "RUSGOV", "dictionary+role"),
    ("Donald Trump spoke to reporters.", dt.date(2022, 3, 1), "Donald Trump", "USAELI", "dictionary"),
    ("Donald Trump spoke to reporters.", dt.date(2019, 3, 1), "Donald Trump", "USAGOV", "dictionary+role"),
    ("The Kremlin said nothing.", dt.date(2020, 9, 1), "The Kremlin", "RUSGOV", "metonymy"),
    ("Moscow’s support matters to Minsk.", dt.date(2020, 9, 1), "Moscow", "RUSGOV", "metonymy"),
    ("The CSTO held a video summit.", dt.date(2020, 12, 2), "CSTO", "IGOCSTO", "dictionary"),
    ("Belarusian police detained students.", dt.date(2020, 9, 1), "Belarusian police", "BLRCOP", "agent"),
    ("Russia's foreign minister flew to Minsk.", dt.date(2020, 11, 26), "Russia's foreign minister", "RUSGOV", "title"),
    # armed groups of one country carry its code; transnational ones their own
    ("Hamas fired rockets at Israel.", dt.date(2021, 5, 11), "Hamas", "PSEREB", "dictionary"),
    ("The Islamic State claimed the attack.", dt.date(2016, 3, 23), "The Islamic State", "IMGISIS", "dictionary"),
    # a leader's name before an agent gives the leader's country, whatever the story's context
    (
        "The Erdogan government says Greece must stop.",
        dt.date(2020, 9, 1),
        "Erdogan government",
        "TURGOV",
        "dictionary",
    ),
    ("The Bush administration told China to stop.", dt.date(1990, 9, 1), "administration", "USAGOV", "agent+possessor"),
    # people named by what they do, singular and plural
    ("Rebels seized two Canadian tourists.", dt.date(2020, 9, 1), "Canadian tourists", "CANCVL", "agent"),
    ("A Nigerian student was jailed in Tunisia.", dt.date(2020, 9, 1), "Nigerian student", "NGAEDU", "agent"),
    (
        "Gunmen ambushed Ghanaian peacekeepers near the border.",
        dt.date(2020, 9, 1),
        "Ghanaian peacekeepers",
        "GHAMIL",
        "agent",
    ),
    # a second agent of a list shares the first one's country, whatever the story's context
    (
        "Venezuela protested after Colombian police and soldiers crossed the border.",
        dt.date(2020, 9, 1),
        "soldiers",
        "COLMIL",
        "agent+conjunct",
    ),
    # a government's departments, government troops
    (
        "The Chilean Department of Justice shared files with Peru.",
        dt.date(2020, 9, 1),
        "Chilean Department of Justice",
        "CHLGOV",
        "agent",
    ),
    ("Iraqi government troops entered the town.", dt.date(2020, 9, 1), "Iraqi government troops", "IRQMIL", "agent"),
    # "it" can stand for an institution named by a singular agent noun
    (
        "The Danish government said it would send medical teams to Ghana.",
        dt.date(2020, 9, 1),
        "it",
        "DNKGOV",
        "coreference",
    ),
    # "his country": the country of whom the pronoun stands for
    (
        "The Peruvian president said his country would close the border.",
        dt.date(2020, 9, 1),
        "his country",
        "PER",
        "coreference",
    ),
]


def _mention(x, text):
    found = [m for m in x.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in x.mentions]}"
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "mention", "code", "how"), ROWS, ids=[f"{r[0][:30]}-{r[1]}" for r in ROWS]
)
def test_actor_rows(run, text, published, mention, code, how):
    m = _mention(run(text, published), mention)
    assert m.actor.code == code
    assert m.actor.resolved_by.startswith(how)


@pytest.mark.model
def test_putin_is_prime_minister_in_2009(run):
    m = _mention(run("Putin met officials in Sochi.", dt.date(2009, 6, 1)), "Putin")
    assert m.actor.role == "prime minister"


@pytest.mark.model
def test_title_resolves_to_the_office_holder_on_the_date(run):
    m = _mention(run("Russia's foreign minister flew to Minsk.", dt.date(2020, 11, 26)), "Russia's foreign minister")
    assert m.actor.id == "sergey_lavrov"


@pytest.mark.model
def test_capital_after_a_preposition_is_a_place_not_an_actor(run):
    x = run("Talks were held in Moscow.", dt.date(2020, 9, 1))
    assert not [m for m in x.mentions if m.text == "Moscow"]


@pytest.mark.model
def test_group_has_its_members(run):
    m = _mention(run("Minsk accused the Baltic states of meddling.", dt.date(2020, 9, 1)), "the Baltic states")
    assert set(m.actor.members) == {"LTU", "LVA", "EST"}


@pytest.mark.model
def test_pronouns_and_definite_descriptions(run):
    x = run(
        "Lukashenko visited a factory in Minsk. He spoke to workers. Belarus is a close ally of Russia. "
        "The country depends on Russian gas.",
        dt.date(2020, 8, 17),
    )
    assert _mention(x, "He").actor.id == "alexander_lukashenko"
    assert _mention(x, "The country").actor.code == "RUS"


@pytest.mark.model
def test_surname_alone_resolves_to_whoever_held_office(run):
    x = run("Rau said Poland would help.", dt.date(2020, 11, 13))
    assert _mention(x, "Rau").actor.code == "POLGOV"


@pytest.mark.model
def test_user_actor_file_adds_a_person(tmp_path, settings):
    from dataclasses import replace

    from wirewatch.ingest import make_article
    from wirewatch.nlp.pipeline import Extractor

    extra = tmp_path / "actors.yaml"
    extra.write_text(
        "people:\n  - id: ivan_testov\n    name: Ivan Testov\n    aliases: [Ivan Testov, Testov]\n"
        "    gender: m\n    country: BLR\n    roles:\n"
        "      - {country: BLR, sector: OPP, title: opposition leader, start: 2019-01-01, end: null}\n",
        encoding="utf-8",
    )
    extractor = Extractor(replace(settings, actor_files=(extra,)))
    x = extractor.extract(make_article("Testov said the vote was stolen.", "t", default_published=dt.date(2020, 8, 10)))
    assert x.statements[0].speaker.actor.code == "BLROPP"


@pytest.mark.model
def test_definite_description_of_an_opposition_leader(run):
    x = run(
        "Sviatlana Tsikhanouskaya left for Vilnius on Tuesday. The opposition leader said she was safe.",
        dt.date(2020, 8, 12),
    )
    assert _mention(x, "opposition leader").actor.id == "sviatlana_tsikhanouskaya"
    assert _mention(x, "she").actor.id == "sviatlana_tsikhanouskaya"
    assert not [m for m in x.mentions if m.text == "Vilnius"]


@pytest.mark.model
def test_generic_agents_take_the_country_of_their_possessor_or_the_story(run):
    x = run("Lukashenko met his opponents. Protesters marched in Minsk.", dt.date(2020, 9, 1))
    assert _mention(x, "his opponents").actor.code == "BLROPP"
    assert _mention(x, "Protesters").actor.code == "BLRCVL"


@pytest.mark.model
def test_unspecific_agents_stay_unresolved(run):
    x = run("Lukashenko blamed foreign companies for the strikes.", dt.date(2020, 9, 1))
    assert not [m for m in x.mentions if "companies" in m.text]
    # a department that is a region is no government
    x = run("Troops moved into the northern department of Cauca in Colombia.", dt.date(2020, 9, 1))
    assert not [m for m in x.mentions if "department" in m.text]


@pytest.mark.model
def test_a_possessor_inside_a_name_is_part_of_it(run):
    x = run("Peskov urged Minsk to convene the All-Belarusian People's Assembly without delay.", dt.date(2020, 12, 9))
    assembly = [m for m in x.mentions if "Assembly" in m.text]
    assert [(m.text, m.actor.code) for m in assembly] == [("Belarusian People's Assembly", "BLRLEG")]
    assert not [m for m in x.mentions if m.actor.code == "BLRCVL"]


@pytest.mark.model
def test_a_second_agent_shares_the_places_of_the_first(run):
    x = run("Lawmakers and officials in France and Germany welcomed the decision.", dt.date(2020, 9, 1))
    assert {m.actor.code for m in x.mentions if m.text == "officials"} == {"FRAGOV", "DEUGOV"}


@pytest.mark.model
def test_coordinated_countries_give_one_actor_each(run):
    x = run("Latvian and Estonian officials met in Riga.", dt.date(2020, 9, 1))
    assert {m.actor.code for m in x.mentions} >= {"LVAGOV", "ESTGOV"}


@pytest.mark.model
def test_title_with_an_unknown_name(run):
    x = run("President Hubert Smithson met reporters.", dt.date(2020, 9, 1))
    assert x.mentions == ()
    x = run("Polish President Jan Nowakowski met reporters.", dt.date(2020, 9, 1))
    m = _mention(x, "Polish President Jan Nowakowski")
    assert (m.actor.code, m.actor.id) == ("POLGOV", None)


@pytest.mark.model
def test_large_groups_stay_collective_targets(run):
    x = run("Lukashenko accused the West of meddling.", dt.date(2020, 9, 1))
    assert [t.code for t in x.statements[0].targets] == ["WST"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the world named as an actor has CAMEO's region code
        ("Lukashenko accused Europe of meddling.", {"Lukashenko": "BLRGOV", "Europe": "EUR"}),
        ("Kenya's president called on African countries to unite.", {"African countries": "AFR"}),
        ("Beijing warned Southeast Asian nations.", {"Southeast Asian nations": "SEA"}),
        # ... but not as a word of a name, nor as where something is
        ("French workers blocked the Europe Bridge over the Rhine.", {"Europe": None}),
        ("Russia deployed new missiles in Europe.", {"Europe": None}),
        # "the French" is the people only where "French" modifies nothing after it
        ("Europe must stand up to Russia, the French president said.", {"French president": "FRAGOV"}),
    ],
)
def test_parts_of_the_world(run, text, expected):
    x = run(text, dt.date(2020, 9, 1))
    codes = {m.text: m.actor.code for m in x.mentions if m.actor is not None}
    assert {k: codes.get(k) for k in expected} == expected


@pytest.mark.model
def test_title_with_an_unknown_name_takes_the_story_country_as_a_guess(run):
    x = run("President Hubert Smithson banned the rally in Kenya.", dt.date(2020, 9, 1))
    m = _mention(x, "President Hubert Smithson")
    assert m.actor.code == "KENGOV"
    assert m.actor.resolved_by == "title+context" and m.actor.confidence < 0.5
