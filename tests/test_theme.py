"""The theme's reader-facing words and files: stage names only in the writer's words."""

from __future__ import annotations

import pytest
from search.plugin import article_filters

from conftest import article_text
from hub import site_file
from link_previews.plugin import card_spec

HUB_STAGE_NAMES = ("Getting started", "Try it", "Deciding")
READER_PAGES = ["3-things-to-do-with-a-bag-of-dried-beans", "index.html", "topics/cupboard-staples"]
WORDS = {"learn": "New here?", "decide": "Choosing what to buy"}


@pytest.mark.parametrize("relative", READER_PAGES)
def test_reader_pages_show_no_stage_names_by_default(sample_site, relative):
    page = sample_site.html(relative)
    text = page.select_one("main").get_text(" ")
    assert not page.select(".stage")
    assert [name for name in HUB_STAGE_NAMES if name in text] == []
    # The stage still orders the cards, as data, not words.
    assert all(card["data-stage"] in ("learn", "try", "decide") for card in page.select(".card"))


def test_a_writers_stage_words_show_on_the_article_and_its_cards(build_site):
    site = build_site(
        {
            "articles/beans.md": article_text(Stage="learn"),
            "articles/rice.md": article_text("3 things to do with rice", Stage="try"),
        },
        READER_STAGE_LABELS=WORDS,
    )
    assert site.report.ok, site.report.errors
    beans = site.article("3-things-to-do-with-beans")
    assert beans.select_one(".kicker .stage").get_text() == "New here?"
    home = site.html("index.html")
    cards = {card.select_one(".card-title").get_text(): card for card in home.select(".card")}
    assert cards["3 things to do with beans"].select_one(".stage").get_text() == "New here?"
    # No words for "try": that stage is not shown at all, never as the hub's name.
    assert cards["3 things to do with rice"].select_one(".stage") is None
    assert site.article("3-things-to-do-with-rice").select_one(".kicker .stage") is None


class _Article:
    category, stage, title = "Cupboard staples", "learn", "3 things"


def test_search_filters_and_social_cards_use_only_the_writers_words():
    assert article_filters(_Article(), {}) == {"Topic": "Cupboard staples"}
    assert article_filters(_Article(), WORDS) == {"Topic": "Cupboard staples", "Stage": "New here?"}
    settings = {"SITENAME": "Larder Lane", "PATH": ".", "READER_STAGE_LABELS": {}}
    assert card_spec(_Article(), settings, ("", ""), ("", "")).stage == ""
    settings["READER_STAGE_LABELS"] = WORDS
    assert card_spec(_Article(), settings, ("", ""), ("", "")).stage == "New here?"


def test_site_yml_stage_labels_read_back_as_written():
    text = site_file.render({"name": "Bramble", "stage_labels": {"learn": "New: start, here"}})
    settings = site_file.check(site_file.parse(text))
    assert settings["READER_STAGE_LABELS"] == {"learn": "New: start, here"}
    assert site_file.check({"name": "Bramble"})["READER_STAGE_LABELS"] == {}


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("{lern: New here}", "site.yml: stage_labels: 'lern' is not a stage; use some of learn,"),
        ("[learn]", 'site.yml: stage_labels: write it like {learn: "New here?"'),
        ("{learn: [a, b]}", "site.yml: stage_labels: write it as plain text on one line"),
    ],
)
def test_a_wrong_stage_labels_value_is_one_line_naming_site_yml_and_the_key(value, words):
    with pytest.raises(site_file.SiteFileError) as problem:
        site_file.check(site_file.parse(f"name: Bramble\nstage_labels: {value}\n"))
    assert str(problem.value).startswith(words)
    assert "\n" not in str(problem.value)
