"""Nurture in real builds: one gentle call to action per article, Read next, guard, report."""

import re
from pathlib import Path

import pytest

from conftest import SETTINGS, SITES, article_text, sample_dir
from nurture.cli import report

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((sample_dir() / "articles").glob("*.md"))
STAGE_CTAS = {"learn": "newsletter", "try": "ask-us", "decide": "chat"}


def header(source: Path) -> dict[str, str]:
    """The header fields of a Markdown article, lower-cased keys."""
    head = source.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return {
        k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in head.splitlines())
    }


def cta_ids(page) -> set[str]:
    return {tag["data-cta"] for tag in page.select("[data-cta]")}


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_each_sample_article_has_one_fitting_call_to_action_and_read_next(sample_site, source):
    page = sample_site.article(source.stem)
    fields = header(source)
    expected = fields.get("cta") or STAGE_CTAS[fields.get("stage", "learn")]
    assert cta_ids(page) == {expected}
    assert len(page.select("aside.cta")) == 1
    # after the last thing: the box follows the article body
    assert page.select_one(".article-body ~ aside.cta")
    links = [a["href"] for a in page.select(".read-next a")]
    assert 1 <= len(links) <= 3 == len(set(links))
    assert f"/{source.stem}/" not in links
    for href in links + [a["href"] for a in page.select("a[data-cta]")]:
        assert "utm_" not in href


def test_the_sample_overrides_and_stage_rules_are_both_exercised():
    chosen = {source.stem: header(source).get("cta") for source in ARTICLES}
    assert {"chat", "checklist"} <= set(chosen.values())
    stages = {header(source).get("stage") for source in ARTICLES if not chosen[source.stem]}
    assert stages == {"learn", "try", "decide"}


def test_every_internal_call_to_action_link_leads_to_a_built_page(sample_site):
    for source in ARTICLES:
        for link in sample_site.article(source.stem).select("a[data-cta]"):
            href = link["href"]
            if href.startswith("#"):
                assert sample_site.article(source.stem).find(id=href[1:]), href
            elif href.startswith("/"):
                assert sample_site.path(href.lstrip("/") + "index.html").is_file(), href


def test_the_newsletter_form_works_without_javascript_and_records_the_slug(sample_site):
    page = sample_site.article("3-things-to-do-with-a-bag-of-dried-beans")
    form = page.select_one("aside.cta form")
    assert form["method"] == "post" and form["action"].startswith("https://")
    assert form["data-cta"] == "newsletter"
    email = form.select_one("input[type=email]")
    assert email.has_attr("required")
    assert form.select_one(f"label[for={email['id']}]").get_text(strip=True)
    assert form.select_one("input[name=metadata__source]")["value"] == (
        "3-things-to-do-with-a-bag-of-dried-beans"
    )
    trap = form.select_one(".cta-trap input")
    assert trap["tabindex"] == "-1" and trap["name"] not in ("email", "metadata__source")
    assert form.select_one("button[type=submit]")
    assert not page.find("script", src=re.compile("cta|nurture"))


def test_home_starts_with_learn_articles_and_categories_go_learn_try_decide(sample_site):
    home = sample_site.html("index.html")
    starts = home.select("section[aria-labelledby=start-here] .card")
    assert starts and {card["data-stage"] for card in starts} == {"learn"}
    assert len({card.select(".meta a")[0].text for card in starts}) == len(starts)
    for topic in home.select(".topics a"):
        page = sample_site.html(topic["href"].lstrip("/"))
        stages = [card["data-stage"] for card in page.select(".card")]
        order = ["learn", "try", "decide"]
        assert stages == sorted(stages, key=order.index), topic.text


def test_the_report_page_is_written_and_kept_out_of_search(sample_site):
    page = sample_site.html("share/report.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert len(page.select("#report-ctas ~ table tbody tr, section table tbody tr")) >= len(
        ARTICLES
    )


CATALOGUE = """\
- id: shop
  stages: [decide]
  heading: {heading}
  text: A friendly line.
  button: Have a look
  link: /shop/
"""


def test_a_pushy_call_to_action_fails_a_strict_build_naming_file_id_and_phrase(build_site):
    site = build_site(
        {
            "calls-to-action.yml": CATALOGUE.format(heading="Buy now!"),
            "articles/beans.md": article_text(Stage="decide"),
        }
    )
    assert not site.report.ok
    assert any(
        "calls-to-action.yml: call to action 'shop' says 'buy now'" in line
        for line in site.report.errors
    ), site.report.errors


def test_an_article_saying_call_for_a_quote_warns_with_file_and_line(build_site):
    body = "A short intro.\n\n## 1. Ask\n\nJust call for a quote and we will help.\n"
    site = build_site({"articles/beans.md": article_text(body=body)}, strict=False)
    line = article_text(body=body).splitlines().index("Just call for a quote and we will help.") + 1
    assert any(
        f"articles/beans.md: line {line} says 'call for a quote'" in warning
        for warning in site.report.warnings
    ), site.report.warnings


def test_an_unknown_cta_is_an_error_naming_the_known_ids(build_site):
    site = build_site({"articles/beans.md": article_text(Cta="coupon")}, strict=False)
    assert any(
        "articles/beans.md: Cta 'coupon' is not in" in error and "newsletter, ask-us, chat" in error
        for error in site.report.errors
    ), site.report.errors


def test_an_unknown_next_is_an_error_naming_the_file_and_field(build_site):
    site = build_site({"articles/beans.md": article_text(Next="no-such-article")}, strict=False)
    assert any(
        "articles/beans.md: Next 'no-such-article' is not the slug" in error
        for error in site.report.errors
    ), site.report.errors


def test_without_a_catalogue_the_built_in_defaults_follow_the_stage(build_site):
    site = build_site(
        {
            "articles/a.md": article_text("3 things to do with a", Stage="learn"),
            "articles/b.md": article_text(
                "3 things to do with b", Stage="try", Next="3-things-to-do-with-a"
            ),
            "articles/c.md": article_text("3 things to do with c", Stage="decide"),
        },
        strict=False,
    )
    assert site.report.errors == []
    for slug, cta in [("a", "newsletter"), ("b", "ask-us"), ("c", "chat")]:
        page = site.article(f"3-things-to-do-with-{slug}")
        assert cta_ids(page) == {cta}
        assert page.select(".read-next a")
    first = site.article("3-things-to-do-with-b").select_one(".read-next a")["href"]
    assert first == "/3-things-to-do-with-a/"


def test_category_rules_and_the_inline_mention_come_from_settings(build_site):
    site = build_site(
        {"articles/beans.md": article_text(Stage="learn")},
        strict=False,
        NURTURE_CATEGORY_CTAS={"Cupboard staples": {"learn": "chat"}},
        NURTURE_INLINE_AFTER_THING=1,
    )
    page = site.article("3-things-to-do-with-beans")
    assert cta_ids(page) == {"chat"}
    mention = page.select_one(".article-body .cta-mention")
    assert mention.find_next("h2")["id"] == "thing-2"
    assert mention.a["href"] == "#next-step" and page.find(id="next-step")


def test_a_wrong_setting_fails_the_build_naming_it(build_site):
    site = build_site({"articles/beans.md": article_text()}, NURTURE_STAGE_CTAS={"buy": "chat"})
    assert any("NURTURE_STAGE_CTAS: unknown stage buy" in error for error in site.report.errors)


def test_pushy_snippets_warn_naming_the_article_and_the_snippet(build_site):
    site = build_site(
        {"articles/beans.md": article_text(Share="Hurry, three dinners from one bag")},
        strict=False,
    )
    assert any(
        re.search(r"articles/beans\.md: snippet '[\w-]+'(, '[\w-]+')* says 'hurry'", warning)
        for warning in site.report.warnings
    ), site.report.warnings


def test_invoke_report_shows_the_gaps_of_a_site_built_to_have_them(tmp_path):
    lines: list[str] = []
    found = report(
        SETTINGS,
        tmp_path / "output",
        overrides={
            "PATH": str(SITES / "nurture-gaps"),
            "CACHE_CONTENT": False,
            "NURTURE_TODAY": "2026-11-22",
        },
        echo=lines.append,
    )
    assert found.gaps == ("Garden: no learn article", "Pantry: no decide article")
    text = "\n".join(lines)
    assert "Garden: no learn article" in text and "Pantry: no decide article" in text
    assert re.search(r"articles/rice\.md", text.split("without a Question")[1])
    assert re.search(r"compost\.md\s+last updated 2024-06-01", text)
    assert re.search(r"oats\.md\s+learn\s+newsletter", text)
    page = (tmp_path / "output" / "share" / "report.html").read_text(encoding="utf-8")
    assert "Garden: no learn article" in page and 'content="noindex"' in page


@pytest.mark.parametrize(
    ("catalogue", "message"),
    [
        (
            "- id: visit\n  stages: [decide]\n  text: Hi.\n  button: Go\n  link: /about/\n",
            "calls-to-action.yml: entry 'visit', field 'heading': 'heading' is missing",
        ),
        (
            "- id: visit\n  heading: \xe9\n".encode("latin-1"),
            "calls-to-action.yml: the file is not UTF-8",
        ),
    ],
)
def test_catalogue_mistakes_are_one_line_naming_file_entry_and_field(
    build_site, catalogue, message
):
    site = build_site(
        {"calls-to-action.yml": catalogue, "articles/beans.md": article_text()}, strict=False
    )
    assert any(message in error for error in site.report.errors), site.report.errors
    assert not any("Traceback" in line for line in site.report.errors)


def test_a_sign_up_form_without_an_action_posts_to_site_yml_newsletter(build_site):
    catalogue = (
        "- id: newsletter\n  stages: [learn]\n  heading: Get the next one\n"
        "  text: One short email.\n  button: Send it\n  form:\n    provider: buttondown\n"
        + "".join(
            f"- id: {cta}\n  stages: [{stage}]\n  heading: Ask us\n  text: We answer.\n"
            '  button: Ask\n  link: "#conversation"\n'
            for cta, stage in (("ask-us", "try"), ("chat", "decide"))
        )
    )
    address = "https://buttondown.com/api/emails/embed-subscribe/bramble"
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans"), "calls-to-action.yml": catalogue},
        SITE_NEWSLETTER=address,
    )
    assert site.report.errors == [] and site.report.warnings == []
    form = site.article("beans").select_one("#next-step form")
    assert form["action"] == address
    assert form.find("input", attrs={"name": "metadata__source"})["value"] == "beans"
