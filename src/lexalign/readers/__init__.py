"""One reader per input format; each returns (text, page_starts, warnings)."""
