"""A Pelican generator that writes the content-health report as a page no search engine lists."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from hub.messages import shown_path
from hub.settings import settings_from
from writer_metadata.fields import STAGES

from .report import ArticleFacts, build_report, report_text
from .settings import PREFIX, NurtureSettings

REPORT_KEY = "nurture_report"
# Hard-sell warnings gathered while the articles are read and their posts composed.
WARNINGS_KEY = "nurture_hard_sell"
TEMPLATE = "content_report"


def article_facts(article: Any) -> ArticleFacts:
    """What the report shows of one published article."""
    cta = getattr(article, "call_to_action", None)
    updated = (getattr(article, "modified", None) or article.date).date()
    return ArticleFacts(
        article.title,
        shown_path(article.source_path),
        str(article.category),
        article.stage,
        bool(getattr(article, "question", None)),
        cta.id if cta else "(none)",
        updated,
    )


class ReportGenerator(Generator):
    """Writes the report the nurture plugin put in the shared context."""

    def generate_output(self, writer: Any) -> None:
        """Put the report together and render it with the theme's content_report template.

        It comes after the share kit's generator (PLUGINS order), so the hard-sell warnings
        about social posts, found as the posts are composed, are in it too.
        """
        options = settings_from(NurtureSettings, PREFIX, self.settings)
        report = self.context[REPORT_KEY] = build_report(
            [article_facts(article) for article in self.context.get("articles", [])],
            self.context.get(WARNINGS_KEY, []),
            today=options.today_date(),
            stale_months=options.stale_months,
        )
        save_as = self.settings.get(f"{PREFIX}_REPORT_SAVE_AS", NurtureSettings.report_save_as)
        writer.write_file(
            save_as,
            self.get_template(TEMPLATE),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            report=report,
            report_as_text=report_text(report),
            stages=STAGES,
        )
