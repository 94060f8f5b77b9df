"""The corpus store as the server uses it: one handle per worker thread, writes serialised.

SQLite connections belong to the thread that opened them; the thread pool that runs requests
reuses its threads, so each opens the store once and keeps it.
"""

from __future__ import annotations

import threading

from .errors import ApiError


class StoreAccess:
    def __init__(self, path: str | None):
        self.path = path
        self._local = threading.local()
        self._write = threading.Lock()
        self._handles: list = []
        self._handles_lock = threading.Lock()

    @property
    def configured(self) -> bool:
        return self.path is not None

    def handle(self):
        if self.path is None:
            raise ApiError(503, "no_store", "this server runs without a corpus store; start it with 'khabar serve --db PATH'")
        store = getattr(self._local, "store", None)
        if store is None:
            from ..corpus.store import Store

            store = Store.open(self.path)
            self._local.store = store
            with self._handles_lock:
                self._handles.append(store)
        return store

    def add(self, doc) -> str:
        store = self.handle()
        with self._write:
            return store.add(doc)

    def warm(self, doc) -> None:
        """Open the store and load what writing needs (stemmer, MinHash) before the first request."""
        from ..corpus.store import prepare

        if self.path is not None:
            self.handle()
            prepare(doc)

    def close(self) -> None:
        with self._handles_lock:
            for s in self._handles:
                close = getattr(s, "close", None)
                if close:
                    try:
                        close()
                    except Exception:  # a handle owned by another thread; the process ends anyway
                        pass
            self._handles.clear()
