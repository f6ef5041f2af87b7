"""One writer's mistake never breaks the site: each is one line naming the file, field and fix."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pelican.settings import read_settings

from conftest import article_text, copy_project
from workflow.new import article_text as starter_article
from writer_metadata.names import shorten_slug

ROOT = Path(__file__).resolve().parent.parent
GOOD = article_text("3 things to do with rice", Slug="rice")
CJK_TITLE = "3 things to do with " + "纳豆和米饭的一百种吃法" * 8
BODY_THINGS = "Intro.\n\n## 1. One\n\nA. B.\n\n## 2. Two\n\nA. B.\n\n## 3. Three\n\nA. B.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with the sample content, so nothing real is touched."""
    return copy_project(tmp_path / "project")


def invoke(project: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    """Run `invoke ARGS` in PROJECT as a writer would, with EXTRA in the environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SITEURL", "PUBLISH_"))}
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project, env=env, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def problems(site) -> list[str]:
    """Every line the build printed about the content."""
    return site.report.errors + site.report.warnings


def the_line(site, text: str) -> str:
    """The one problem line holding TEXT (and fail when there are none or several)."""
    found = [line for line in problems(site) if text in line]
    assert len(found) == 1, problems(site)
    return found[0]


def test_three_broken_articles_in_the_sample_each_get_one_line_and_the_rest_build(project):
    articles = project / "content" / "articles"
    sample = sorted(path.name for path in articles.glob("*.md"))
    (articles / "natto.md").write_text(article_text(CJK_TITLE, body=BODY_THINGS))
    (articles / "oats.md").write_text(article_text("3 things to do with oats", Date="04/09/2026"))
    (articles / "barley.md").write_text(
        article_text("3 things to do with barley", Qestion="What do you make with barley?")
    )
    built = invoke(project, "build")
    lines = built.stderr.strip().splitlines()
    assert built.returncode == 1
    assert lines[-1].startswith(
        f"Build failed, output left as it was: {len(sample) + 2} articles"
    ), lines
    problem_lines = lines[:-1]
    assert sorted(line.split(": ")[1] for line in problem_lines) == [
        "content/articles/barley.md",
        "content/articles/natto.md",
        "content/articles/oats.md",
    ], problem_lines
    by_file = {line.split(": ")[1]: line for line in problem_lines}
    assert "Slug:" in by_file["content/articles/natto.md"]
    assert "Date '04/09/2026'" in by_file["content/articles/oats.md"]
    assert "2026-09-04" in by_file["content/articles/oats.md"]
    assert (
        "`Qestion` is not a field; did you mean `Question`?"
        in by_file["content/articles/barley.md"]
    )
    for line in lines:
        assert "Errno" not in line and "Traceback" not in line
        # Paths are relative to the project: no temporary folder, no machine path.
        assert str(project.parent) not in line and ".output.building" not in line
        assert not re.search(r"(^|[\s'\"(])/(tmp|home|root|usr|var|etc|srv|opt)/", line), line
    assert not (project / "output").exists()

    # Without the one error, the warnings alone leave a full site, the long title included.
    (articles / "oats.md").unlink()
    built = invoke(project, "build")
    assert built.returncode == 0, built.stderr
    output = project / "output"
    pages = [path.parent.name for path in output.glob("*/index.html")]
    assert "3-things-to-do-with-barley" in pages
    natto = [name for name in pages if name.startswith("3-things-to-do-with-na-dou")]
    assert len(natto) == 1 and len(natto[0].encode()) <= 100
    for path in output.rglob("*"):
        assert len(path.name.encode()) <= 255


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("04/09/2026", "2026-09-04 for 4 September 2026 or 2026-04-09 for 9 April 2026"),
        ("14/09/2026", "Date '14/09/2026' is not written the way the hub reads dates;"
                       " write it as 2026-09-14"),
        ("Sept 4", "write it as YYYY-09-04 (put the year in front)"),
        ("0001-01-01", "Date '0001-01-01' is outside 1970-2100"),
        ("2101-01-01", "is outside 1970-2100"),
        ("2026-02-30", "no such day"),
    ],
)  # fmt: skip
def test_dates_are_never_guessed(build_site, value, message):
    site = build_site({"articles/rice.md": GOOD, "articles/beans.md": article_text(Date=value)})
    line = the_line(site, "articles/beans.md: Date")
    assert message in line
    assert not site.report.ok
    assert site.report.counts["articles"] == 1


@pytest.mark.parametrize(
    "value", ["2026-09-14", "2026-09-14 09:00", "2026-09-14 09:00:30", "2026-09-14T09:00+01:00"]
)
def test_the_readme_date_forms_are_read(build_site, value):
    site = build_site({"articles/beans.md": article_text(Date=value, Modified=value)})
    assert site.report.ok, problems(site)
    assert site.article("3-things-to-do-with-beans").select_one("time[datetime^='2026-09-14']")


def test_modified_is_checked_like_date(build_site):
    site = build_site({"articles/beans.md": article_text(Modified="14/10/2026")})
    assert "write it as 2026-10-14" in the_line(site, "articles/beans.md: Modified")


def test_a_misspelled_field_is_named_with_the_closest_known_one(build_site):
    site = build_site({"articles/beans.md": article_text(Qestion="Why?", Hashtgs="Beans")})
    assert not site.report.ok and not site.report.errors
    assert the_line(site, "Qestion").endswith(
        ": `Qestion` is not a field; did you mean `Question`?"
    )
    assert the_line(site, "Hashtgs").endswith("did you mean `Hashtags`?")


def test_a_field_like_no_other_says_to_check_the_spelling(build_site):
    site = build_site({"articles/beans.md": article_text(Flavour="smoky")})
    assert "`Flavour` is not a field; check its spelling" in the_line(site, "Flavour")


def test_fields_of_pelican_and_the_plugins_are_known(build_site):
    text = article_text(Author="Sam", Lang="en", Image_Alt="Beans", Conversation="yes")
    site = build_site({"articles/beans.md": text})
    assert not any("is not a field" in line for line in problems(site)), problems(site)


def test_a_missing_field_with_a_near_miss_names_the_typo(build_site):
    text = article_text(Summary=None, Sumary="Three dinners.")
    site = build_site({"articles/beans.md": text})
    line = the_line(site, "articles/beans.md")
    assert "Summary is missing; `Sumary` looks like a typo of it" in line


def test_an_unknown_status_names_the_file_and_suggests_the_word(build_site):
    files = {"articles/beans.md": article_text(Status="publish"), "articles/rice.md": GOOD}
    site = build_site(files)
    line = the_line(site, "Status")
    assert "articles/beans.md: Status 'publish' is not one of published, draft, hidden" in line
    assert "did you mean 'Status: published'?" in line
    assert len(problems(site)) == 1, problems(site)


def test_an_unknown_status_does_not_blame_the_questions_file(build_site):
    files = {
        "articles/beans.md": article_text(Status="live", Slug="beans"),
        "questions/beans.yml": "- question: Soak?\n  date: 2026-03-20\n  answer: Yes.\n",
    }
    site = build_site(files)
    assert len(problems(site)) == 1, problems(site)


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("my slug with spaces", "has spaces, which break links; write it like"
                                " 'Slug: my-slug-with-spaces'"),
        ("beans/2026", "holds '/'"),
        ("../beans", "holds '/'"),
        ("beans?x=1", "has characters an address cannot hold"),
        ("b" * 101, "Slug is too long for an address (101 characters); write a shorter one"),
        ("share", "Slug 'share' is the address of the hub's own /share/ folder"),
        ("topics", "/topics/ folder"),
        ("s", "/s/ folder"),
    ],
)  # fmt: skip
def test_a_slug_that_cannot_be_an_address_is_an_error_naming_the_field(build_site, slug, message):
    files = {"articles/rice.md": GOOD, "articles/beans.md": article_text(Slug=slug)}
    site = build_site(files)
    line = the_line(site, "articles/beans.md: Slug")
    assert message.replace("links;", "links at the first space;") in line or message in line
    assert site.report.errors and site.report.counts["articles"] == 1
    assert not any("Failed to overwrite" in line for line in problems(site))


def test_a_title_that_makes_a_hub_folder_is_an_error(build_site):
    site = build_site({"pages/share.md": "Title: Share\n\nHello."})
    assert "Title makes the address /share/" in the_line(site, "pages/share.md")


def test_a_very_long_latin_title_gets_a_short_slug_and_a_warning(build_site):
    title = "3 things to do with " + " ".join(["beans"] * 45)
    site = build_site({"articles/beans.md": article_text(title)}, strict=False)
    assert site.report.ok and not site.report.errors
    line = the_line(site, "articles/beans.md")
    assert "add a line 'Slug: '" in line
    assert "Title is too long for an address (" in line and "bytes" not in line
    slug = line.split("shortened to /")[1].split("/")[0]
    assert len(slug) <= 60 and not slug.endswith("-")
    assert site.article(slug).h1
    cards = list(site.path("images/cards").iterdir())
    assert cards and all(card.name.startswith(slug) for card in cards)
    assert all(len(card.name.encode()) <= 255 for card in cards)
    assert len([card for card in cards if "-thing-" not in card.name]) == 1


@pytest.mark.parametrize(
    ("slug", "short"),
    [
        # Cut at 60 bytes these end "-kitchens-of" and "-fresh-in-the".
        ("a-short-history-of-the-humble-dried-bean-in-the-kitchens-of-the-old-world-and-the-new",
         "a-short-history-of-the-humble-dried-bean-in-the-kitchens"),
        ("how-to-keep-flour-sugar-rice-oats-and-lentils-fresh-in-the-tins-of-the-larder-for-a-year",
         "how-to-keep-flour-sugar-rice-oats-and-lentils-fresh"),
    ],
)  # fmt: skip
def test_a_shortened_address_never_ends_on_a_short_word(slug, short):
    assert shorten_slug(slug) == short
    assert len(short.encode()) <= 60


def test_categories_differing_only_in_capitals_are_named_with_both_files(build_site):
    files = {
        "articles/rice.md": article_text("3 things to do with rice", Category="Recipes"),
        "articles/beans.md": article_text(Category="recipes"),
    }
    site = build_site(files, strict=False)
    line = the_line(site, "differs only in capitals")
    # Whichever file is read second is named first, with the other file and its spelling.
    assert re.fullmatch(
        r".*articles/(rice|beans)\.md: Category '(Recipes|recipes)' differs only in capitals"
        r" from '(Recipes|recipes)' in .*articles/(rice|beans)\.md; write it the same way in"
        r" both files",
        line,
    )
    first, second = re.findall(r"articles/(\w+)\.md", line)
    assert {first, second} == {"rice", "beans"}
    assert len(set(re.findall(r"'(\w+)'", line))) == 2
    assert site.report.ok


def test_an_emoji_tag_is_reported_with_the_file_and_left_out(build_site):
    site = build_site({"articles/beans.md": article_text(Tags="beans, 🫘")}, strict=False)
    assert "articles/beans.md: Tag '🫘' has no letter or digit" in the_line(site, "Tag '")
    page = site.article("3-things-to-do-with-beans")
    assert not page.select("a[href='/tags//']")
    assert not site.path("tags/index.html").read_text().count('href="/tags//"')


def test_a_summary_holding_script_markup_is_shown_as_text(build_site):
    summary = "</script><script>alert(1)</script> Three *dinners*."
    site = build_site({"articles/beans.md": article_text(Summary=summary)})
    assert site.report.ok, problems(site)
    for page in ("3-things-to-do-with-beans", "index.html", "share/3-things-to-do-with-beans"):
        html = site.html(page)
        for script in html.find_all("script"):
            # Only the page's own scripts: its JSON-LD (the summary in it as data) or files.
            assert script.get("src") or script.get("type") == "application/ld+json", page
            assert script.get_text().strip() != "alert(1)", page
            if script.get("type") == "application/ld+json":
                json.loads(script.get_text())
    lede = site.article("3-things-to-do-with-beans").select_one(".lede")
    assert "</script><script>alert(1)</script>" in lede.get_text()
    assert lede.em.get_text() == "dinners"


@pytest.mark.parametrize("field", ["Title", "Summary", "Question", "Share"])
def test_text_fields_with_markup_never_become_elements(build_site, field):
    value = '<img src=x onerror="alert(1)"><b>bold</b>'
    meta = {field: value if field != "Title" else "3 things <b>bold</b> <img src=x onerror=a>"}
    site = build_site({"articles/beans.md": article_text(**meta, Slug="beans")}, strict=False)
    page = site.article("beans")
    assert not page.select("img[onerror], b"), field


def test_control_characters_in_a_title_are_an_error_and_never_reach_a_page(build_site):
    files = {"articles/beans.md": article_text("3 things to do with\x00 beans\x1b")}
    site = build_site(files, strict=False)
    line = the_line(site, "articles/beans.md: Title")
    assert "control character (U+0000, U+001B); retype the line without it" in line
    assert not site.report.ok


def test_a_link_to_a_missing_file_names_the_article_and_the_link_once(build_site):
    body = "See [beans]({filename}dried-beans.md) and ![a jar]({static}/images/jar.jpg).\n"
    body += BODY_THINGS
    site = build_site({"articles/rice.md": GOOD, "articles/beans.md": article_text(body=body)})
    lines = [line for line in problems(site) if "dried-beans" in line or "jar.jpg" in line]
    assert len(lines) == 2, problems(site)
    assert "articles/beans.md: the link '{filename}dried-beans.md' names no file" in lines[0]
    assert "'{static}/images/jar.jpg'" in lines[1]
    assert not any("skipping url replacement" in line for line in problems(site))


def test_a_link_to_an_existing_file_is_fine(build_site):
    body = "See [rice]({filename}rice.md) and [the same](/rice/).\n" + BODY_THINGS
    site = build_site({"articles/rice.md": GOOD, "articles/beans.md": article_text(body=body)})
    assert site.report.ok, problems(site)


def test_a_header_field_written_twice_is_one_line(build_site):
    text = article_text().replace("Date: 2026", "Title: Again\nDate: 2026", 1)
    site = build_site({"articles/beans.md": text}, strict=False)
    line = the_line(site, "articles/beans.md")
    assert line.endswith(
        "Title is written twice in the header (or wraps onto a second line);"
        " keep one line (the first one is used)"
    )


def test_a_theme_failure_on_one_page_names_its_file_and_the_rest_build(build_site, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    article.write_text(
        article.read_text().replace(
            "{% block content %}", "{% block content %}{{ article.boom.explode() }}", 1
        )
    )
    files = {"articles/rice.md": GOOD, "articles/beans.md": article_text(Boom="yes")}
    site = build_site(files, THEME=str(theme))
    assert not site.report.ok
    failures = [line for line in site.report.errors if "could not be written" in line]
    assert failures and all("theme could not show it" in line for line in failures), failures
    assert any("articles/beans.md: its page could not be written" in line for line in failures)


def test_a_damaged_cached_card_is_drawn_again_and_the_others_still_go_out(build_site, tmp_path):
    cache = tmp_path / "cards"
    files = {"articles/rice.md": GOOD, "articles/beans.md": article_text(Slug="beans")}
    first = build_site(files, LINK_PREVIEWS_CARD_CACHE=str(cache))
    assert first.report.ok
    # The article's own card (each thing has one too: beans-thing-N-<hash>.png).
    cards = first.path("images/cards")
    beans = next(p for p in cards.glob("beans-*.png") if "-thing-" not in p.name)
    # Damage the cache entry of one card: a folder where its picture should be.
    cached = next(path for path in cache.glob("*.png") if path.read_bytes() == beans.read_bytes())
    cached.unlink()
    cached.mkdir()
    again = build_site(
        files, output=tmp_path / "again", strict=False, LINK_PREVIEWS_CARD_CACHE=str(cache)
    )
    [line] = again.report.warnings
    assert line.endswith("this cache entry was damaged, so it was rebuilt (nothing to do)")
    assert "Errno" not in line and "Traceback" not in line
    redrawn = again.path("images/cards")
    assert sorted(p.name for p in redrawn.iterdir()) == sorted(p.name for p in cards.iterdir())
    assert (redrawn / beans.name).read_bytes() == beans.read_bytes()


def test_links_in_content_to_files_outside_the_project_are_not_followed(build_site, tmp_path):
    secret = tmp_path.parent / f"{tmp_path.name}-secret"
    secret.mkdir()
    (secret / "passwords.jpg").write_text("not for the web")
    (secret / "private.md").write_text(article_text("3 things nobody should read", Slug="private"))
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "articles").mkdir()
    (content / "articles" / "rice.md").write_text(GOOD)
    (content / "images" / "passwords.jpg").symlink_to(secret / "passwords.jpg")
    (content / "articles" / "private.md").symlink_to(secret / "private.md")
    site = build_site(content, strict=False)
    assert "images/passwords.jpg: is a link to a file outside the project" in the_line(
        site, "passwords"
    )
    assert "articles/private.md: is a link to a file outside the project" in the_line(
        site, "private.md"
    )
    assert site.report.counts["articles"] == 1


def test_links_inside_the_project_are_followed(build_site, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "jar.jpg").write_bytes(b"jpeg")
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "articles").mkdir()
    (content / "articles" / "rice.md").write_text(GOOD)
    (content / "images" / "jar.jpg").symlink_to(shared / "jar.jpg")
    site = build_site(content)
    assert site.report.ok, problems(site)
    assert site.path("images/jar.jpg").read_bytes() == b"jpeg"


CATALOGUE = """\
- id: newsletter
  stages: [learn]
  heading: Get the next one
  text: One short email.
  button: Send it
  link: /about/
"""


@pytest.mark.parametrize(
    ("broken", "where", "explained"),
    [
        (CATALOGUE.replace("  text:", "\ttext:"), "near line 4, column 1",
         "a tab is used to indent"),
        (CATALOGUE.replace("One short email.", "Note: one short email."), "near line 4, column 13",
         "put the whole value in quotes"),
        (CATALOGUE.replace("Send it", '"Send it'), "near line 5, column 11",
         "a quote starts here and is never closed"),
        (CATALOGUE.replace("  button:", "   button:"), "near line 5, column 10",
         "indented further than the field above it"),
    ],
)  # fmt: skip
def test_a_broken_catalogue_is_one_plain_error_at_the_right_place(
    build_site, broken, where, explained
):
    files = {
        "calls-to-action.yml": broken,
        "articles/rice.md": GOOD,
        "articles/beans.md": article_text(Cta="newsletter"),
    }
    site = build_site(files, strict=False)
    assert len(problems(site)) == 1, problems(site)
    line = problems(site)[0]
    assert "calls-to-action.yml: is not valid YAML " + where in line, line
    assert explained in line
    assert site.report.counts["articles"] == 2


QUESTION = "- question: Soak?\n  date: 2026-03-20\n  answer: Yes, always.\n"


@pytest.mark.parametrize(
    ("broken", "where", "explained"),
    [
        (QUESTION.replace("  date", "\tdate"), "near line 2, column 1", "a tab is used to indent"),
        (QUESTION.replace("Yes, always", "Soak: always"), "near line 3, column 15",
         "put the whole value in quotes"),
        (QUESTION.replace("Soak?", '"Soak?'), "near line 1, column 13",
         "a quote starts here and is never closed"),
    ],
)  # fmt: skip
def test_a_broken_questions_file_is_one_plain_error(build_site, broken, where, explained):
    files = {"articles/beans.md": article_text(Slug="beans"), "questions/beans.yml": broken}
    site = build_site(files, strict=False)
    assert len(problems(site)) == 1, problems(site)
    assert f"questions/beans.yml: is not valid YAML {where}: " in problems(site)[0]
    assert explained in problems(site)[0]


def test_a_questions_date_is_never_guessed(build_site):
    text = "- question: Soak?\n  date: 04/09/2026\n  answer: Yes, always.\n"
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans"), "questions/beans.yml": text}
    )
    line = the_line(site, "questions/beans.yml")
    assert "entry 1 date '04/09/2026'" in line
    assert "2026-09-04 for 4 September 2026 or 2026-04-09 for 9 April 2026" in line


def test_invoke_report_fails_when_the_build_failed(project):
    (project / "content" / "calls-to-action.yml").write_text("- id: x\n\tstages: [learn]\n")
    reported = invoke(project, "report")
    assert reported.returncode == 1
    errors = [line for line in reported.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: content/calls-to-action.yml: is not valid YAML near line 2, column 1: a tab is"
        " used to indent; YAML indents with spaces only, so replace each tab with two spaces"
    ]


RST = """\
3 things to do with barley
##########################

:date: {date}
:category: Cupboard staples
:summary: Three dinners from one bag of barley.

A short intro.

One
===

Soak it. Then simmer.

Two
===

Toast it. Then eat.

Three
=====

Roast it. Salt it hot.
"""


def test_an_rst_article_is_named_by_file_and_told_the_rest_form(build_site):
    files = {"articles/rice.md": GOOD, "articles/barley.rst": RST.format(date="2026-09-14")}
    site = build_site(files, strict=False)
    line = the_line(site, "Tags is missing")
    assert line.endswith("articles/barley.rst: Tags is missing; add a line ':tags: beans, budget'"
                         " under the title")  # fmt: skip
    assert "Tags:" not in line


def test_an_rst_date_is_never_guessed_either(build_site):
    files = {"articles/rice.md": GOOD, "articles/barley.rst": RST.format(date="04/09/2026")}
    site = build_site(files, strict=False)
    assert "articles/barley.rst: Date '04/09/2026' is not a date" in the_line(site, "barley.rst")
    assert site.report.counts["articles"] == 1


def test_an_example_address_in_a_call_to_action_is_a_warning_naming_file_and_entry(build_site):
    form = CATALOGUE.replace(
        "  link: /about/\n",
        "  form:\n    provider: custom\n    action: https://newsletter.example.com/subscribe\n",
    )
    link = "- id: map\n  stages: [try]\n  heading: Find us\n  text: On the map.\n  button: Map\n"
    link += "  link: https://maps.shop.example/larder\n"
    files = {"calls-to-action.yml": form + link, "articles/rice.md": GOOD}
    site = build_site(files, strict=False)
    assert site.report.ok and not site.report.errors
    newsletter = the_line(site, "entry 'newsletter'")
    assert newsletter.endswith(
        "calls-to-action.yml: entry 'newsletter', field 'form.action':"
        " 'https://newsletter.example.com/subscribe' is an example address, not yours;"
        " put your own address in before you publish"
    )
    assert "entry 'map', field 'link': 'https://maps.shop.example/larder'" in the_line(
        site, "entry 'map'"
    )


def test_an_example_address_for_the_question_form_is_a_warning_naming_the_key(build_site):
    site = build_site(
        {"articles/rice.md": GOOD}, CONVERSATION_FORM_ENDPOINT="https://forms.example.org/f/1"
    )
    assert not site.report.ok
    assert the_line(site, "site.yml: form").startswith(
        "site.yml: form 'https://forms.example.org/f/1' is an example address"
    )


def test_without_a_catalogue_no_form_posts_to_a_placeholder(build_site):
    site = build_site({"articles/rice.md": GOOD})
    assert site.report.ok, problems(site)
    page = site.article("rice")
    assert not page.select("aside.cta form")
    assert page.select_one("aside.cta a")["href"] == "/"


def test_publishing_the_sample_as_it_is_stops_at_its_placeholders(project):
    published = invoke(project, "publish", "--dry-run", SITEURL="https://www.example.com")
    assert published.returncode == 1
    errors = [line for line in published.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: site.yml: email 'hello@larderlane.example' is the sample site's own address,"
        " not yours; put your own there before you publish",
        "error: content/calls-to-action.yml: entry 'newsletter', field 'form.action':"
        " 'https://buttondown.com/api/emails/embed-subscribe/larderlane' is the sample site's"
        " own address, not yours; put your own address in before you publish",
    ]
    assert "Nothing was published" in published.stderr
    assert not (project / "output").exists()


def test_an_unknown_placeholder_mode_names_the_setting(build_site):
    site = build_site({"articles/rice.md": GOOD}, HUB_PLACEHOLDERS="ignore")
    assert site.report.errors == ["HUB_PLACEHOLDERS 'ignore' is not one of warn, error"]


@pytest.mark.parametrize("cache", [False, True])
def test_a_link_to_nothing_in_content_is_one_line(build_site, tmp_path, cache):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "rice.md").write_text(GOOD)
    (content / "articles" / "gone.md").symlink_to(content / "articles" / "deleted.md")
    site = build_site(
        content, strict=False, CACHE_CONTENT=cache, CACHE_PATH=str(tmp_path / "cache")
    )
    assert len(problems(site)) == 1, problems(site)
    assert "articles/gone.md: cannot be" in problems(site)[0]
    assert "Errno" not in problems(site)[0]
    assert site.report.counts["articles"] == 1


def test_a_tag_or_category_too_long_for_an_address_is_named(build_site):
    long_words = " ".join(["pulses"] * 30)
    files = {
        "articles/rice.md": GOOD,
        "articles/beans.md": article_text(Tags=f"beans, {long_words}"),
        "articles/peas.md": article_text("3 things to do with peas", Category=long_words),
    }
    site = build_site(files, strict=False)
    assert "articles/beans.md: Tag 'pulses pulses" in the_line(site, "Tag 'pulses")
    assert "articles/peas.md: Category 'pulses" in the_line(site, "Category '")
    assert not any("could not be written" in line for line in problems(site)), problems(site)
    assert site.report.counts["articles"] == 2


def test_the_sitemap_plugins_fields_are_known_only_when_it_is_on(build_site, tmp_path):
    text = article_text(Priority="0.8")
    without = build_site({"articles/beans.md": text}, strict=False)
    assert "`Priority` is not a field" in the_line(without, "Priority")
    plugins = [*read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"], "sitemap"]
    with_sitemap = build_site(
        {"articles/beans.md": text},
        output=tmp_path / "with",
        PLUGINS=plugins,
        SITEURL="https://a.b",
    )
    assert not any("is not a field" in line for line in problems(with_sitemap))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"Template": "nope"}, "Template 'nope' is not a template of the theme (it has no"
                               " templates/nope.html); remove the line"),
        ({"Url": "javascript:alert(1)"}, "Url 'javascript:alert(1)' must be an address on this"
                                         " site"),
        ({"Url": "//evil.example/"}, "Url '//evil.example/' must be an address on this site"),
    ],
)  # fmt: skip
def test_pelicans_own_fields_that_would_break_the_page_are_errors(build_site, fields, message):
    files = {"articles/rice.md": GOOD, "articles/beans.md": article_text(**fields)}
    site = build_site(files)
    assert message in the_line(site, "articles/beans.md")
    assert site.report.counts["articles"] == 1
    assert len(problems(site)) == 1, problems(site)


def test_a_save_as_outside_the_site_is_an_error(build_site):
    text = article_text().replace("Title:", "Save_as: ../../x.html\nTitle:")
    site = build_site({"articles/rice.md": GOOD, "articles/beans.md": text})
    assert "articles/beans.md: Save_as '../../x.html' must be a file inside the site" in (
        the_line(site, "Save_as")
    )


def test_a_lone_translation_says_what_to_remove(build_site):
    site = build_site({"articles/beans.md": article_text(Translation="true")}, strict=False)
    assert the_line(site, "Translation").endswith(
        "articles/beans.md: says 'Translation: true', but there is no original with the slug"
        " '3-things-to-do-with-beans'; remove the Translation line"
    )


def test_an_empty_filename_link_is_named_with_its_article(build_site):
    body = "See [this]({filename}).\n\n" + BODY_THINGS
    site = build_site({"articles/beans.md": article_text(body=body)}, strict=False)
    assert len(problems(site)) == 1, problems(site)
    assert "articles/beans.md: the link '{filename}' names no file" in problems(site)[0]


def test_each_questions_entry_has_its_date_checked_on_its_own(build_site):
    text = (
        "- question: Soak?\n  date: 2026-03-20\n  answer: Yes, always.\n"
        "- question: Salt?\n  date: 2026-02-30\n  answer: Later.\n"
        "- question: Old?\n  date: 1900-01-01\n  answer: Very.\n"
    )
    site = build_site(
        {"articles/beans.md": article_text(Slug="beans"), "questions/beans.yml": text},
        strict=False,
    )
    assert "entry 2 date '2026-02-30' is not a date (no such day)" in the_line(site, "entry 2")
    assert "entry 3 date '1900-01-01' is outside 1970-2100" in the_line(site, "entry 3")
    assert len(problems(site)) == 2, problems(site)


def test_a_catalogue_with_no_usable_entry_gives_no_empty_list_of_ids(build_site):
    broken = CATALOGUE.replace("link: /about/", "link: javascript:alert(1)")
    site = build_site({"calls-to-action.yml": broken, "articles/rice.md": GOOD}, strict=False)
    assert len(problems(site)) == 1, problems(site)
    assert "entry 'newsletter', field 'link'" in problems(site)[0]


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims WIDTH x HEIGHT pixels (its pixels are never there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


def test_an_article_whose_processing_fails_is_one_line_and_the_others_build(build_site):
    # Pillow refuses a picture that claims to be 40000 by 40000 pixels: a "decompression bomb".
    files = {
        "articles/rice.md": GOOD,
        "articles/beans.md": article_text(Slug="beans", Image="{static}/images/huge.png"),
        "images/huge.png": _png_header(40000, 40000),
    }
    site = build_site(files, strict=False)
    lines = [line for line in problems(site) if "beans.md" in line]
    assert len(lines) == 1, problems(site)
    assert "articles/beans.md: Image '{static}/images/huge.png' is far too many pixels" in lines[0]
    assert site.report.counts["articles"] == 2


def test_one_articles_failing_step_is_one_error_and_marks_it_for_the_writer(caplog):
    from hub.writing import FAILED_SOURCES, one_article

    class Content:
        source_path = os.path.join(os.getcwd(), "content", "articles", "beans.md")

    context: dict = {}
    with one_article(Content(), context, "its share links"):
        {}["missing"]  # a real failure inside the step
    assert context[FAILED_SOURCES] == {Content.source_path}
    assert [r.getMessage() for r in caplog.records] == [
        "content/articles/beans.md: working out its share links failed ('missing');"
        " check its header and text"
    ]


def test_a_draft_from_invoke_new_published_unchanged_is_named_with_what_to_write(build_site):
    draft = starter_article(
        "3 things to do with lentils", "lentils", datetime.date(2026, 9, 14), "Pulses"
    )
    ready = draft.replace("Status: draft\n", "")
    site = build_site({"articles/lentils.md": ready, "articles/rice.md": GOOD}, strict=False)
    [line] = site.report.warnings
    # The first prompt a reader would meet is the one named.
    assert line.endswith(
        "articles/lentils.md: still holds the starter text of `invoke new` (“Write a short"
        " intro that says exactly what the reader will get.”); write your own words there"
        " before it is published"
    )
    # Still a draft: the prompts are what a draft is for.
    quiet = build_site({"articles/lentils.md": draft, "articles/rice.md": GOOD}, output=None)
    assert quiet.report.warnings == []
    # Only the Summary left as it came: still named.
    own = re.sub(r"## (\d)\. Name thing \d in a few words", r"## \1. Soak them", ready)
    own = own.replace("Write a short intro", "A short intro").replace(
        "Start with one", "Begin with one"
    )
    summary = build_site({"articles/lentils.md": own}, strict=False)
    [line] = summary.report.warnings
    assert "(“Say in one or two sentences what the reader will get from this article.”)" in line
