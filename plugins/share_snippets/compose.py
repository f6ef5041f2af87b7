"""Compose an article's social snippets: plain text, link inside, within each network's limit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import regex

from hub.hashtags import hashtags
from hub.text import plain_text
from hub.utm import UtmScheme, utm_link

from .networks import Network, graphemes

ELLIPSIS = "\u2026"
CONVERSATION = "conversation"

# Each kind has a few wordings; snippets rotate through them so a feed never reads like a form.
DEFAULT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "intro": (
        "{hook}",
        "New from {site}: {hook}",
        "{hook} Here's how.",
    ),
    "thing": (
        "Tip {number} of {count}: {title}. {teaser}",
        "From “{article}”, tip {number}: {title}. {teaser}",
        "{title}. {teaser} That's tip {number} of {count} in “{article}”.",
    ),
    "question": (
        "{question} Tell us in the comments: we read every one.",
        "We'd love to know: {question} Join the conversation under the article.",
    ),
    "answer": (
        "A reader asked us: “{question}” Our answer: {answer}",
        # Reader names stay out of the defaults: a post travels further than the page.
        "You asked: “{question}” Here's what we said: {answer}",
    ),
}
# The named fields each kind's templates may use.
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {
    "intro": frozenset({"hook", "title", "summary", "site"}),
    "thing": frozenset({"number", "count", "title", "teaser", "article", "site"}),
    "question": frozenset({"question", "article", "site"}),
    "answer": frozenset({"question", "answer", "name", "article", "site"}),
}

# A stop or colon right after a writer's own ? ! . or … ("Where is it from?. Knowing").
_DOUBLED_STOP = regex.compile(r"([.!?:\u2026])[.:](?=\s|$)")
_WORD = regex.compile(r"\S+")
# What a cut should not leave dangling before the ellipsis.
_TRAILING = " ,;:.\u2013\u2014-"


# Slots: a large site holds tens of thousands of these through the build.
@dataclass(frozen=True, slots=True)
class Snippet:
    """One ready-to-post text for one network; `text` holds the link, `length` its counted size."""

    id: str
    network: str
    kind: str
    text: str
    link: str
    length: int
    limit: int
    scheduled_at: datetime | None = None


@dataclass(frozen=True)
class ArticleData:
    """What a snippet may say about one article, as plain values (fields may hold HTML)."""

    slug: str
    title: str
    summary: str
    links: Mapping[str, str]  # fragment ("" for the top) -> absolute URL without UTM
    share: str = ""
    question: str = ""
    things: Sequence[tuple[int, str, str, str]] = ()  # (number, title, teaser, anchor)
    answers: Sequence[tuple[str, str, str]] = ()  # (question, name, answer)
    hashtags: Sequence[str] = ()
    site: str = ""


@dataclass(frozen=True)
class Draft:
    """A snippet before it meets a network: its kind, where it links and its template fields."""

    kind: str
    template: str
    fragment: str
    fields: dict[str, object] = field(default_factory=dict)
    index: int = 0


def fold(text: str) -> str:
    """One line: white space folded, a stop doubled by a template ("from?.") dropped."""
    return _DOUBLED_STOP.sub(r"\1", " ".join(text.split()))


def tidy(text: str) -> str:
    """Plain text from writer text or HTML: no markup, entities decoded, white space folded."""
    return fold(plain_text(text))


def drafts(article: ArticleData) -> list[Draft]:
    """Every snippet an article gets, in order: intro, things, question, answers."""
    title, summary = tidy(article.title), tidy(article.summary)
    joiner = " " if title[-1:] in ".!?:\u2026" else ": "
    hook = tidy(article.share) or f"{title}{joiner}{summary}"
    common = {"article": title, "site": tidy(article.site)}
    found = [
        Draft("intro", "intro", "", {**common, "hook": hook, "title": title, "summary": summary})
    ]
    for number, thing_title, teaser, anchor in article.things:
        fields = {"number": number, "count": len(article.things), "title": tidy(thing_title)}
        fields["teaser"] = tidy(teaser)
        found.append(Draft(f"thing-{number}", "thing", anchor, {**common, **fields}, number - 1))
    if tidy(article.question):
        fields = {"question": tidy(article.question)}
        found.append(Draft("question", "question", CONVERSATION, {**common, **fields}))
    for number, (question, name, answer) in enumerate(article.answers, start=1):
        fields = {"question": tidy(question), "name": tidy(name) or "a reader"}
        fields["answer"] = tidy(answer)
        found.append(Draft(f"answer-{number}", "answer", CONVERSATION, {**common, **fields}))
    return found


def post_id(network: Network, draft: Draft) -> str:
    """A post's name within its article: network, then kind ("x-thing-2")."""
    return f"{network.id}-{draft.kind}"


def post_ids(article: ArticleData, networks: Sequence[Network]) -> list[tuple[str, str]]:
    """(network, post id) of every post compose() makes for ARTICLE, in its order."""
    found = drafts(article)
    return [(network.id, post_id(network, draft)) for network in networks for draft in found]


def render(template: str, fields: Mapping[str, object]) -> str:
    """Fill a template's named fields and tidy the result into one line of prose."""
    return fold(template.format_map(fields))


def join(prose: str, link: str, tags: Sequence[str] = ()) -> str:
    """The posted text: prose, then the link, then any hashtags."""
    return " ".join(part for part in (prose, link, " ".join(f"#{tag}" for tag in tags)) if part)


def _longest_fitting(
    count: int, candidate: Callable[[int], str], fits: Callable[[str], bool]
) -> str | None:
    """The longest of COUNT growing candidates that fits; None when none does.

    Candidates are made only as the search reaches them: a long text has hundreds of cuts.
    """
    low, high, best = 0, count - 1, None
    while low <= high:
        middle = (low + high) // 2
        text = candidate(middle)
        if fits(text):
            best, low = text, middle + 1
        else:
            high = middle - 1
    return best


def shorten(prose: str, fits: Callable[[str], bool]) -> str:
    """Cut PROSE at the last word (else grapheme) boundary that fits, and mark the cut with …."""
    if fits(prose):
        return prose
    words = list(_WORD.finditer(prose))[:-1]
    # Cuts that would leave nothing but punctuation come first; skip them.
    first = next((n for n, word in enumerate(words) if word[0].strip(_TRAILING)), len(words))
    ends = [word.end() for word in words[first:]]
    best = _longest_fitting(
        len(ends), lambda n: prose[: ends[n]].rstrip(_TRAILING) + ELLIPSIS, fits
    )
    if best is not None:
        return best
    # One long word (or a language written without spaces): cut between graphemes instead.
    clusters = graphemes(prose)
    cut = ["".join(clusters[:end]).rstrip(_TRAILING) + ELLIPSIS for end in range(1, len(clusters))]
    cut = [text for text in cut if text != ELLIPSIS]
    return _longest_fitting(len(cut), cut.__getitem__, fits) or ""


def fit(prose: str, link: str, tags: Sequence[str], network: Network) -> str:
    """The post for NETWORK: full prose and as many hashtags as fit, else shortened prose."""
    return fit_counted(prose, link, tags, network)[0]


def fit_counted(prose: str, link: str, tags: Sequence[str], network: Network) -> tuple[str, int]:
    """fit(), with the post's length as NETWORK counts it."""
    text = join(prose, link)
    if not network.fits(text, prose):
        text = join(shorten(prose, lambda cut: network.fits(join(cut, link), cut)), link)
        return text, network.count(text)
    # Every network's count adds up over space-separated parts that start a new word and
    # grapheme, as " #Tag" does: each hashtag costs its own count and the space before it.
    length, size, chosen = network.count(text), len(text.encode("utf-8")), []
    for tag in tags:
        if len(chosen) == network.hashtags:
            break
        extra = f" #{tag}"
        more, more_bytes = network.count(extra), len(extra.encode("utf-8"))
        if length + more <= network.limit and (
            network.max_bytes is None or size + more_bytes <= network.max_bytes
        ):
            chosen.append(tag)
            length, size = length + more, size + more_bytes
    return join(prose, link, chosen), length


def compose(
    article: ArticleData,
    networks: Sequence[Network],
    templates: Mapping[str, Sequence[str]],
    utm: UtmScheme,
    shift: int = 0,
) -> list[Snippet]:
    """Every snippet of ARTICLE for every network, each within that network's limits.

    SHIFT moves every post on to a later wording: a post shared again reads afresh.
    """
    tags, _ = hashtags(article.hashtags)
    article_drafts = drafts(article)
    snippets = []
    for position, network in enumerate(networks):
        for draft in article_drafts:
            # Rotate wordings by network and by thing, so neighbouring posts read differently.
            choices = templates[draft.template]
            prose = render(choices[(position + draft.index + shift) % len(choices)], draft.fields)
            link = utm_link(
                article.links[draft.fragment],
                utm,
                source=network.id,
                campaign=article.slug,
                content=draft.kind,
            )
            text, length = fit_counted(prose, link, tags, network)
            snippets.append(
                Snippet(
                    id=post_id(network, draft),
                    network=network.id,
                    kind=draft.kind,
                    text=text,
                    link=link,
                    length=length,
                    limit=network.limit,
                )
            )
    return snippets
