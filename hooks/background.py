"""Work in a second process while this one goes on: a forked child runs `function(*args)`, a generator, and
sends each value it yields back through a pipe. Used by `microsite.py` so that the glossary is made while MkDocs
converts pages."""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable
from typing import Any


def available() -> bool:
    """True where a child can be forked and there is a second CPU for it."""
    return "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1


class Background:
    """The generator `function(*args)` running in a forked child (it sees this process's memory as it is now)."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(send, function, args), daemon=True)
        self._process.start()
        send.close()
        self._failed: str | None = None

    def next(self) -> Any:
        """The next value the function yields, waiting for it if need be; raises RuntimeError if the child
        failed (then and at every later call)."""
        if self._failed is None:
            try:
                ok, value = self._receive.recv()
            except (EOFError, OSError):
                self._process.join()
                ok, value = False, f"the child process ended with code {self._process.exitcode}"
            if ok:
                return value
            self._failed = value
            self.close()
        raise RuntimeError(self._failed)

    def ready(self) -> bool:
        """Whether `next` would return (or raise) at once."""
        return self._failed is not None or self._receive.poll()

    def close(self) -> None:
        """Stop listening, once the last value came; the child ends after sending it."""
        self._receive.close()
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
