"""site.yml: the writer's settings, each value checked with one line naming the key."""
# ruff: noqa: E501  (the table reads best with one whole message per line)

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import SITE_FILE, article_text
from hub.site_file import KEYS, SiteFileError, check, load, parse, render

ROOT = Path(__file__).resolve().parent.parent


def settings_of(text: str) -> dict:
    return check(parse(textwrap.dedent(text)))


def problem_of(text: str) -> str:
    with pytest.raises(SiteFileError) as raised:
        settings_of(text)
    return str(raised.value)


def test_the_sample_file_gives_the_sample_settings():
    settings = load(SITE_FILE)
    assert settings["SITENAME"] == settings["AUTHOR"] == "Larder Lane"
    assert settings["SITE_DESCRIPTION"].startswith("Practical ideas from an independent grocer")
    assert settings["SITE_DESCRIPTION"].endswith("a lower-waste home.")
    assert settings["CONVERSATION_EMAIL"] == "hello@larderlane.example"
    assert settings["TIMEZONE"] == "Europe/London" and settings["DEFAULT_LANG"] == "en"
    assert settings["SHARE_SLOTS"] == ("tue 09:30", "thu 12:30", "sat 10:00")
    assert settings["SHARE_NETWORKS"][0] == "x" and settings["BRAND_COLOUR"] == "#1d4d2b"


def test_publishing_analytics_and_the_plan_are_set_in_the_file_too():
    settings = settings_of(
        """
        name: Bramble Bakery
        publish_to: rsync
        rsync_destination: me@host:/var/www/site/
        publish_share_kit: true
        reshare_top: 0.5
        reshare_after_weeks: 4
        analytics: umami
        analytics_site: 94db1cb1-74f4-4a40
        helpful: false
        """
    )
    assert settings["PUBLISH_TARGET"] == "rsync"
    assert settings["PUBLISH_RSYNC_DEST"] == "me@host:/var/www/site/"
    assert settings["PUBLISH_GHP_BRANCH"] == "gh-pages" and settings["SHARE_KIT_PUBLISH"] is True
    assert (settings["SHARE_RESHARE_TOP"], settings["SHARE_RESHARE_AFTER_WEEKS"]) == (0.5, 4)
    assert settings["ANALYTICS_SERVICE"] == "umami" and settings["ANALYTICS_HELPFUL"] is False
    assert settings["ANALYTICS_SITE"] == "94db1cb1-74f4-4a40"
    giscus = settings_of(
        """
        name: Bramble Bakery
        comments: giscus
        comment_options: {repo: bramble/site, repo-id: R_1, category: Comments, category-id: C_1}
        """
    )
    assert giscus["CONVERSATION_PROVIDER"] == "giscus"
    assert giscus["CONVERSATION_GISCUS"]["repo"] == "bramble/site"


def test_absent_keys_take_their_defaults_and_only_name_is_required():
    settings = settings_of("name: Bramble Bakery\n")
    assert settings["PUBLISH_TARGET"] == "none" and settings["ANALYTICS_SERVICE"] == "none"
    assert settings["SHARE_KIT_PUBLISH"] is False and settings["ANALYTICS_HELPFUL"] is True
    assert settings["SITENAME"] == "Bramble Bakery"
    assert settings["TIMEZONE"] == "UTC" and settings["CONVERSATION_PROVIDER"] == "none"
    assert settings["SITE_ADDRESS"] == "" and settings["BRAND_LOGO"] == ""
    assert problem_of("tagline: Fresh bread\n") == (
        "site.yml: name is missing; add a line like 'name: My shop'"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: A\nemial: a@b.example\n", "site.yml: 'emial' is not a setting; did you mean 'email'?"),
        ("name: A\ncolor: '#123456'\n", "site.yml: 'color' is not a setting; did you mean 'colour'?"),
        ("name: ''\n", "site.yml: name: it cannot be empty"),
        ("name: A\nemail: hello\n", "site.yml: email: 'hello' is not an email address like hello@example.com"),
        ("name: A\nurl: www.example.com\n", "site.yml: url: 'www.example.com' is not a web address like https://www.example.com"),
        ("name: A\nlanguage: pt\n", "site.yml: language: 'pt' is not one of the hub's languages; use one of en (English), fr (French), de (German), es (Spanish), nl (Dutch)"),
        ("name: A\ntimezone: Europe/Londn\n", "site.yml: timezone: 'Europe/Londn' is not a time zone; did you mean 'Europe/London'?"),
        ("name: A\ncolour: green\n", "site.yml: colour: 'green' is not a colour like '#1d4d2b' (# and six hex digits, quoted)"),
        ("name: A\nlogo: logo.png\n", "site.yml: logo: 'logo.png' is not a logo file in content/images/ like images/logo.png (.png, .jpg, .jpeg, .webp, .svg)"),
        ("name: A\nnetworks: [x, tiktok]\n", "site.yml: networks: 'tiktok' is not a network; use some of x, bluesky, mastodon, threads, linkedin, facebook"),
        ("name: A\nslots: [tuesday 9]\n", "site.yml: slots: 'tuesday 9' is not a weekly slot like 'tue 09:30' (a weekday, then a 24-hour time on the 5-minute grid)"),
        ("name: A\ncomments: facebook\n", "site.yml: comments: 'facebook' is not one of none, isso, giscus, utterances, remark42, cusdis, disqus"),
        ("name: A\npublish_to: ftp\n", "site.yml: publish_to: 'ftp' is not one of none, rsync, ghp-import"),
        ("name: A\npublish_share_kit: perhaps\n", "site.yml: publish_share_kit: write true or false, not 'perhaps'"),
        ("name: A\nreshare_top: 2\n", "site.yml: reshare_top must be a share from 0 to 1, like 0.2 for a fifth"),
        ("name: A\nreshare_after_weeks: lots\n", "site.yml: reshare_after_weeks: 'lots' is not a number"),
        ("name: A\nreshare_after_weeks: 0\n", "site.yml: reshare_after_weeks must be a whole number of weeks, 1 to 52"),
        ("name: A\nanalytics: google\n", "site.yml: analytics: 'google' is not one of none, plausible, goatcounter, umami"),
        ("name: A\nanalytics: umami\n", "site.yml: analytics_site is empty; give your website ID from Umami's settings"),
        ("name: A\nanalytics_script: cdn/umami.js\n", "site.yml: analytics_script: 'cdn/umami.js' is not a web address like https://www.example.com"),
        ("name: A\nhelpful: 0\n", "site.yml: helpful: write true or false, not '0'"),
        ("name: A\nanalytic: umami\n", "site.yml: 'analytic' is not a setting; did you mean 'analytics'?"),
        ("name: A\npost_wordings: {tihng: Tip}\n", "site.yml: post_wordings: unknown kind 'tihng'; use intro, intro_new, thing, thing_question, question, answer"),
        ('name: A\npost_wordings: {thing: "Tip {nmber}"}\n', "site.yml: post_wordings['thing']: unknown field {nmber} in 'Tip {nmber}'; use {article}, {count}, {number}, {site}, {teaser}, {title}"),
        ("name: A\ncomments: giscus\n", "site.yml: comment_options needs 'repo', 'repo-id', 'category', 'category-id' for giscus; add them there"),
        ("name: A\ncomment_options: [repo]\n", "site.yml: comment_options: write each option as name: value, e.g. {repo: me/site}"),
        ("name: A\npost_wordings: [Tip]\n", 'site.yml: post_wordings: write each kind of post and its wordings, e.g. post_wordings: {thing: "Tip {number} of {count}: {title}. {teaser}"}'),
        ("name: [A, B]\n", "site.yml: name: write it as plain text on one line"),
        ("name: A\ntagline: x\nname: B\n", "site.yml: line 3: 'name' is set twice; keep one of them"),
        ("name: A\ncolour: #7a1f3d\n", 'site.yml: colour: a value that starts with # must be in quotes, like colour: "#1d4d2b"'),
        ("name: A\naccent: #ffd166  # gold\n", 'site.yml: accent: a value that starts with # must be in quotes, like accent: "#1d4d2b"'),
    ],
)  # fmt: skip
def test_each_wrong_value_is_one_line_naming_the_key_and_what_is_allowed(text, message):
    assert problem_of(text) == message


def test_values_are_tidied():
    settings = settings_of(
        """\
        name: "  Bramble   Bakery "
        colour: "#1D4D2B"
        url: https://bramble.example/
        networks: X, Bluesky
        logo: /images/logo.svg
        """
    )
    assert settings["SITENAME"] == "Bramble Bakery" and settings["BRAND_COLOUR"] == "#1d4d2b"
    assert settings["SITE_ADDRESS"] == "https://bramble.example"
    assert settings["SHARE_NETWORKS"] == ("x", "bluesky")
    assert settings["BRAND_LOGO"] == "images/logo.svg"


def test_a_tab_is_explained_with_its_line_and_column():
    assert problem_of("name: A\nnetworks:\n\t- x\n") == (
        "site.yml: is not valid YAML near line 3, column 1: a tab is used to indent;"
        " YAML indents with spaces only, so replace each tab with two spaces"
    )


def test_broken_yaml_names_the_line_and_column():
    message = problem_of("name: A\ntagline: Bread: baked daily\n")
    # The same plain words as for every YAML file of the hub's (hub/yaml_text.py).
    assert message.startswith("site.yml: is not valid YAML near line 2, column 15: this ':' is")
    assert "put the whole value in quotes" in message


def test_a_file_that_is_not_settings_says_how_to_write_one():
    assert problem_of("- name\n") == (
        "site.yml: write one 'key: value' setting per line, e.g. name: My shop"
    )


def test_a_build_with_a_wrong_value_stops_with_one_line(build_site, tmp_path, monkeypatch):
    bad = tmp_path / "site.yml"
    bad.write_text("name: Bramble Bakery\ntimezone: Mars/Base\n")
    monkeypatch.setenv("HUB_SITE_FILE", str(bad))
    built = build_site({"articles/beans.md": article_text()})
    assert built.report.errors == [
        "site.yml: timezone: 'Mars/Base' is not a time zone; e.g. Europe/London or America/Toronto"
    ]
    assert not built.output.exists()
    summary = built.report.summary()
    assert summary.startswith("Build stopped before it began, because of the mistake in site.yml")
    assert "nothing" not in summary and " s, " not in summary


def test_the_build_uses_the_values_in_the_file(build_site, tmp_path, monkeypatch):
    mine = tmp_path / "site.yml"
    mine.write_text(
        "name: Bramble Bakery\ntagline: Bread worth the wait\nemail: hi@b.test\n"
        "analytics: umami\nanalytics_site: 94db1cb1-74f4-4a40\nhelpful: false\n"
        'post_wordings:\n  thing: ["Bramble tip {number} of {count}: {title}. {teaser}"]\n'
    )
    monkeypatch.setenv("HUB_SITE_FILE", str(mine))
    built = build_site({"articles/beans.md": article_text(Slug="beans")})
    home = built.html("index.html")
    assert home.title.string == "Bramble Bakery: Bread worth the wait"
    article = built.article("beans")
    assert "mailto:hi@b.test" in str(article)
    counter = article.find("script", src="https://cloud.umami.is/script.js")
    assert counter["data-website-id"] == "94db1cb1-74f4-4a40"
    assert article.select(".helpful-answer") == []
    posts = json.loads(built.path("share/snippets.json").read_text())["articles"][0]["snippets"]
    things = [post["text"] for post in posts if post["text"].startswith("Bramble tip")]
    assert things[0].startswith("Bramble tip 1 of 3: Make a chilli. Soak the beans overnight.")


def test_plain_pelican_reports_a_mistake_in_one_line(tmp_path):
    bad = tmp_path / "site.yml"
    bad.write_text("name: Bramble Bakery\nemial: hi@b.example\n")
    ran = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(tmp_path)],
        cwd=ROOT,
        env={"HUB_SITE_FILE": str(bad), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode != 0
    said = " ".join((ran.stdout + ran.stderr).split())
    assert "site.yml: 'emial' is not a setting; did you mean 'email'?" in said
    assert "Traceback" not in said


def test_the_sample_file_is_exactly_what_render_writes_so_its_comments_stay_in_step():
    text = SITE_FILE.read_text(encoding="utf-8")
    assert render(parse(text)) == text
    assert all(f"\n{key}: " in text for key in KEYS)


def test_render_quotes_what_yaml_would_misread_and_reads_back_the_same():
    values = {
        "name": "Bramble: Bakery",
        "tagline": "#1 for bread",
        "email": "hi@b.example",
        "description": "Sourdough, rye and buns: baked daily on Elm Street, " * 3,
        "colour": "#aa3300",
        "slots": ["mon 08:00"],
        "newsletter": "https://buttondown.com/api/emails/embed-subscribe/bramble",
        # As a writer may write them: one wording alone, or a list.
        "post_wordings": {"thing": "Tip {number}: {title}", "intro": ["{title}: {summary}"]},
        "helpful": False,
        "reshare_top": 0.5,
    }
    settings = check(parse(render(values)))
    assert settings["SHARE_TEMPLATES"] == {
        "thing": ("Tip {number}: {title}",),
        "intro": ("{title}: {summary}",),
    }
    assert settings["ANALYTICS_HELPFUL"] is False and settings["SHARE_RESHARE_TOP"] == 0.5
    assert settings["SITENAME"] == "Bramble: Bakery" and settings["SITE_TAGLINE"] == "#1 for bread"
    assert settings["SITE_DESCRIPTION"] == " ".join(values["description"].split())
    assert settings["BRAND_COLOUR"] == "#aa3300" and settings["SHARE_SLOTS"] == ("mon 08:00",)
    assert settings["SITE_NEWSLETTER"] == values["newsletter"]
