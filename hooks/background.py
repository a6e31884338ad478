"""Work in a second process while this one goes on: a forked child runs `function(*args)`, a generator, and
sends each value it yields back through a pipe. Used by `microsite.py` so that the glossary is made while MkDocs
converts pages."""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any


def available() -> bool:
    """True where a child can be forked and there is a second CPU for it."""
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


class Background:
    """The generator `function(*args)` running in a forked child (it sees this process's memory as it is now).
    A thread of this process takes each value as soon as it is sent, so that the child never waits for this
    process to ask for it."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(send, function, args), daemon=True)
        self._process.start()
        send.close()
        self._values: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, args=(receive,), daemon=True)
        self._reader.start()
        self._failed: str | None = None

    def _read(self, receive) -> None:
        try:
            while True:
                ok, value = receive.recv()
                self._values.put((ok, value))
                if not ok:
                    return
        except (EOFError, OSError):  # the child is done, or it died without a word
            self._process.join()
            self._values.put((False, f"the child process ended with code {self._process.exitcode}"))
        finally:
            receive.close()

    def next(self) -> Any:
        """The next value the function yields, waiting for it if need be; raises RuntimeError if the child
        failed (then and at every later call)."""
        if self._failed is None:
            ok, value = self._values.get()
            if ok:
                return value
            self._failed = value
            self.close()
        raise RuntimeError(self._failed)

    def ready(self) -> bool:
        """Whether `next` would return (or raise) at once."""
        return self._failed is not None or not self._values.empty()

    def close(self) -> None:
        """Once the last value came: the child ends after sending it."""
        self._process.join()


def _run(send, function: Callable[..., Any], args: tuple) -> None:
    gc.disable()  # a short-lived process: collecting cycles would only cost time
    try:
        for value in function(*args):
            send.send((True, value))
    except BaseException:  # noqa: BLE001 - reported to the parent, which falls back to working in-process
        send.send((False, traceback.format_exc(limit=5)))
    finally:
        send.close()
