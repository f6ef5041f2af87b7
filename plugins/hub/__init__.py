"""Helpers shared by the hub's plugins and its command line: settings, URLs, messages."""
