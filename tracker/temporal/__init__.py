"""Time expressions -> due windows (closed date intervals), given an anchor date.

Pure: the anchor (publication date or today) is always a parameter; nothing reads the
clock. The grammar lives in patterns.py (words in lexicon.py), period arithmetic in
periods.py, selection, joining and resolution in windows.py.
"""

from tracker.temporal.windows import TimeExpression, find_time_expressions, first_full_date, resolve_window

__all__ = ["TimeExpression", "find_time_expressions", "resolve_window", "first_full_date"]
