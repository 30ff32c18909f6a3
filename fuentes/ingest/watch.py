"""Following feeds: poll politely, ingest only new entries, analyse what arrived, survive restarts.

An analyst follows a live story through outlets' RSS/Atom feeds. `watch` polls each feed every
`every` seconds with a conditional GET (the ETag and Last-Modified the server gave last time),
so an unchanged feed costs one short "304 Not Modified" answer. Entries already read (by guid,
else link) are never fetched again; the pages of new ones go through the ordinary polite
Fetcher (robots.txt, per-host delay, limits) and the ordinary ingest job, then the analysis
runs over what is new (`fuentes.analyse.analyse`, incremental).

What each feed has given (validators, entry keys, failures) is saved in the store after each
feed's entries are stored (`corpus_state` "feed_watch"), so a watcher stopped or killed at any
point starts again where it was: at worst the entries of the feed in flight are read again, and
content ids make them duplicates, not new articles. A feed that fails is polled less often
(the interval doubles per failure, up to `MAX_BACKOFF`); an entry whose page failed for a
passing reason (timeout, connection, HTTP 5xx or 429) is tried again at the next poll.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from fuentes.ingest.feeds import internal_dtd, iter_feed_entries, looks_like_feed
from fuentes.ingest.fetch import FEED_TYPES, PAGE_TYPES, Fetcher
from fuentes.ingest.job import IngestSummary, ingest_items
from fuentes.ingest.limits import ReadOptions
from fuentes.model import Rejection
from fuentes.store import Store
from fuentes.store.state import load_state, save_state

STATE_NAME = "feed_watch"
STATE_VERSION = "1"
MAX_BACKOFF = 6 * 3600.0  # a failing feed is still tried at least this often
MAX_KEYS = 5000  # entry keys remembered per feed (a feed lists its latest few dozen)
PASSING = ("timed out", "cannot connect", "HTTP 5", "HTTP 429", "no response", "cannot resolve host")


@dataclass
class FeedState:
    """What one feed has given so far."""

    etag: str | None = None
    last_modified: str | None = None
    seen: dict[str, None] = field(default_factory=dict)  # entry keys read, oldest first
    failures: int = 0
    next_poll: float = 0.0  # epoch seconds
    last_polled: str | None = None
    last_result: str = ""

    def remember(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.seen.pop(key, None)
            self.seen[key] = None
        while len(self.seen) > MAX_KEYS:
            self.seen.pop(next(iter(self.seen)))


@dataclass
class FeedPoll:
    """One feed's share of a round."""

    feed: str
    result: str  # "3 new entries", "not modified", "no new entries", "failed: ...", "waiting (backoff)"
    summary: IngestSummary = field(default_factory=IngestSummary)


@dataclass
class Round:
    number: int
    polls: list[FeedPoll] = field(default_factory=list)
    analysis: object | None = None  # fuentes.analyse.AnalysisSummary when something new was analysed

    @property
    def stored(self) -> int:
        return sum(poll.summary.stored for poll in self.polls)


def load_states(store: Store) -> dict[str, FeedState]:
    return load_state(store, STATE_NAME, STATE_VERSION) or {}


def save_states(store: Store, states: dict[str, FeedState]) -> None:
    save_state(store, STATE_NAME, STATE_VERSION, states, len(states))


def passing_failure(rejection: Rejection) -> bool:
    """A failure worth trying again at the next poll (the server or the network, not the page)."""
    return rejection.reason.startswith(PASSING)


def poll_feed(store: Store, fetcher: Fetcher, url: str, state: FeedState, *, every: float,
              workers: int = 1, now: Callable[[], float] = time.time) -> FeedPoll:
    """Poll one feed once: conditional GET, new entries ingested, the state brought up to date."""
    state.last_polled = datetime.now(timezone.utc).isoformat(timespec="seconds")
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    got = fetcher.fetch(url, PAGE_TYPES | FEED_TYPES, headers=headers or None)
    problem = (got.reason if isinstance(got, Rejection) else internal_dtd(got.mime, got.data, FEED_TYPES)
               or (None if got.status == 304 or looks_like_feed(got.mime, got.data) else
                   f"not an RSS/Atom feed ({got.mime or 'no content type'})"))
    if problem:
        state.failures += 1
        state.next_poll = now() + min(every * 2 ** state.failures, MAX_BACKOFF)
        state.last_result = f"failed: {problem}"
        return FeedPoll(url, state.last_result)
    state.failures = 0
    state.next_poll = now() + every
    if got.status == 304:
        state.last_result = "not modified"
        return FeedPoll(url, state.last_result)
    state.etag, state.last_modified = got.etag, got.last_modified
    read: list[str] = []
    retry: set[str] = set()

    def entries():
        for key, result in iter_feed_entries(got, url, fetcher, skip=state.seen):
            if key is None:
                continue  # the feed itself was unreadable: reported through last_result below
            read.append(key)
            if isinstance(result, Rejection) and passing_failure(result):
                retry.add(key)
            yield result

    summary = ingest_items(entries(), store, workers=workers)
    state.remember(key for key in read if key not in retry)
    new = len(read)
    state.last_result = f"{new} new entr{'y' if new == 1 else 'ies'}" if new else "no new entries"
    return FeedPoll(url, state.last_result, summary)


def watch_round(store: Store, feeds: list[str], states: dict[str, FeedState], fetcher: Fetcher, *,
                every: float, number: int = 1, workers: int = 1, analyse: bool = True,
                now: Callable[[], float] = time.time) -> Round:
    """Poll every feed that is due, saving the state after each; then analyse what is new."""
    done = Round(number)
    for url in feeds:
        state = states.setdefault(url, FeedState())
        if state.next_poll > now():
            due = datetime.fromtimestamp(state.next_poll, timezone.utc).isoformat(timespec="seconds")
            why = f" after {state.failures} failure(s)" if state.failures else ""
            done.polls.append(FeedPoll(url, f"waiting until {due}{why}"))
            continue
        done.polls.append(poll_feed(store, fetcher, url, state, every=every, workers=workers, now=now))
        save_states(store, states)
    if analyse and done.stored:
        from fuentes.analyse import analyse as run_analysis  # NLP models load only when needed

        done.analysis = run_analysis(store, workers=workers)
    return done


def watch(store: Store, feeds: list[str], *, every: float, rounds: int | None = None,
          options: ReadOptions | None = None, workers: int = 1, analyse: bool = True,
          on_round: Callable[[Round], None] | None = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll `feeds` every `every` seconds, `rounds` times (None: until interrupted); rounds done."""
    states = load_states(store)
    number = 0
    with Fetcher(options or ReadOptions()) as fetcher:
        while rounds is None or number < rounds:
            started = time.monotonic()
            number += 1
            done = watch_round(store, feeds, states, fetcher, every=every, number=number, workers=workers,
                               analyse=analyse)
            if on_round:
                on_round(done)
            if rounds is not None and number >= rounds:
                break
            sleep(max(0.0, every - (time.monotonic() - started)))
    return number


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "10m", "1h" or "1d"; ValueError naming the text otherwise."""
    value = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    factor = units.get(value[-1:], None)
    number = value[:-1] if factor else value
    try:
        seconds = float(number) * (factor or 1)
    except ValueError:
        raise ValueError(f"interval {text!r} is not a duration (use e.g. 90, 30s, 10m, 1h)") from None
    if seconds <= 0:
        raise ValueError(f"interval {text!r} must be positive")
    return seconds
