"""Diplomatic calendar and follow-up tracker."""

__version__ = "0.1.0"
