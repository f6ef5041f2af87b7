"""`invoke check` on real builds: the sample passes; broken links and anchors are named."""

from __future__ import annotations

import io
import re

from conftest import SETTINGS, article_text, write_files
from hub.build import build
from hub.progress import Progress
from workflow.check import check_site

ORIGIN = "http://127.0.0.1:8000"


def problems_in(site) -> list[str]:
    """The check's lines, with files named relative to the content folder."""
    assert not site.report.errors
    content = f"{site.output.parent / 'content'}/"
    problems = check_site(site.output, ORIGIN, site.report.sources).problems
    return [str(problem).replace(content, "") for problem in problems]


def test_the_sample_site_passes_the_check(sample_site):
    result = check_site(sample_site.output, ORIGIN, sample_site.report.sources)
    assert [str(problem) for problem in result.problems] == []
    assert result.pages >= 14 and result.links > 100


def test_a_broken_link_and_a_missing_anchor_are_named_with_their_page(build_site):
    body = (
        "Intro with [a typo](/dried-beens/) and [a lost thing](/rice/#thing-7).\n\n"
        "## 1. One\n\nSee [two](#thing-2). Then go.\n\n## 2. Two\n\nFine. Done.\n\n"
        "## 3. Three\n\nAlso [elsewhere](https://example.com/x) and [mail](mailto:a@b.c).\n"
    )
    site = build_site(
        {
            "articles/beans.md": article_text(Slug="beans", body=body),
            "articles/rice.md": article_text("3 things to do with rice", Slug="rice"),
        }
    )
    assert problems_in(site) == [
        "articles/beans.md (/beans/): link '/dried-beens/' leads nowhere"
        " (no dried-beens/index.html in the site); fix or remove it",
        "articles/beans.md (/beans/): link '/rice/#thing-7' points to #thing-7,"
        " which is not on /rice/",
    ]


def test_an_image_without_alt_text_is_named(build_site):
    things = "".join(f"## {n}. Thing\n\nDo it. Then rest.\n\n" for n in (1, 2, 3))
    body = f"Intro.\n\n![](/images/beans.png)\n\n{things}"
    site = build_site(
        {
            "articles/beans.md": article_text(Slug="beans", body=body),
            "images/beans.png": b"\x89PNG\r\n\x1a\n",
        },
        strict=False,
    )
    assert problems_in(site) == [
        "articles/beans.md (/beans/): image '/images/beans.png' has no alt text;"
        " describe it in the brackets of ![...](...)"
    ]


def test_a_long_build_shows_progress_and_ends_with_a_one_line_summary(tmp_path):
    files = {
        f"articles/a{n}.md": article_text(f"3 things to do with beans {n}", Slug=f"a{n}")
        for n in range(12)
    }
    content = write_files(tmp_path / "content", files)
    stream, echoed = io.StringIO(), []
    report = build(
        SETTINGS,
        tmp_path / "output",
        strict=True,
        overrides={"PATH": str(content), "CACHE_CONTENT": False},
        echo=echoed.append,
        progress=Progress(stream, threshold=10),
    )
    assert echoed == []
    assert stream.getvalue().splitlines()[-1] == f"Reading articles [{'#' * 30}] 12/12"
    assert len(stream.getvalue().splitlines()) == 10
    assert re.fullmatch(
        r"Built 12 articles, 0 pages, \d+ snippets in \d+\.\d s, 0 warnings", report.summary()
    )
    assert report.sources["a3/index.html"].endswith("articles/a3.md")


def test_each_warning_is_one_line_and_counted_in_the_summary(tmp_path):
    content = write_files(
        tmp_path / "content",
        {
            "articles/a.md": article_text(
                "3 things to do with beans", body="Hi.\n\n## 1. One\n\nA. B.\n"
            )
        },
    )
    echoed: list[str] = []
    report = build(
        SETTINGS,
        tmp_path / "output",
        overrides={"PATH": str(content), "CACHE_CONTENT": False},
        echo=echoed.append,
    )
    assert len(echoed) == 1 and echoed[0].startswith("warning: ") and "\n" not in echoed[0]
    assert report.summary().endswith(", 1 warning")
