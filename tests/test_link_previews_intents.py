"""The share-intent registry: one composer URL per network, every value percent-encoded."""

from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest

from hub.utm import UtmScheme, utm_link
from link_previews.intents import INTENTS, intent_url, share_links

ARTICLE = "https://example.com/beans/"
TITLE = 'Beans & "greens" #1'
TEXT = "One bag, three dinners: 100% beans + greens?"


def tagged(network):
    return utm_link(ARTICLE, UtmScheme(), source=network, campaign="beans", content="share-button")


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@pytest.mark.parametrize(
    ("network", "endpoint", "expected"),
    [
        ("x", "https://x.com/intent/post", {"text": TEXT, "url": "{link}", "hashtags": "A,B"}),
        ("bluesky", "https://bsky.app/intent/compose", {"text": TEXT + " {link}"}),
        ("mastodon", "https://share.joinmastodon.org/", {"text": TEXT + " {link}"}),
        # Threads takes one topic tag: the first hashtag (its documented `tag` parameter).
        ("threads", "https://www.threads.com/intent/post",
         {"text": TEXT, "url": "{link}", "tag": "A"}),
        ("linkedin", "https://www.linkedin.com/sharing/share-offsite/", {"url": "{link}"}),
        ("facebook", "https://www.facebook.com/sharer/sharer.php", {"u": "{link}"}),
        ("whatsapp", "https://wa.me/", {"text": TEXT + " {link}"}),
        ("telegram", "https://t.me/share/url", {"url": "{link}", "text": TEXT}),
        ("email", "mailto:", {"subject": TITLE, "body": TEXT + "\r\n\r\n{link}"}),
    ],
)  # fmt: skip
def test_each_network_gets_its_fields_back_from_the_query(network, endpoint, expected):
    link = tagged(network)
    url = intent_url(network, link, TEXT, TITLE, ("A", "B"))
    assert url.startswith(endpoint + "?")
    assert query(url) == {key: value.format(link=link) for key, value in expected.items()}


def test_a_threads_topic_is_one_tag_of_at_most_50_characters():
    url = intent_url("threads", tagged("threads"), TEXT, TITLE, ("B" * 60, "Second"))
    assert query(url)["tag"] == "B" * 50
    assert "tag" not in query(intent_url("threads", tagged("threads"), TEXT, TITLE, ()))


@pytest.mark.parametrize("network", list(INTENTS))
def test_values_are_percent_encoded_never_plus(network):
    url = intent_url(network, tagged(network), TEXT, TITLE, ("Beans",))
    raw_query = urlsplit(url).query
    assert " " not in raw_query and "+" not in raw_query and "#" not in raw_query
    assert "%20" in raw_query or network in {"linkedin", "facebook"}
    assert "%2B" in raw_query or network in {"linkedin", "facebook"}


@pytest.mark.parametrize("network", list(INTENTS))
def test_each_link_carries_its_own_utm_source(network):
    medium = "email" if network == "email" else "social"
    (link,) = share_links([network], {network: tagged(network)}, TEXT, TITLE, ())
    (carrier,) = [value for value in query(link.url).values() if ARTICLE in value]
    # The link is the whole value, or the last word of a text that carries it.
    tags = query(carrier.split()[-1])
    assert tags == {
        "utm_source": network,
        "utm_medium": medium,
        "utm_campaign": "beans",
        "utm_content": "share-button",
    }


@pytest.mark.parametrize("network", ["bluesky", "mastodon", "whatsapp"])
def test_networks_without_a_url_field_get_the_link_inside_the_text(network):
    url = intent_url(network, tagged(network), TEXT, TITLE, ())
    assert set(query(url)) == {"text"}
    assert query(url)["text"].endswith(" " + tagged(network))


def test_x_leaves_hashtags_out_when_there_are_none():
    assert "hashtags" not in query(intent_url("x", ARTICLE, TEXT, TITLE, ()))


def test_share_links_keep_the_order_and_labels_given():
    links = share_links(["email", "x"], {"email": ARTICLE, "x": ARTICLE}, TEXT, TITLE, ())
    assert [(link.network, link.label) for link in links] == [("email", "Email"), ("x", "X")]


def test_mailto_values_escape_slashes_and_question_marks_web_intents_need_not():
    link = "https://example.com/beans/?utm_source=x&utm_content=share-button"
    assert "url=https://example.com/beans/?utm_source%3Dx%26utm_content%3D" in intent_url(
        "x", link, TEXT, TITLE, ()
    )
    assert "https%3A%2F%2Fexample.com%2Fbeans%2F%3Futm_source%3D" in intent_url(
        "email", link, TEXT, TITLE, ()
    )


def test_each_value_is_encoded_as_urlencode_would_whatever_came_before():
    # Encodings are remembered per text and safe set: the same text must still differ by network.
    odd = 'caf\u00e9 \U0001f96b 100% "a/b:c?d" & e=f #g + h'
    for network in ["x", "email", "bluesky", "email", "x"]:
        fields = INTENTS[network].fields(odd, odd, odd, (odd,))
        safe = "" if network == "email" else ":/?"
        expected = urlencode(fields, quote_via=quote, safe=safe)
        assert (
            intent_url(network, odd, odd, odd, (odd,)) == f"{INTENTS[network].endpoint}?{expected}"
        )
