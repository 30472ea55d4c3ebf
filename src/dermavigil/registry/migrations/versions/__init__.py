"""Alembic revision scripts of the registry."""
