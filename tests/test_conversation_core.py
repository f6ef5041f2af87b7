"""The conversation plugin's pure core: data files, settings, providers, the mailto link."""

import datetime
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conversation.providers import PROVIDERS, Thread, comments_embed, provider_options
from conversation.questions import AnsweredQuestion, parse_questions
from conversation.section import conversation_section, mailto
from conversation.settings import ConversationSettings

GOOD = """
- question: Do I need to soak chickpeas?
  name: Priya
  date: 2026-03-20
  answer: Not always.
- question: Why are my beans hard?
  date: "2026-04-04"
  answer: Old beans.
"""


def test_valid_file_gives_answered_questions_with_a_reader_for_no_name():
    questions, problems = parse_questions(GOOD)
    assert problems == []
    assert questions == [
        AnsweredQuestion(
            "Do I need to soak chickpeas?", "Priya", datetime.date(2026, 3, 20), "Not always."
        ),
        AnsweredQuestion(
            "Why are my beans hard?", "a reader", datetime.date(2026, 4, 4), "Old beans."
        ),
    ]


def test_answered_question_is_frozen():
    question = parse_questions(GOOD)[0][0]
    with pytest.raises(AttributeError):
        question.name = "Mallory"


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One line.", ["One line."]),
        ("First.\nSecond.", ["First.", "Second."]),
        ("First.\n\nSecond.\n", ["First.", "Second."]),
        (
            "First  and\tmore.\n  \n\n  Second <b>bold</b>.",
            ["First and more.", "Second <b>bold</b>."],
        ),
    ],
)
def test_answer_paragraphs_split_at_line_breaks(text, paragraphs):
    entry = AnsweredQuestion("Q?", "a reader", datetime.date(2026, 1, 1), text)
    assert entry.answer_paragraphs == paragraphs


ENTRY = "- question: Q?\n  date: 2026-03-20\n  answer: A.\n"
# (file text, the message, how many entries survive)
MISTAKES = [
    (
        "- question: [unclosed\n",
        "is not valid YAML near line 1, column 13: a '[' or '{' opens here",
        0,
    ),
    (
        "question: Q?\nanswer: A.\n",
        "should be a list of entries, each starting with '- question:'",
        0,
    ),
    (ENTRY + "- just a line\n", "entry 2 is not a question; start it with '- question:'", 1),
    (ENTRY + "- question: Q2?\n  date: 2026-03-21\n", "entry 2 has no 'answer'; add one", 1),
    ("- date: 2026-03-20\n  answer: A.\n", "entry 1 has no 'question'; add one", 0),
    ("- question: Q?\n  answer: A.\n", "entry 1 has no 'date'; add one", 0),
    ("- question: Q?\n  answer: ''\n  date: 2026-03-20\n", "entry 1 has no 'answer'; add one", 0),
    (
        "- question: Q?\n  date: 20/03/2026\n  answer: A.\n",
        "entry 1 date '20/03/2026' is not written the way the hub reads dates;"
        " write it as 2026-03-20",
        0,
    ),
    (
        "- question: Q?\n  date: 2026-03-20 10:00:00\n  answer: A.\n",
        "entry 1 date '2026-03-20 10:00:00' is not a date; write it as YYYY-MM-DD",
        0,
    ),
    (
        "- question: Q?\n  date: 2026-02-30\n  answer: A.\n",
        "date '2026-02-30' is not a date (no such day)",
        0,
    ),
    (
        "- question: Q?\n  date: 2026-03-20\n  answer: yes\n",
        "entry 1 'answer' is not plain text",
        0,
    ),
    (
        ENTRY + ENTRY.replace("answer:", "anwser:"),
        "entry 2 has an unknown field 'anwser'; the fields are question, name, date, answer",
        1,
    ),
]


@pytest.mark.parametrize(("text", "message", "kept"), MISTAKES, ids=[m[1] for m in MISTAKES])
def test_each_mistake_gives_one_message_and_drops_the_entry(text, message, kept):
    questions, problems = parse_questions(text)
    assert [p for p in problems if message in p], problems
    assert all("\n" not in p for p in problems)
    assert len(questions) == kept


def test_empty_file_has_no_questions_and_no_problems():
    assert parse_questions("# nothing answered yet\n") == ([], [])


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"provider": "facebook"}, "CONVERSATION_PROVIDER: 'facebook' is not one of none, isso,"),
        ({"form_service": "typeform"}, "CONVERSATION_FORM_SERVICE: 'typeform' is not one of auto,"),
        ({"form_fields": {"phone": "tel"}}, "CONVERSATION_FORM_FIELDS: unknown phone"),
        ({"form_endpoint": "formspree.io/f/x"}, "CONVERSATION_FORM_ENDPOINT: 'formspree.io/f/x'"),
        ({"provider": "giscus"}, "CONVERSATION_GISCUS needs 'repo', 'repo-id', 'category'"),
        ({"provider": "disqus", "disqus": "larder"}, "CONVERSATION_DISQUS should be a dict"),
    ],
)
def test_wrong_settings_raise_one_line_naming_the_setting(given, message):
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        ConversationSettings(**given)


def test_unknown_provider_message_lists_every_choice():
    with pytest.raises(ValueError) as raised:
        ConversationSettings(provider="facebook")
    assert str(raised.value).endswith("none, isso, giscus, utterances, remark42, cusdis, disqus")


@pytest.mark.parametrize(
    ("endpoint", "service", "question", "honeypot"),
    [
        ("https://formspree.io/f/abcd", "formspree", "message", "_gotcha"),
        ("https://usebasin.com/f/abcd", "basin", "message", "_gotcha"),
        ("https://getform.io/f/abcd", "getform", "message", "_gotcha"),
        ("https://forms.example.com/ask", "generic", "question", "_gotcha"),
    ],
)
def test_form_service_is_recognised_from_the_endpoint(endpoint, service, question, honeypot):
    settings = ConversationSettings(form_endpoint=endpoint)
    assert settings.service == service
    assert settings.form_field_names["question"] == question
    assert settings.form_field_names["honeypot"] == honeypot


def test_staticman_fields_and_site_overrides():
    settings = ConversationSettings(
        form_endpoint="https://api.example.com/v3/entry/github/me/site/main/questions",
        form_service="staticman",
        form_fields={"email": "fields[mail]"},
    )
    names = settings.form_field_names
    assert names["question"] == "fields[question]"
    assert names["honeypot"] == "fields[website]"
    assert names["email"] == "fields[mail]"


def test_mailto_percent_encodes_subject_and_body():
    link = mailto("hello@larderlane.example", "Beans & pulses?", "Hi,\nsee http://x/?a=1&b=2")
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "hello@larderlane.example"
    assert " " not in link and "+" not in link and "\n" not in link
    query = parse_qs(parts.query)
    assert query["subject"] == ["Beans & pulses?"]
    assert query["body"] == ["Hi,\r\nsee http://x/?a=1&b=2"]
    assert mailto("hello@larderlane.example") == "mailto:hello@larderlane.example"


def test_section_without_endpoint_offers_mailto_with_title_and_url():
    settings = ConversationSettings(email="hello@larderlane.example")
    section = conversation_section(
        settings, title="Beans & pulses", url="http://127.0.0.1:8000/beans/", path="/beans/",
        question=None,
    )  # fmt: skip
    assert section.form is None
    assert section.question == settings.default_question
    query = parse_qs(urlsplit(section.ask_mailto).query)
    assert "Beans & pulses" in query["subject"][0]
    assert "http://127.0.0.1:8000/beans/" in query["body"][0]
    assert section.comments is None


@pytest.mark.parametrize("lang", ["fr", "de", "es", "nl"])
def test_a_section_in_another_language_says_its_words_in_it(lang):
    settings = ConversationSettings(email="hello@larderlane.example")
    section = conversation_section(
        settings, title="Haricots", url="http://127.0.0.1:8000/haricots/", path="/haricots/",
        question=None, lang=lang,
    )  # fmt: skip
    english = conversation_section(
        settings, title="Haricots", url="http://127.0.0.1:8000/haricots/", path="/haricots/",
        question=None,
    )  # fmt: skip
    assert section.question != english.question == settings.default_question
    query = parse_qs(urlsplit(section.ask_mailto).query)
    assert query["subject"][0].endswith("Haricots")
    assert query["subject"][0] != parse_qs(urlsplit(english.ask_mailto).query)["subject"][0]
    assert "http://127.0.0.1:8000/haricots/" in query["body"][0]
    # A site's own invitation is its own words, in every language.
    own = ConversationSettings(default_question="Any tips of your own?")
    assert conversation_section(own, title="t", url="u", path="/", question=None,
                                lang=lang).question == "Any tips of your own?"  # fmt: skip


def test_giscus_speaks_the_page_s_language_unless_the_site_chose_one():
    chosen = {**REQUIRED_OPTIONS["giscus"]}
    settings = ConversationSettings(provider="giscus", giscus=chosen)
    section = conversation_section(settings, title="t", url="https://shop.example/t/",
                                   path="/t/", question=None, lang="nl")  # fmt: skip
    assert json.loads(section.comments.embed_json)["script"]["data-lang"] == "nl"
    assert section.comments.note.startswith("Reacties worden op GitHub bewaard")
    settings = ConversationSettings(provider="giscus", giscus={**chosen, "lang": "en"})
    section = conversation_section(settings, title="t", url="https://shop.example/t/",
                                   path="/t/", question=None, lang="nl")  # fmt: skip
    assert json.loads(section.comments.embed_json)["script"]["data-lang"] == "en"


THREAD = Thread(url="https://shop.example/beans/", path="/beans/", title="Beans & <b>pulses</b>")
REQUIRED_OPTIONS = {
    "isso": {},
    "giscus": {"repo": "me/site", "repo-id": "R1", "category": "Q", "category-id": "C1"},
    "utterances": {"repo": "me/site"},
    "remark42": {"host": "https://remark.example", "site_id": "larder"},
    "cusdis": {"app-id": "abc"},
    "disqus": {"shortname": "larder"},
}
ORIGINS = {
    "isso": "127.0.0.1:8089",
    "giscus": "giscus.app",
    "utterances": "utteranc.es",
    "remark42": "remark.example",
    "cusdis": "cusdis.com",
    "disqus": "larder.disqus.com",
}


@pytest.mark.parametrize("name", sorted(PROVIDERS))
def test_every_provider_embeds_as_plain_data_with_its_origin(name):
    embed = comments_embed(name, provider_options(name, REQUIRED_OPTIONS[name]), THREAD)
    assert embed["provider"] == name
    assert embed["origin"] == ORIGINS[name]
    assert urlsplit(embed["script"]["src"]).netloc == ORIGINS[name]
    assert json.loads(json.dumps(embed)) == embed  # nothing but JSON data


def test_isso_embed_names_the_thread_by_path_and_title():
    embed = comments_embed("isso", provider_options("isso", {"url": "http://127.0.0.1:9/"}), THREAD)
    assert embed["script"] == {
        "src": "http://127.0.0.1:9/js/embed.min.js",
        "data-isso": "http://127.0.0.1:9/",
    }
    assert embed["thread"] == {
        "tag": "section",
        "id": "isso-thread",
        "data-isso-id": "/beans/",
        "data-title": "Beans & <b>pulses</b>",
    }
