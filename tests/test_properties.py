"""Generated articles, built with the hub's plugins: never a traceback, every line names its file,
and the pages and their JSON-LD stay well formed.

CI runs 25 examples per property (the "ci" profile, the default). For a longer search:

    HUB_HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py

("long" tries 300 examples per property; add -x to stop at the first find). Hypothesis keeps
what it found in .hypothesis/ and tries it first next time.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import SETTINGS, disconnect_all_signals
from hub.build import build, forget_logged_messages

# Each example is a whole build (about half a second): CI tries a few and does not shrink what it
# finds (shrinking runs hundreds of builds); the long search shrinks to the smallest article.
settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", parent=settings.get_profile("ci"), max_examples=300, phases=list(Phase)
)
settings.load_profile(os.environ.get("HUB_HYPOTHESIS_PROFILE", "ci"))

ARTICLE = "content/articles/generated.md"
# Text that has broken parsers before: right-to-left, CJK, emoji sequences, controls, markup.
TRICKY = [
    "שלום עליכם", "مرحبا بالعالم", "乾燥豆で作る三つの料理", "무엇을 할까요", "👩‍👩‍👧‍👦", "🧑🏽‍🍳",
    "🏳️‍🌈", "1️⃣", "\u202egnp.exe", "\u200b", "\ufeff", "\x00", "\x1b[31m", "\x7f", "\u0301",
    "</script><script>alert(1)</script>", "<b>bold</b>", "{filename}/x.md", "&amp;", "#", ":",
    "  ", "\t", "Ω" * 300, "a" * 260, "3 things", "Five ways", "-->", "]]>", '"', "'", "\\",
]  # fmt: skip
FIELDS = [
    "Title", "Date", "Modified", "Category", "Tags", "Summary", "Stage", "Question", "Cta",
    "Hashtags", "Share", "Slug", "Status", "Next", "Image", "Conversation",
]  # fmt: skip
DATES = [
    "2026-09-14", "2026-09-14 09:00", "2026-09-14 09:00:30", "2026-09-14T09:00+02:00",
    "04/09/2026", "14/09/2026", "Sept 4", "2026-13-45", "0001-01-01", "9999-12-31", "",
    "2026-02-29", "1970-01-01 00:00", "tomorrow", "2026-09-14 25:61",
]  # fmt: skip

# Header values may hold anything (markup, NUL, names far over 255 bytes): the hub shows them
# as text, reports them or shortens them. Bodies never get raw HTML: the body keeps Markdown's
# usual HTML, so a writer's own unclosed tag stays the writer's.


def _texts(*, header: bool) -> st.SearchStrategy[str]:
    """Any text, with the tricky pieces mixed in; body text without raw markup."""
    made = st.one_of(
        st.text(max_size=80),
        st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=12)), max_size=6).map("".join),
    )
    return made if header else made.map(lambda text: text.replace("<", "&lt;"))


texts = _texts(header=True)
body_texts = _texts(header=False)
dates = st.one_of(
    st.sampled_from(DATES),
    st.dates().map(str),
    st.datetimes().map(lambda moment: moment.isoformat(sep=" ")),
    st.text(max_size=20),
)
field_names = st.one_of(
    st.sampled_from(FIELDS),
    st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,15}", fullmatch=True),
    st.text(min_size=1, max_size=10),
)
sections = st.lists(
    st.tuples(body_texts, st.one_of(body_texts, st.just("word " * 4000), st.just(""))),
    max_size=5,
)


@st.composite
def articles(draw: st.DrawFn) -> str:
    """An article file: a header of known and random fields, then sections of any size."""
    header = {
        "Title": draw(texts),
        "Date": draw(dates),
        "Category": draw(texts),
        "Tags": draw(texts),
        "Summary": draw(texts),
    }
    for name in draw(st.lists(field_names, max_size=4)):
        header[name] = draw(dates if name in ("Date", "Modified") else texts)
    for name in draw(st.lists(st.sampled_from(sorted(header)), max_size=2)):
        header.pop(name, None)
    lines = [f"{name}: {value}" for name, value in header.items()]
    body = [draw(body_texts)]
    for heading, text in draw(sections):
        body += [f"## {heading}", text]
    return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


# Elements without an end tag in HTML.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class _Balance(HTMLParser):
    """Checks that every element the hub writes is closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def page_problems(html: str) -> list[str]:
    """What is not well formed in HTML: unbalanced elements, JSON-LD that is not JSON."""
    checker = _Balance()
    checker.feed(html)
    checker.close()
    problems = checker.problems + [f"<{tag}> never closed" for tag in checker.open]
    for script in BeautifulSoup(html, "html.parser").find_all("script"):
        if script.get("type") == "application/ld+json":
            try:
                json.loads(script.string or "")
            except ValueError as error:
                problems.append(f"JSON-LD: {error}")
        elif not script.get("src"):
            problems.append("an inline script the theme never writes")
    return problems


def build_one(text: str) -> tuple[object, Path]:
    """Build a site of one article TEXT with every hub plugin; the report and the output."""
    folder = Path(tempfile.mkdtemp(prefix="hub-property-"))
    previous = Path.cwd()
    os.chdir(folder)
    try:
        article = folder / ARTICLE
        article.parent.mkdir(parents=True)
        article.write_text(text, encoding="utf-8", errors="surrogatepass")
        disconnect_all_signals()
        forget_logged_messages()
        overrides = {
            "PATH": str(folder / "content"),
            "CACHE_CONTENT": False,
            "LINK_PREVIEWS_CARD_CACHE": str(folder / "cards"),
        }
        report = build(SETTINGS, folder / "output", overrides=overrides)
        return report, folder
    finally:
        os.chdir(previous)


def assert_sound(report, folder: Path) -> None:
    """The build's promises, whatever the article held."""
    lines = report.errors + report.warnings
    for line in lines:
        assert "Traceback" not in line and "\n" not in line, line
        assert str(folder) not in line and tempfile.gettempdir() not in line, line
        assert "content/" in line or ".yml" in line or ".md" in line, f"names no file: {line}"
    output = folder / "output"
    if not report.ok:
        assert not output.exists(), "a failed build made an output folder"
        return
    for page in output.rglob("*.html"):
        problems = page_problems(page.read_text(encoding="utf-8"))
        assert problems == [], f"{page.relative_to(output)}: {problems}"


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_builds_or_is_reported_in_lines_naming_its_file(text):
    report, folder = build_one(text)
    try:
        assert_sound(report, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
