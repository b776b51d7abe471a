"""Tone toward targets, table-driven with the team's own sentences."""

import datetime as dt

import pytest

from wirewatch.ingest import make_article

ROWS = [
    # text, target text, expected sign (+1 friendly, -1 hostile, 0 neither)
    ("Putin praised Lukashenko for his courage and wisdom.", "Lukashenko", 1),
    ("Lukashenko condemned Poland for its hostile interference.", "Poland", -1),
    ("Lithuania rejected claims that Poland is hostile and aggressive.", "Poland", 0),
    ("Putin did not criticize Lukashenko.", "Lukashenko", 0),
    ("Brussels welcomed the release of the jailed activists by Minsk.", "Minsk", 1),
    ("The brutal crackdown by Belarusian police shocked observers.", "Belarusian police", -1),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "target", "sign"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_tone_toward_a_target(extractor, text, target, sign):
    article = make_article(text, "t", default_published=dt.date(2020, 9, 1))
    start = text.index(target)
    tone = extractor.tone_toward(article, start, start + len(target))
    if sign > 0:
        assert tone > 0.1
    elif sign < 0:
        assert tone < -0.1
    else:
        assert tone >= -0.1


@pytest.mark.model
def test_statement_tone_is_per_target(run):
    x = run("Lukashenko praised Russia and condemned the brutal meddling of Poland.", dt.date(2020, 9, 1))
    tones = {t.code: t.value for s in x.statements for t in s.tone}
    assert tones["POL"] < 0 < tones["RUS"]


@pytest.mark.model
def test_document_tone_is_gdelt_style(run):
    x = run("Police brutally beat and jailed peaceful protesters in a violent crackdown.", dt.date(2020, 9, 1))
    assert x.doc_tone.negative > x.doc_tone.positive and x.doc_tone.tone < 0
