"""Optional analytics: off by default; switched on, one cookie-free service on reader pages only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analytics.settings import AnalyticsSettings
from conftest import sample_dir
from workflow.headers import content_security_policy

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "3-things-to-do-with-a-bag-of-dried-beans"
UMAMI = {"ANALYTICS_SERVICE": "umami", "ANALYTICS_SITE": "94db1cb1-74f4-4a40-ad6c-962362670409"}


def sample(tmp_path: Path) -> Path:
    shutil.copytree(sample_dir(), tmp_path / "content")
    return tmp_path / "content"


def scripts(site, relative: str) -> list[str]:
    return [tag.get("src", "") for tag in site.html(relative).find_all("script") if tag.get("src")]


def test_off_by_default_nothing_loads_and_no_question_is_asked(sample_site):
    for relative in ("", f"{ARTICLE}/", "privacy/"):
        page = sample_site.html(relative)
        assert not [s for s in scripts(sample_site, relative) if "umami" in s or "plausible" in s]
        assert page.find(id="helpful-heading") is None
        assert page.find(id="analytics-privacy") is None


def test_umami_on_reader_pages_with_helpful_buttons(tmp_path, build_site):
    site = build_site(sample(tmp_path), **UMAMI)
    assert site.report.ok, site.report.errors + site.report.warnings
    script = site.html(f"{ARTICLE}/").find("script", src="https://cloud.umami.is/script.js")
    assert script["data-website-id"] == UMAMI["ANALYTICS_SITE"] and script.has_attr("defer")
    assert "https://cloud.umami.is/script.js" in scripts(site, "")
    assert "https://cloud.umami.is/script.js" not in scripts(site, "share/")
    answers = site.html(f"{ARTICLE}/").select(".helpful-answer summary")
    assert [(a.get_text(), a["data-umami-event"], a["data-umami-event-article"],
             a["data-umami-event-answer"]) for a in answers] == [
        ("Yes", "Helpful", ARTICLE, "yes"), ("Not really", "Helpful", ARTICLE, "no"),
    ]  # fmt: skip
    thanks = site.html(f"{ARTICLE}/").select(".helpful-answer p")
    assert [p.get_text() for p in thanks] == [
        "Thank you: that helps us choose what to write next."
    ] * 2
    privacy = site.html("privacy/").find(id="analytics-privacy").find_next("p").get_text()
    assert "We count visits with Umami, which sets no cookies" in privacy


def test_an_article_opts_out_with_helpful_no(tmp_path, build_site):
    content = sample(tmp_path)
    source = content / "articles" / f"{ARTICLE}.md"
    source.write_text(source.read_text().replace("\n\n", "\nHelpful: no\n\n", 1))
    site = build_site(content, **UMAMI)
    assert site.html(f"{ARTICLE}/").find(id="helpful-heading") is None
    assert site.html("five-ways-to-use-up-stale-bread/").find(id="helpful-heading") is not None


def test_plausible_tags_its_buttons_and_goatcounter_counts_without_asking(tmp_path, build_site):
    site = build_site(
        sample(tmp_path), ANALYTICS_SERVICE="plausible", SITEURL="https://www.example.com"
    )
    script = site.html(f"{ARTICLE}/").find("script", attrs={"data-domain": True})
    assert script["data-domain"] == "www.example.com"
    assert script["src"] == "https://plausible.io/js/script.tagged-events.js"
    yes = site.html(f"{ARTICLE}/").select(".helpful-answer summary")[0]
    assert "plausible-event-name=Helpful" in yes["class"]
    assert f"plausible-event-article={ARTICLE}" in yes["class"]
    counted = build_site(
        sample(tmp_path / "gc"), output=tmp_path / "gc-out", ANALYTICS_SERVICE="goatcounter",
        ANALYTICS_SITE="https://larder.goatcounter.com/count",
    )  # fmt: skip
    tag = counted.html(f"{ARTICLE}/").find("script", attrs={"data-goatcounter": True})
    assert tag["data-goatcounter"] == "https://larder.goatcounter.com/count"
    assert counted.html(f"{ARTICLE}/").find(id="helpful-heading") is None


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"service": "matomo"}, "ANALYTICS_SERVICE: 'matomo' is not one of none, plausible"),
        ({"service": "umami"}, "ANALYTICS_SITE is empty; give your website ID"),
        ({"service": "goatcounter", "site": "larder"}, "ANALYTICS_SITE: 'larder' is not an"),
    ],
)
def test_settings_are_checked(given, message):
    with pytest.raises(ValueError, match=message):
        AnalyticsSettings(**given)


def test_the_policy_allows_exactly_the_service_switched_on():
    self_hosted = AnalyticsSettings(
        service="umami", site="id", script="https://stats.example.com/script.js",
        host="https://collect.example.com",
    )  # fmt: skip
    policy = content_security_policy((), (), self_hosted.origins())
    assert "script-src 'self' https://collect.example.com https://stats.example.com;" in policy
    assert "connect-src 'self' https://collect.example.com https://stats.example.com;" in policy
    assert content_security_policy() == content_security_policy(
        (), (), AnalyticsSettings().origins()
    )


def test_helpful_can_be_left_out_everywhere(tmp_path, build_site):
    site = build_site(sample(tmp_path), ANALYTICS_HELPFUL=False, **UMAMI)
    assert site.html(f"{ARTICLE}/").find(id="helpful-heading") is None
    assert site.html(f"{ARTICLE}/").find("script", src="https://cloud.umami.is/script.js")
    assert (
        "answer" not in site.html("privacy/").find(id="analytics-privacy").find_next("p").get_text()
    )
