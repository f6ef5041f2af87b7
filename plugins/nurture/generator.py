"""A Pelican generator that writes the content-health report as a page no search engine lists."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from writer_metadata.fields import STAGES

from .report import report_text
from .settings import PREFIX, NurtureSettings

REPORT_KEY = "nurture_report"
TEMPLATE = "content_report"


class ReportGenerator(Generator):
    """Writes the report the nurture plugin put in the shared context."""

    def generate_output(self, writer: Any) -> None:
        """Render the report with the theme's content_report template."""
        report = self.context.get(REPORT_KEY)
        if report is None:
            return
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
