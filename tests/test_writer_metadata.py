"""Every content mistake gives one line naming the file and the field, and fails strict builds."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import article_text

ROOT = Path(__file__).resolve().parent.parent
GOOD = article_text("3 things to do with rice", Slug="rice")

MISTAKES = [
    (
        {"articles/beans.md": article_text(Stage="convert")},
        "articles/beans.md: Stage 'convert' is not one of learn, try, decide",
    ),
    (
        {"articles/beans.md": article_text(Title=None)},
        "articles/beans.md: Title is missing; add a line 'Title: ",
    ),
    (
        {"articles/beans.md": article_text(Date=None)},
        "articles/beans.md: Date is missing; add a line 'Date: ",
    ),
    (
        {"articles/beans.md": article_text(Summary=None)},
        "articles/beans.md: Summary is missing; add a line 'Summary: ",
    ),
    (
        {"articles/beans.md": article_text(Category=None)},
        "articles/beans.md: Category is missing; add a line 'Category: ",
    ),
    (
        {"articles/beans.md": article_text(Tags=None)},
        "articles/beans.md: Tags is missing; add a line 'Tags: ",
    ),
    (
        {"articles/beans.md": article_text(Tags="")},
        "articles/beans.md: Tags is missing",
    ),
    (
        {"articles/beans.md": article_text(Date="next tuesday")},
        "articles/beans.md: Date 'next tuesday' is not a date; write it as 2026-09-14",
    ),
    (
        {"articles/beans.md": article_text(Modified="31/31/2026")},
        "articles/beans.md: Modified '31/31/2026' is not a date",
    ),
    (
        {"articles/beans.md": "Title: Café\nDate: 2026-01-01\n\nx".encode("latin-1")},
        "articles/beans.md: the file is not UTF-8 text",
    ),
    ({"articles/beans.md": "\n  \n"}, "articles/beans.md: the file is empty"),
    (
        {"articles/a.md": article_text(), "articles/b.md": article_text()},
        "Slug '3-things-to-do-with-beans' is already used by",
    ),
    (
        {
            "articles/a.md": article_text(Slug="about"),
            "pages/about.md": "Title: About\nSlug: about\n\nHi.",
        },
        "Slug 'about' is already used by",
    ),
    (
        {"pages/about.md": "Summary: no title\n\nHi."},
        "pages/about.md: Title is missing",
    ),
]


@pytest.mark.parametrize(("files", "message"), MISTAKES, ids=[m for _, m in MISTAKES])
def test_mistake_gives_one_clear_line_and_fails_strict_build(build_site, files, message):
    site = build_site({"articles/rice.md": GOOD, **files}, strict=True)
    assert not site.report.ok
    problems = site.report.errors + site.report.warnings
    matching = [line for line in problems if message in line]
    assert len(matching) == 1, problems
    assert "\n" not in matching[0]
    assert "Traceback" not in " ".join(problems)
    assert not any(line.startswith("Could not process") for line in problems)


def test_title_promising_another_count_warns_with_both_numbers(build_site):
    site = build_site({"articles/beans.md": article_text("5 things to do with beans")})
    assert len(site.report.warnings) == 1
    warning = site.report.warnings[0]
    assert "articles/beans.md: the title promises 5 things but the article has 3" in warning
    assert not site.report.ok


def test_non_strict_build_keeps_going_past_warnings(build_site):
    files = {"articles/beans.md": article_text("5 things to do with beans")}
    site = build_site(files, strict=False)
    assert site.report.ok
    assert site.article("5-things-to-do-with-beans").find(id="thing-3")


def test_article_without_tags_or_category_still_builds_when_not_strict(build_site):
    site = build_site({"articles/beans.md": article_text(Tags="", Category=None)}, strict=False)
    assert len(site.report.errors) == 2, site.report.errors
    assert "Traceback" not in " ".join(site.report.errors)


def test_stage_defaults_to_learn_and_fields_are_tidied(build_site):
    text = article_text(Hashtags="#ZeroWaste, BatchCooking ,", Question="  What   now? ")
    site = build_site({"articles/beans.md": text}, READER_STAGE_LABELS={"learn": "New here"})
    assert site.report.ok, site.report.errors
    page = site.article("3-things-to-do-with-beans")
    assert page.select_one(".kicker .stage")["class"] == ["stage", "stage-learn"]


def test_failed_build_leaves_last_good_output_byte_for_byte(build_site, tmp_path):
    output = tmp_path / "kept"
    good = build_site({"articles/rice.md": GOOD}, output=output)
    assert good.report.ok
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    bad = build_site({"articles/beans.md": article_text(Date="soon")}, output=output)
    assert not bad.report.ok
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if "building" in p.name] == []


def test_good_build_replaces_output(build_site, tmp_path):
    output = tmp_path / "kept"
    build_site({"articles/rice.md": GOOD}, output=output)
    (output / "stale.html").write_text("old")
    build_site({"articles/rice.md": GOOD}, output=output)
    assert not (output / "stale.html").exists()
    assert (output / "rice" / "index.html").exists()


def test_plain_pelican_command_builds_any_content_folder_with_plugins(tmp_path):
    content = tmp_path / "anything"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "beans.md").write_text(article_text(), encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(out), "--fatal", "warnings"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    page = (out / "3-things-to-do-with-beans" / "index.html").read_text()
    assert 'id="thing-3"' in page
