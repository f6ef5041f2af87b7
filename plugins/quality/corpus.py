"""The standard benchmark corpus, laid out as the hub's content folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[2] / "tests" / "bench" / "make_corpus.py"


def hub_layout(text: str) -> str:
    """Point the generator's internal links at content/articles/ instead of posts/."""
    # {static}/images/... already matches content/images/; only {filename} links move.
    return text.replace("{filename}/posts/", "{filename}/articles/")


def make_content(folder: Path, articles: int, seed: int | None = None) -> Path:
    """Generate ARTICLES articles and lay them out as FOLDER/content; return that folder."""
    raw = folder / "corpus"
    command = [sys.executable, str(GENERATOR), str(raw), str(articles)]
    if seed is not None:
        command += ["--seed", str(seed)]
    subprocess.run(command, check=True, capture_output=True)
    content = folder / "content"
    (content / "articles").mkdir(parents=True)
    for post in sorted((raw / "posts").glob("*.md")):
        text = post.read_text(encoding="utf-8")
        (content / "articles" / post.name).write_text(hub_layout(text), encoding="utf-8")
    shutil.move(raw / "images", content / "images")
    shutil.rmtree(raw)
    return content


def touch_article(content: Path, index: int) -> Path:
    """Change one article the way a writer would (a new last line) and return it."""
    articles = sorted((content / "articles").glob("*.md"))
    article = articles[index % len(articles)]
    with article.open("a", encoding="utf-8") as stream:
        stream.write(f"\nOne more line, edit {index}.\n")
    return article
