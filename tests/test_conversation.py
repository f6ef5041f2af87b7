"""The "Questions & comments" section in real builds: form, email, answered questions, comments."""

import configparser
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import article_text, sample_dir

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((sample_dir() / "articles").glob("*.md"))
ANSWERED = {
    "3-things-to-do-with-a-bag-of-dried-beans": 3,
    "3-things-to-know-before-your-first-refill-visit": 2,
    "4-questions-to-ask-about-a-veg-box": 2,
}
DEFAULT_QUESTION = "Have a question about this, or something to add? We'd love to hear it."


def metadata_question(source: Path) -> str | None:
    """The article's own Question line, when it has one."""
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("Question:"):
            return line.split(":", 1)[1].strip()
        if not line.strip():
            return None
    return None


def ld_json(page) -> list[dict]:
    return [json.loads(tag.string) for tag in page.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_every_sample_article_ends_with_the_conversation_section(sample_site, source):
    page = sample_site.article(source.stem)
    section = page.find("section", id="conversation")
    assert section is not None
    heading = page.find(id=section["aria-labelledby"])
    assert heading.name == "h2" and heading.get_text() == "Questions & comments"
    opening = section.select_one(".conversation-question").get_text()
    assert opening == (metadata_question(source) or DEFAULT_QUESTION)
    # The sample asks by email: one email link, its address said once, no second offer.
    ask = section.find(id="ask")
    assert len(ask.select("a[href^='mailto:']")) == 1
    assert ask.get_text(" ", strip=True).count("hello@larderlane.example") == 1
    assert not section.select(".ask-private")
    answered = section.select(".answered-question")
    assert len(answered) == ANSWERED.get(source.stem, 0)
    # With the sample's defaults nothing asks for a script: comments are off.
    assert not section.find("script") and not section.find(attrs={"data-comments": True})


def test_sample_default_is_the_mailto_route_with_title_and_url(sample_site):
    page = sample_site.article("3-things-to-do-with-a-bag-of-dried-beans")
    assert not page.select("#conversation form")
    link = page.select_one("#ask a.button")
    parts = urlsplit(link["href"])
    assert parts.scheme == "mailto" and parts.path == "hello@larderlane.example"
    query = parse_qs(parts.query)
    assert "3 things to do with a bag of dried beans" in query["subject"][0]
    url = "http://127.0.0.1:8000/3-things-to-do-with-a-bag-of-dried-beans/"
    assert url in query["body"][0]
    assert " " not in link["href"]
    assert page.select_one("#ask .consent a")["href"] == "/privacy/"


def test_sample_answered_questions_are_in_the_article_json_ld(sample_site):
    page = sample_site.article("3-things-to-do-with-a-bag-of-dried-beans")
    (article,) = [item for item in ld_json(page) if item.get("@type") == "Article"]
    comments = article["comment"]
    assert [c["@type"] for c in comments] == ["Comment"] * 3
    assert comments[0]["text"] == "Do I really need to soak chickpeas overnight?"
    assert comments[1]["author"]["name"] == "a reader"


def test_reader_text_is_escaped_in_html_and_json_ld(build_site):
    site = build_site("conversation")
    assert site.report.ok, site.report.errors + site.report.warnings
    raw = site.path("beans/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<img src=x" not in raw and "<b>Priya" not in raw
    page = site.article("beans")
    first, second = page.select(".answered-question")
    assert first.h4.get_text() == 'Is <script>alert("beans")</script> safe & sound?'
    assert "Asked by <b>Priya</b> & co" in first.select_one(".meta").get_text()
    paragraphs = [p.get_text() for p in first.select("p:not(.meta)")]
    assert paragraphs == [
        "Yes & no: <img src=x onerror=alert(1)> is just text here.",
        'A second paragraph, with a <a href="https://evil.example/">link</a> that stays text.',
    ]
    assert not page.select(".answered img, .answered a, .answered b, .answered script")
    assert "Asked by a reader" in second.select_one(".meta").get_text()
    (article,) = [item for item in ld_json(page) if item.get("@type") == "Article"]
    assert article["comment"][0]["text"] == first.h4.get_text()


def test_articles_opt_out_and_pages_opt_in(build_site):
    site = build_site("conversation")
    assert site.article("rice").find(id="conversation") is None
    lentils = site.article("lentils").find(id="conversation")
    assert lentils.select_one(".conversation-question").get_text() == DEFAULT_QUESTION
    assert not lentils.select(".answered")
    ask = site.html("ask/index.html").find(id="conversation")
    assert ask is not None and "Ask%20us" in ask.select_one("#ask a.button")["href"]
    assert site.html("about/index.html").find(id="conversation") is None


def labels_for(form) -> dict[str, str]:
    return {label["for"]: label.get_text(" ", strip=True) for label in form.find_all("label")}


@pytest.mark.parametrize(
    ("endpoint", "service", "question", "honeypot"),
    [
        ("https://formspree.io/f/xyzw", "auto", "message", "_gotcha"),
        ("https://usebasin.com/f/xyzw", "auto", "message", "_gotcha"),
        ("https://getform.io/f/xyzw", "auto", "message", "_gotcha"),
        ("https://staticman.larderlane.test/v3/entry/gh/s/q", "staticman", "fields[question]",
         "fields[website]"),
    ],
)  # fmt: skip
def test_question_form_is_a_real_labelled_form_with_a_honeypot(
    build_site, endpoint, service, question, honeypot
):
    site = build_site(
        "conversation", CONVERSATION_FORM_ENDPOINT=endpoint, CONVERSATION_FORM_SERVICE=service
    )
    form = site.article("beans").select_one("#conversation form")
    assert form["method"] == "post" and form["action"] == endpoint
    labels = labels_for(form)
    visible = form.find_all(["input", "textarea"], type=lambda t: t != "hidden")
    assert visible and all(field["id"] in labels for field in visible)
    assert form.find("textarea", id="ask-question")["name"] == question
    assert "required" in form.find("textarea").attrs
    assert "optional" in labels["ask-name"] and "optional" in labels["ask-email"]
    trap = form.find("input", attrs={"name": honeypot})
    assert trap["tabindex"] == "-1"
    assert trap.find_parent(class_="ask-trap")["aria-hidden"] == "true"
    assert not form.find(style=True)
    hidden = {field["name"]: field["value"] for field in form.find_all("input", type="hidden")}
    assert "3 things to do with beans & pulses" in hidden.values()
    assert "http://127.0.0.1:8000/beans/" in hidden.values()
    if "formspree" in endpoint:
        assert hidden["_subject"] == "Question about: 3 things to do with beans & pulses"
    assert form.select_one(".consent a")["href"] == "/privacy/"
    assert form.find("button", type="submit")
    assert not site.article("beans").select("#ask a.button")
    assert site.article("beans").select_one(".ask-private a")["href"].startswith("mailto:")


def test_form_field_names_can_be_renamed(build_site):
    site = build_site(
        "conversation",
        CONVERSATION_FORM_ENDPOINT="https://forms.larderlane.test/ask",
        CONVERSATION_FORM_FIELDS={"question": "body", "honeypot": "bot-field", "url": "source"},
    )
    form = site.article("beans").select_one("#conversation form")
    assert form.find("textarea")["name"] == "body"
    assert form.find("input", attrs={"name": "bot-field"})
    assert form.find("input", attrs={"name": "source"})["value"] == "http://127.0.0.1:8000/beans/"


def test_comments_wait_behind_a_button_and_load_from_data(build_site):
    site = build_site(
        "conversation",
        CONVERSATION_PROVIDER="isso",
        CONVERSATION_ISSO={"url": "https://comments.larderlane.example/"},
    )
    page = site.article("beans")
    box = page.select_one("#conversation .comments")
    assert "comments.larderlane.example" in box.p.get_text()
    button = box.find("button")
    assert button["type"] == "button" and "Show comments" in button.get_text()
    assert box.select_one(".comments-consent").has_attr("hidden")
    assert box.select_one(".comments-remember input")["type"] == "checkbox"
    assert box.noscript.a["href"] == "#ask"
    embed = json.loads(box["data-comments"])
    assert embed["script"]["src"] == "https://comments.larderlane.example/js/embed.min.js"
    assert embed["thread"]["data-isso-id"] == "/beans/"
    assert embed["thread"]["data-title"] == "3 things to do with beans & pulses"
    scripts = page.find_all("script")
    assert [s.get("src") for s in scripts if s.get("type") != "application/ld+json"] == [
        "/theme/js/comments.js"
    ]
    assert all(s.get("src") or s.get("type") == "application/ld+json" for s in scripts)
    assert "defer" in page.find("script", src="/theme/js/comments.js").attrs
    assert not page.find(style=True)
    assert site.path("theme/js/comments.js").is_file()


def test_remember_choice_can_be_switched_off(build_site):
    site = build_site(
        "conversation", CONVERSATION_PROVIDER="cusdis", CONVERSATION_CUSDIS={"app-id": "abc"},
        CONVERSATION_REMEMBER_CHOICE=False,
    )  # fmt: skip
    box = site.article("beans").select_one("#conversation .comments")
    assert box.find("button") and not box.select(".comments-remember")
    assert "every comment waits for our approval" in box.get_text()


BEANS = article_text("3 things to do with beans", Slug="beans")
DATA_MISTAKES = [
    (
        {"questions/beans.yml": "- question: Q?\n  date: 2026-03-20\n  answer: A.\n"
                                "- question: Q2?\n  date: 2026-03-21\n"},
        "questions/beans.yml: entry 2 has no 'answer'; add one",
    ),
    (
        {"questions/beans.yml": "- question: Q?\n  date: March\n  answer: A.\n"},
        "questions/beans.yml: entry 1 date 'March' is not a date; write it as YYYY-MM-DD",
    ),
    (
        {"questions/beans.yml": "- question: [Q?\n  date: 2026-03-20\n"},
        "questions/beans.yml: is not valid YAML near line",
    ),
    (
        {"questions/beans.yml": "question: Q?\n"},
        "questions/beans.yml: should be a list of entries, each starting with '- question:'",
    ),
    (
        {"questions/beans.yml": "- question: Q?\n  date: 2026-03-20\n  answr: A.\n"},
        "questions/beans.yml: entry 1 has an unknown field 'answr'",
    ),
    (
        {"questions/beens.yml": "- question: Q?\n  date: 2026-03-20\n  answer: A.\n"},
        "questions/beens.yml: no article has the slug 'beens'; name the file after its",
    ),
    (
        {"questions/beans.yml": "- question: Caf\xe9?\n".encode("latin-1")},
        "questions/beans.yml: the file is not UTF-8 text; save it as UTF-8",
    ),
    (
        {"articles/rice.md": article_text("3 things to do with rice", Conversation="maybe")},
        "articles/rice.md: Conversation 'maybe' is not yes or no",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("files", "message"), DATA_MISTAKES, ids=[m for _, m in DATA_MISTAKES])
def test_data_file_mistake_gives_one_clear_line_and_fails_strict_build(build_site, files, message):
    site = build_site({"articles/beans.md": BEANS, **files})
    assert not site.report.ok
    problems = site.report.errors + site.report.warnings
    assert len([line for line in problems if message in line]) == 1, problems
    assert "Traceback" not in " ".join(problems)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"CONVERSATION_PROVIDER": "facebook"},
         "CONVERSATION_PROVIDER: 'facebook' is not one of none, isso, giscus, utterances,"
         " remark42, cusdis, disqus"),
        ({"CONVERSATION_PROVIDER": "giscus", "CONVERSATION_GISCUS": {"repo": "me/site"}},
         "CONVERSATION_GISCUS needs 'repo-id', 'category', 'category-id' for giscus"),
        ({"CONVERSATION_EMAIL": ""},
         "CONVERSATION_EMAIL is not set; set it to the address that answers readers' questions"),
    ],
)  # fmt: skip
def test_wrong_setting_fails_the_build_with_one_line(build_site, overrides, message):
    site = build_site({"articles/beans.md": BEANS}, **overrides)
    assert not site.report.ok
    problems = site.report.errors + site.report.warnings
    assert len(problems) == 1 and message in problems[0], problems
    assert "\n" not in problems[0]


def test_repo_isso_config_is_for_loopback_previews():
    config = configparser.ConfigParser()
    config.read(ROOT / "isso.cfg", encoding="utf-8")
    dbpath = config["general"]["dbpath"]
    assert dbpath.startswith(".comments/")
    assert ".comments/" in (ROOT / ".gitignore").read_text().splitlines()
    assert "http://127.0.0.1:8000/" in config["general"]["host"].split()
    assert config["server"]["listen"] == "http://127.0.0.1:8089/"
    assert config["moderation"].getboolean("enabled") is False
    assert config["guard"].getboolean("enabled") is True
    assert config["guard"].getint("ratelimit") >= 1
    pins = (ROOT / "requirements-isso.txt").read_text().split()
    assert "isso==0.14.0" in pins


def test_invoke_comments_reads_the_repo_config_and_keeps_to_loopback():
    pytest.importorskip("isso", reason="the Isso extra is not installed (requirements-isso.txt)")
    from conversation.cli import listen_address, load_config

    conf = load_config(ROOT / "isso.cfg")
    assert Path(conf.get("general", "dbpath")) == ROOT / ".comments" / "comments.db"
    assert listen_address(conf, "isso.cfg") == ("127.0.0.1", 8089)
    conf.set("server", "listen", "http://0.0.0.0:8089/")
    with pytest.raises(
        SystemExit, match=re.escape("isso.cfg: [server] listen should be http://127")
    ):
        listen_address(conf, "isso.cfg")


def test_invoke_has_a_comments_task():
    import tasks

    assert "Isso" in tasks.comments.__doc__
