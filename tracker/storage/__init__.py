"""Persistence: SQLAlchemy models, engine and sessions, query functions."""
