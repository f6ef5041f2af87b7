#!/usr/bin/env python3
"""Deterministic generator of a synthetic Pelican Markdown corpus.

Usage: make_corpus.py OUTDIR N [--seed S]

Writes OUTDIR/posts/<slug>.md (N articles) and OUTDIR/images/img-XX.png
(shared placeholder images referenced via {static}).  Each article is a
"3 things to do with <topic>" piece: intro paragraph, three '## ' sections
of 2-4 paragraphs, some bullet/numbered lists, external links, one
internal {filename} link to the previous article, one {static} image,
~600-900 words, with accents, emoji and a few CJK words.  ~20 categories,
~100 tags (Zipf-ish popularity).  Same (N, seed) -> byte-identical output.
"""

import argparse
import datetime as dt
import random
import re
import struct
import sys
import unicodedata
import zlib
from pathlib import Path

CATEGORIES = [
    "Cooking",
    "Travel",
    "Gardening",
    "Home Office",
    "Photography",
    "Cycling",
    "Music",
    "Parenting",
    "Personal Finance",
    "Fitness",
    "Programming",
    "Reading",
    "Crafts",
    "Pets",
    "Weekend Projects",
    "Coffee & Tea",
    "Minimalism",
    "Outdoors",
    "Languages",
    "Café Culture",
]

TAG_WORDS = [
    "tips",
    "beginners",
    "budget",
    "weekend",
    "quick",
    "diy",
    "zero-waste",
    "family",
    "solo",
    "winter",
    "summer",
    "spring",
    "autumn",
    "rainy-day",
    "outdoors",
    "indoors",
    "productivity",
    "mindfulness",
    "recipes",
    "tools",
    "upcycling",
    "repair",
    "learning",
    "hobbies",
    "health",
    "sleep",
    "focus",
    "kids",
    "dogs",
    "cats",
    "bikes",
    "hiking",
    "camping",
    "baking",
    "fermentation",
    "sourdough",
    "espresso",
    "matcha",
    "tea",
    "vinyl",
    "guitar",
    "piano",
    "synths",
    "film",
    "35mm",
    "street",
    "portraits",
    "macro",
    "travel-hacks",
    "trains",
    "road-trips",
    "city-breaks",
    "islands",
    "mountains",
    "beaches",
    "museums",
    "libraries",
    "journaling",
    "notebooks",
    "fountain-pens",
    "linux",
    "python",
    "raspberry-pi",
    "self-hosting",
    "backups",
    "privacy",
    "spreadsheets",
    "saving",
    "investing",
    "frugal",
    "decluttering",
    "storage",
    "balcony",
    "houseplants",
    "herbs",
    "compost",
    "seeds",
    "knitting",
    "woodworking",
    "sewing",
    "pottery",
    "painting",
    "sketching",
    "board-games",
    "puzzles",
    "podcasts",
    "audiobooks",
    "languages",
    "japanese",
    "spanish",
    "french",
    "café",
    "crème",
    "smörgåsbord",
    "生活",
    "旅行",
    "fika",
    "hygge",
    "emoji-fun",
    "best-of",
]
assert len(TAG_WORDS) == 100, len(TAG_WORDS)

TOPIC_ADJ = [
    "an old",
    "a spare",
    "a broken",
    "a tiny",
    "a second-hand",
    "a forgotten",
    "a rainy",
    "a free",
    "a leftover",
    "a noisy",
    "a cheap",
    "your first",
    "a half-finished",
    "a vintage",
    "a borrowed",
    "an extra",
]
TOPIC_NOUN = [
    "laptop",
    "bicycle",
    "sourdough starter",
    "balcony",
    "Sunday afternoon",
    "notebook",
    "Raspberry Pi",
    "bag of coffee beans",
    "camera",
    "guitar",
    "jar of kimchi",
    "spreadsheet",
    "garden shed",
    "train ticket",
    "crème brûlée torch",
    "piano",
    "tent",
    "houseplant",
    "fountain pen",
    "weekend in São Paulo",
    "trip to Zürich",
    "café table",
    "jalapeño plant",
    "piñata",
    "smartphone",
    "library card",
    "matcha whisk",
    "東京 guidebook",
    "bento box",
    "kayak",
    "sewing machine",
    "bookshelf",
    "hard drive",
    "film roll",
    "board game",
    "yoga mat",
    "teapot",
    "map of Montréal",
]

WORDS = (  # noqa: SIM905 - the word list reads best as prose
    "the a an and or but so then also just really simple small quick easy "
    "useful practical fun cheap clever gentle slow careful steady honest "
    "time weekend morning evening hour minute week idea plan project habit "
    "friend neighbour family kid partner team list note step tool kit box "
    "table shelf corner window light space room desk kitchen garden street "
    "try make build fix clean sort keep share give swap learn teach write "
    "read cook bake brew plant water trim paint sand glue measure cut fold "
    "start finish repeat notice enjoy remember forget check compare choose "
    "better worse bigger smaller faster slower warmer cooler brighter "
    "because while after before during until unless whenever although "
    "you your we our it its they their this that these those every some "
    "most many few more less enough almost already still never often "
    "usually sometimes probably certainly surprisingly honestly basically "
    "budget money cost price value effort energy attention patience "
    "result outcome change difference problem answer question reason "
    "café naïve façade résumé jalapeño piñata Zürich déjà-vu über "
    "fiancée coöperate señor Ångström smörgåsbord crème brûlée"
).split()

EMOJI = ["🌱", "🚲", "☕", "🎉", "📷", "🎸", "🍞", "💡", "🧶", "🛠️", "✨", "🐈"]
CJK = ["東京", "生活", "簡単", "ありがとう", "공부", "茶", "旅行", "朋友"]
EXT_DOMAINS = [
    "en.wikipedia.org/wiki",
    "docs.python.org/3/library",
    "www.instructables.com/id",
    "www.seriouseats.com",
    "www.ifixit.com/Guide",
    "www.openstreetmap.org/search",
    "archive.org/details",
    "developer.mozilla.org/en-US/docs",
]
N_IMAGES = 20


def slugify(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def zipf_weights(n, s=0.8):
    return [1.0 / (i + 1) ** s for i in range(n)]


class Writer:
    def __init__(self, rng):
        self.rng = rng

    def word(self):
        r = self.rng.random()
        if r < 0.006:
            return self.rng.choice(EMOJI)
        if r < 0.010:
            return self.rng.choice(CJK)
        return self.rng.choice(WORDS)

    def sentence(self, nwords):
        words = [self.word() for _ in range(nwords)]
        words[0] = words[0][:1].upper() + words[0][1:]
        # occasional emphasis / inline code-free formatting
        if nwords > 6 and self.rng.random() < 0.15:
            i = self.rng.randrange(1, nwords - 1)
            words[i] = f"**{words[i]}**"
        if nwords > 6 and self.rng.random() < 0.10:
            i = self.rng.randrange(1, nwords - 1)
            words[i] = f"*{words[i]}*"
        end = self.rng.choice([".", ".", ".", ".", "!", "?"])
        return " ".join(words) + end

    def paragraph(self, target_words, link=None):
        """Return (text, n_words) with roughly target_words words."""
        sents, n = [], 0
        while n < target_words:
            k = min(self.rng.randint(8, 18), max(4, target_words - n))
            sents.append(self.sentence(k))
            n += k
        if link is not None:
            text, url = link
            i = self.rng.randrange(len(sents))
            sents[i] = sents[i][:-1] + f" (see [{text}]({url}))" + sents[i][-1]
            n += len(text.split()) + 1
        return " ".join(sents), n

    def bullet_list(self, numbered):
        items, n = [], 0
        for j in range(self.rng.randint(3, 5)):
            k = self.rng.randint(4, 10)
            s = self.sentence(k)
            items.append((f"{j + 1}. " if numbered else "- ") + s)
            n += k
        return "\n".join(items), n


def ext_link(rng, topic):
    dom = rng.choice(EXT_DOMAINS)
    return f"https://{dom}/{slugify(topic)}-{rng.randint(1, 999)}"


def make_article(i, rng, posts_meta):
    w = Writer(rng)
    adj = rng.choice(TOPIC_ADJ)
    noun = rng.choice(TOPIC_NOUN)
    topic = f"{adj} {noun}"
    title = f"3 things to do with {topic}"
    if rng.random() < 0.1:
        title += " " + rng.choice(EMOJI)
    slug = f"{slugify(title)}-{i:05d}"
    category = rng.choices(CATEGORIES, weights=zipf_weights(len(CATEGORIES), 0.6))[0]
    ntags = rng.randint(3, 6)
    tags = []
    weights = zipf_weights(len(TAG_WORDS), 0.8)
    while len(tags) < ntags:
        t = rng.choices(TAG_WORDS, weights=weights)[0]
        if t not in tags:
            tags.append(t)
    # dates: roughly one post every ~0.9 days from 2015-01-01, deterministic
    base = dt.datetime(2015, 1, 1, 8, 0)
    date = base + dt.timedelta(hours=i * 21 + rng.randint(0, 12), minutes=rng.randint(0, 59))
    summary = (
        f"Three practical, low-effort ideas for {topic}: "
        f"{rng.choice(['reuse', 'repair', 'share', 'learn', 'enjoy'])} it, "
        f"{rng.choice(['organise', 'upgrade', 'simplify', 'document'])} it, "
        f"and {rng.choice(['give it away', 'teach with it', 'start a habit', 'have fun'])}."
    )

    target = rng.randint(600, 900)
    body, nwords = [], 0

    intro, k = w.paragraph(rng.randint(55, 85), link=("a related guide", ext_link(rng, topic)))
    body.append(intro)
    nwords += k

    img = f"img-{rng.randrange(N_IMAGES):02d}.png"
    img_section = rng.randrange(3)
    list_sections = {s for s in range(3) if rng.random() < 0.6}
    prev = posts_meta[-1] if posts_meta else None

    per_section = max(120, (target - nwords - 60) // 3)  # leave room for outro/quotes
    for s in range(3):
        head = rng.choice(
            [
                "Turn it into",
                "Use it for",
                "Share it as",
                "Rebuild it as",
                "Learn from",
                "Make room for",
                "Start a ritual with",
            ]
        )
        heading = f"{s + 1}. {head} {w.sentence(rng.randint(2, 4))[:-1].lower()}"
        body.append(f"## {heading}")
        npar = rng.randint(2, 4)
        left = per_section
        if s in list_sections:
            lst, k = w.bullet_list(numbered=rng.random() < 0.4)
            left -= k
        for p in range(npar):
            link = None
            if p == 0 and s == 1 and prev is not None:
                link = ("last week's post", "{filename}/posts/" + prev + ".md")
            elif rng.random() < 0.35:
                link = (
                    rng.choice(["this page", "the docs", "a good write-up", "here"]),
                    ext_link(rng, topic),
                )
            par, k = w.paragraph(max(25, left // (npar - p)), link=link)
            body.append(par)
            left -= k
            nwords += k
            if p == 0 and s in list_sections:
                body.append(lst)
                nwords += len(lst.split())
            if p == 0 and s == img_section:
                body.append(f"![{topic} {rng.choice(EMOJI)}]({{static}}/images/{img})")
            if p == 1 and rng.random() < 0.2:
                q, k = w.paragraph(20)
                body.append("> " + q)
                nwords += k

    outro, k = w.paragraph(rng.randint(20, 40))
    body.append(outro + " " + rng.choice(EMOJI))
    nwords += k

    meta = [
        f"Title: {title}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Category: {category}",
        f"Tags: {', '.join(tags)}",
        f"Slug: {slug}",
        f"Summary: {summary}",
    ]
    text = "\n".join(meta) + "\n\n" + "\n\n".join(body) + "\n"
    return slug, text


def tiny_png(r, g, b):
    """Minimal valid 1x1 RGB PNG."""

    def chunk(typ, data):
        c = struct.pack(">I", len(data)) + typ + data
        return c + struct.pack(">I", zlib.crc32(typ + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(bytes([0, r, g, b]))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=20240607)
    args = ap.parse_args(argv)

    out = Path(args.outdir)
    (out / "posts").mkdir(parents=True, exist_ok=True)
    (out / "images").mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    for k in range(N_IMAGES):
        (out / "images" / f"img-{k:02d}.png").write_bytes(tiny_png(k * 12, 255 - k * 12, 128))
    slugs, words = [], 0
    for i in range(args.n):
        slug, text = make_article(i, rng, slugs)
        (out / "posts" / f"{slug}.md").write_text(text, encoding="utf-8")
        slugs.append(slug)
        words += len(text.split("\n\n", 1)[1].split())
    print(
        f"wrote {args.n} articles to {out} (avg {words / max(1, args.n):.0f} body words/article)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
