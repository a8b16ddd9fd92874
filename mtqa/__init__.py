"""mtqa: a machine-translation quality auditor for news articles."""

__version__ = "0.1.0"
