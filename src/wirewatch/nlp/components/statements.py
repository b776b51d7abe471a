"""Statements: direct quotes and reported speech, with speaker, cue, content and speech act.

Two passes over the parsed Doc:

1. direct quotes (straight or curly quotation marks around a clause) are attributed to
   the cue verb just after them (``," Putin told ...``) or just before them
   (``Putin said: "...``); a quote with neither continues the previous speaker's quote;
2. every other cue verb from the speech lexicon with a subject and content gives an
   indirect statement ("Putin said that ...", "called on X to ...", "dismissed X as Y").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.coding.actors import ActorDictionary, load_dictionary, load_shipped
from wirewatch.coding.patterns import Patterns, SpeechCue, load_patterns, load_shipped_patterns
from wirewatch.coding.timenorm import WEEKDAYS
from wirewatch.nlp.components.syntax import (
    FUTURE_AUX,
    INTENT_HEADS,
    RELATIVE_PRONOUNS,
    clause_modality,
    clause_span,
    condition_clauses,
    governing_timex,
    is_negated,
    mention_at,
    mentions_of,
    place_at,
    set_off_by_comma,
    subject_of,
)
from wirewatch.nlp.extensions import MentionHit, StatementHit, anchor_date, mentions_in
from wirewatch.types import ActorRef

# Curly and straight double quotes, the doubled single quotes of some wires and of the New
# York Times archive (''...'' and ‘‘...’’), and, where an editor mixed them, a curly opening
# closed by a straight mark (“I don’t think so," said the mayor) or the other way round.
_QUOTES = re.compile(r"“[^“”]+”|\"[^\"“”\n]+”|\"[^\"\n]+\"|‘‘[^’]+’’|''(?:[^'\n]|'(?!'))+''|“[^“”\"\n]+\"")
MIN_QUOTE_WORDS = 4
# "told Lukashenko to press ahead": telling or asking someone *to* do something is an appeal.
APPEAL_WHEN_INFINITIVE = {"tell", "ask", "write"}
INTENT_WORDS = {"plan", "intend", "want", "hope", "aim", "seek"}
# Verbs whose clausal complement is not something the subject claims or believes.
NOT_CLAIMS = {
    "be",
    "have",
    "make",
    "let",
    "help",
    "see",
    "watch",
    "hear",
    "seem",
    "appear",
    "become",
    "get",
    "ensure",
    "mean",
    "cause",
    "prove",
    "show",
    "guarantee",
    "need",
    "require",
    "wonder",
    "ask",
    "bet",
    "do",
    "go",
    "come",
    "take",
    "give",
    "find",
    "check",
    "decide",
    "determine",
    "learn",
    "notice",
    "hope",
    "wish",
    "pretend",
    "like",
}
SPEAKING_KINDS = {"person", "agent", "organization", "group", "government", "country"}
SPEAKING_PRONOUNS = {"he", "she", "they", "we", "i", "you"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "our", "my", "its"}
# Headline sources that are not names: "Poll: ...", "Report: ...".
# Labels an editor puts before a colon ("UPDATE: ...", "Editor's Note: ..."): nobody speaks.
EDITORIAL_LABELS = frozenset(
    {
        "update",
        "updated",
        "correction",
        "clarification",
        "previously",
        "note",
        "related",
        "watch",
        "read",
        "listen",
        "breaking",
        "exclusive",
        "developing",
        "abstract",
        "text",
        "video",
        "photos",
        "total",
    }
)
HEADLINE_SOURCES = {
    "poll",
    "polls",
    "report",
    "reports",
    "survey",
    "study",
    "analysis",
    "sources",
    "officials",
    "aides",
}
# A small group target stands for its members ("the Baltic states" -> LTU, LVA, EST); a
# large one ("the West") stays one collective actor.
MAX_EXPANDED_GROUP = 6
# Verbs of thinking and attitude, as opposed to verbs of saying.
STANCE_LEMMAS = {
    "think",
    "believe",
    "feel",
    "expect",
    "fear",
    "worry",
    "hope",
    "want",
    "support",
    "endorse",
    "back",
    "defend",
    "oppose",
    "prefer",
    "plan",
    "see",
    "find",
    "show",
    "agree",
    "decline",
    "hop",
    "seek",
    "intend",
    "decide",
    "view",
    "regard",
    "recognize",
    "recognise",
}

# Nouns for a message someone puts out: "his office issued a statement saying ..." is the
# office's statement.
MESSAGE_NOUNS = frozenset(
    {
        "statement",
        "letter",
        "release",
        "message",
        "note",
        "email",
        "e-mail",
        "tweet",
        "post",
        "memo",
        "video",
        "ad",
        "advertisement",
        "communique",
        "declaration",
        "report",
        "article",
        "paper",
        "column",
        "editorial",
        "essay",
        "book",
        "speech",
    }
)
# "says in a statement that ...", "told in an interview that ...": what the words were said in.
SAID_IN_NOUNS = MESSAGE_NOUNS | {"interview"}
# "his critics say ...": whom the speakers oppose is whom an accusation naming no one is aimed at.
OPPONENT_NOUNS = frozenset({"opponent", "critic", "rival", "detractor", "adversary", "enemy", "foe"})
# "Saturday at the convention ... said": days the parser can take for a subject.
DAY_WORDS = frozenset(WEEKDAYS) | {"today", "yesterday", "tomorrow", "tonight"}
OPENING_QUOTES = frozenset({"“", "‘", '"', "``", "''"})
CLOSING_QUOTES = frozenset({"”", "’", '"', "''"})
RELATIVE_WORDS = frozenset({"which", "that", "who", "whom", "what", "it", "this"})
# Verbs that, right after a quotation, still do something else ("... ,” came shouts from").
NOT_SPEAKING = frozenset(
    {"be", "have", "get", "come", "make", "give", "keep", "do", "take", "change", "fail", "draw", "follow", "put"}
)
# "said goodbye", "say grace": the object of "say" that is no statement.
NOT_SAID = frozenset({"goodbye", "good-bye", "hello", "grace", "prayer", "prayers", "mass", "amen", "cheese"})
# "have not said when they would ...": question words that open what was (not) said.
WH_WORDS = frozenset({"when", "whether", "how", "why", "where", "what", "who", "which"})
MODAL_AUX = frozenset({"would", "will", "could", "might", "should", "can", "may", "'ll", "'d"})


@dataclass
class _Quote:
    start: int  # char offsets of the inner text
    end: int
    open_char: int
    close_char: int
    short: bool = False  # under min_quote_words: a statement only when a cue follows at once
    continued: bool = False  # "“...,” he said": a comma inside the closing mark
    last: str = ""  # the last character of the quoted words, less closing marks

    @property
    def ends_sentence(self) -> bool:
        """ "“... industry.”": the quoted words end in a full stop, "?" or "!"."""
        return self.last in (".", "?", "!")


@Language.factory(
    "wirewatch_statements",
    requires=["doc._.ww_mentions", "doc._.ww_timexes", "token.dep"],
    assigns=["doc._.ww_statements"],
    default_config={"verb_files": [], "actor_files": [], "min_quote_words": MIN_QUOTE_WORDS},
)
def make_statement_component(
    nlp: Language, name: str, verb_files: list[str], actor_files: list[str], min_quote_words: int
) -> StatementExtractor:
    """Factory for the statement extractor.

    Args:
        verb_files: extra speech-cue files (YAML) added to the shipped lexicon.
        actor_files: extra actor files, to expand user groups in targets.
        min_quote_words: a quotation shorter than this is a partial quote inside reported
            speech, not a direct statement of its own.
    """
    patterns = load_patterns(verb_files) if verb_files else load_shipped_patterns()
    actors = load_dictionary(actor_files) if actor_files else load_shipped()
    return StatementExtractor(patterns, actors, min_quote_words)


class StatementExtractor:
    """Finds statements in a Doc that already has mentions and time expressions."""

    def __init__(self, patterns: Patterns, actors: ActorDictionary, min_quote_words: int) -> None:
        self.patterns = patterns
        self.actors = actors
        self.min_quote_words = min_quote_words

    def __call__(self, doc: Doc) -> Doc:
        quotes = self._quotes(doc)
        statements: list[StatementHit] = []
        used_cues: set[int] = set()
        previous: StatementHit | None = None
        for quote in quotes:
            hit = self._direct(doc, quote, previous, quotes)
            if hit is not None:
                statements.append(hit)
                used_cues.add(hit.cue.root.i)
                previous = hit
        inside = [(q.open_char, q.close_char) for q in quotes]
        for token in doc:
            if token.i in used_cues or token.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            if any(a <= token.idx < b for a, b in inside):
                continue
            hit = self._indirect(doc, token)
            if hit is not None:
                statements.append(hit)
        statements.extend(self._headline_colons(doc, statements))
        statements = _drop_repeats(_drop_nested(statements))
        statements.sort(key=lambda s: s.cue.start_char)
        for hit in statements:
            _date(doc, hit)
        _rejected_proposals(statements)
        doc._.ww_statements = sorted(statements, key=lambda s: (s.cue.start_char, s.content_start))
        return doc

    # ------------------------------------------------------------------ direct quotes

    def _quotes(self, doc: Doc) -> list[_Quote]:
        found = []
        headline_end = _headline_end(doc)  # a headline is capitalized anyway
        text = doc.text
        for m in _QUOTES.finditer(text):
            width = 2 if m.group().startswith(("‘‘", "''")) else 1
            inner_start, inner_end = m.start() + width, m.end() - width
            inner = text[inner_start:inner_end]
            if m.start() >= headline_end and _looks_like_a_title(inner):
                continue  # ''The Art of the Deal'', “Saturday Night Live”: a title, not speech
            short = len(inner.split()) < self.min_quote_words
            if short and not inner.rstrip().endswith((",", "?", "!")):
                continue  # "called the vote "a farce"": a partial quote, not a statement
            stripped_end = inner_end
            while stripped_end > inner_start and text[stripped_end - 1] in " ,":
                stripped_end -= 1
            last = inner.rstrip(" '’\"”")[-1:]
            continued = "," in text[stripped_end : m.end()] and not short
            found.append(_Quote(inner_start, stripped_end, m.start(), m.end(), short, continued, last))
        return found

    def _direct(
        self, doc: Doc, quote: _Quote, previous: StatementHit | None, quotes: list[_Quote]
    ) -> StatementHit | None:
        text = doc.text
        if quote.short:
            # ""Okay," I said", ""It's unanimous," councilmember Mark Levine said": a short
            # quote is a statement when its cue follows at once, after at most a name.
            cue_token = self._cue_after(doc, quote, within=6)
            if cue_token is None:
                return None
        else:
            after, before = self._cue_after(doc, quote), self._cue_before(doc, quote)
            cue_token = after or before or self._cue_ending_sentence_before(doc, quote)
            if after is not None and before is not None and self._next_statement(doc, quote, *after):
                # "Trump said, “When people come back ... handle it.”  Trump has often cited
                # ...": the cue before the quote, not the next sentence's.
                cue_token = before
        sentence = _sentence_index(doc, quote.open_char)
        named = None if quote.short else _named_before_colon(doc, quote)
        if named is not None and cue_token is not None:
            cue = cue_token[0]
            if cue.idx > quote.close_char and _new_sentence_after(doc, quote, cue):
                # "- HuffPollster: “... right.” Polls predict ...": the name before the colon
                # that opens the quote, not the next sentence's cue.
                cue_token = None
            else:
                named = None
        if cue_token is not None:
            cue, spec = cue_token
            between = text[cue.idx + len(cue.text) : quote.open_char].split()
            if (
                spec.content == "naming"
                and cue.idx < quote.open_char
                and all(w.lower() in ("the", "a", "an") for w in between)
            ):
                return None  # "a group called the “Friends of the Park”": a name, not words said
            speaker, speaker_span = self._speaker(doc, cue)
            if speaker_span is not None and (
                _in_a_quote(speaker_span, quotes)
                or text[speaker_span.start_char - 1 : speaker_span.start_char] in ('"', "“", "‘", "'")
            ):
                # ""Underestimation of Cruz," Shrum said": the parser took a word of the
                # quote for the subject; a speaker is never inside a quotation, his own or
                # the one before ("“Safety,” said Grimm. “Safety for ...”"), nor is a
                # quoted title (""...," Flynn said on "Fox and Friends."").
                speaker, speaker_span = None, None
            if speaker is None and speaker_span is None:
                if cue.idx > quote.close_char:
                    speaker, speaker_span = _between_quote_and_cue(doc, quote, cue)
                else:
                    speaker, speaker_span = _before_cue(doc, cue)
                if speaker_span is not None and _in_a_quote(speaker_span, quotes):
                    # "“Safety,” said Grimm. “Safety for the whole country.”": after the cue
                    # the quote before this one shares.
                    speaker, speaker_span = _after_inverted_cue(doc, cue)
        elif named is not None:
            # "... surprise Republican pollster Daron Shaw: "Historically, ..."": a person
            # named just before a colon that opens a quote is its speaker.
            speaker, speaker_span, colon = named
            cue, spec = colon, None
        elif previous is not None and sentence - previous.sentence <= 2 and previous.kind == "direct":
            cue, spec = previous.cue.root, None
            speaker, speaker_span = previous.speaker, previous.speaker_span
        else:
            return None
        content_text = text[quote.start : quote.end]
        cameo = spec.cameo if spec else "010"
        if spec is not None and spec.lemma == "ask" and content_text.rstrip(" '\"”’").endswith("?"):
            cameo = "010"  # a question asked is not an appeal
        cameo = self.patterns.refine(cameo, content_text)
        hit = StatementHit(
            sentence=sentence,
            speaker=speaker,
            speaker_span=speaker_span,
            cue=_cue_span(doc, cue, spec),
            content_start=quote.start,
            content_end=quote.end,
            kind="direct",
            cameo=cameo,
            addressee=self._addressee(doc, cue, spec) if spec else None,
            modality="negated" if is_negated(cue) else "asserted",
        )
        hit.targets = self._targets(doc, hit, cue, spec)
        return hit

    def _headline_colons(self, doc: Doc, found: list[StatementHit]) -> list[StatementHit]:
        """ "Lukashenko: no new elections": a name, a colon, then what the named said."""
        taken = {(h.sentence) for h in found}
        out = []
        text = doc.text
        sentences = list(doc.sents)
        headline_end = _headline_end(doc)
        for index, sent in enumerate(sentences):
            headline = sent.start_char <= headline_end
            paragraph = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
            if index in taken and not headline and not paragraph:
                continue  # a headline can hold a quote and still be the label's words
            start = sent.start
            while start < sent.end and (doc[start].is_punct or doc[start].is_space or doc[start].is_quote):
                start += 1  # '"PENCE: Well, ...' in a quoted transcript
            colon = next((t for t in doc[start : min(sent.end, start + 8)] if t.text == ":"), None)
            if colon is None or colon.i == start:
                continue
            end = sent.end
            caps = all(t.is_upper and t.is_alpha for t in doc[start : colon.i])
            if colon.i + 3 >= end and index + 1 < len(sentences) and (index + 1 not in taken or headline or caps):
                # "FALLIN: | Well, I think ...": the parser ends a sentence at the label.
                following = sentences[index + 1]
                if all(t.is_space and "\n" not in t.text for t in doc[colon.i + 1 : following.start]):
                    end = following.end
            if colon.i + 3 >= end:
                continue
            name = doc[start : colon.i]
            preposition = next((t for t in name[1:] if t.lower_ in ("to", "at", "on")), None)
            if preposition is not None and headline:
                # "Clinton to Planned Parenthood: ...", "Mukasey at RNC: ...": the name before
                # the phrase that says to whom or where.
                name = doc[start : preposition.i]
            if any(h.cue.start_char < colon.idx and h.sentence == index for h in found):
                continue  # the sentence's speaker is already found before the colon
            # "KOWALSKI: The mayor said ...": the tagger takes a lone surname in capitals
            # that opens a paragraph for a verb.
            lone_label = paragraph and len(name) == 1 and name[0].is_upper and name[0].is_alpha and len(name[0]) > 1
            if name[-1].lower_ in EDITORIAL_LABELS or (any(t.pos_ in ("VERB", "AUX") for t in name) and not lone_label):
                continue  # "UPDATE: ...", "FIX IS IN: ...": a label or a headline, not a speaker
            if len(name) == 1 and len(name[0]) == 1:
                continue  # "Q: ...", "A: ...": an interview's turns, whose speakers are not named
            said = doc[colon.i + 1 : end]
            if not any(t.is_alpha for t in said):
                continue  # "Clinton: 1,769": a tally, not words
            verbless = not any(t.pos_ in ("VERB", "AUX") for t in said)
            if verbless and (colon.idx > headline_end or sum(t.text == "," for t in said) >= 2):
                # "Rubio: Finish second." over a section, "Iowa: Tim Albrecht, Brad Anderson,
                # ...": a heading or a list. A headline may be verbless ("Lukashenko: no new
                # elections"); a speaker's words in the body are a sentence.
                continue
            mention = mention_at(doc, name.root)
            covered = mention is not None and mention.span.start <= name.start and mention.span.end >= name.end
            named = covered or (
                any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in name)
                and all(t.pos_ in ("PROPN", "PUNCT") or t.ent_type_ for t in name)
            )
            # "TAPPER: Do you think ...", "Matthews: Well, ...": a transcript's speaker label,
            # a name in capitals or a capitalized name of one or two words.
            label = len(name) <= 3 and all(
                (t.is_upper and t.is_alpha and len(t) > 1) or (t.is_title and t.pos_ == "PROPN") for t in name
            )
            # "Former AG Mukasey: ...": a headline's capitalized title and name
            label = label or (
                headline
                and len(name) <= 4
                and (name[-1].pos_ == "PROPN" or name[-1].text in text[headline_end:])
                and all(t.is_title or t.is_upper for t in name)
            )
            named = named or label
            if index in taken and not headline and not label:
                continue  # only a transcript's label opens a paragraph whose words hold other cues
            # "Poll: Sanders leads", "Report: talks stalled": a headline naming its source.
            source_word = len(name) == 1 and name[0].lower_ in HEADLINE_SOURCES
            if not (named or source_word):
                continue
            content = said
            while len(content) > 1 and (content[-1].is_punct or content[-1].is_space):
                content = content[:-1]
            speaker = mention_at(doc, name.root)
            text = content.text
            out.append(
                StatementHit(
                    sentence=index,
                    speaker=speaker,
                    speaker_span=speaker.span if speaker else name,
                    cue=doc[colon.i : colon.i + 1],
                    content_start=content.start_char,
                    content_end=content.end_char,
                    kind="direct",
                    cameo=self.patterns.refine("010", text),
                    addressee=None,
                )
            )
            out[-1].targets = self._targets(doc, out[-1], colon, None)
        return out

    def _cue_after(self, doc: Doc, quote: _Quote, within: int = 10) -> tuple[Token, SpeechCue] | None:
        continued = quote.continued
        if continued:
            # "“...,” Texas delegate Bill Eastland, wearing a cowboy hat, said": a quote
            # ending in a comma goes on in its sentence, however long the speaker's aside.
            within = max(within, 25)
        span = doc.char_span(quote.close_char, min(len(doc.text), quote.close_char + 160), alignment_mode="expand")
        if span is None:
            return None
        tokens = list(span[:within])
        skip_to = -1
        for k, token in enumerate(tokens):
            if k <= skip_to:
                continue
            if token.is_space and token.text.count("\n") >= 2:
                break  # the next paragraph's cue is the next paragraph's
            if token.text in ("“", '"') and token.idx > quote.close_char:
                skip_to = _short_title_end(tokens, k) if continued else -1
                if skip_to < 0:
                    break
                continue
            spec = self._cue_for(token)
            if spec is not None and token.idx >= quote.close_char:
                if is_negated(token) and quote.ends_sentence:
                    # "“... before?”  Fields did not reply to a request for comment.": a
                    # sentence of its own about not speaking.
                    return None
                if any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
                    # "“This is all me.” Pate also told the paper he'd back her": a cue with a
                    # clause of its own reports that clause, not the quote before it.
                    return None
                return token, spec
        return _any_verb_after(quote, tokens)

    def _next_statement(self, doc: Doc, quote: _Quote, verb: Token, spec: SpeechCue) -> bool:
        """A cue after a finished quote, in a sentence of its own with something said of its
        own ("“... industry.” In a later vote, he warned of the dangers of ...")."""
        if not _new_sentence_after(doc, quote, verb):
            return False
        if _clause_child(verb) is not None:
            return True
        if any(
            c.dep_ == "prep" and c.lower_ in ("of", "about", "on", "against") and c.i > verb.i for c in verb.children
        ):
            return True  # "warned of the dangers of ..."
        content = self._content(doc, verb, spec) if spec.content != "clause" else None
        return content is not None and content.start > verb.i

    def _cue_ending_sentence_before(self, doc: Doc, quote: _Quote) -> tuple[Token, SpeechCue] | None:
        """ "Sam Lau, the party's spokesman, said in a statement. “There are no ballots ...”":
        a sentence that ends in a cue with nothing said introduces the quote after it."""
        start = doc.char_span(quote.open_char, quote.open_char + 1, alignment_mode="expand")
        if start is None or start.start == 0 or start.start != start.sent.start:
            return None
        previous = doc[start.start - 1]
        while previous.i > 0 and previous.is_space and "\n\n" not in previous.text:
            previous = doc[previous.i - 1]
        if previous.is_space or previous.text != ".":
            return None  # a paragraph break, or a sentence that does not end there
        root = previous.sent.root
        spec = self._cue_for(root)
        if spec is None or spec.content != "clause" or _clause_child(root) is not None:
            return None
        if any(c.dep_ in ("dobj", "obj") for c in root.children):
            return None  # "said a prayer.": the object was what was said
        return root, spec

    def _cue_before(self, doc: Doc, quote: _Quote) -> tuple[Token, SpeechCue] | None:
        start = doc.char_span(quote.open_char, quote.open_char + 1, alignment_mode="expand")
        if start is None:
            return None
        sent = start.sent
        best = None
        for token in doc[sent.start : start.start]:
            spec = self._cue_for(token)
            if spec is not None:
                best = (token, spec)
        return best

    # ------------------------------------------------------------------ reported speech

    def _indirect(self, doc: Doc, verb: Token) -> StatementHit | None:
        if verb.lower_ == "according":
            return self._according_to(doc, verb)
        if verb.pos_ == "NOUN":
            return self._nominal(doc, verb)
        made_clear = _made_clear(verb)
        if made_clear is not None:
            spec, content = SpeechCue(lemma="make clear", particle=None, cameo="010"), made_clear
        else:
            spec = self._cue_for(verb) or self._clausal_cue(doc, verb)
            if spec is None or verb.pos_ == "NOUN" or spec.direct_only or verb.dep_ in ("amod", "compound"):
                return None  # "pledged delegates", "supporting ads" are not statements
            content = self._content(doc, verb, spec)
        if content is None:
            return None
        content = self._before_next_statement(doc, verb, content)
        if not len(content):
            return None
        if spec.clause_subject and not any(c.dep_ in ("nsubj", "nsubjpass") for c in content.root.children):
            return None
        speaker, speaker_span = self._speaker(doc, verb)
        if speaker is None and speaker_span is None:
            return None
        if speaker is None and verb.lemma_.lower() in STANCE_LEMMAS and speaker_span.text.lower() in ("i", "we", "you"):
            return None  # "I think ...", "do you think ...": a hedge or a question, not a report
        if len(content) == 1 and content[0].lower_ in WH_WORDS:
            return None  # "what he was talking about": the clause is elsewhere, or nowhere
        if verb.lemma_.lower() == "know" and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or content[0].lower_ in WH_WORDS
        ):
            return None  # "I want you to know ...", "did not know what he was talking about"
        if verb.lemma_.lower() in STANCE_LEMMAS and _anyone(verb, speaker_span):
            return None  # "anyone who wants to talk", "everyone wants to be treated equal"
        if speaker_span is not None and content.start <= speaker_span.start < content.end:
            if not (content.start < verb.i < content.end - 1 and content[0].lower_ in ("which", "that", "what", "who")):
                return None
            # "a fair sentence, which I said was not a prison sentence": the relative pronoun
            # opens the clause before the speaker; what was said follows the cue.
            content = doc[verb.i + 1 : content.end]
        cameo = self._speech_act(doc, verb, spec, content, speaker)
        quoted = '"' in content.text or "“" in content.text
        hit = StatementHit(
            sentence=_sentence_index(doc, verb.idx),
            speaker=speaker,
            speaker_span=speaker_span,
            cue=_cue_span(doc, verb, spec),
            content_start=content.start_char,
            content_end=content.end_char,
            kind="mixed" if quoted else "indirect",
            cameo=cameo,
            addressee=self._addressee(doc, verb, spec),
            modality=self._modality(verb, content, cameo),
        )
        hit.targets = self._targets(doc, hit, verb, spec)
        return hit

    def _before_next_statement(self, doc: Doc, verb: Token, content: Span) -> Span:
        """What was said, up to a second statement joined to it.

        "He said the attacks helped him and said that ...", "dismissed the critique, saying
        ...", "supporters said he made a good case, while other voters said ...": the second
        cue is a statement of its own, not part of the first one's content.
        """
        for token in content[1:]:
            if (
                token.i <= verb.i
                or token.i == content.root.i
                or token.pos_ != "VERB"
                or token.dep_ not in ("conj", "advcl")
            ):
                continue
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            contrast = any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in token.children)
            if own_subject and not contrast:
                continue
            if self._cue_for(token) is None:
                continue
            end = token.left_edge.i
            if end <= content.start:
                continue  # the second cue's clause reaches back over the first one's words
            while end > content.start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "mark")):
                end -= 1
            return doc[content.start : end]
        return content

    def _according_to(self, doc: Doc, token: Token) -> StatementHit | None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None or source.lemma_.lower() in CONFORMITY_NOUNS:
            return None  # "according to plan", "according to their preference": no source
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        exclude = {t.i for t in token.subtree}
        content = clause_span(clause, exclude)
        if content is None:
            return None
        speaker = mention_at(doc, source)
        cue = doc[token.i : to.i + 1]
        hit = StatementHit(
            sentence=_sentence_index(doc, token.idx),
            speaker=speaker,
            speaker_span=speaker.span if speaker else _noun_phrase(source),
            cue=cue,
            content_start=content.start_char,
            content_end=content.end_char,
            kind="indirect",
            cameo=self.patterns.refine("010", content.text),
            addressee=None,
            modality=clause_modality(clause),
        )
        hit.targets = self._targets(doc, hit, clause, None)
        return hit

    def _content(self, doc: Doc, verb: Token, spec: SpeechCue) -> Span | None:
        if spec.content == "clause":
            clause = _clause_child(verb)
            if clause is None:
                if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
                    # "Many of the closures, he said, have involved ...": the cue inside
                    # the sentence it reports; what was said is the rest of that sentence.
                    whole = clause_span(verb.head, exclude={t.i for t in verb.subtree})
                    if whole is None:
                        return None
                    cue_end = verb.right_edge.i + 1
                    right = doc[cue_end : whole.end] if cue_end < whole.end else None
                    while right is not None and len(right) > 1 and (right[0].is_punct or right[0].is_space):
                        right = right[1:]
                    # One side of the cue: the part after it, where most of what was said is.
                    if right is not None and len(right) > 1:
                        return right
                    left = doc[whole.start : verb.left_edge.i]
                    while len(left) > 1 and (left[-1].is_punct or left[-1].is_space):
                        left = left[:-1]
                    return left if len(left) > 1 else None
                if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
                    # "As the Post reported, the inspector issued subpoenas": the main clause.
                    return clause_span(verb.head, exclude={t.i for t in verb.subtree})
                if verb.tag_ in spec.object_tags:
                    # "three-quarters said the same of Sanders", "Trump says racist things",
                    # "Sexton tweeted his observations": what was said, named by a noun.
                    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
                    if (
                        obj is not None
                        and obj.lower_ not in NOT_SAID
                        # "reiterated its commitment to ...": the commitment is the statement
                        and obj.lemma_.lower() not in self.patterns.speech_nouns
                    ):
                        tokens = [t.i for t in obj.subtree] + [
                            t.i
                            for c in verb.children
                            if c.dep_ == "prep" and c.i > obj.i and c.lower_ in ("of", "about", "for")
                            for t in c.subtree
                        ]
                        return doc[min(tokens) : max(tokens) + 1]
                return None
            return clause_span(clause)
        if spec.content == "naming":
            quoted = _quoted_naming(doc, verb)
            if quoted is not None:
                return quoted  # "called anti-Trump protestors “illegals”", however it is parsed
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None and spec.content in ("object", "object_as"):
            # "The crackdown was condemned by Nauseda": the passive subject is what was said about.
            obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if obj is None and spec.particle:
            # "referring to X", "talked about X": the object of the particle.
            last = spec.particle.split()[-1]
            prep = next((c for c in verb.children if c.lower_ == last), None)
            if prep is not None and _says_when(prep):
                return None  # "will speak on Tuesday": when, not what about
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            mark = next((m for m in _marked_clauses(verb) if m.lower_ == spec.particle), None)
            if obj is None and mark is not None:
                # "is calling for the United States to step up ...": the particle opens a clause.
                clause = mark.head
                return doc[mark.i + 1 : clause.right_edge.i + 1] if clause.right_edge.i > mark.i else None
        if spec.content == "object":
            if obj is None:
                clause = _clause_child(verb)
                return clause_span(clause) if clause is not None else None
            return clause_span(obj)
        if obj is None:
            # "warned that ...", "threatened to ...": no object, the clause is the content.
            clause = _clause_child(verb) if spec.content == "object_as" else None
            return clause_span(clause) if clause is not None else None
        if spec.content == "naming":
            # "called the vote a farce", "described him as a dictator": without the
            # predicate, "called" is a phone call and "described" a report.
            predicate = [
                c
                for c in verb.children
                if c.i > obj.i
                and (c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"))
            ]
            if not predicate:
                return None
            end = max(t.i for c in predicate for t in c.subtree) + 1
            while end > obj.left_edge.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            return doc[obj.left_edge.i : end]
        # object_as / blame_on: the object plus the "as"/"on" phrase and trailing
        # participles ("blamed the unrest on outside meddling, singling out Poland").
        tokens = [t.i for t in obj.subtree]
        for child in verb.children:
            if child.i > obj.i and (
                child.dep_ in ("prep", "advcl", "xcomp", "dative") or (child.dep_ == "conj" and child.pos_ != "VERB")
            ):
                tokens.extend(t.i for t in child.subtree)
        start, end = min(tokens), max(tokens) + 1
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[start:end]

    def _speech_act(self, doc: Doc, verb: Token, spec: SpeechCue, content: Span, speaker: MentionHit | None) -> str:
        cameo = spec.cameo
        root = content.root
        own_intent = verb.lemma_ in ("want", "seek", "hop", "hope") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in root.children
        )
        if own_intent and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
            # "wants to run again", "seeks to stay in power": the speaker's own intent, not a
            # demand on someone else.
            cameo = "030"
        lemma = verb.lemma_.lower()
        if lemma == "decline" and root.lemma_.lower() not in NO_COMMENT_VERBS:
            cameo = "120"  # "declined to resign" refuses; "declined to comment" says nothing
        elif lemma == "deny" and root.pos_ in ("NOUN", "PROPN") and root.lemma_.lower() not in DENIABLE_CLAIMS:
            cameo = "120"  # "denied entry", "denied the request": a refusal, not a denial of a claim
        elif cameo.startswith("12") and root.pos_ == "NOUN" and root.lemma_.lower() in DENIABLE_CLAIMS:
            cameo = "016"  # "rejected accusations of genocide": a denial of a claim, not a refusal
        if cameo.startswith("01"):
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
            if verb.lemma_ in APPEAL_WHEN_INFINITIVE and infinitive:
                cameo = "020"
            elif _self_future(doc, root, speaker):
                # "said it will not accept more refugees" refuses; "said it would" intends.
                cameo = "120" if is_negated(root) else "030"
            elif _obligation_on_another(doc, root, speaker):
                cameo = "100"
        return self.patterns.refine(cameo, _without_conditions(content))

    def _modality(self, verb: Token, content: Span, cameo: str) -> str:
        if is_negated(verb):
            return "negated"
        own = clause_modality(verb)
        if own in ("future", "conditional", "hypothetical") and verb.lemma_.lower() in STANCE_LEMMAS:
            return own  # "said Russia would support the plan": the support is to come
        if cameo[:2] in ("02", "10", "13"):
            # An appeal, demand or threat was made; what it asks for or threatens is not yet
            # a fact, but the statement is.
            return "asserted"
        inner = clause_modality(content.root)
        if inner == "asserted" and verb.lemma_.lower() in INTENT_HEADS and content[0].lower_ == "to":
            return "future"  # "have sworn to fight": what is sworn is still to come
        return inner if inner in ("future", "conditional", "hypothetical") else "asserted"

    def _nominal(self, doc: Doc, noun: Token) -> StatementHit | None:
        """ "Trump's proposal to ban ...", "a call by Merkel for talks", "his denial that ..."."""
        cameo = self.patterns.speech_nouns.get(noun.lemma_.lower())
        if cameo is None or noun.dep_ == "compound":
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        named_span = None
        if owner is None:
            # "a New York Times report that ...", "a Kremlin statement on ...": a name before it.
            named = [
                c
                for c in noun.children
                if c.dep_ == "compound"
                and c.i < noun.i
                and (
                    ((m := mention_at(doc, c)) is not None and m.kind in SPEAKING_KINDS)
                    or c.ent_type_ in ("ORG", "PERSON")
                )
            ]
            if named:
                owner = named[-1]
                named_span = doc[owner.left_edge.i : owner.i + 1]
        light = noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in SPEECH_LIGHT_VERBS
        if light and any(
            c.particle is None and c.content != "clause" for c in self.patterns.cues.get(noun.head.lemma_.lower(), ())
        ):
            return None  # "expressed concern about ...": the verb's own statement holds it
        if light and (owner is None or owner.lower_ in POSSESSIVE_PRONOUNS):
            # "the Security Council issued an ultimatum to ...", "voiced concern over ...",
            # "tweeted her approval of ...": whoever issues, makes or voices it said it.
            owner = subject_of(noun.head)
        if owner is None:
            return None
        speaker = mention_at(doc, owner)
        if speaker is None and named_span is None and owner.ent_type_ in ("PERSON", "ORG"):
            # "Ted Cruz has made veiled references to ...": a name the dictionaries lack.
            entity = next(e for e in doc.ents if e.start <= owner.i < e.end)
            named_span = doc[entity.start : owner.i + 1]
        if noun.lemma_.lower() in ARMED_SENSES and speaker is not None and speaker.actor.sector in ARMED_SECTORS:
            return None  # "an attack by Osgiliath soldiers": fighting, not words
        if (speaker is None and named_span is None) or owner.pos_ == "PRON" or owner.lower_ in POSSESSIVE_PRONOUNS:
            # "urged him to keep his promise of reform": whose promise a possessive pronoun
            # means is too often someone other than the nearest name to guess.
            return None
        content = None
        for child in noun.children:
            if child.i < noun.i:
                continue
            if child.dep_ in ("acl", "ccomp", "relcl") and any(
                a.lower_ in ("to", "that") and a.dep_ in ("aux", "mark") for a in child.children
            ):
                content = clause_span(child)
            elif child.dep_ in ("acl", "ccomp") and any(a.dep_ in ("nsubj", "expl") for a in child.children):
                content = clause_span(child)  # "Trump's assertion there are generals who agree"
            elif child.dep_ == "prep" and child.lower_ in ("of", *NOUN_TOPIC_PREPS):
                if child.lower_ == "of" and mention_at(doc, next(iter(child.children), child)) is not None:
                    continue  # "the support of Russia": the owner, not the content
                content = clause_span(child)
            if content is not None:
                break
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if content is None and after is not None and after.lower_ == "that" and after.dep_ == "mark":
            # "seized on a Post report that the company had lost millions": the parser hangs
            # the clause on the verb; it follows the noun, and it is what the report said.
            content = clause_span(after.head)
        if content is None and light:
            # "voiced outrage over the decision": the phrase the parser hangs on the verb.
            about = [
                c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in NOUN_TOPIC_PREPS
            ]
            content = clause_span(about[0]) if about else None
        if content is None:
            return None
        if named_span is not None and speaker is not None:
            speaker = MentionHit(named_span, owner, speaker.actor, speaker.kind)  # "Kremlin", not "Kremlin statement"
        speaker_span = named_span if named_span is not None else speaker.span
        cameo = self.patterns.refine(cameo, content.text)
        hit = StatementHit(
            sentence=_sentence_index(doc, noun.idx),
            speaker=speaker,
            speaker_span=speaker_span,
            cue=doc[noun.i : noun.i + 1],
            content_start=content.start_char,
            content_end=content.end_char,
            kind="indirect",
            cameo=cameo,
            addressee=None,
            modality="asserted",
        )
        hit.targets = self._targets(doc, hit, noun, None)
        return hit

    def _clausal_cue(self, doc: Doc, verb: Token) -> SpeechCue | None:
        """A verb outside the lexicon that a named speaker uses to put forward a proposition.

        "Graham figures that ...", "the senator insinuated the vote was rigged": a person,
        group or organization as subject and a finite clause as complement is a reported
        claim or belief, whatever the verb. Verbs of being, causing and perceiving, whose
        clauses are not claims, are left out.
        """
        if verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_CLAIMS:
            return None
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None or clause.i < verb.i:
            return None  # "the vote was rigged, she figures": handled as a direct quote or not at all
        if any(t.text == ":" for t in doc[verb.i : clause.left_edge.i]):
            return None  # "listed the reasons: "..."": a quote the colon opens, read as one
        if not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") or (c.dep_ == "mark" and c.lower_ == "that")
            for c in clause.children
        ):
            return None
        subject = subject_of(verb)
        if subject is None:
            return None
        mention = mention_at(doc, subject)
        speaking = (mention is not None and mention.kind in SPEAKING_KINDS) or subject.lower_ in SPEAKING_PRONOUNS
        if not speaking or subject.lower_ in ("it", "this", "that"):
            return None  # "it turns out that ...", "it shows that ...": no one's claim
        return SpeechCue(lemma=verb.lemma_.lower(), particle=None, cameo="010")

    # ------------------------------------------------------------------ participants

    def _cue_for(self, token: Token) -> SpeechCue | None:
        specs = self.patterns.cues.get(token.lemma_.lower())
        if not specs or token.pos_ not in ("VERB", "AUX"):
            return None
        # "Tutu on Sunday called for sanctions": a phrase before the verb or one that says
        # when is not its particle.
        particles = {
            c.lower_
            for c in token.children
            if (c.dep_ in ("prt", "prep", "pcomp") or c.pos_ == "ADP") and c.i > token.i and not _says_when(c)
        }
        particles |= {m.lower_ for m in _marked_clauses(token)}  # "calling for the US to step up"
        nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) and not _says_when(token.nbor(1)) else ""
        best = None
        for spec in specs:
            if spec.particle is None:
                best = best or spec
            elif all(w in particles for w in spec.particle.split()) or spec.particle == nxt:
                return spec  # "call on", "weigh in on", "lashed out at"
        if any(c.dep_ == "prt" for c in token.children) and token.lemma_.lower() not in ("speak", "say"):
            return None  # "blasted out an email", "backed down", "called off": another verb
        return best

    def _speaker(self, doc: Doc, verb: Token) -> tuple[MentionHit | None, Span | None]:
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and _quoted_naming(doc, verb) is not None:
            # "Sanders’ campaign called AP’s report a “rush to judgment”": the parser hangs
            # an active naming on its subject as if it were a participle.
            mention = mention_at(doc, verb.head)
            return (mention, mention.span) if mention is not None else (None, _noun_phrase(verb.head))
        if verb.pos_ == "VERB" and (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _passive_participle(verb)
        ):
            # "Trump is expected to unveil ...", "Blumenthal was asked ...": the subject of a
            # passive cue is spoken to or about; the speaker, if named, is the "by" phrase.
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if by is None:
                return None, None
            mention = mention_at(doc, by)
            return (mention, mention.span) if mention is not None else (None, _noun_phrase(by))
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and not _when(c) for c in verb.children)
        if not own_subject and verb.i > 0 and verb.tag_ != "VBG":
            # "... which veteran incumbent Alexander Lukashenko said he won": when the parse
            # gives the verb no subject of its own, a person or group named right before it
            # is its speaker more often than a subject inherited from far away. A participle
            # ("urged women to vote for Clinton, saying ...") has the subject of its clause.
            before = doc[_left_of_aside(doc, verb.i)]
            # "Clinton, without naming him, also accused": an object is nobody's subject
            # ("of the Washington Post Trump said": a name right before the verb is).
            adjacent_name = before.i == verb.i - 1 and before.pos_ == "PROPN"
            object_dep = before.dep_ in ("dobj", "pobj", "dative", "poss")
            left = mention_at(doc, before) if adjacent_name or not object_dep else None
            if left is not None and left.kind in ("person", "agent", "organization"):
                return left, left.span
            if left is None and (
                (before.ent_type_ == "PERSON" and before.i < verb.i - 1)
                or (adjacent_name and before.ent_type_ in ("PERSON", "ORG"))
            ):
                return None, _noun_phrase(before)  # "Gov. John Kasich (R-OH), said"
            if left is None and before.i == verb.i - 1 and _capitalized_word(before):
                return None, doc[before.i : before.i + 1]  # "And Skelly called ...", tagged an adverb
            if before.pos_ == "NUM" and before.head.i == verb.i and before.dep_ in ("nummod", "quantmod", "npadvmod"):
                return None, doc[before.left_edge.i : before.i + 1]  # "About 4 in 10 say ..."
        subject = _issuer(verb) or self._reporter_of_participle(verb) or subject_of(verb)
        if subject is None and not own_subject:
            named = _named_before_aside(doc, verb)
            if named is not None:
                return named
        if subject is None or _when(subject):
            return None, None  # "Saturday at the convention ... said": a day says nothing
        person = next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if person is not None and subject.ent_type_ in ("GPE", "LOC"):
            subject = person  # "Madrid (WDW) - Socialist leader Carmen Ruiz has attacked": a dateline is no speaker
        mention = mention_at(doc, subject)
        if (
            verb.dep_ == "conj"
            and verb.head.dep_ in ("ccomp", "xcomp")
            and not own_subject
            and (mention is None or self._cue_for(verb.head.head) is not None)
        ):
            # "who say the vote was rigged and want him to quit", "He said the attacks
            # helped and said that ...": a cue joined to a reported clause shares the speaker
            # of the reporting verb, not the clause's subject ("the vote" wants nothing).
            above = subject_of(verb.head.head)
            if above is not None:
                subject, mention = above, mention_at(doc, above)
        relative = next(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which", "that")),
            None,
        )
        if relative is not None and subject.i != verb.head.i:
            relative = None  # "the emails, which she said represented ...": "she" said it
        if relative is not None and verb.dep_ == "relcl":
            # "his opponents, who say ...": the relative pronoun is the speaker's mention in
            # the text; the actor is its antecedent's. "levels that will not support ...":
            # a "that" or "which" whose antecedent is no one does not speak.
            if mention is None and relative.lower_ != "who" and verb.head.pos_ != "PROPN":
                return None, None
            return (
                MentionHit(doc[relative.i : relative.i + 1], relative, mention.actor, mention.kind)
                if mention
                else None,
                doc[relative.i : relative.i + 1],
            )
        if mention is not None:
            return mention, mention.span
        if subject.pos_ == "PRON" and subject.lower_ in ("it", "there", "this", "that", "what", "which"):
            return None, None  # expletive or unresolved "it": nobody named
        if subject.lower_ == "it" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None, None  # "it is important to note that ...": nobody notes
        if subject.lemma_.lower() == "time" and verb.lemma_ == "tell":
            return None, None  # "only time will tell"
        phrase = _noun_phrase(subject)
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        end = max(phrase.end, of.right_edge.i + 1) if of is not None else phrase.end
        inner = next((m for m in mentions_in(doc, phrase.start, end) if m.kind != "pronoun"), None)
        if inner is not None and inner.actor is not None:
            # "Cairo's security chief", "leaders of the opposition coalition": an unknown
            # speaker of a known side speaks for that side, not as the named actor itself.
            side = replace(inner.actor, id=None, name=None, resolved_by="context", confidence=0.5)
            return MentionHit(phrase, subject, side, "agent"), phrase
        return None, phrase

    def _reporter_of_participle(self, verb: Token) -> Token | None:
        """ "Cruz said that Trump represents New York values, stating during the debate
        ...": a speech participle set off by a comma after what a speaker said goes on with
        that speaker, however deep in the reported clause the parser hangs it."""
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or not set_off_by_comma(verb):
            return None
        node = verb.head
        while node.head.i != node.i:
            if node.dep_ == "ccomp" and self._cue_for(node.head) is not None:
                return subject_of(node.head)
            node = node.head
        return None

    def _addressee(self, doc: Doc, verb: Token, spec: SpeechCue | None) -> ActorRef | None:
        if spec is None or spec.addressee is None:
            return None
        candidates: list[Token] = []
        for child in verb.children:
            if spec.addressee == "dobj" and child.dep_ in ("dobj", "obj"):
                candidates.append(child)
            elif spec.addressee in ("pobj", "dative") and child.dep_ in ("prep", "prt", "dative"):
                candidates.extend(g for g in child.subtree if g.i != child.i)
        for token in candidates:
            for m in mentions_in(doc, token.left_edge.i, token.right_edge.i + 1):
                return m.actor
            place = place_at(doc, token)
            if place is not None:
                # "apologized to Brazil": a country after "to" is read as a place; spoken
                # to, it is the addressee.
                return self.actors.country_ref(place[1], None, "place", 0.8)
        return None

    def _targets(self, doc: Doc, hit: StatementHit, verb: Token, spec: SpeechCue | None) -> list[ActorRef]:
        speaker = hit.speaker.actor if hit.speaker else None
        found: list[ActorRef] = []
        pool: list[MentionHit] = []
        if spec is not None and spec.target == "dobj":
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                pool.extend(mentions_of(doc, obj))
        pool.extend(m for m in doc._.ww_mentions or () if hit.content_start <= m.span.start_char < hit.content_end)
        refs = [m.actor for m in pool if not _owner_of_own(m, pool)]
        # "an ultimatum to Belarus": a country a demand is aimed at, though read as a place;
        # "threatened to resume attacks in Israel": where a threatened act would strike.
        aimed = ("to", "against", "toward", "towards", *(("in", "inside") if hit.cameo.startswith("13") else ()))
        for span, iso3 in doc._.ww_places or ():
            head = span.root
            if (
                hit.content_start <= span.start_char < hit.content_end
                and head.dep_ == "pobj"
                and head.head.lower_ in aimed
            ):
                refs.append(self.actors.country_ref(iso3, None, "place", 0.7))
        for actor in refs:
            for ref in self._expand(actor):
                if speaker is not None and _same_actor(ref, speaker):
                    continue
                if speaker is not None and ref.sector is None and ref.country and ref.country == speaker.country:
                    continue  # a speaker naming their own country speaks for it, not to it
                if hit.addressee is not None and _same_actor(ref, hit.addressee):
                    continue
                if all(not _same_actor(ref, f) for f in found):
                    found.append(ref)
        if not found and hit.cameo[:2] in ("11", "12"):
            # "his opponents, who say the vote was rigged": an accusation or rejection that
            # names no one is aimed at those the speakers oppose.
            opposed = _opposed_by(doc, verb)
            if opposed is not None and (speaker is None or not _same_actor(opposed, speaker)):
                found.append(opposed)
        return found

    def _expand(self, ref: ActorRef) -> list[ActorRef]:
        # A group target is its members: "singling out Poland and the Baltic states"
        # targets POL, LTU, LVA and EST. Organizations and large groups stay one actor.
        if ref.members and ref.id in self.actors.groups and len(ref.members) <= MAX_EXPANDED_GROUP:
            return [self.actors.country_ref(code, None, f"group:{ref.id}", ref.confidence) for code in ref.members]
        return [ref]


# ---------------------------------------------------------------------- helpers


_MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by", "as", "is"}


# "according to plan/schedule/the rules": in keeping with, not reported by.
CONFORMITY_NOUNS = {
    "plan", "plans", "schedule", "law", "laws", "rule", "rules", "tradition", "custom", "preference",
    "preferences", "wish", "wishes", "instruction", "instructions", "guideline", "guidelines",
    "procedure", "procedures", "standard", "standards", "script", "formula", "need", "needs", "taste",
}  # fmt: skip
WH_WORDS = {"what", "how", "whether", "why", "who", "where", "when", "if"}
# No one in particular: what "everyone wants" is not anyone's stance.
INDEFINITE_PRONOUNS = {"anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody", "whoever"}
# Statement nouns that name an armed act when armed forces make them ("an attack by rebels").
ARMED_SENSES = {"attack", "charge"}
ARMED_SECTORS = {"MIL", "REB", "UAF", "INS", "SEP", "IMG", "PKO"}
# What a statement noun is about: "a call for talks", "outrage over the decision".
NOUN_TOPIC_PREPS = ("for", "on", "to", "against", "about", "that", "over")
# Verbs whose object is the statement their subject makes ("issued a warning").
SPEECH_LIGHT_VERBS = {
    "issue", "make", "deliver", "express", "voice", "lodge", "launch", "submit", "put", "reiterate",
    "repeat", "renew", "extend", "send", "release", "publish", "register", "file", "tweet", "post", "declare",
    "reaffirm",
}  # fmt: skip
# "declined to comment/elaborate/say": no statement of substance, not a refusal.
NO_COMMENT_VERBS = {
    "comment", "elaborate", "say", "discuss", "confirm", "specify", "give", "name", "answer", "respond",
    "identify", "disclose", "reveal", "detail", "speculate", "provide", "release",
}  # fmt: skip
# What one denies when denying a claim (016), as against denying someone something (12).
DENIABLE_CLAIMS = {
    "claim", "report", "allegation", "charge", "accusation", "involvement", "responsibility", "role",
    "wrongdoing", "rumor", "rumour", "story", "suggestion", "link", "links", "knowledge", "existence",
    "assertion", "accusations", "reports", "claims", "allegations", "charges", "rumors", "rumours",
}  # fmt: skip


def _capitalized_word(token: Token) -> bool:
    """A capitalized word inside a sentence that the tagger did not take for a name ("said
    Skelly", read as an adverb for its ending): a name all the same."""
    return (
        token.is_title
        and token.is_alpha
        and not token.is_sent_start
        and token.pos_ in ("ADV", "ADJ", "NOUN", "VERB")
        and not _title_case_line(token)
    )


def _title_case_line(token: Token) -> bool:
    """Whether the token's line is a title-case headline, where every word is capitalized."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(words) > 2 and all(t.is_title or t.is_upper for t in words)


def _named_before_aside(doc: Doc, verb: Token) -> tuple[MentionHit | None, Span] | None:
    """ "Priebus, in the wake of a new poll showing ..., told Fox News": a person named before
    a phrase set off by commas, when the parser leaves the verb after it without a subject."""
    j = verb.i - 1
    while j > verb.sent.start and doc[j].dep_ == "advmod" and doc[j].head.i == verb.i:
        j -= 1
    if doc[j].text != ",":
        return None
    k = next((i for i in range(j - 1, verb.sent.start, -1) if doc[i].text == ","), None)
    if k is None or k - 1 < verb.sent.start:
        return None
    name = doc[k - 1]
    mention = mention_at(doc, name)
    if mention is not None and mention.kind in ("person", "organization") and mention.span.end == k:
        return mention, mention.span
    if mention is None and name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG"):
        return None, _noun_phrase(name)
    return None


def _in_a_quote(span: Span, quotes: list[_Quote]) -> bool:
    return any(q.open_char <= span.start_char < q.close_char for q in quotes)


def _new_sentence_after(doc: Doc, quote: _Quote, cue: Token) -> bool:
    """Whether ``cue`` stands in a new sentence after a finished quote ("“... it.”  Trump
    has often cited ..."), not in the quote's own ("“...?” a reporter asked")."""
    if not quote.ends_sentence or cue.sent.start_char < quote.close_char:
        return False
    first = next((t for t in doc[cue.sent.start : cue.i + 1] if t.is_alpha), cue)
    return first.is_title or first.is_upper


def _when(token: Token) -> bool:
    """A day or a time the parser took for a subject ("Saturday at the convention ... said")."""
    return token.ent_type_ in ("DATE", "TIME") and token.lower_ in DAY_WORDS


def _any_verb_after(quote: _Quote, tokens: list[Token]) -> tuple[Token, SpeechCue] | None:
    """ ""This is fantastic!" beamed Donald Hartley", ""Mexico!" the audience screamed back",
    ""...," Hannity started": right after a quotation that runs on into its sentence, the
    verb of whoever is named with it is its cue, whatever the verb."""
    words = [t for t in tokens[:5] if not t.is_space and t.idx >= quote.close_char]
    if not words:
        return None
    if quote.last in ("?", "!"):
        if not (words[0].pos_ == "VERB" or words[0].is_lower):
            return None  # "“... again?”  Murphy has an ally": a new sentence
    elif not quote.continued:
        return None  # "“... industry.” He ...", "“not a smart man” because ...": no cue here
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    if verb is None or verb.tag_ != "VBD" or verb.lemma_.lower() in NOT_SPEAKING:
        return None
    if any((t.is_punct and t.text != ",") or t.pos_ == "SCONJ" for t in words[: words.index(verb)]):
        return None  # "..., since he went to college": another clause
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON") or subject.lower_ in RELATIVE_WORDS:
        return None  # "the so-called “reset,” which failed": no one speaks
    return verb, SpeechCue(lemma=verb.lemma_.lower(), particle=None, cameo="010")


def _short_title_end(tokens: list[Token], k: int) -> int:
    """Where a short quoted name opened at ``tokens[k]`` closes ("wearing “Ted Cruz” pins"),
    or -1 when what opens there is longer, a quote of its own."""
    for j in range(k + 1, min(k + 6, len(tokens))):
        if tokens[j].text in ("”", '"'):
            return j
        if tokens[j].is_space:
            return -1
    return -1


def _left_of_aside(doc: Doc, i: int) -> int:
    """The token before ``i``, past commas, the verb's own adverbs and a parenthesis:
    "Gov. John Kasich (R-OH), said", "the campaign chief, Paul Manafort, bluntly suggested"."""
    j = i - 1
    while j > 0 and (
        doc[j].text == "," or (doc[j].dep_ == "advmod" and doc[j].head.i == i and not _capitalized_word(doc[j]))
    ):
        j -= 1
    if j > 0 and doc[j].text == ")":
        while j > 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    return max(j, 0)


def _issuer(verb: Token) -> Token | None:
    """The subject of "issued a statement saying ...", "sent a letter warning ...", "shot back
    in an article stating ...", "blasted out an email to supporters stating ...": who put out
    the message that the participle reports."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    message = verb.head
    if message.lemma_.lower() not in MESSAGE_NOUNS and message.dep_ == "pobj":
        # "an email to supporters stating", however the parser hangs "to supporters"
        governor = message.head.head
        sent = next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)
        message = sent if governor.pos_ == "VERB" and sent is not None else governor
    if message.lemma_.lower() not in MESSAGE_NOUNS:
        return None
    if message.dep_ == "pobj" and message.head.head.pos_ == "VERB":
        return subject_of(message.head.head)  # "shot back in an article stating"
    if message.dep_ not in ("dobj", "obj") or message.head.pos_ != "VERB":
        return None
    return subject_of(message.head)


def _owner_of_own(mention: MentionHit, pool: list[MentionHit]) -> bool:
    """ "Egypt's Muslim Brotherhood": a country that only says whose the next actor is."""
    head = mention.head
    if head.dep_ not in ("poss", "compound", "amod") or mention.actor.sector is not None:
        return False
    return any(
        other is not mention
        and other.span.start <= head.head.i < other.span.end
        and other.actor.country == mention.actor.country
        for other in pool
    )


def _opposed_by(doc: Doc, verb: Token) -> ActorRef | None:
    """Whom a speaker named as someone's opponents opposes: "his critics say ..." -> him."""
    noun = verb.head if verb.dep_ == "relcl" else subject_of(verb)
    if noun is None or noun.lemma_.lower() not in OPPONENT_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    mention = mention_at(doc, owner) if owner is not None else None
    return mention.actor if mention is not None else None


def _anyone(verb: Token, speaker_span: Span | None) -> bool:
    """A speaker that is no one in particular: "everyone", or "who" after "anyone"."""
    if speaker_span is None:
        return False
    word = speaker_span.root
    if word.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        word = verb.head
    return word.lower_ in INDEFINITE_PRONOUNS


def _says_when(prep: Token) -> bool:
    """ "on Sunday", "in March": a preposition whose object is a date or a time."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _marked_clauses(verb: Token) -> list[Token]:
    """The "for" of "calling for X to do Y" when the parser makes it a clause's marker."""
    return [m for c in verb.children if c.dep_ == "advcl" and c.i > verb.i for m in c.children if m.dep_ == "mark"]


def _quoted_naming(doc: Doc, verb: Token) -> Span | None:
    """ "called anti-Trump protestors “illegals”", "calling the mayor an “ignorant baboon”":
    an object, then a quoted name for it. The quotation marks often break the parse; the
    words between the verb and the quote must hold the object ("a group called “Unite”"
    names the group, nobody calls anyone)."""
    end = min(verb.sent.end, verb.i + 16)
    opening = None
    for token in doc[verb.i + 1 : end]:
        if token.text in OPENING_QUOTES:
            opening = token
            break
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":") or token.dep_ == "mark":
            return None
    if opening is None or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[verb.i + 1 : opening.i]):
        return None
    closing = next(
        (t for t in doc[opening.i + 1 : min(verb.sent.end, opening.i + 10)] if t.text in CLOSING_QUOTES), None
    )
    if closing is None or closing.i == opening.i + 1:
        return None
    return doc[verb.i + 1 : closing.i + 1]


def _passive_participle(verb: Token) -> bool:
    """ "Asked by Stephanopoulos to respond, Carson said ...": a past participle opening a
    clause of its own is passive; the one who asked is the "by" phrase, not the main subject."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("nsubj", "aux", "auxpass") for c in verb.children)
    )


MAX_SPEAKER_WORDS = 12  # "Robert Shrum, a veteran Democratic strategist, said"


def _without_conditions(content: Span) -> str:
    """The content's words less its conditions: "will boycott the vote unless the president
    agrees to step down" is about a boycott, not about stepping down."""
    drop = {t.i for c in condition_clauses(content.root, {"unless", "if"}) for t in c.subtree}
    return " ".join(t.text for t in content if t.i not in drop)


def _made_clear(verb: Token) -> Span | None:
    """ "made (it) clear that ...", "made plain it would not ...": what was made clear."""
    if verb.lemma_.lower() != "make":
        return None
    adjective = next((c for c in verb.children if c.lower_ in ("clear", "plain", "known")), None)
    if adjective is None:
        return None
    clause = next(
        (
            c
            for holder in (adjective, verb)
            for c in holder.children
            if c.dep_ in ("ccomp", "advcl", "csubj") and c.i > adjective.i and c.pos_ in ("VERB", "AUX")
        ),
        None,
    )
    return clause_span(clause) if clause is not None else None


def _after_inverted_cue(doc: Doc, cue: Token) -> tuple[MentionHit | None, Span | None]:
    """ ""...," asked Mr. Manafort": the speaker after an inverted cue."""
    after = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    mention = mention_at(doc, after) if after is not None else None
    if mention is not None and mention.kind in SPEAKING_KINDS:
        return mention, mention.span
    if after is not None and after.pos_ == "PROPN":
        return None, _noun_phrase(after.head if after.head.pos_ == "PROPN" else after)
    if after is not None and _capitalized_word(after):
        return None, doc[after.i : after.i + 1]  # "...," said Skelly: a name the tagger took for an adverb
    # "...," added a New Hampshire Democrat: the cue's subject after it.
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i), None)
    if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
        mention = mention_at(doc, subject)
        return (mention, mention.span) if mention is not None else (None, _noun_phrase(subject))
    return None, None


def _between_quote_and_cue(doc: Doc, quote: _Quote, cue: Token) -> tuple[MentionHit | None, Span | None]:
    """ ""...," Ramos, 58, told AFP": the parser hung the name on the quote; the speaker is
    the name between the closing quotation mark and the cue."""
    between = [t for t in doc[cue.sent.start : cue.i] if t.idx > quote.close_char]
    if len(between) > MAX_SPEAKER_WORDS:
        # "“...,” Texas delegate Bill Eastland, wearing a cowboy hat, said": the name
        # before the aside that describes its owner.
        comma = next((k for k, t in enumerate(between) if t.text == ","), None)
        if comma is not None and 0 < comma <= MAX_SPEAKER_WORDS and between[comma - 1].pos_ == "PROPN":
            between = between[:comma]
    if not between or len(between) > MAX_SPEAKER_WORDS:
        return _after_inverted_cue(doc, cue)
    mentions = [m for m in mentions_in(doc, between[0].i, cue.i) if m.span.start_char >= quote.close_char]
    if mentions:
        return mentions[0], mentions[0].span
    # "the 43-year-old asked": the first noun phrase after the quote (never reaching into it).
    name = next(
        (t for t in between if t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "PRON" and t.lower_ in SPEAKING_PRONOUNS)),
        None,
    )
    if name is None:
        return None, None
    # "councilmember Mark Levine said": up to the last name before the cue.
    last = next(t for t in reversed(between) if t.pos_ in ("PROPN", "NOUN", "PRON"))
    first = name
    while first.i > between[0].i and doc[first.i - 1].pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN", "PUNCT"):
        if doc[first.i - 1].text in (",", "(", ")") or doc[first.i - 1].is_quote:
            break
        first = doc[first.i - 1]
    return None, doc[first.i : max(last.i, name.i) + 1]


def _before_cue(doc: Doc, cue: Token) -> tuple[MentionHit | None, Span | None]:
    """ "Clinton seemed ready, telling the crowd, "...": the nearest speaker before the cue."""
    for t in reversed(doc[cue.sent.start : cue.i]):
        if t.dep_ != "nsubj":
            continue
        mention = mention_at(doc, t)
        if mention is not None and mention.kind in SPEAKING_KINDS:
            return mention, mention.span
        if t.pos_ == "PROPN" or t.lower_ in ("he", "she"):
            return None, _noun_phrase(t)
    return None, None


def _looks_like_a_title(inner: str) -> bool:
    """A short quotation whose words are capitalized, as titles of books, shows and films are."""
    words = [w.strip(".,:;!?()'’\"") for w in inner.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 12:
        return False
    major = [w for w in words[1:] if w.lower() not in _MINOR_WORDS]
    return bool(major) and all(w[0].isupper() or not w[0].isalpha() for w in major)


def _named_before_colon(doc: Doc, quote: _Quote) -> tuple[MentionHit | None, Span, Token] | None:
    text = doc.text
    end = quote.open_char
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    mention = mention_at(doc, doc[colon.start - 1])
    head = mention.head if mention is not None else None
    if head is not None and (head.dep_ == "dative" or (head.dep_ == "pobj" and head.head.lower_ in ("to", "for"))):
        # "delivered a blunt message to Trump: "..."": the one spoken to; the speaker is the
        # clause's subject.
        return _subject_before_colon(doc, doc[colon.start])
    if mention is None or mention.kind not in ("person", "organization") or mention.span.end != colon.start:
        # "... - Mark Blumenthal and Jon Cohen: "Although ..."", "- Pew Research: "All the
        # samples ..."": people and organizations NER knows, if not the actor dictionaries.
        before = doc[colon.start - 1]
        if before.ent_type_ not in ("PERSON", "ORG"):
            return _subject_before_colon(doc, doc[colon.start])
        start = colon.start - 1
        while start > 0 and (doc[start - 1].ent_type_ == before.ent_type_ or doc[start - 1].lower_ == "and"):
            start -= 1
        return None, doc[start : colon.start], doc[colon.start]
    return mention, mention.span, doc[colon.start]


def _subject_before_colon(doc: Doc, colon: Token) -> tuple[MentionHit | None, Span, Token] | None:
    """ "He then listed the qualities a nominee needs: "..."": a clause whose subject is a
    person, and which ends in a colon that opens a quote, introduces that person's words."""
    clauses = [
        t
        for t in doc[colon.sent.start : colon.i]
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c.i < colon.i for c in t.children)
    ]
    if not clauses:
        return None
    # The clause highest in the parse: "He then listed ...", not "the nominee he wanted".
    clause = min(clauses, key=lambda t: sum(1 for _ in t.ancestors))
    subject = next(c for c in clause.children if c.dep_ == "nsubj")
    mention = mention_at(doc, subject)
    if mention is not None and mention.kind in SPEAKING_KINDS:
        return mention, mention.span, colon
    if subject.lower_ in ("he", "she") or subject.ent_type_ == "PERSON":
        return mention, mention.span if mention is not None else _noun_phrase(subject), colon
    return None


def _headline_end(doc: Doc) -> int:
    """Where the first line, the headline if the text has one, ends."""
    text = doc.text
    end = text.find("\n")
    return len(text) if end < 0 else end


def _drop_nested(statements: list[StatementHit]) -> list[StatementHit]:
    """Drop a stance ("think", "support", "want") that is part of another statement's content,
    and any statement inside it that names no speaker of its own.

    "Trump said he would support the ban", "the mayor said he would welcome the decision":
    what the speaker supports or welcomes is what they said, one statement. A reporting verb
    with a named speaker stays ("King said Petraeus told them ...", "Putin urged Lukashenko
    to hold talks, the Kremlin said"): it reports a second act of speech.
    """
    kept = []
    for hit in statements:
        verb = hit.cue.root
        inside = any(
            other is not hit
            and other.content_start <= hit.cue.start_char < other.content_end
            # "who say the vote was rigged and want him to quit": a stance coordinated with
            # the reported clause is a second act of the same speaker, not its content.
            and not (verb.dep_ == "conj" and verb.head.idx == _content_root_idx(other, verb.doc))
            # "officials said APEC has agreed to ...": another named actor's stance is an
            # act of its own that the report is about.
            and not _another_named_speaker(hit, other)
            for other in statements
        )
        if inside and (verb.lemma_.lower() in STANCE_LEMMAS or not _named(hit.speaker)):
            continue
        kept.append(hit)
    return kept


def _drop_repeats(statements: list[StatementHit]) -> list[StatementHit]:
    """ "McConnell delivered a blunt message to Trump: "..."": the noun and the colon report
    the same words of the same speaker; the statement of the noun goes."""

    def same(a: StatementHit, b: StatementHit) -> bool:
        return (
            a.content_start < b.content_end
            and b.content_start < a.content_end
            and a.speaker_span is not None
            and b.speaker_span is not None
            and a.speaker_span.start < b.speaker_span.end
            and b.speaker_span.start < a.speaker_span.end
        )

    return [
        hit
        for hit in statements
        if hit.cue.root.pos_ not in ("NOUN", "PROPN")
        or not any(other.cue.root.pos_ not in ("NOUN", "PROPN") and same(hit, other) for other in statements)
    ]


def _named(speaker: MentionHit | None) -> bool:
    """A speaker the text names: not a pronoun, and known to the dictionaries."""
    return (
        speaker is not None
        and speaker.actor is not None
        and speaker.kind != "pronoun"
        and speaker.head.pos_ != "PRON"
        and speaker.head.lower_ not in ("who", "which", "that")
    )


def _another_named_speaker(inner: StatementHit, outer: StatementHit) -> bool:
    mine = inner.speaker
    if mine is None or mine.actor is None or mine.kind == "pronoun" or mine.head.pos_ == "PRON":
        return False
    theirs = outer.speaker.actor if outer.speaker is not None else None
    if theirs is None:
        return True
    a, b = mine.actor, theirs
    # Putin saying what Russia will do speaks for his own side.
    same_side = bool(a.country) and a.country == b.country and (a.sector is None or b.sector is None)
    return not (_same_actor(a, b) or same_side)


def _content_root_idx(hit: StatementHit, doc: Doc) -> int | None:
    span = doc.char_span(hit.content_start, hit.content_end, alignment_mode="expand")
    return span.root.idx if span is not None else None


def _rejected_proposals(statements: list[StatementHit]) -> None:
    """A rejection with no named target rejects the last proposal of someone else.

    "Protesters dismiss the reform promises as a stalling tactic" after Lukashenko's
    promise targets Lukashenko: news names what is rejected, rarely who made it.
    """
    for index, hit in enumerate(statements):
        if not hit.cameo.startswith("12") or hit.targets or hit.addressee or hit.speaker is None:
            continue
        for earlier in reversed(statements[:index]):
            proposer = earlier.speaker.actor if earlier.speaker else None
            if proposer is None or proposer.code == hit.speaker.actor.code:
                continue
            if earlier.cameo[:2] in ("02", "03", "10"):
                hit.targets = [replace(proposer, resolved_by="context", confidence=min(proposer.confidence, 0.5))]
                break


def _clause_child(verb: Token) -> Token | None:
    for dep in ("ccomp", "xcomp"):
        clauses = [c for c in verb.children if c.dep_ == dep]
        if clauses:
            # Of two clauses, the one after the verb: "On his claim there are ..., the
            # analyst said he disagrees" reports "he disagrees".
            return next((c for c in clauses if c.i > verb.i), clauses[0])
    for prep in verb.children:
        # "says in a statement that the race will now be ...", "wrote in an op-ed that":
        # the parser hangs what was said on the message it was said in.
        message = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
        if message is not None and message.lemma_.lower() in SAID_IN_NOUNS:
            clause = next(
                (c for c in message.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > message.i), None
            )
            if clause is not None and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                return clause
    # "called on X to resolve ...": the infinitive hangs under the particle's object.
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "dobj", "pcomp"):
            for sub in child.subtree:
                if sub.dep_ in ("advcl", "xcomp", "ccomp") and any(
                    a.lower_ == "to" and a.dep_ == "aux" for a in sub.children
                ):
                    return sub
    for child in verb.children:
        if child.dep_ == "advcl" and any(a.dep_ == "mark" and a.lower_ == "that" for a in child.children):
            return child
        if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ in WH_WORDS:
            # "have not said when they would take up the bill"; but "tweeted when Clinton
            # ended the debate" tells when, not what.
            modal = any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in child.children)
            if child.left_edge.lower_ not in ("when", "where") or modal or is_negated(verb):
                return child
    if verb.lemma_.lower() in INTENT_HEADS:
        # "have sworn to fight until ...": an infinitive the parser hung as a clause of
        # purpose, right after a verb of promising, is what was promised.
        nxt = next((c for c in verb.children if c.i > verb.i and c.dep_ == "advcl"), None)
        if nxt is not None and any(a.lower_ == "to" and a.dep_ == "aux" for a in nxt.children):
            return nxt
    return None


def _noun_phrase(token: Token) -> Span:
    """The noun phrase of a subject without its relative clauses and appositions."""
    doc = token.doc
    keep = [t for t in token.subtree]
    cut = set()
    for child in token.children:
        if child.dep_ in ("relcl", "appos", "acl", "punct") or (child.dep_ == "prep" and child.i > token.i):
            cut.update(t.i for t in child.subtree)
    keep = [t for t in keep if t.i not in cut and t.i <= token.i + 4]
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    return doc[start:end]


def _cue_span(doc: Doc, verb: Token, spec: SpeechCue | None) -> Span:
    if spec is not None and spec.particle:
        words = spec.particle.split()
        for child in [*verb.children, *_marked_clauses(verb)]:
            if child.lower_ == words[-1] and child.i == verb.i + len(words):
                return doc[verb.i : child.i + 1]  # "called on", "lashed out at"
    return doc[verb.i : verb.i + 1]


def _self_future(doc: Doc, root: Token, speaker: MentionHit | None) -> bool:
    """ "Lukashenko said he would step down": the speaker announces his own future act."""
    if speaker is None:
        return False
    auxes = {c.lower_ for c in root.children if c.dep_ == "aux"}
    intent = bool(auxes & FUTURE_AUX) or (root.lemma_ in INTENT_WORDS and any(c.dep_ == "xcomp" for c in root.children))
    if not intent:
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in root.children):
        return False  # "did not say whether Putin would attend" asks, it does not promise
    # "Ruiz said it would hurt pensioners": "it" is never a person speaking of herself.
    person = speaker.kind == "person" or speaker.head.ent_type_ == "PERSON"
    if subject.lower_ == "it" and person:
        return False
    mention = mention_at(doc, subject)
    if mention is None:
        # "the government made it clear it will not lift the ban": an unresolved pronoun
        # subject of what a speaker says is the speaker, if it can stand for them.
        return subject.lower_ in ("it", "they", "we") or (person and subject.lower_ in ("he", "she", "i"))
    a, b = mention.actor, speaker.actor
    if a.sector is None and a.country and a.country == b.country and b.sector == "GOV":
        return True  # "Putin said Russia would support the plan": a government speaks for its country
    if a.id in (None, a.country) or b.id in (None, b.country):
        # A government named by its capital or a title: the speaker's own side.
        return a.code == b.code
    return a.id == b.id


def _obligation_on_another(doc: Doc, root: Token, speaker: MentionHit | None) -> bool:
    """ "said that China must drop its barriers": telling another actor what it must do demands."""
    auxes = {c.lower_ for c in root.children if c.dep_ == "aux"}
    must = bool(auxes & {"must", "should"}) or (
        root.lemma_ == "have" and any(c.dep_ == "xcomp" for c in root.children) and root.tag_ in ("VBZ", "VBP")
    )
    if not must or is_negated(root):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    mention = mention_at(doc, subject) if subject is not None else None
    if mention is None:
        return False
    return speaker is None or mention.actor.code != speaker.actor.code


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    # The same code is the same actor for targets: Putin speaking of "the Kremlin" is
    # speaking of his own side, not addressing another actor.
    return a.code == b.code or bool(a.id and a.id == b.id)


def _sentence_index(doc: Doc, char: int) -> int:
    for index, sent in enumerate(doc.sents):
        if sent.start_char <= char < sent.end_char:
            return index
    return max(0, len(list(doc.sents)) - 1)


def _date(doc: Doc, hit: StatementHit) -> None:
    timex = governing_timex(doc, hit.cue.root, (hit.content_start, hit.content_end))
    if timex is not None and timex.value:
        hit.date, hit.date_source = timex.value, "text"
        return
    anchor, kind = anchor_date(doc)
    if anchor is not None:
        hit.date, hit.date_source = anchor.isoformat(), kind
