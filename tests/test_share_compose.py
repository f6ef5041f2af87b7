"""Composing snippets: plain text, hashtags, templates and shortening that never breaks a post."""

import pytest
import regex

from hub.hashtags import hashtag, hashtags
from share_snippets.compose import (
    ELLIPSIS,
    ArticleData,
    compose,
    fit,
    fit_counted,
    join,
    render,
    shorten,
    tidy,
)
from share_snippets.networks import NETWORKS, count_x, graphemes
from share_snippets.settings import ShareSettings

LINK = "https://www.example.com/beans/?utm_source=x#thing-2"
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("BatchCooking", "BatchCooking"),
        ("batch cooking", "BatchCooking"),
        ("plastic-free", "PlasticFree"),
        ("veg box", "VegBox"),
        ("don't waste", "DontWaste"),
        ("2026", ""),  # never all digits
        ("2026 recipes", "2026Recipes"),
        ("#", ""),
        ("", ""),
        ("caf\u00e9 culture", "Caf\u00e9Culture"),
        ("\u0641\u0648\u0644", "\u0641\u0648\u0644"),
        ("snake_case", "Snake_case"),
    ],
)
def test_hashtag_camel_cases_and_rejects_unusable_words(word, expected):
    assert hashtag(word) == expected


def test_hashtags_are_deduplicated_and_rejects_reported():
    assert hashtags(["LowWaste", "low waste", "123", "Citrus"]) == (
        ["LowWaste", "Citrus"],
        ["123"],
    )


def test_hashtags_drop_markup_and_punctuation():
    words = ["<b>Beans</b>", '"Quoted"', "Beans&Rice", "batch cooking"]
    assert hashtags(words) == (["Beans", "Quoted", "BeansRice", "BatchCooking"], [])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>Beans &amp; <em>rice</em></p>", "Beans & rice"),
        ("  lots\n of \t space ", "lots of space"),
        ("Where is it from?. Knowing", "Where is it from? Knowing"),
        ("Done!: next", "Done! next"),
        ("&lt;script&gt;", "<script>"),
        ('3 "quoted" &amp; <script>alert(1)</script>', '3 "quoted" & alert(1)'),
    ],
)
def test_tidy_gives_plain_text(raw, expected):
    assert tidy(raw) == expected


def test_render_fills_named_fields():
    assert render("Tip {number} of {count}: {title}. {teaser}", {
        "number": 2, "count": 3, "title": "Where from?", "teaser": "Ask."
    }) == "Tip 2 of 3: Where from? Ask."  # fmt: skip


def _fits_x(limit):
    return lambda cut: count_x(f"{cut} {LINK}") <= limit


@pytest.mark.parametrize(
    ("prose", "limit"),
    [
        ("One bag of beans, three dinners your family will actually ask for again. " * 6, 280),
        ("word " * 100, 120),
        ("\u8c46" * 400, 280),  # no spaces: cut between graphemes
        (FAMILY * 200, 280),  # never inside an emoji sequence
        ("\U0001f1ec\U0001f1e7" * 200, 100),  # never between two halves of a flag
        ("cafe\u0301 " * 100, 140),  # never between a letter and its accent
        ("a" * 1000, 60),  # one very long word
    ],
)
def test_shorten_fits_and_cuts_only_at_boundaries(prose, limit):
    fits = _fits_x(limit)
    short = shorten(prose, fits)
    assert fits(short)
    assert short.endswith(ELLIPSIS)
    body = short[: -len(ELLIPSIS)]
    assert prose.startswith(body)
    assert graphemes(prose)[: len(graphemes(body))] == graphemes(body)
    if " " in prose.strip():
        # Cut at a word boundary: what follows the kept text is a space.
        assert prose[len(body) :][:1] in (" ", ",", ".")


def test_shorten_leaves_fitting_prose_alone():
    assert shorten("Short and sweet.", _fits_x(280)) == "Short and sweet."


@pytest.mark.parametrize("network", list(NETWORKS))
def test_fit_never_touches_the_link_and_fits(network):
    entry = NETWORKS[network]
    prose = "Tip 2 of 3: make a chilli \u2026 with \u65e5\u672c " + "more words here " * 300
    text = fit(prose, LINK, ["BatchCooking", "Beans"], entry)
    assert entry.fits(text, text.removesuffix(LINK))
    assert text.endswith(f" {LINK}")  # shortened: hashtags dropped, link whole and last


def test_hashtags_are_added_only_where_used_and_only_if_they_fit():
    tags = ["BatchCooking", "Beans", "Budget", "Cupboard"]
    assert fit("Short.", LINK, tags, NETWORKS["x"]).endswith("#BatchCooking #Beans")
    assert fit("Short.", LINK, tags, NETWORKS["threads"]).endswith(f"{LINK} #BatchCooking")
    assert fit("Short.", LINK, tags, NETWORKS["facebook"]).endswith(LINK)
    # Prose that only just fits leaves no room for a hashtag.
    prose = "word " * 49 + "wordsxy"
    assert count_x(f"{prose} {LINK}") == 276
    assert fit(prose, LINK, tags, NETWORKS["x"]) == f"{prose} {LINK}"


def _tags_by_whole_text(prose, tags, network):
    """The hashtags a post gets when every try is counted as a whole text."""
    chosen = []
    for tag in tags:
        if len(chosen) < network.hashtags and network.fits(
            join(prose, LINK, [*chosen, tag]), prose
        ):
            chosen.append(tag)
    return chosen


@pytest.mark.parametrize("network", list(NETWORKS))
@pytest.mark.parametrize("words", [10, 40, 43, 44, 45, 46, 88, 89, 90, 91])
def test_hashtags_counted_piecewise_match_whole_text_counts(network, words):
    entry = NETWORKS[network]
    # Emoji, CJK and accents in the prose and the tags: the cases where counts differ most.
    prose = "Tip \U0001f34b \u65e5\u672c caf\u00e9 " + "word " * words
    tags = ["Caf\u00e9Culture", "\u65e5\u672c\u6599\u7406", "A" * 30, "Beans", "Batch_2"]
    text, length = fit_counted(prose.strip(), LINK, tags, entry)
    if text.startswith(prose.strip() + " " + LINK):
        assert text == join(prose.strip(), LINK, _tags_by_whole_text(prose.strip(), tags, entry))
    assert length == entry.count(text)
    assert entry.fits(text, text.split(" " + LINK)[0])


def _article(**changes):
    values = {
        "slug": "beans",
        "title": "3 things to do with beans &amp; rice",
        "summary": "<p>Three   dinners.</p>",
        "links": {
            "": "https://www.example.com/beans/",
            "conversation": "https://www.example.com/beans/#conversation",
            "thing-1": "https://www.example.com/beans/#thing-1",
            "thing-2": "https://www.example.com/beans/#thing-2",
        },
        "things": [(1, "Make a chilli", "Soak them.", "thing-1"), (2, "Mash", "Warm.", "thing-2")],
        "hashtags": ["BatchCooking"],
        "site": "Larder Lane",
    }
    return ArticleData(**{**values, **changes})


def _compose(article, **settings):
    config = ShareSettings(**settings)
    return compose(article, config.network_entries(), config.template_table(), config.utm_scheme())


def test_compose_makes_every_kind_for_every_network():
    article = _article(
        question="What's yours?",
        answers=[("Soak?", "Priya", "Not always."), ("Hard?", "", "Old beans.")],
    )
    snippets = _compose(article)
    kinds = ["intro", "thing-1", "thing-2", "question", "answer-1", "answer-2"]
    assert [s.id for s in snippets] == [f"{n}-{k}" for n in NETWORKS for k in kinds]
    for snippet in snippets:
        assert snippet.link in snippet.text
        assert snippet.length == NETWORKS[snippet.network].count(snippet.text) <= snippet.limit
        assert "<" not in snippet.text and "&amp;" not in snippet.text and "  " not in snippet.text
    by_id = {(s.network, s.kind): s for s in snippets}
    intro = by_id["x", "intro"]
    # The summary, not "Title: summary": the link card shows the title.
    assert intro.text.startswith("Three dinners. https://")
    assert intro.link == (
        "https://www.example.com/beans/?utm_source=x&utm_medium=social"
        "&utm_campaign=beans&utm_content=intro"
    )
    assert by_id["x", "thing-2"].link.endswith("utm_content=thing-2#thing-2")
    assert "Tip 1 of 2: Make a chilli. Soak them." in by_id["x", "thing-1"].text
    assert by_id["mastodon", "question"].link.endswith("utm_content=question#conversation")
    assert "What's yours?" in by_id["mastodon", "question"].text
    assert "Soak?" in by_id["x", "answer-1"].text and "Not always." in by_id["x", "answer-1"].text
    assert by_id["x", "answer-2"].link.endswith("utm_content=answer-2#conversation")


def test_wording_varies_between_networks():
    intros = {s.text.split(" https://")[0] for s in _compose(_article()) if s.kind == "intro"}
    assert len(intros) >= 3


def test_share_line_beats_title_and_summary():
    intro = _compose(_article(share="Three dinners, one bag."))[0]
    assert intro.text.startswith("Three dinners, one bag. https://")


def test_no_question_no_question_snippet():
    assert not [s for s in _compose(_article()) if s.kind in ("question", "answer-1")]


def test_utm_can_be_turned_off():
    snippets = _compose(_article(), utm=False)
    assert snippets[0].link == "https://www.example.com/beans/"
    assert all("utm_" not in s.text for s in snippets)


def test_templates_come_from_settings():
    snippets = _compose(_article(), templates={"intro": "Fresh: {title}!"}, networks=("x",))
    assert snippets[0].text.startswith("Fresh: 3 things to do with beans & rice! https://")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"networks": ("x", "myspace")}, "SHARE_NETWORKS: unknown network 'myspace'"),
        ({"templates": {"intro": "{nope}"}}, "SHARE_TEMPLATES['intro']: unknown field {nope}"),
        ({"templates": {"outro": "{title}"}}, "SHARE_TEMPLATES: unknown kind 'outro'"),
        ({"templates": {"intro": "{title"}}, "SHARE_TEMPLATES['intro']: '{title' is not valid"),
        ({"slots": ("tue 09:32",)}, "SHARE_SLOTS: 'tue 09:32' is not a weekly slot"),
        ({"slots": ("someday 09:30",)}, "SHARE_SLOTS: 'someday 09:30'"),
        ({"now": "soon"}, "SHARE_NOW: 'soon' is not a date"),
        ({"hootsuite_rows": 500}, "SHARE_HOOTSUITE_ROWS must be between 1 and 350"),
    ],
)
def test_unusable_settings_are_rejected_by_name(settings, message):
    with pytest.raises(ValueError, match=regex.escape(message).replace("is\\ not\\ valid", ".*")):
        ShareSettings(**settings)
