"""Work in a second process while this one goes on: a forked child runs `function(*args)`, a generator, and
sends each value it yields back through a pipe. Used by `microsite.py` so that the glossary is made while MkDocs
converts pages."""

from __future__ import annotations

import fcntl
import gc
import multiprocessing
import os
import pickle
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
    process to ask for it. (A plain fork, not a `multiprocessing.Process`: the child may start one of its own.)"""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        receive, send = multiprocessing.Pipe(duplex=False)
        _widen(send)
        self._pid = os.fork()
        if self._pid == 0:
            receive.close()
            try:
                _run(send, function, args)
            finally:
                os._exit(0)
        send.close()
        self._values: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, args=(receive,), daemon=True)
        self._reader.start()
        self._failed: str | None = None

    def _read(self, receive) -> None:
        """Take the values as they come (as sent: `next` unpickles them); once the child is done (or dead), reap
        it."""
        try:
            while True:
                self._values.put(receive.recv_bytes())
        except (EOFError, OSError):
            pass
        finally:
            receive.close()
        code = os.waitstatus_to_exitcode(os.waitpid(self._pid, 0)[1])
        ended = f"the child process ended with code {code}"
        self._values.put(pickle.dumps((False, ended)))  # (read only if it said no more)

    def next(self) -> Any:
        """The next value the function yields, waiting for it if need be; raises RuntimeError if the child
        failed (then and at every later call)."""
        if self._failed is None:
            ok, value = pickle.loads(self._values.get())
            if ok:
                return value
            self._failed = value
        raise RuntimeError(self._failed)

    def next_sent(self) -> Sent:
        """The next value as the child sent it, not unpickled: a child of another `Background` may yield it, and
        it goes on as it is (a failure too)."""
        return Sent(self._values.get())

    def wait(self) -> None:
        """Until the child has ended (and every value it sent has been taken)."""
        self._reader.join()

    def ready(self) -> bool:
        """Whether `next` would return (or raise) at once."""
        return self._failed is not None or not self._values.empty()


class Sent(bytes):
    """A value as a child sent it, `(ok, value)` pickled (`Background.next_sent`)."""


PIPE_SIZE = 1 << 20
"""Bytes the pipe holds (Linux's default most for a user; 64 KiB otherwise): a value of megabytes is then read
in a few reads, each of which the reading thread may have to wait for while this process's main thread works."""


def _widen(connection) -> None:
    try:
        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_SIZE)
    except (AttributeError, OSError):  # not Linux, or a lower limit: the default size will do
        pass


def _run(send, function: Callable[..., Any], args: tuple) -> None:
    gc.disable()  # a short-lived process: collecting cycles would only cost time
    try:
        for value in function(*args):
            if isinstance(value, Sent):
                send.send_bytes(value)
            else:
                send.send((True, value))
    except BaseException:  # noqa: BLE001 - reported to the parent, which falls back to working in-process
        send.send((False, traceback.format_exc(limit=5)))
    finally:
        send.close()
