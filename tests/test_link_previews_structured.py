"""The Article JSON-LD as a plain dict: every field, and readers' questions as Comments."""

import datetime
import json
from dataclasses import dataclass, replace

import pytest

from hub.jsonld import script_json
from link_previews.structured import ArticleFacts, SocialImage, article_data


@dataclass(frozen=True)
class Answered:
    """Shaped like the conversation plugin's AnsweredQuestion."""

    question: str
    name: str
    date: datetime.date
    answer: str


LONDON = datetime.timezone(datetime.timedelta(hours=1))
FACTS = ArticleFacts(
    title='Beans & "greens" </script>',
    description="Three dinners from one bag.",
    url="https://example.com/beans/",
    published=datetime.datetime(2026, 9, 14, 9, 0, tzinfo=LONDON),
    modified=None,
    author="Larder Lane",
    site_name="Larder Lane",
    site_url="https://example.com/",
    logo_url="https://example.com/theme/favicon.svg",
    image=SocialImage("https://example.com/images/cards/beans-1.png", 1200, 630, "Beans"),
)


def test_article_fields():
    data = article_data(FACTS)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == FACTS.title
    assert data["description"] == FACTS.description
    assert data["url"] == data["mainEntityOfPage"]["@id"] == FACTS.url
    assert data["datePublished"] == data["dateModified"] == "2026-09-14T09:00:00+01:00"
    assert data["author"] == {"@type": "Organization", "name": "Larder Lane"}
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Larder Lane",
        "url": "https://example.com/",
        "logo": {"@type": "ImageObject", "url": "https://example.com/theme/favicon.svg"},
    }
    assert data["image"] == {
        "@type": "ImageObject",
        "url": FACTS.image.url,
        "width": 1200,
        "height": 630,
    }
    assert "comment" not in data


def test_a_named_writer_is_a_person_and_a_modified_date_is_kept():
    changed = datetime.datetime(2026, 10, 2, 8, 30, tzinfo=LONDON)
    data = article_data(replace(FACTS, author="Sam Baker", modified=changed))
    assert data["author"] == {"@type": "Person", "name": "Sam Baker"}
    assert data["dateModified"] == "2026-10-02T08:30:00+01:00"


def test_no_image_leaves_the_field_out():
    assert "image" not in article_data(replace(FACTS, image=None))


def test_answered_questions_become_comments_with_the_answer_nested():
    answered = (
        Answered("Can I freeze them?", "Priya", datetime.date(2026, 9, 20), "Yes, for 3 months."),
        Answered("</script><b>Soak?</b>", "Tom & Jo", datetime.date(2026, 9, 21), "Overnight."),
    )
    data = article_data(replace(FACTS, answered=answered))
    first, second = data["comment"]
    assert first == {
        "@type": "Comment",
        "text": "Can I freeze them?",
        "author": {"@type": "Person", "name": "Priya"},
        "dateCreated": "2026-09-20",
        "comment": [
            {
                "@type": "Comment",
                "text": "Yes, for 3 months.",
                "author": {"@type": "Organization", "name": "Larder Lane"},
            },
        ],
    }
    assert second["text"] == "</script><b>Soak?</b>"
    assert second["author"]["name"] == "Tom & Jo"


@pytest.mark.parametrize("title", ['"', "<script>alert(1)</script>", "日本 🧑🏽‍🍳", "‏שלום", "=1+1"])
def test_the_dict_round_trips_through_the_script_filter(title):
    data = article_data(replace(FACTS, title=title))
    assert json.loads(script_json(data)) == data
