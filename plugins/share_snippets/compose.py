"""Compose an article's social snippets: plain text, link inside, within each network's limit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

import regex

from hub.hashtags import hashtags
from hub.i18n import SOURCE_LANGUAGE, text
from hub.text import plain_text
from hub.utm import UtmScheme, utm_link

from .networks import Network, graphemes
from .trim import ELLIPSIS, shorter_bodies
from .wording import (
    ANONYMOUS,
    DEFAULT_TEMPLATES,
    REPLIES,
    TEMPLATE_FIELDS,
    echoes,
    edge_words,
    in_turn,
    reads_like_a_form,
    without_field,
)

__all__ = ["DEFAULT_TEMPLATES", "ELLIPSIS", "TEMPLATE_FIELDS", "hashtags"]

CONVERSATION = "conversation"
# A post's link starts with its site's address; links are weighed as if that address took at
# least this many characters (SHARE_LINK_ROOM), so a preview and the published site agree.
DEFAULT_LINK_ROOM = 40

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
    # Where the link leads when it is a short link (the full UTM-tagged address); else "".
    target: str = ""


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
    # Networks whose intro goes out while the article is still new ("New from…").
    new_on: frozenset[str] = frozenset()
    # What the article's conversation section offers: "comments", "form", "email" or "".
    reply: str = "email"
    # The article's place among the site's (newest first): wordings take turns by it too.
    turn: int = 0
    # Links weigh as if the site's address were at least this long (0: as they are).
    link_room: int = 0
    # Short links: the folder they live in ("https://www.example.com/s/"), "" when off, and
    # each post's code by post id.
    short_base: str = ""
    short_codes: Mapping[str, str] = field(default_factory=dict)
    # While previewing, a post's length is counted as it will be once published.
    preview: bool = False
    # The article's language: the replies, the stand-in for a reader's name and where a long
    # body may be cut are said in it (the wordings come in it from the settings).
    lang: str = SOURCE_LANGUAGE


@dataclass(frozen=True)
class Draft:
    """A snippet before it meets a network: its kind, where it links and its template fields."""

    kind: str
    template: str
    fragment: str
    fields: dict[str, object] = field(default_factory=dict)
    index: int = 0
    # The field a post may shorten or drop, and what stands in when it is dropped.
    body: str = ""
    fallback: str = ""


def fold(text: str) -> str:
    """One line: white space folded, a stop doubled by a template ("from?.") dropped."""
    return _DOUBLED_STOP.sub(r"\1", " ".join(text.split()))


def tidy(text: str) -> str:
    """Plain text from writer text or HTML: no markup, entities decoded, white space folded."""
    return fold(plain_text(text))


def drafts(article: ArticleData) -> list[Draft]:
    """Every snippet an article gets, in order: intro, things, question, answers."""
    title, summary = tidy(article.title), tidy(article.summary)
    # The link card shows the title: the post says something new rather than repeat it.
    hook = tidy(article.share) or summary or title
    common = {"article": title, "site": tidy(article.site)}
    intro = {**common, "hook": hook, "title": title, "summary": summary}
    found = [Draft("intro", "intro", "", intro, body="hook", fallback=title)]
    for number, thing_title, teaser, anchor in article.things:
        heading, teaser = tidy(thing_title), tidy(teaser)
        fields = {"number": number, "count": len(article.things), "title": heading}
        template = "thing_question" if heading.endswith("?") else "thing"
        kind = f"thing-{number}"
        if teaser and echoes(teaser, heading):
            # "Roast chickpeas for a snack. Roast chickpeas are cheap…": the teaser says more,
            # so it takes the heading's place (and gives it back when it cannot fit).
            fields |= {"title": teaser, "teaser": ""}
            fields = {**common, **fields}
            draft = Draft(kind, template, anchor, fields, number - 1, "title", heading)
        else:
            fields["teaser"] = teaser
            draft = Draft(kind, template, anchor, {**common, **fields}, number - 1, "teaser")
        found.append(draft)
    if tidy(article.question):
        replies = REPLIES.get(article.reply, REPLIES[""])
        reply = text(article.lang, in_turn(replies, article.turn)[0])
        fields = {"question": tidy(article.question), "reply": reply}
        found.append(Draft("question", "question", CONVERSATION, {**common, **fields}))
    for number, (question, name, answer) in enumerate(article.answers, start=1):
        fields = {"question": tidy(question), "name": tidy(name) or text(article.lang, ANONYMOUS)}
        fields["answer"] = tidy(answer)
        found.append(
            Draft(f"answer-{number}", "answer", CONVERSATION, {**common, **fields}, body="answer")
        )
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


def weighed_link(link: str, room: int) -> str:
    """A stand-in for LINK as long as it will be once published: its address given ROOM.

    Networks that count a whole link count its characters; X and Mastodon count any link as
    23. The stand-in is a real-looking link either way, so every counter weighs it as it will
    weigh the published one.
    """
    if not room:
        return link
    scheme, _, rest = link.partition("://")
    host, slash, path = rest.partition("/")
    size = max(len(scheme) + 3 + len(host), room, 13)
    return "https://" + "w" * (size - 12) + ".com" + slash + path


def fit(prose: str, link: str, tags: Sequence[str], network: Network) -> str:
    """The post for NETWORK: full prose and as many hashtags as fit, else shortened prose."""
    return fit_counted(prose, link, tags, network)[0]


def fit_counted(
    prose: str, link: str, tags: Sequence[str], network: Network, weighed: str = ""
) -> tuple[str, int]:
    """fit(), with the post's length as NETWORK counts it (the link weighed as WEIGHED)."""
    weighed = weighed or link
    counted = join(prose, weighed)
    if not network.fits(counted, prose):
        prose = shorten(prose, lambda cut: network.fits(join(cut, weighed), cut))
        return join(prose, link), network.count(join(prose, weighed))
    # Every network's count adds up over space-separated parts that start a new word and
    # grapheme, as " #Tag" does: each hashtag costs its own count and the space before it.
    length, size, chosen = network.count(counted), len(counted.encode("utf-8")), []
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


class Reading(NamedTuple):
    """How one wording of a draft reads in full: its first and last words, and whether it
    reads like a form."""

    wording: str
    first: str
    last: str
    form: bool


def _readings(wordings: Sequence[str], fields: Mapping[str, object]) -> list[Reading]:
    """Each of WORDINGS filled with FIELDS, read once for every network that uses them."""
    found = []
    for wording in wordings:
        prose = render(wording, fields)
        found.append(Reading(wording, *edge_words(prose), reads_like_a_form(prose)))
    return found


def _preferred(
    readings: Sequence[Reading], start: int, before: tuple[str, str]
) -> tuple[list[str], list[str]]:
    """The wordings in turn from START, split into those that read well and the rest.

    Reading well: no form-like colons, and neither the first nor the last word of the post
    before it in the feed (BEFORE).
    """
    good, rest = [], []
    for reading in in_turn(readings, start):
        repeats = bool(before[0]) and (reading.first == before[0] or reading.last == before[1])
        (rest if repeats or reading.form else good).append(reading.wording)
    return good, rest


def _fitting_prose(
    draft: Draft,
    choices: tuple[list[str], list[str]],
    fits: Callable[[str], bool],
    lang: str = SOURCE_LANGUAGE,
) -> str:
    """The fullest prose that fits: the whole body, then fewer sentences, a clause, or none.

    What the post says comes first: at each step down, the wordings that read well are tried,
    then the others. The body is never cut inside a sentence except at a natural break (with
    "…"); a post without room even for that drops it (an intro keeps its title).
    """
    wordings = [*choices[0], *choices[1]]
    if not draft.body:
        return next((prose for w in wordings if fits(prose := render(w, draft.fields))),
                    render(wordings[0], draft.fields))  # fmt: skip
    for body in shorter_bodies(str(draft.fields.get(draft.body, "")), lang):
        for wording in wordings:
            prose = _with_body(wording, draft, body)
            if fits(prose):
                return prose
    return _with_body(wordings[0], draft, "")


def _with_body(wording: str, draft: Draft, body: str) -> str:
    """WORDING filled with BODY as the draft's body; an empty body is dropped, or replaced by
    the draft's fallback (an intro's title)."""
    if body or draft.fallback:
        return render(wording, {**draft.fields, draft.body: body or draft.fallback})
    return render(without_field(wording, draft.body), draft.fields)


def _fits_with(network: Network, weighed: str) -> Callable[[str], bool]:
    """Whether prose and the link weighed as WEIGHED fit NETWORK."""
    return lambda prose: network.fits(join(prose, weighed), prose)


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
    readings: dict[tuple[str, str], list[Reading]] = {}
    for position, network in enumerate(networks):
        before = ("", "")
        for draft in article_drafts:
            template = draft.template
            if template == "intro" and network.id in article.new_on:
                template = "intro_new"
            # Wordings take turns by network, thing and article, so neighbouring posts differ.
            start = position + draft.index + article.turn + shift
            if (draft.kind, template) not in readings:
                readings[draft.kind, template] = _readings(templates[template], draft.fields)
            wordings = _preferred(readings[draft.kind, template], start, before)
            target = utm_link(
                article.links[draft.fragment],
                utm,
                source=network.id,
                campaign=article.slug,
                content=draft.kind,
            )
            code = article.short_codes.get(post_id(network, draft), "")
            link = f"{article.short_base}{code}/" if article.short_base and code else target
            weighed = weighed_link(link, article.link_room)
            prose = _fitting_prose(draft, wordings, _fits_with(network, weighed), article.lang)
            text, length = fit_counted(prose, link, tags, network, weighed)
            if not article.preview:
                length = network.count(text)
            before = edge_words(prose)
            snippets.append(
                Snippet(
                    id=post_id(network, draft),
                    network=network.id,
                    kind=draft.kind,
                    text=text,
                    link=link,
                    length=length,
                    limit=network.limit,
                    target=target if link != target else "",
                )
            )
    return snippets
