"""terminology package."""
