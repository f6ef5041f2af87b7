"""The calls-to-action catalogue and the content report, as tables of cases."""

import datetime
from pathlib import Path

import pytest

from conftest import sample_dir
from nurture.catalogue import localised, parse_catalogue, wording
from nurture.report import ArticleFacts, build_report, months_before, report_text

ROOT = Path(__file__).resolve().parent.parent

LINK = "  stages: [learn]\n  heading: Hello\n  text: A line.\n  button: Go\n"


def entry(extra: str, cta_id: str = "one") -> str:
    return f"- id: {cta_id}\n{LINK}{extra}"


def test_the_shipped_catalogue_and_the_built_in_defaults_are_valid():
    shipped, problems = parse_catalogue((sample_dir() / "calls-to-action.yml").read_text())
    assert problems == []
    assert list(shipped) == ["newsletter", "ask-us", "checklist", "chat"]
    assert shipped["newsletter"].heading == "Get the next three things in your inbox"
    assert shipped["ask-us"].href == "#conversation"
    assert shipped["chat"].stages == ("decide",)
    defaults, problems = parse_catalogue(
        (ROOT / "plugins" / "nurture" / "defaults.yml").read_text()
    )
    assert problems == [] and {"newsletter", "ask-us", "chat"} <= set(defaults)


@pytest.mark.parametrize(
    ("text", "entry_name", "field", "message"),
    [
        ("- id: one\n  stages: [learn]\n  text: x\n  button: Go\n  link: /a/\n", "one", "heading",
         "'heading' is missing"),
        (entry("  link: /a/\n  colour: red\n"), "one", "colour", "'colour' is not a field"),
        (entry("  link: /a/\n").replace("[learn]", "[convert]"), "one", "stages",
         "one or more of learn, try, decide"),
        (entry(""), "one", "link", "either a 'link' or a 'form'"),
        (entry("  link: /a/\n  form: {action: 'https://x.example/'}\n"), "one", "link",
         "not both"),
        (entry("  link: ask/\n"), "one", "link", "should start with /"),
        (entry("  link: /ask/?utm_source=site\n"), "one", "link", "remove the utm_ tags"),
        (entry("  link: ftp://x.example/\n"), "one", "link", "write a link like"),
        (entry("  form:\n    provider: sendy\n    action: https://x.example/\n"), "one",
         "form.provider", "'sendy' is not one of buttondown, mailchimp, kit, custom"),
        (entry("  form:\n    action: http://x.example/\n"), "one", "form.action", "https://"),
        (entry("  form:\n    action: https://x.example/\n    email: e\n"), "one", "form.email",
         "is not a form field"),
        (entry("  link: /a/\n") + entry("  link: /b/\n"), "one", "id", "used by an earlier entry"),
        ("- just a line\n", "#1", "entry", "'field: value' lines"),
        ("- id: one\n  heading: [unclosed\n", "(file)", "YAML", "not valid YAML near line"),
        ("42\n", "(file)", "entries", "is not a list of entries; start each entry with"),
        (entry("  link: /a/\n  fr: Bonjour\n"), "one", "fr", "write the fr words as lines"),
        (entry("  link: /a/\n  fr:\n    titre: Bonjour\n"), "one", "fr.titre",
         "use heading, text, button"),
        (entry("  link: /a/\n  de:\n    label: E-Mail\n"), "one", "de.label",
         "use heading, text, button"),
        (entry("  link: /a/\n  es:\n    heading: ''\n"), "one", "es.heading", "'heading' is empty"),
        (entry("  link: /a/\n  pt:\n    heading: Olá\n"), "one", "pt",
         "or a language (en, fr, de, es, nl)"),
    ],
)  # fmt: skip
def test_catalogue_mistakes_name_the_entry_and_the_field(text, entry_name, field, message):
    _, problems = parse_catalogue(text)
    assert [(p.entry, p.field) for p in problems][:1] == [(entry_name, field)]
    assert message in problems[0].text


@pytest.mark.parametrize(
    ("form", "names"),
    [
        ("provider: buttondown\n    action: https://buttondown.com/api/emails/embed-subscribe/ll",
         ("email", "metadata__source", "website", (("embed", "1"),))),
        ("provider: mailchimp\n    action: https://x.us1.list-manage.com/subscribe/post?u=ab&id=cd",
         ("EMAIL", "SOURCE", "b_ab_cd", ())),
        ("provider: kit\n    action: https://app.kit.com/forms/123/subscriptions",
         ("email_address", "fields[source]", "website", ())),
        ("action: https://x.example/\n    email_field: addr\n    source_field: from\n"
         "    honeypot_field: trap", ("addr", "from", "trap", ())),
    ],
)  # fmt: skip
def test_form_presets_fill_in_the_provider_field_names(form, names):
    entries, problems = parse_catalogue(entry(f"  form:\n    {form}\n"))
    assert problems == []
    made = entries["one"].form
    assert (made.email_field, made.source_field, made.honeypot_field, made.hidden) == names


@pytest.mark.parametrize(
    ("link", "siteurl", "href"),
    [
        ("/ask/", "", "/ask/"),
        ("/ask/", "https://www.example.com/", "https://www.example.com/ask/"),
        ("#conversation", "https://www.example.com", "#conversation"),
        ("https://maps.example/shop", "https://www.example.com", "https://maps.example/shop"),
    ],
)
def test_links_resolve_under_the_site_address_without_utm(link, siteurl, href):
    entries, _ = parse_catalogue(entry(f'  link: "{link}"\n'), siteurl)
    assert entries["one"].href == href


def fact(path, category, stage, question=True, updated=datetime.date(2026, 10, 1)):
    return ArticleFacts(path, path, category, stage, question, "newsletter", updated)


def test_report_counts_stages_and_finds_gaps_questions_and_stale_articles():
    facts = [
        fact("a.md", "Cupboard", "learn"),
        fact("b.md", "Cupboard", "decide", question=False),
        fact("c.md", "Home", "try", updated=datetime.date(2025, 11, 21)),
        fact("d.md", "Home", "try", updated=datetime.date(2025, 11, 22)),
    ]
    report = build_report(facts, ["a.md: line 3 says 'hurry'"], today=datetime.date(2026, 11, 22))
    assert report.stages == (("Cupboard", 1, 0, 1), ("Home", 0, 2, 0))
    assert report.gaps == ("Home: no learn article", "Home: no decide article")
    assert report.without_question == ("b.md",)
    assert report.stale == (("c.md", "2025-11-21"),)
    text = report_text(report)
    assert "Home: no learn article" in text and "a.md: line 3 says 'hurry'" in text
    assert "Cupboard  1      0    1" in text


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        ((2026, 11, 22), 12, (2025, 11, 22)),
        ((2026, 3, 31), 1, (2026, 2, 28)),
        ((2026, 1, 15), 1, (2025, 12, 15)),
        ((2024, 2, 29), 12, (2023, 2, 28)),
    ],
)
def test_months_before(today, months, expected):
    assert months_before(datetime.date(*today), months) == datetime.date(*expected)


def test_a_form_without_an_action_posts_to_the_newsletter_address_of_site_yml():
    text = entry("  form:\n    provider: buttondown\n")
    address = "https://buttondown.com/api/emails/embed-subscribe/bramble"
    entries, problems = parse_catalogue(text, "", address)
    assert problems == [] and entries["one"].form.action == address
    written = entry("  form:\n    provider: custom\n    action: https://own.example/join\n")
    assert parse_catalogue(written, "", address)[0]["one"].form.action == "https://own.example/join"
    _, problems = parse_catalogue(text)
    assert [(p.field, p.text) for p in problems] == [
        ("form.action", "give the provider's sign-up address, https://...")
    ]


def test_an_entry_may_say_its_words_in_other_languages():
    text = entry(
        "  form:\n    action: https://x.example/\n"
        "  fr:\n    heading: Bonjour\n    button: >-\n      On y va\n    label: Votre e-mail\n"
        "  nl:\n    text: Een regel.\n"
    )
    catalogue, problems = parse_catalogue(text)
    assert problems == []
    one = catalogue["one"]
    french, dutch, german = (localised(one, lang) for lang in ("fr", "nl", "de"))
    assert (french.heading, french.text, french.button) == ("Bonjour", "A line.", "On y va")
    assert french.form.label == "Votre e-mail"
    assert (dutch.heading, dutch.text, dutch.form.label) == (
        "Hello",
        "Een regel.",
        "Je e-mailadres",
    )
    # No block for German: the writer's words stay, the default label is said in German.
    assert (german.heading, german.form.label) == ("Hello", "Ihre E-Mail-Adresse")
    assert localised(one, "en") == one
    assert "fr.heading" in wording(one)


def test_the_built_in_entries_are_said_in_each_language_and_a_writer_s_are_not():
    defaults, _ = parse_catalogue((ROOT / "plugins" / "nurture" / "defaults.yml").read_text())
    chat = defaults["chat"]
    assert localised(chat, "es", built_in=True).heading == "Pásate a charlar"
    assert localised(chat, "es").heading == "Pop in for a chat"
    assert localised(chat, "en", built_in=True) == chat
