"""literature package."""
