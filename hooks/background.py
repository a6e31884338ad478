"""Work in a second process while this one goes on: a forked child computes `function(*args)` and sends the
result back through a pipe. Used by `microsite.py` so that the glossary is made while MkDocs converts pages."""

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
    """`function(*args)` running in a forked child (it sees this process's memory as it is now)."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(send, function, args), daemon=True)
        self._process.start()
        send.close()
        self._result: tuple[bool, Any] | None = None

    def result(self) -> Any:
        """The function's return value, waiting for it if need be; raises RuntimeError if the child failed."""
        if self._result is None:
            try:
                self._result = self._receive.recv()
            except EOFError:
                self._result = (False, f"the child process ended with code {self._process.exitcode}")
            finally:
                self._receive.close()
                self._process.join()
        ok, value = self._result
        if not ok:
            raise RuntimeError(value)
        return value


def _run(send, function: Callable[..., Any], args: tuple) -> None:
    gc.disable()  # a short-lived process: collecting cycles would only cost time
    try:
        send.send((True, function(*args)))
    except BaseException:  # noqa: BLE001 - reported to the parent, which falls back to working in-process
        send.send((False, traceback.format_exc(limit=5)))
    finally:
        send.close()
