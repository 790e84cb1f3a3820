"""A Radicale storage for bench/sync.py: the stock `multifilesystem`, plus a UID index per collection.

Radicale checks that a new resource's UID is not in the collection yet by reading every
item (`BaseCollection.has_uid` walks `get_all()`), so each PUT costs O(items) on the server
and a first sync of 10,000 items is quadratic there (about 7 PUT/s at 1,000 items on this
machine). The index answers the same question from a set kept in the server process,
built once from the collection and kept up to date on upload, dropped on any delete or move.
Each upload also scans the whole history folder for expired entries of deleted items (another
O(items) per PUT); here that clean-up runs once per collection and server process.
Loaded by Radicale as `[storage] type = _radicale_uid_index` (bench/ on PYTHONPATH).
"""

from __future__ import annotations

from radicale.storage import multifilesystem

_UIDS: dict[str, set[str]] = {}  # collection path -> UIDs in it (Radicale's builtin server: one process)
_CLEANED: set[str] = set()  # collections whose expired history was cleaned by this process


class Collection(multifilesystem.Collection):
    def has_uid(self, uid: str) -> bool:
        uids = _UIDS.get(self.path)
        if uids is None:
            uids = _UIDS[self.path] = {item.uid for item in self.get_all()}
        return uid in uids

    def upload(self, href, item):
        result = super().upload(href, item)
        if self.path in _UIDS:
            _UIDS[self.path].add(item.uid)
        return result

    def _clean_history(self):
        if self.path not in _CLEANED:
            _CLEANED.add(self.path)
            super()._clean_history()

    def delete(self, href=None):
        _UIDS.pop(self.path, None)
        return super().delete(href)


class Storage(multifilesystem.Storage):
    _collection_class = Collection

    def move(self, item, to_collection, to_href):
        _UIDS.clear()
        return super().move(item, to_collection, to_href)
