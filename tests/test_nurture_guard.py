"""The hard-sell guard finds pushy phrases and shouting, and nothing in gentle text."""

import random
import re

import pytest

from nurture.guard import _URL, Guard, pushy, pushy_lines
from nurture.settings import ACRONYMS, PUSHY_PHRASES


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Soak the beans overnight, then simmer.", []),
        ("Buy now!", ["buy now"]),
        ("Buy now!!", ["buy now", "!!"]),
        ("Please CALL FOR A QUOTE today", ["call for a quote", "CALL", "QUOTE"]),
        ("It's a limited time offer, act now.", ["limited time", "act now"]),
        ("Don\u2019t miss out on the last chance", ["don't miss out", "last chance"]),
        ("Hurry, order today.", ["hurry", "order today"]),
        ("No need to hurry: it keeps.", ["hurry"]),
        ("A FREE jar with every refill", ["FREE"]),
        ("Three jars!!!", ["!!!"]),
        ("One exclamation is fine!", []),
        ("The UK, the BBQ and the FAQ are short enough.", []),
        ("Read the GDPR notice.", []),
        ("See https://example.com/BUYNOW/LIMITED for details.", []),
        ("A [link](https://example.com/ORDER?x=HURRY) is not prose.", []),
        ("The hurrying crowd is not a phrase.", []),
        ("Buttercups ACTNOWLEDGE nothing", ["ACTNOWLEDGE"]),
    ],
)
def test_pushy_finds_phrases_shouting_and_bangs(text, found):
    assert pushy(text, PUSHY_PHRASES, ACRONYMS) == found


def test_pushy_uses_the_configured_lists():
    assert pushy("Grab it now, NASA says", ["grab it"], ["NASA"]) == ["grab it"]
    assert pushy("Grab it now, NASA says", [], []) == ["NASA"]


SOURCE = """\
Title: 3 things to BUY NOW
Date: 2026-09-14 09:00
Tags: LIMITED, hurry
Slug: call-for-a-quote
Summary: Three dinners, act now.
Question: Which do you like?

A calm intro.

## 1. Call for a quote

Last chance!!
"""


def test_pushy_lines_name_the_source_line_and_skip_non_text_header_fields():
    assert pushy_lines(SOURCE, PUSHY_PHRASES, ACRONYMS) == [
        (1, "buy now"),
        (5, "act now"),
        (10, "call for a quote"),
        (12, "last chance"),
        (12, "!!"),
    ]


RST_AND_CODE = """\
3 things to do with a CSV file
##############################

:date: 2026-09-14
:tags: csv
:license: WTFPL
:summary: Three gentle fixes, act now.

Line endings are CRLF on Windows and HTML is fine.

```python
VARIANTS = ["BUY NOW", "HURRY"]
```

The list `VARIANTS` and the field code ``HYPERLINK`` are named here: VARIANTS, HYPERLINK.

    LIMITED = "an indented code block"

A literal block::

    DON'T MISS OUT, LAST CHANCE

Buy now!!
"""


def test_the_guard_reads_prose_only_and_knows_technical_words():
    # The reST header's own fields, code blocks, inline code, and capitals the article writes
    # as code are not the writer raising their voice; the summary and the prose still count.
    assert pushy_lines(RST_AND_CODE, PUSHY_PHRASES, ACRONYMS) == [
        (7, "act now"),
        (23, "buy now"),
        (23, "!!"),
    ]


def test_pushy_lines_find_nothing_in_a_gentle_article():
    gentle = "Title: 3 things\nDate: 2026-01-01\n\nCook it slowly.\n\n## 1. Soak\n\nOvernight.\n"
    assert pushy_lines(gentle, PUSHY_PHRASES, ACRONYMS) == []


def hits_searching_everything(guard, text):
    """Guard.hits with no quick tests: every search runs on every text."""
    prose = _URL.sub(lambda m: " " * len(m[0]), text.replace("\u2019", "'"))
    lowered = prose.lower()
    found = []
    if any(phrase in lowered for phrase in guard.phrases):
        found += [(m.start(), guard.phrases[m[0].lower()]) for m in guard.pattern.finditer(prose)]
    shouted = re.finditer(r"(?<![\w'])[A-Z]{4,}(?![\w'])", prose)
    # A word of capitals without a vowel (CRLF, HTML) is an abbreviation, not shouting.
    found += [
        (m.start(), m[0])
        for m in shouted
        if m[0] not in guard.acronyms and set(m[0]) & set("AEIOUY")
    ]
    found += [(m.start(), m[0]) for m in re.finditer(r"!{2,}", prose)]
    return sorted(found, key=lambda hit: hit[0])


def test_the_quick_tests_never_hide_a_hit():
    # Unicode that lower() and re.I treat differently (long s, Kelvin sign, final sigma) too.
    words = [
        "buy", "now", "Buy now", "BUY NOW", "hurry", "HURRY", "Hurry!!", "don\u2019t miss out",
        "\u017fign up now", "\u212aeep", "\u039f\u03a3", "GDPR", "FREE", "FREEDOM", "UK",
        "!", "!!", "!!!", "https://ex.org/BUY/NOW", "[x](https://ex.org/HURRY)", "www.ex.org!!",
        "{filename}LIMITED", "last chance", "LAST", "it's", "O'REILLY", "\u65c5\u884c", "\n",
    ]  # fmt: skip
    rng = random.Random(3)
    guard = Guard.of([*PUSHY_PHRASES, "\u017fale", "k\u00f8b"], ACRONYMS)
    for _ in range(3000):
        text = rng.choice(["", " "]).join(rng.choices(words, k=rng.randint(0, 8)))
        assert outcome(guard.hits, text) == outcome(hits_searching_everything, guard, text), text


def outcome(function, *args):
    """What FUNCTION returns, or the kind of error it raises (odd case-folding can raise)."""
    try:
        return function(*args)
    except LookupError as error:
        return type(error)
