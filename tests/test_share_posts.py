"""Posts worth posting as they are: whole sentences, wordings that fit, links as published."""

import collections
import itertools
import re

import pytest
from test_share_site import LIMITS, check_lands, exported, independent_count

from hub.text import sentences
from share_snippets.compose import ArticleData, compose, weighed_link
from share_snippets.networks import NETWORKS, count_x
from share_snippets.settings import ShareSettings
from share_snippets.short_links import short_codes
from share_snippets.trim import ELLIPSIS, by_sentences, clauses, shorter_bodies
from share_snippets.wording import edge_words

PUBLISHED = {"SITEURL": "https://www.example.com", "RELATIVE_URLS": False}


def test_bodies_shrink_by_whole_sentences_then_a_clause_then_nothing():
    text = "Glass jars keep food fresh, because they keep out air and damp. Label them. Done."
    bodies = shorter_bodies(text)
    assert bodies[:3] == [text, text.rsplit(" ", 1)[0], "Glass jars keep food fresh, because"
                          " they keep out air and damp."]  # fmt: skip
    assert bodies[3] == f"Glass jars keep food fresh{ELLIPSIS}"
    assert bodies[-1] == ""


def test_clauses_never_end_on_a_dangling_word_or_doubled_stop():
    sentence = "A strip of tape and a pen will tell you, and then for months, what is in the jar"
    for cut in clauses(sentence):
        assert cut.endswith(ELLIPSIS)
        kept = cut.removesuffix(ELLIPSIS)
        assert kept.split()[-1].lower() not in {"and", "or", "of", "the", "a"}
        assert not kept.endswith((",", ":", ";"))
    assert by_sentences("One. Two? Three!") == ["One. Two? Three!", "One. Two?", "One."]


@pytest.mark.parametrize(
    ("lang", "sentence", "cut"),
    [
        ("fr", "Les bocaux gardent tout au frais, parce qu'ils bloquent l'air et l'humidité",
         "Les bocaux gardent tout au frais"),
        ("de", "Gläser halten alles frisch, weil sie Luft und Feuchtigkeit draußen halten",
         "Gläser halten alles frisch"),
        ("es", "Los tarros lo mantienen todo fresco, porque no dejan pasar el aire",
         "Los tarros lo mantienen todo fresco"),
        ("nl", "Potten houden alles vers, omdat ze lucht en vocht buiten houden",
         "Potten houden alles vers"),
    ],
)  # fmt: skip
def test_a_long_sentence_is_cut_at_its_own_language_s_clause(lang, sentence, cut):
    assert f"{cut}{ELLIPSIS}" in clauses(sentence, lang)
    # English words of linking are no break in another language, and theirs none in English.
    assert f"{cut}{ELLIPSIS}" not in clauses(sentence)


@pytest.mark.parametrize(
    ("lang", "sentence", "cut"),
    [
        (
            "fr",
            "Prenez un bocal propre pour le (petit) riz de la semaine",
            "Prenez un bocal propre",
        ),
        ("de", "Nimm ein sauberes Glas für den (kleinen) Reis der Woche", "Nimm ein sauberes Glas"),
        ("es", "Usa un tarro limpio para el (poco) arroz de la semana", "Usa un tarro limpio"),
        ("nl", "Neem een schone pot voor de (kleine) rijst van de week", "Neem een schone pot"),
    ],
)
def test_a_cut_never_ends_on_the_language_s_dangling_words(lang, sentence, cut):
    assert clauses(sentence, lang) == [f"{cut}{ELLIPSIS}"]
    # English leaves the other language's little words dangling.
    assert clauses(sentence) != [f"{cut}{ELLIPSIS}"]


def _article(**changes):
    values = {
        "slug": "beans",
        "title": "4 questions to ask about beans",
        "summary": "Four questions that tell you whether a bag of beans will suit your kitchen.",
        "links": {
            "": "https://www.example.com/beans/",
            "conversation": "https://www.example.com/beans/#conversation",
            "thing-1": "https://www.example.com/beans/#thing-1",
            "thing-2": "https://www.example.com/beans/#thing-2",
        },
        "things": [
            (1, "Where do the beans come from?", "Knowing the grower tells you a lot.", "thing-1"),
            (2, "Roast chickpeas for a snack", "Roast chickpeas are cheap and moreish.", "thing-2"),
        ],
        "question": "What's your favourite bean?",
        "site": "Larder Lane",
    }
    return ArticleData(**{**values, **changes})


def _compose(article, **settings):
    config = ShareSettings(**settings)
    return compose(article, config.network_entries(), config.template_table(), config.utm_scheme())


def _prose(snippet):
    return snippet.text.split(f" {snippet.link}")[0]


def test_new_only_while_new_and_never_title_then_summary():
    old = {s.network: _prose(s) for s in _compose(_article()) if s.kind == "intro"}
    assert not any(prose.startswith(("New", "Just published")) for prose in old.values())
    assert not any(prose.startswith("4 questions to ask about beans") for prose in old.values())
    fresh = {s.network: _prose(s) for s in _compose(_article(new_on=frozenset({"x"})))
             if s.kind == "intro"}  # fmt: skip
    assert fresh["x"].startswith(("New from Larder Lane: ", "Just published: ", "New on the"))
    assert not fresh["bluesky"].startswith(("New", "Just published"))


def test_question_things_are_asked_and_echoing_teasers_dropped():
    snippets = _compose(_article())
    for snippet in snippets:
        prose = _prose(snippet)
        if snippet.kind == "thing-1":
            assert "Where do the beans come from?" in prose and "Tip 1" not in prose
            assert "tip 1" not in prose
        if snippet.kind == "thing-2":
            # The teaser echoes the heading, so it stands alone: never one after the other.
            assert "Roast chickpeas are cheap and moreish." in prose
            assert "Roast chickpeas for a snack" not in prose


@pytest.mark.parametrize(
    ("reply", "expected"),
    [("comments", "comment"), ("form", "form"), ("email", "mail"), ("", "repl")],
)
def test_question_posts_invite_the_way_the_article_offers(reply, expected):
    for turn in range(3):
        questions = [s for s in _compose(_article(reply=reply, turn=turn)) if s.kind == "question"]
        assert questions and all(expected in _prose(s).lower() for s in questions)
        others = {"comments": "comment", "form": "form", "email": "mail"}
        for name, word in others.items():
            if name != reply and word != expected:
                assert not any(word in _prose(s).lower() for s in questions), name


def test_a_preview_link_weighs_as_a_published_one():
    preview = "http://127.0.0.1:8000/s/abcdefgh/"
    published = "https://www.example.com/s/abcdefgh/"
    assert count_x(weighed_link(preview, 40)) == count_x(published) == 23
    assert len(weighed_link(preview, 40)) == len(weighed_link(published, 40)) == 40 + 12
    base = _article(short_base="http://127.0.0.1:8000/s/", link_room=40, preview=True)
    codes = {f"{n}-{k}": "abcdefgh" for n in NETWORKS for k in ("intro", "thing-1", "thing-2",
                                                                  "question")}  # fmt: skip
    there = _compose(base.__class__(**{**base.__dict__, "short_codes": codes}))
    live = _compose(base.__class__(**{**base.__dict__, "short_codes": codes, "preview": False,
                                      "short_base": "https://www.example.com/s/"}))  # fmt: skip
    assert [_prose(s) for s in there] == [_prose(s) for s in live]


def test_short_codes_are_stable_short_and_distinct():
    posts = [(f"article-{n}", f"x-thing-{m}") for n in range(300) for m in range(10)]
    codes = short_codes(posts)
    assert len(set(codes.values())) == len(posts)
    assert all(len(code) <= 8 and code.isalnum() and code.islower() for code in codes.values())
    again = short_codes([*posts[::-1], ("new-article", "x-intro")])
    assert all(again[key] == code for key, code in codes.items())


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"new_days": -1}, "SHARE_NEW_DAYS"),
        ({"link_room": "long"}, "SHARE_LINK_ROOM"),
        ({"short_links": "yes"}, "SHARE_SHORT_LINKS must be True or False"),
    ],
)
def test_new_settings_are_checked(settings, message):
    with pytest.raises(ValueError, match=message):
        ShareSettings(**settings)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    from conftest import SETTINGS, BuiltSite, build, disconnect_all_signals, sample_dir

    disconnect_all_signals()
    out = tmp_path_factory.mktemp("published") / "output"
    overrides = {"PATH": str(sample_dir()), "CACHE_CONTENT": False, **PUBLISHED}
    report = build(SETTINGS, out, strict=True, overrides=overrides)
    disconnect_all_signals()
    return BuiltSite(report, out)


def _texts(site):
    return {
        (article["slug"], snippet["id"]): snippet["text"].replace(snippet["link"], "LINK")
        for article in exported(site.output)["articles"]
        for snippet in article["snippets"]
    }


def test_the_published_kit_fits_lands_and_matches_the_preview(published, sample_site):
    data = exported(published.output)
    check_lands(published.output, "https://www.example.com", data)
    for article in data["articles"]:
        for snippet in article["snippets"]:
            counted = independent_count(snippet["network"], snippet["text"])
            assert counted == snippet["length"] <= LIMITS[snippet["network"]], snippet
            # The sample site has no sentence longer than a network allows: nothing is cut.
            prose = snippet["text"].split(f" {snippet['link']}")[0]
            assert not prose.endswith(ELLIPSIS), snippet
            # No form-like joins: two colons in a sentence, a stop before a colon, "…:".
            for sentence in sentences(prose):
                assert sentence.count(":") <= 1 and not re.search(r"[.?!…]:", sentence), prose
            assert not re.search(r"\b(?:and|or)\W*$", prose), prose
    assert _texts(published) == _texts(sample_site)


def test_a_feed_never_opens_or_closes_the_same_way_twice_in_a_row(published):
    feeds = collections.defaultdict(list)
    for article in exported(published.output)["articles"]:
        for snippet in article["snippets"]:
            if snippet["scheduled_at"]:
                feeds[snippet["network"]].append(snippet)
    for network, posts in feeds.items():
        posts.sort(key=lambda post: post["scheduled_at"])
        edges = [edge_words(post["text"].split(f" {post['link']}")[0]) for post in posts]
        assert len(edges) > 20
        for before, after in itertools.pairwise(edges):
            assert before[0] != after[0] and before[1] != after[1], (network, before, after)


BASIC_PLUGINS = [
    "language",
    "writer_metadata",
    "things",
    "conversation",
    "share_snippets",
    "site_files",
]
BASIC = {"SITEURL": "https://www.example.com", "SHARE_NOW": "2026-11-02T08:03",
         "PLUGINS": BASIC_PLUGINS}  # fmt: skip


def _posts(site, kind):
    return {
        (article["slug"], snippet["network"]): snippet
        for article in exported(site.output)["articles"]
        for snippet in article["snippets"]
        if snippet["kind"] == kind
    }


@pytest.mark.parametrize("days", [30, 0])
def test_new_is_said_only_within_the_new_days_of_the_scheduled_time(build_site, days):
    site = build_site("share-basic", **BASIC, SHARE_NEW_DAYS=days)
    for (slug, network), intro in _posts(site, "intro").items():
        when = intro["scheduled_at"]
        # lemons (10 November) goes out the same week; beans (14 September) seven weeks late.
        new = days and slug == "lemons" and when.startswith("2026-11-1")
        assert intro["text"].startswith(
            ("New from Larder Lane: ", "Just published: ", "New on")
        ) == bool(new), (slug, network, intro["text"])


@pytest.mark.parametrize(
    ("settings", "word", "never"),
    [
        ({}, "email", ("comment", "form")),
        (
            {"CONVERSATION_FORM_ENDPOINT": "https://formspree.io/f/abcd"},
            "form",
            ("comment", "mail"),
        ),
        ({"CONVERSATION_PROVIDER": "isso"}, "comment", ("form", "mail")),
    ],
)
def test_question_posts_invite_what_the_article_page_offers(build_site, settings, word, never):
    site = build_site("share-basic", **BASIC, **settings)
    questions = _posts(site, "question")
    assert questions
    for post in questions.values():
        prose = post["text"].split(post["link"])[0].lower()
        assert word in prose and not any(other in prose for other in never), prose


LONG = (
    "Cooking a full bag of beans on a quiet afternoon gives you ready-to-use portions for weeks"
    " on end, for the price of one pan of water, a little salt and some gas, because dried"
    " beans cost a fraction of tins and keep their shape far better in the freezer"
)


def _one_network(article, network):
    return [s for s in _compose(article, networks=(network,)) if s.network == network]


def test_a_long_teaser_loses_whole_sentences_first():
    teaser = "Soak them overnight. " + LONG + "."
    article = _article(things=[(1, "Cook the whole bag", teaser, "thing-1")], question="")
    post = next(s for s in _one_network(article, "x") if s.kind == "thing-1")
    prose = _prose(post)
    assert "Soak them overnight." in prose and "Cooking a full bag" not in prose
    assert not prose.endswith(ELLIPSIS)


def test_one_sentence_too_long_is_cut_at_a_clause_never_on_and():
    article = _article(things=[(1, "Cook the whole bag", LONG + ".", "thing-1")], question="")
    post = next(s for s in _one_network(article, "x") if s.kind == "thing-1")
    prose = _prose(post)
    assert prose.endswith(ELLIPSIS) and "Cooking a full bag" in prose
    kept = prose.removesuffix(ELLIPSIS)
    assert kept.split()[-1] not in {"and", "or", "of", "a", "the", "for"}
    assert LONG.startswith(kept.split(": ", 1)[-1].split(". ", 1)[-1])
    assert post.length <= 280


def test_with_no_natural_break_the_teaser_goes_and_the_title_stays():
    unbroken = "word " * 70 + "end."
    article = _article(things=[(1, "Cook the whole bag", unbroken, "thing-1")], question="")
    post = next(s for s in _one_network(article, "x") if s.kind == "thing-1")
    prose = _prose(post)
    assert "Cook the whole bag" in prose and "word" not in prose
    assert not prose.endswith(ELLIPSIS)


def test_answers_shorten_by_whole_sentences_too():
    answer = "Not always. " + LONG + ". Soaked beans cook more evenly."
    article = _article(answers=[("Do I need to soak them?", "", answer)], question="")
    post = next(s for s in _one_network(article, "x") if s.kind == "answer-1")
    prose = _prose(post)
    assert "Do I need to soak them?" in prose and prose.endswith("Not always.")


LONG_IN = {
    "fr": "Faire cuire tout le sachet d'un coup vous laisse des portions pour la semaine, parce"
    " que les haricots cuits se gardent quatre jours au frais et trois mois au congélateur,"
    " pourvu qu'ils refroidissent vite, à découvert, sur une grande plaque, avant d'aller"
    " dans des boîtes fermées et étiquetées avec la date du jour et le nom de la recette",
    "de": "Den ganzen Beutel auf einmal zu kochen gibt dir Portionen für die ganze Woche, weil"
    " gekochte Bohnen vier Tage im Kühlschrank und drei Monate im Gefrierfach halten, sofern"
    " sie schnell abkühlen, offen, auf einem großen Blech, bevor sie in verschlossene und mit"
    " Datum und Rezept beschriftete Dosen kommen, die Sie übereinander stapeln können",
}


@pytest.mark.parametrize("lang", sorted(LONG_IN))
def test_translated_wordings_are_trimmed_to_every_network_s_limits(lang):
    long = LONG_IN[lang]
    article = _article(
        lang=lang,
        title=long[:90],
        summary=long,
        things=[(1, long[:80], long + ".", "thing-1"), (2, long[:70] + "?", long, "thing-2")],
        question=long + "?",
        answers=[(long + "?", "", long)],
    )
    config = ShareSettings()
    posts = compose(article, config.network_entries(), config.template_table(lang),
                    config.utm_scheme())  # fmt: skip
    assert {post.kind for post in posts} >= {"intro", "thing-1", "thing-2", "question", "answer-1"}
    for post in posts:
        assert post.length <= post.limit, (post.id, post.length)
    # The posts are the language's own wordings ("Astuce 1", "Tipp 1"), shortened to fit.
    tip = {"fr": "stuce 1", "de": "ipp 1"}[lang]
    assert sum(tip in post.text for post in posts) >= 2
    assert any(post.text.rstrip().count(ELLIPSIS) for post in posts if post.network == "x")
