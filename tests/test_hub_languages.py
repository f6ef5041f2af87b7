"""Sites in French, German, Spanish and Dutch: what the plugins write for readers is in the
article's language (calls to action, conversation, posts, digest, social feed, title promises)."""

import json
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import article_text

FRENCH_BODY = (
    "Une courte introduction.\n\n## 1. Un chili express\n\nFaites tremper les haricots la veille."
    " Puis laissez mijoter.\n\n## 2. Une purée\n\nChauffez-les avec de l'ail. Écrasez bien.\n\n"
    "## 3. Rôtis au four\n\nRôtissez-les à 200 °C pendant 25 minutes. Salez-les bien chauds.\n"
)
FRENCH = article_text(
    "Trois idées pour les haricots",
    FRENCH_BODY,
    Lang="fr",
    Slug="haricots",
    Summary="Trois dîners avec un seul sachet de haricots.",
    Question="Quel plat de haricots votre famille redemande-t-elle ?",
)
QUESTIONS = "- question: Faut-il les saler ?\n  date: 2026-09-20\n  answer: Oui, à la fin.\n"


def posts(output: Path) -> list[dict]:
    data = json.loads((output / "share" / "snippets.json").read_text(encoding="utf-8"))
    return [post for article in data["articles"] for post in article["snippets"]]


def article_page(site, slug: str):
    """The article page of SLUG, wherever its language puts it (`fr/haricots/`, `haricots-fr`)."""
    found = [*site.output.glob(f"**/{slug}-*.html"), *site.output.glob(f"**/{slug}/index.html")]
    found = sorted(path for path in found if path.relative_to(site.output).parts[0] != "share")
    assert found, slug
    return site.html(str(found[0].relative_to(site.output)))


def cta_heading(site, slug: str) -> str:
    return (
        article_page(site, slug)
        .select_one("#next-step h2, #next-step h3")
        .get_text(" ", strip=True)
    )


@pytest.fixture
def french_site(build_site):
    files = {"articles/haricots.md": FRENCH, "questions/haricots.yml": QUESTIONS}
    return build_site(files, DEFAULT_LANG="fr")


def test_a_french_article_gets_a_french_call_to_action(french_site):
    assert french_site.report.ok, french_site.report.errors + french_site.report.warnings
    aside = article_page(french_site, "haricots").select_one("#next-step")
    assert cta_heading(french_site, "haricots") == "Découvrez les trois prochaines idées"
    assert "Voir les derniers articles" in aside.get_text(" ", strip=True)
    assert "Find the next three things" not in str(aside)


def test_a_french_article_s_share_buttons_say_e_mail_and_keep_the_networks_names(french_site):
    labels = [a.get_text(strip=True) for a in
              article_page(french_site, "haricots").select(".share-links a")]  # fmt: skip
    assert "E-mail" in labels and "Email" not in labels
    assert "Bluesky" in labels


def test_a_french_article_gets_a_french_conversation_section(french_site):
    page = article_page(french_site, "haricots")
    section = page.select_one("#conversation")
    # The article's own question, then the stand-in for an unnamed reader, in French.
    assert "Quel plat de haricots" in section.get_text(" ", strip=True)
    assert "un lecteur" in section.get_text(" ", strip=True)
    assert "a reader" not in section.get_text(" ", strip=True)
    mailto = unquote(section.select_one('a[href^="mailto:"]')["href"])
    assert "subject=Question sur : Trois idées pour les haricots" in mailto
    assert "Bonjour,\r\n\r\nMa question à propos de " in mailto


def test_french_posts_in_the_share_kit_are_french_and_fit(french_site):
    found = posts(french_site.output)
    assert found
    texts = " ".join(post["text"] for post in found)
    assert "Astuce 1 sur 3 : Un chili express." in texts
    assert "« Trois idées pour les haricots »" in texts
    answers = [post["text"] for post in found if post["kind"] == "answer-1"]
    assert answers and all("« Faut-il les saler ? » " in text for text in answers)
    assert any(text.startswith(("Question d'un lecteur", "Vous nous avez", "Bonne question"))
               for text in answers)  # fmt: skip
    for english in ("Tip ", "tip ", "In case you missed it", "Reader question", "Tell us", "Reply"):
        assert english not in texts
    question = [post for post in found if post["kind"] == "question"]
    assert question and all("e-mail" in post["text"] for post in question)
    assert all(post["length"] <= post["limit"] for post in found)
    # The kit's page shows the same French posts.
    kit = french_site.html("share/haricots/index.html").get_text(" ", strip=True)
    assert "Astuce 1 sur 3" in kit


def test_the_digest_and_the_social_feed_speak_the_site_language(french_site):
    digest = (french_site.output / "email" / "latest.txt").read_text(encoding="utf-8")
    assert digest.startswith("Du nouveau chez Larder Lane\n")
    assert "À lire ici : " in digest and "Tous les articles : " in digest
    feed = (french_site.output / "feeds" / "social.xml").read_text(encoding="utf-8")
    assert "<title>Larder Lane : publications prévues sur les réseaux sociaux</title>" in feed


def test_a_french_title_promising_three_ideas_is_counted(build_site):
    two = FRENCH_BODY.split("## 3.")[0]
    two_ideas = article_text("Trois idées pour les haricots", two, Lang="fr", Slug="haricots")
    site = build_site({"articles/haricots.md": two_ideas}, strict=False, DEFAULT_LANG="fr")
    warning = "articles/haricots.md: the title promises 3 things but the article has 2"
    assert [line for line in site.report.warnings if warning in line]


def test_an_article_in_french_on_an_english_site_gets_french_words(build_site):
    files = {"articles/haricots.md": FRENCH, "articles/beans.md": article_text(Slug="beans")}
    site = build_site(files)
    assert site.report.ok, site.report.errors + site.report.warnings
    assert cta_heading(site, "haricots") == "Découvrez les trois prochaines idées"
    assert cta_heading(site, "beans") == "Find the next three things"
    by_slug = {post["link"]: post for post in posts(site.output)}
    texts = " ".join(post["text"] for post in by_slug.values())
    assert "Astuce 1 sur 3" in texts and "Tip 1 of 3" in texts


SPOT_CHECKS = {
    "de": ("Drei Ideen für Bohnen", "Die nächsten drei Ideen entdecken", "Tipp 1 von 3: ",
           "Haben Sie eine Frage dazu"),
    "es": ("Tres ideas para las alubias", "Descubre las próximas tres ideas", "Consejo 1 de 3: ",
           "¿Tienes alguna pregunta sobre esto"),
    "nl": ("Drie ideeën voor bonen", "Ontdek de volgende drie ideeën", "Tip 1 van 3: ",
           "Heb je hier een vraag over"),
}  # fmt: skip


@pytest.mark.parametrize("lang", SPOT_CHECKS)
def test_german_spanish_and_dutch_sites(build_site, lang):
    title, heading, tip, invitation = SPOT_CHECKS[lang]
    site = build_site(
        {"articles/beans.md": article_text(title, Lang=lang, Slug="beans")}, DEFAULT_LANG=lang
    )
    # strict: a promise of three things with three sections is no warning
    assert site.report.ok, site.report.errors + site.report.warnings
    assert cta_heading(site, "beans") == heading
    assert invitation in article_page(site, "beans").select_one("#conversation").get_text(" ")
    assert tip in " ".join(post["text"] for post in posts(site.output))


CATALOGUE = """\
- id: ask-us
  stages: [learn, try, decide]
  heading: Stuck on a step? Ask us
  text: Tell us what happened in your kitchen.
  button: Ask a question
  link: "#conversation"
  fr:
    heading: Bloqué sur une étape ? Demandez-nous
    text: Racontez-nous ce qui s'est passé dans votre cuisine.
"""


def test_a_writer_s_call_to_action_says_its_own_words_in_the_article_s_language(build_site):
    files = {
        "calls-to-action.yml": CATALOGUE,
        "articles/haricots.md": FRENCH,
        "articles/beans.md": article_text(Slug="beans"),
    }
    site = build_site(files, NURTURE_DEFAULT_CTA="ask-us",
                      NURTURE_STAGE_CTAS={"learn": "ask-us"})  # fmt: skip
    assert site.report.ok, site.report.errors + site.report.warnings
    french = article_page(site, "haricots").select_one("#next-step").get_text(" ", strip=True)
    assert "Bloqué sur une étape ? Demandez-nous" in french
    assert "Racontez-nous ce qui s'est passé" in french
    # The button has no French words of the writer's: it stays as written.
    assert "Ask a question" in french
    assert cta_heading(site, "beans") == "Stuck on a step? Ask us"
