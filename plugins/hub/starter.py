"""The starter text `invoke new` writes into a draft, in each language, and finding it left."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Starter:
    """The prompts of a new draft in one language, each to be replaced by the writer's words."""

    summary: str
    intro: str
    # Its part before the colon is what is looked for: a writer who kept a few words rewrote it.
    teaser: str
    # With {number}: the heading of that thing.
    heading: str
    question: str
    category: str


STARTERS = {
    "en": Starter(
        summary="Say in one or two sentences what the reader will get from this article.",
        intro="Write a short intro that says exactly what the reader will get.",
        teaser="Start with one sentence that stands on its own: it becomes this thing's teaser"
        " in social posts. Then explain how, with quantities and times.",
        heading="Name thing {number} in a few words",
        question="Which of these will you try first?",
        category="Ideas",
    ),
    "fr": Starter(
        summary="Dites en une ou deux phrases ce que le lecteur retirera de cet article.",
        intro="Écrivez une courte introduction qui dit exactement ce que le lecteur va trouver.",
        teaser="Commencez par une phrase qui se suffit à elle-même : elle devient l'accroche de"
        " ce point dans les publications sur les réseaux sociaux. Expliquez ensuite comment"
        " faire, avec les quantités et les durées.",
        heading="Nommez le point {number} en quelques mots",
        question="Laquelle de ces idées allez-vous essayer en premier ?",
        category="Idées",
    ),
    "de": Starter(
        summary="Sagen Sie in ein, zwei Sätzen, was dieser Artikel Ihren Lesern bringt.",
        intro="Schreiben Sie eine kurze Einleitung, die genau sagt, was die Leser erwartet.",
        teaser="Beginnen Sie mit einem Satz, der für sich allein steht: Er wird zum Aufhänger"
        " dieses Punkts in Social-Media-Beiträgen. Erklären Sie dann, wie es geht, mit Mengen"
        " und Zeiten.",
        heading="Benennen Sie Punkt {number} in wenigen Worten",
        question="Was davon probieren Sie zuerst aus?",
        category="Ideen",
    ),
    "es": Starter(
        summary="Di en una o dos frases qué se llevará el lector de este artículo.",
        intro="Escribe una breve introducción que diga exactamente qué encontrará el lector.",
        teaser="Empieza con una frase que se entienda por sí sola: será el gancho de este punto"
        " en las publicaciones en redes sociales. Después explica cómo hacerlo, con cantidades"
        " y tiempos.",
        heading="Nombra el punto {number} en pocas palabras",
        question="¿Cuál de estas ideas vas a probar primero?",
        category="Ideas",
    ),
    "nl": Starter(
        summary="Zeg in een of twee zinnen wat de lezer aan dit artikel heeft.",
        intro="Schrijf een korte inleiding die precies zegt wat de lezer hier vindt.",
        teaser="Begin met een zin die op zichzelf staat: die wordt de teaser van dit punt in"
        " berichten op sociale media. Leg daarna uit hoe het moet, met hoeveelheden en tijden.",
        heading="Geef punt {number} een naam in een paar woorden",
        question="Welke van deze ga jij als eerste proberen?",
        category="Ideeën",
    ),
}
_ENGLISH = STARTERS["en"]
SUMMARY, INTRO, TEASER = _ENGLISH.summary, _ENGLISH.intro, _ENGLISH.teaser


def starter(lang: str) -> Starter:
    """The starter text in LANG (English for a language it is not written in)."""
    return STARTERS.get(lang, _ENGLISH)


def heading(number: int, lang: str = "en") -> str:
    """The starter heading of thing NUMBER."""
    return starter(lang).heading.format(number=number)


def _patterns(text: Starter) -> list[str]:
    """What finds TEXT's prompts: the heading with any number, the rest word for word."""
    numbered = re.escape(text.heading).replace(re.escape("{number}"), r"\d+")
    lead = text.teaser.split(":", 1)[0].rstrip()
    return [numbered, *(re.escape(part) for part in (text.summary, text.intro, lead))]


# Each starter sentence, found whole, in any language: a writer's own draft may mix them.
_LEFT = re.compile("|".join(pattern for text in STARTERS.values() for pattern in _patterns(text)))


def starter_left(text: str) -> str | None:
    """The first starter sentence still in TEXT (an article's HTML or a field), or None."""
    found = _LEFT.search(text)
    return found.group(0) if found else None
