"""Every built article loads in at most 4 requests and 20 KB of HTML, CSS and JS."""

from pathlib import Path

import pytest

from conftest import sample_dir
from quality.weight import Resource, css_resources, html_resources, page_weight

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((sample_dir() / "articles").glob("*.md"))
MAX_REQUESTS = 4
MAX_CODE_BYTES = 20_000
PAGE = "http://127.0.0.1:8000/beans/"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<link rel="stylesheet" href="/theme/css/hub.css">',
         [("/theme/css/hub.css", "css"), ("/favicon.ico", "icon")]),
        ('<link rel="icon" href="/favicon.ico"><link rel="icon" href="/theme/favicon.svg">',
         [("/favicon.ico", "icon")]),
        ('<link rel="icon" href="/i.svg"><script src="/theme/js/copy.js" defer></script>',
         [("/i.svg", "icon"), ("/theme/js/copy.js", "js")]),
        ('<link rel="icon" href="/i.svg"><script type="module" src="m.js"></script>',
         [("/i.svg", "icon"), ("/beans/m.js", "js")]),
        ('<link rel="icon" href="/i.svg"><img src="a.png"><img src="b.png" loading="lazy">',
         [("/i.svg", "icon"), ("/beans/a.png", "image")]),
        ('<link rel="icon" href="/i.svg"><link rel="preload" href="/f.woff2" as="font">',
         [("/i.svg", "icon"), ("/f.woff2", "font")]),
        ('<link rel="icon" href="/i.svg"><iframe src="https://comments.example/embed"></iframe>',
         [("/i.svg", "icon"), ("https://comments.example/embed", "html")]),
        ('<link rel="icon" href="/i.svg"><link rel="canonical" href="/beans/">'
         '<link rel="alternate" href="/feed.xml"><a href="/x/">x</a><script>1</script>',
         [("/i.svg", "icon")]),
    ],
)  # fmt: skip
def test_html_resources_lists_what_a_browser_fetches_on_load(html, expected):
    found = html_resources(html, PAGE)
    assert found[0] == Resource(PAGE, "html")
    origin = "http://127.0.0.1:8000"
    assert [(r.url.removeprefix(origin), r.kind) for r in found[1:]] == expected


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("body{color:red}", []),
        ('@import url("extra.css");', [("http://127.0.0.1:8000/theme/css/extra.css", "css")]),
        ("@import 'print.css' print;", [("http://127.0.0.1:8000/theme/css/print.css", "css")]),
        ("@font-face{font-family:x;src:url(/f.woff2) format('woff2')}",
         [("http://127.0.0.1:8000/f.woff2", "font")]),
        (".hero{background:url(bg.png)}", []),
    ],
)  # fmt: skip
def test_css_resources_adds_imports_and_web_fonts(css, expected):
    found = css_resources(css, "http://127.0.0.1:8000/theme/css/hub.css")
    assert [(r.url, r.kind) for r in found] == expected


def test_page_weight_counts_code_bytes_and_requests_but_not_image_bytes(tmp_path):
    (tmp_path / "beans").mkdir()
    (tmp_path / "beans" / "index.html").write_text(
        '<link rel="stylesheet" href="/site.css"><script src="/app.js" defer></script>'
        '<img src="/big.png" alt="">'
    )
    (tmp_path / "site.css").write_text("@import 'more.css';")
    (tmp_path / "more.css").write_text("p{}" * 100)
    (tmp_path / "app.js").write_text("x" * 1000)
    (tmp_path / "big.png").write_bytes(b"\0" * 50_000)
    weight = page_weight(tmp_path, "beans/")
    html_bytes = (tmp_path / "beans" / "index.html").stat().st_size
    assert weight.code_bytes == html_bytes + 19 + 300 + 1000
    # Page, stylesheet, script, image, the favicon every browser asks for, the @import.
    assert weight.requests == 6
    assert weight.missing == ("http://127.0.0.1:8000/favicon.ico",)


@pytest.mark.parametrize("source", ARTICLES, ids=lambda path: path.stem)
def test_every_sample_article_is_within_the_page_budget(sample_site, source):
    weight = page_weight(sample_site.output, f"{source.stem}/")
    assert weight.missing == (), "every resource a page loads is a file of the site"
    assert weight.requests <= MAX_REQUESTS, weight.describe()
    assert weight.code_bytes <= MAX_CODE_BYTES, weight.describe()


def test_every_built_article_page_is_weighed(sample_site):
    built = {path.parent.name for path in sample_site.output.glob("*/index.html")}
    assert {source.stem for source in ARTICLES} <= built
