"""`invoke init`, run as a writer runs it, in a copy of the project's own files."""

from __future__ import annotations

import json
import os
import pty
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_readme_commands import EXTRA
from test_tasks import environment, invoke

from conftest import article_text, copy_project
from hub.palette import palette
from hub.site_file import load
from workflow.init import local_timezone, sample_content, welcome

ROOT = Path(__file__).resolve().parent.parent
# Files that are text, so every one can be searched for the sample's name.
TEXT_TYPES = {".html", ".xml", ".txt", ".json", ".csv", ".ics", ".css", ".js", ".svg", ""}
# The README's command, exactly (without the leading `invoke`).
INIT = 'init --name "Bramble Bakery" --email hello@bramble.example --yes'
BRAMBLE = ("--name", "Bramble Bakery", "--email", "hello@bramble.example")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project as a fresh clone has it: the sample in content/, not set up."""
    return copy_project(tmp_path / "project")


def said(ran: subprocess.CompletedProcess) -> list[str]:
    return ran.stderr.strip().splitlines()


def test_init_then_build_names_the_business_and_never_the_sample(project):
    ran = invoke(project, *shlex.split(INIT))
    assert ran.returncode == 0, ran.stderr
    lines = said(ran)
    assert lines[-4] == "Next:"
    assert [line.split()[:2] for line in lines[-3:]] == [
        ["invoke", "serve"],
        ["invoke", "new"],
        ["SITEURL=https://www.example.com", "invoke"],
    ]
    assert load(project / "site.yml")["SITENAME"] == "Bramble Bakery"
    assert (project / "examples/content/articles/3-things-to-do-with-a-squeezed-lemon.md").is_file()
    assert (project / "examples/site.yml").is_file()
    assert sample_content(project) == project / "examples/content"
    drafts = list((project / "content/articles").glob("*.md"))
    assert [draft.name for draft in drafts] == [
        "3-things-to-know-before-your-first-visit-to-bramble-bakery.md"
    ]
    # Publish the first draft, so the article page, its card and the share kit are built too.
    draft = drafts[0]
    draft.write_text(draft.read_text().replace("Status: draft\n", ""))
    built = invoke(project, "build")
    assert built.returncode == 0, built.stderr
    # The address given is an example one, and the draft still holds init's starter text:
    # the build says both, naming site.yml's key and the article.
    assert [line for line in built.stderr.splitlines() if line.startswith("warning:")] == [
        "warning: site.yml: email 'hello@bramble.example' is an example address, not yours;"
        " put your own there before you publish",
        f"warning: content/articles/{draft.name}: still holds the starter text of `invoke new`"
        " (“Write a short intro that says exactly what the reader will get.”); write your own"
        " words there before it is published",
    ]
    output = project / "output"
    texts = [path for path in output.rglob("*") if path.is_file() and path.suffix in TEXT_TYPES]
    assert len(texts) > 20 and (output / "share/snippets.json").is_file()
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert "larder" not in text.lower(), path.relative_to(output)
    for page in ("index.html", "about/index.html", "ask/index.html", "privacy/index.html"):
        html = (output / page).read_text(encoding="utf-8")
        assert "Bramble Bakery" in html, page
    article = BeautifulSoup((output / draft.stem / "index.html").read_text(), "html.parser")
    data = json.loads(article.find("script", type="application/ld+json").string)
    assert data["publisher"]["name"] == "Bramble Bakery"
    assert article.find("meta", property="og:site_name")["content"] == "Bramble Bakery"
    assert article.find("meta", property="og:image")["content"].endswith(".png")
    assert "mailto:hello@bramble.example" in str(article)


def test_a_second_init_refuses_unless_forced_and_never_touches_the_writers_files(project):
    assert invoke(project, "init", *BRAMBLE, "--yes").returncode == 0
    draft = next((project / "content/articles").glob("*.md"))
    draft.write_text(draft.read_text() + "\nMy own words.\n")
    about = project / "content/pages/about.md"
    about.write_text(about.read_text() + "\nOpen every day.\n")
    mine = {path: path.read_text() for path in (draft, about)}
    site_yml = project / "site.yml"
    edited = re.sub(r"(?m)^timezone: .*$", "timezone: Europe/Paris", site_yml.read_text())
    site_yml.write_text(edited.replace('accent: ""', 'accent: "#aa3300"'))

    again = invoke(project, "init", *BRAMBLE, "--yes")
    assert again.returncode == 1
    assert said(again) == [
        "error: this hub is already set up (site.yml names your site); change site.yml"
        " directly, or run invoke init --force to write it again (articles are kept)"
    ]
    forced = invoke(
        project, "init", "--name", "Bramble & Co", "--email", "a@b.example", "--yes", "--force"
    )
    assert forced.returncode == 0, forced.stderr
    kept = load(project / "site.yml")
    assert kept["SITENAME"] == "Bramble & Co" and kept["CONVERSATION_EMAIL"] == "a@b.example"
    # What the writer changed by hand, and init did not ask again, is kept.
    assert kept["TIMEZONE"] == "Europe/Paris" and kept["BRAND_ACCENT"] == "#aa3300"
    assert kept["SITE_TAGLINE"] == "Helpful ideas from Bramble Bakery"
    assert {path: path.read_text() for path in mine} == mine
    assert len(list((project / "content/articles").glob("*.md"))) == 1
    assert (project / "examples/content/pages/pantry-checklist.md").is_file()


def test_a_site_yml_of_the_writers_own_counts_as_set_up(project):
    site_yml = project / "site.yml"
    site_yml.write_text(site_yml.read_text().replace("name: Larder Lane", "name: My Shop"))
    ran = invoke(project, *shlex.split(INIT))
    assert ran.returncode == 1 and said(ran)[0].startswith("error: this hub is already set up")
    assert (project / "content/articles/3-things-to-do-with-a-squeezed-lemon.md").is_file()


def test_without_a_terminal_init_names_the_flag_it_needs_and_changes_nothing(project):
    before = (project / "site.yml").read_text()
    ran = invoke(project, "init", "--email", "hello@bramble.example")
    assert ran.returncode == 1
    assert said(ran) == [
        "error: init needs --name when it cannot ask (no terminal);"
        ' e.g. invoke init --name "Bramble Bakery" --email hello@bramble.example --yes'
    ]
    wrong = invoke(project, "init", "--name", "Bramble Bakery", "--email", "bramble", "--yes")
    assert said(wrong) == [
        "error: --email: 'bramble' is not an email address like hello@example.com"
    ]
    assert (project / "site.yml").read_text() == before
    assert not (project / "examples").exists()
    assert (project / "content/articles/3-things-to-do-with-a-squeezed-lemon.md").is_file()
    light = invoke(project, "init", *BRAMBLE, "--colour", "#f5c400", "--yes")
    assert light.returncode == 0
    assert f"warning: {palette('#f5c400').warnings[0]}" in said(light)


def test_every_answer_has_a_flag_and_no_examples_deletes_the_sample(project, tmp_path):
    mine = project / "content/articles/my-first-idea.md"
    mine.write_text(article_text("3 things to bake first", Status="draft"))
    logo = tmp_path / "bramble.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"/>')
    ran = invoke(
        # A publishable hub: no example address for readers' questions.
        project, "init", "--name", "Bramble Bakery", "--email", "hello@bramble.test",
        "--no-examples",
        "--tagline", "Bread worth the wait", "--about", "Sourdough and buns, baked on Elm Street.",
        "--url", "https://bramble.example", "--language", "en", "--timezone", "Europe/Dublin",
        "--colour", "#7A1F3D", "--logo", str(logo), "--networks", "bluesky, mastodon",
        "--slots", "mon 08:00, fri 16:30", "--form", "https://formspree.io/f/abc",
        "--newsletter", "https://buttondown.com/api/emails/embed-subscribe/bramble",
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    settings = load(project / "site.yml")
    assert settings["SITE_TAGLINE"] == "Bread worth the wait"
    assert settings["SITE_DESCRIPTION"] == "Sourdough and buns, baked on Elm Street."
    assert settings["SITE_ADDRESS"] == "https://bramble.example"
    assert settings["TIMEZONE"] == "Europe/Dublin" and settings["BRAND_COLOUR"] == "#7a1f3d"
    assert settings["BRAND_LOGO"] == "images/logo.svg"
    assert (project / "content/images/logo.svg").read_text() == logo.read_text()
    assert settings["SHARE_NETWORKS"] == ("bluesky", "mastodon")
    assert settings["SHARE_SLOTS"] == ("mon 08:00", "fri 16:30")
    assert settings["CONVERSATION_FORM_ENDPOINT"] == "https://formspree.io/f/abc"
    assert settings["SITE_NEWSLETTER"] == (
        "https://buttondown.com/api/emails/embed-subscribe/bramble"
    )
    catalogue = (project / "content/calls-to-action.yml").read_text()
    assert "provider: buttondown" in catalogue and "    action:" not in catalogue
    privacy = (project / "content/pages/privacy.md").read_text()
    assert "formspree.io" in privacy and "buttondown.com" in privacy
    assert not (project / "examples").exists() and sample_content(project) is None
    assert sorted(p.name for p in (project / "content/articles").glob("*.md")) == [mine.name]
    assert sorted(p.name for p in (project / "content/pages").glob("*.md")) == [
        "about.md", "ask.md", "privacy.md"
    ]  # fmt: skip
    assert said(ran)[-1].split()[:2] == ["invoke", "publish"]
    # site.yml's url is the address publish builds for, without SITEURL in the environment.
    published = invoke(project, "publish", "--dry-run")
    assert published.returncode == 0, published.stderr
    assert "for https://bramble.example from output/" in published.stderr


def test_in_a_terminal_init_asks_each_question_and_enter_keeps_the_suggestion(project):
    # A pseudo-terminal stands in for the writer's: init asks, the answers are typed.
    typed = ["Bramble Bakery", "", "", "", "nope", "hello@bramble.example", *[""] * 8]
    main, other = pty.openpty()
    os.write(main, "".join(f"{line}\n" for line in typed).encode())
    ran = subprocess.run(
        [sys.executable, "-m", "invoke", "init"],
        cwd=project,
        env=environment(),
        stdin=other,
        stdout=other,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    os.close(other)
    os.close(main)
    assert ran.returncode == 0, ran.stderr
    # Python writes input()'s prompt to stderr when the terminal has no readline.
    prompts = ran.stderr
    assert "Your business's name: " in prompts
    assert "The site's language (en, fr, de, es, nl) [en]: " in prompts
    assert "A one-line tagline [Helpful ideas from Bramble Bakery]: " in prompts
    assert "('nope' is not an email address like hello@example.com)" in prompts
    settings = load(project / "site.yml")
    assert settings["SITE_TAGLINE"] == "Helpful ideas from Bramble Bakery"
    assert settings["CONVERSATION_EMAIL"] == "hello@bramble.example"
    assert settings["TIMEZONE"] == local_timezone() and settings["BRAND_COLOUR"] == "#1d4d2b"


def test_the_suggested_time_zone_is_the_machines_by_name(tmp_path):
    zones = tmp_path / "usr/share/zoneinfo"
    (zones / "Europe").mkdir(parents=True)
    (zones / "Europe/Dublin").write_bytes(b"TZif")
    (zones / "Nowhere").write_bytes(b"TZif")
    for target, expected in (("Europe/Dublin", "Europe/Dublin"), ("Nowhere", "UTC")):
        link = tmp_path / f"localtime-{expected.replace('/', '-')}"
        link.symlink_to(zones / target)
        assert local_timezone(link) == expected
    assert local_timezone(tmp_path / "missing") == "UTC"


# The tests that build the sample, the commands' copies of the project and init in a copy.
SAMPLE_TESTS = (
    "tests/test_site.py",
    "tests/test_page_weight.py",
    "tests/test_nurture_catalogue.py",
    "tests/test_search.py::test_the_sample_indexes_its_articles_and_pages_only",
    "tests/test_tasks.py::test_check_passes_on_the_sample_site",
    "tests/test_feeds.py",
    "tests/test_digest.py",
    "tests/test_conversation.py",
    "tests/test_link_previews.py::test_sample_site_articles_have_previews_and_reader_questions_as_comments",
    "tests/test_build_faults.py::test_a_file_size_limit_fails_the_build_in_one_line_and_keeps_output",
    "tests/test_readme_commands.py::test_readme_command_runs_as_written[invoke build]",
    "tests/test_init.py::test_a_site_yml_of_the_writers_own_counts_as_set_up",
)


def test_after_init_the_tests_still_build_the_sample_not_the_writers_content(tmp_path):
    project = copy_project(tmp_path / "project", (*EXTRA, "README.md", ".gitignore"))
    assert sample_content(project) == project / "content"
    assert invoke(project, *shlex.split(INIT)).returncode == 0
    assert not (project / "content/articles/3-things-to-do-with-a-squeezed-lemon.md").exists()
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SAMPLE_TESTS],
        cwd=project,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = ran.stdout.strip().splitlines()[-1]
    assert ran.returncode == 0, ran.stdout[-3000:]
    assert re.fullmatch(r"(=+ )?\d+ passed in .*", summary), summary


# Per language: the About page's title, the first draft's file and a line of the Ask-us page.
IN_LANGUAGE = {
    "fr": (
        "À propos de Bramble Bakery",
        "3-choses-a-savoir-avant-votre-premiere-visite-chez-bramble-bakery.md",
        "## Comment nous poser une question",
    ),
    "de": (
        "Über Bramble Bakery",
        "3-dinge-die-sie-vor-ihrem-ersten-besuch-bei-bramble-bakery-wissen-sollten.md",
        "## So fragen Sie uns",
    ),
    "es": (
        "Sobre Bramble Bakery",
        "3-cosas-que-debes-saber-antes-de-tu-primera-visita-a-bramble-bakery.md",
        "## Cómo preguntar",
    ),
    "nl": (
        "Over Bramble Bakery",
        "3-dingen-om-te-weten-voor-je-eerste-bezoek-aan-bramble-bakery.md",
        "## Zo stel je een vraag",
    ),
}
# English words of init's pages, draft and calls to action that no other language keeps.
ENGLISH = (
    "Why this site exists", "How to ask", "When you read the site", "Name thing",
    "Write a short intro", "Stuck on something", "Ask a question", "Helpful ideas",
)  # fmt: skip


@pytest.mark.parametrize("lang", sorted(IN_LANGUAGE))
def test_init_in_each_language_writes_the_readers_pages_in_it_and_check_passes(project, lang):
    about_title, draft_name, ask_line = IN_LANGUAGE[lang]
    ran = invoke(
        project, "init", "--name", "Bramble Bakery", "--email", "hello@bramble.test",
        "--language", lang, "--yes",
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert load(project / "site.yml")["DEFAULT_LANG"] == lang
    content = project / "content"
    written = [*content.glob("pages/*.md"), *content.glob("articles/*.md")]
    written.append(content / "calls-to-action.yml")
    assert (content / "pages/about.md").read_text().startswith(f"Title: {about_title}\n")
    assert ask_line in (content / "pages/ask.md").read_text()
    assert [path.name for path in content.glob("articles/*.md")] == [draft_name]
    for path in written:
        text = path.read_text(encoding="utf-8")
        # The draft's header note is for the writer, and writer-facing words stay English.
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        assert not [words for words in ENGLISH if words in text], path.name
    assert f'invoke new "{welcome(lang)["new_example"]}"' in ran.stderr

    checked = invoke(project, "check")
    assert checked.returncode == 0, checked.stderr
    # Published as it is, the draft's title keeps its promise: the one line left is the
    # starter text, found in its own language.
    draft = content / "articles" / draft_name
    draft.write_text(draft.read_text().replace("Status: draft\n", ""))
    built = invoke(project, "build")
    assert built.returncode == 0, built.stderr
    warnings = [line for line in said(built) if line.startswith("warning:")]
    assert len(warnings) == 1 and "still holds the starter text" in warnings[0], warnings
    page = BeautifulSoup(
        (project / "output" / draft.stem / "index.html").read_text(), "html.parser"
    )
    assert page.html["lang"] == lang
    assert len(page.select("h2[id^=thing-]")) == 3
