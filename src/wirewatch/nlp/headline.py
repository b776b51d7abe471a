"""Headlines in Title Case, read as sentences.

"Clinton Blasts Trump Over Deportation Idea" is a sentence whose every word looks like a
name to a tagger trained on running text: "Blasts" becomes a proper noun and the headline
yields no statement and no event. Before parsing, the words of such a headline that the
story never capitalizes in mid-sentence are put in lower case. The text keeps its length,
so every offset still points into the article as given, and every span's text is read from
the article, never from the recased copy.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A capitalized word after a lower-case word or a comma: a name, not a sentence start.
_NAME_IN_TEXT = re.compile(r"(?<=[a-z,;:] )[A-Z][A-Za-z-]*")
MIN_LONG_WORDS = 3  # "Trump Wins": too short to tell Title Case from a name
TITLE_CASE_SHARE = 0.8  # of the words of four letters or more, this many capitalized


def recase_headline(text: str) -> str:
    """``text`` with a Title Case first line put in sentence case; otherwise unchanged.

    Kept as they are: the first word, words in capitals ("GOP", "U.S."), "I", and words
    the rest of the text capitalizes in mid-sentence (names: "Trump", "Republicans").
    """
    end = text.find("\n")
    if end <= 0:
        return text  # one line: a sentence, not a headline over a story
    head, body = text[:end], text[end:]
    words = list(_WORD.finditer(head))
    long_words = [m.group() for m in words if len(m.group()) >= 4]
    if len(long_words) < MIN_LONG_WORDS:
        return text
    if sum(w[0].isupper() for w in long_words) < TITLE_CASE_SHARE * len(long_words):
        return text  # sentence case already
    if sum(w.isupper() for w in long_words) > len(long_words) / 2:
        return text  # ALL CAPS: nothing tells names from words
    names = set(_NAME_IN_TEXT.findall(body))
    chars = list(head)
    for m in words[1:]:
        word = m.group()
        stem = re.split(r"['’]", word)[0]  # "Trump’s" is a name if "Trump" is
        if stem in names or sum(c.isupper() for c in word) > 1 or word == "I" or not word[0].isupper():
            continue
        chars[m.start()] = word[0].lower()
    return "".join(chars) + body
