"""Quality gates for the hub: audits, page weight and the build benchmark (not a Pelican plugin)."""
