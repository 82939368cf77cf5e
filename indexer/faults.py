"""Test-only fault points: the reliability suite makes a writer SIGKILL itself at a named stage.

`OSCE_FAULT_STAGE=<stage>` (unset in production) names one of STAGES; when the writer reaches
that point it kills itself with SIGKILL, exactly as a power cut or the OOM killer would, with no
`finally`, no lock release and no cleanup. The stage names a moment in the code, not a delay, so
tests need no sleeps. This is a fault injector, not an application setting, so it reads the
environment itself rather than through core.settings.Settings.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

ENV = "OSCE_FAULT_STAGE"
#: `kill` (default): SIGKILL, a crash. `stop`: SIGSTOP, a hang (the test continues it later).
ACTION_ENV = "OSCE_FAULT_ACTION"
#: A short lease for the lock (seconds), so a race test can outlive it without waiting minutes.
LOCK_TTL_ENV = "OSCE_FAULT_LOCK_TTL"
#: Where `reindex`, `rollback` and `restore` can be stopped, in the order a run reaches them.
STAGES = (
    "parse",  # the first parsed release reaches the bulk feed; nothing written yet
    "bulk",  # the first document has been acknowledged by the new index
    "settings",  # loaded; serving settings (refresh, replicas) not yet restored
    "refresh",  # settings restored, the new index not yet refreshed
    "count",  # refreshed, the count check not yet made
    "swap",  # checked and marked complete, the alias not yet moved
    "after-swap",  # the alias moved, older indices not yet pruned
    "delete-old",  # pruning: an older index about to be deleted
    "rollback-swap",  # rollback: target chosen, the alias not yet moved back
    "rollback",  # rollback: the alias moved back, the index rolled back from not yet deleted
    "restore",  # restore: the snapshot copied into a new index, not yet checked or marked
    "restore-swap",  # restore: checked and marked complete, the alias not yet moved
)

T = TypeVar("T")
_fired: set[str] = set()


def stage(name: str) -> None:
    """Kill (or stop) this process when OSCE_FAULT_STAGE names this stage; a no-op otherwise."""
    if os.environ.get(ENV) != name or name in _fired:
        return
    _fired.add(name)  # once per process: a stopped writer, continued, runs on past it
    stop = os.environ.get(ACTION_ENV) == "stop"
    sys.stderr.write(f"fault injected: {'SIGSTOP' if stop else 'SIGKILL'} at stage {name}\n")
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGSTOP if stop else signal.SIGKILL)
    # Continued after a SIGSTOP: carry on as a writer that hung for a while would.


def lock_ttl() -> float | None:
    """OSCE_FAULT_LOCK_TTL as seconds, else None (the lock's own default)."""
    value = os.environ.get(LOCK_TTL_ENV)
    return float(value) if value else None


def at_first(items: Iterable[T], name: str) -> Iterable[T]:
    """items, passing through stage(name) as the first one is taken (only when a fault is set)."""
    if os.environ.get(ENV) != name:
        return items

    def watched() -> Iterator[T]:
        for item in items:
            stage(name)
            yield item

    return watched()
