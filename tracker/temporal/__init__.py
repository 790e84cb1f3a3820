"""Time expressions -> due windows (closed date intervals), given an anchor date.

Pure: the anchor (publication date or today) is always a parameter.
"""

from tracker.temporal.windows import TimeExpression, find_time_expressions, resolve_window

__all__ = ["TimeExpression", "find_time_expressions", "resolve_window"]
