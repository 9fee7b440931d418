"""Many articles at once: :func:`parse_many`, in this process or in a pool of processes.

The input is read lazily and the results come out in input order, so a
corpus of any size streams through in bounded memory. With ``workers > 1``
the articles are parsed in batches by a :class:`~concurrent.futures.ProcessPoolExecutor`
whose workers each get the gazetteer once, when they start, while the
calling process parses its share of the batches; at most a few batches per
worker are in flight at any time.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext

from ._gazetteer import Gazetteer
from ._model import Article, _to_date

__all__ = ["parse_many"]

#: One checked input: its position, its text and its publication date.
_Item = tuple[int, str, dt.date | None]

#: Without ``chunksize``, a batch closes at this many characters of text ...
_BATCH_CHARS = 24_000
#: ... or at this many articles, whichever comes first.
_BATCH_ITEMS = 64
#: Batches in flight per worker: enough to keep every worker busy while the
#: oldest batch is waited for, few enough to bound memory.
_IN_FLIGHT_PER_WORKER = 4


def parse_many(
    texts: Iterable[str | tuple[str, dt.date | str | None]],
    *,
    workers: int = 1,
    gazetteer: Gazetteer | None = None,
    chunksize: int | None = None,
) -> Iterator[Article]:
    """Parse many articles, yielding one :class:`Article` per input, in input order.

    ``texts`` is read lazily, a few batches ahead of the results, so it may be
    a generator over a corpus too large for memory. Each item is either the
    text of an article or a ``(text, published)`` pair; ``published`` is what
    :func:`diplotext.parse` accepts (``date``, ``datetime``, ISO string or
    ``None``). The results are those of :func:`diplotext.parse` on each item.

    >>> from diplotext import parse_many
    >>> articles = parse_many(["Biden met Xi.", ("Blinken called Wang Yi on Tuesday.",
    ...                                         "2024-04-02")])
    >>> [a.published for a in articles]
    [None, datetime.date(2024, 4, 2)]

    Args:
        texts: The articles: texts, or ``(text, published)`` tuples.
        workers: How many processes parse at once. ``1`` parses in this
            process; more starts a pool of ``workers - 1`` processes for the
            duration of the iteration (fork on Linux when this process has a
            single thread, the platform's default start method otherwise),
            and this process parses every ``workers``-th batch itself.
        gazetteer: The data to use; the bundled :meth:`Gazetteer.default` if
            not given. Each worker process receives it once, when it starts.
        chunksize: How many articles a worker parses per batch. By default
            batches are cut at about 24,000 characters of text (or 64
            articles), which keeps the workers evenly loaded and the transfer
            cost small. Ignored when ``workers == 1``.

    Returns:
        An iterator of Articles, one per item of ``texts``, in the same order.
        Stopping the iteration early (or closing the iterator) stops the
        workers.

    Raises:
        TypeError: If ``texts`` is a string rather than an iterable of
            texts, or when the iteration reaches an item that is neither a
            ``str`` nor a ``(str, published)`` tuple (the message names the
            item's index; the articles before it have been yielded).
        ValueError: If ``workers`` or ``chunksize`` is less than 1; or when
            the iteration reaches an item whose ``published`` is not a
            usable date (the message names the item's index).
    """
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int, not {type(workers).__name__}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunksize is not None:
        if isinstance(chunksize, bool) or not isinstance(chunksize, int):
            raise TypeError(f"chunksize must be an int or None, not {type(chunksize).__name__}")
        if chunksize < 1:
            raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    if isinstance(texts, str | bytes | bytearray):
        raise TypeError(
            f"texts must be an iterable of texts, not a single {type(texts).__name__}: "
            "wrap one article in a list"
        )
    items = _checked(iter(texts))
    if workers == 1:
        return _serial(items, gazetteer)
    return _pooled(items, workers, gazetteer, chunksize)


def _checked(texts: Iterator[object]) -> Iterator[_Item]:
    """The items of ``texts``, checked and unpacked, with their index."""
    for index, item in enumerate(texts):
        yield _unpack(index, item)


def _unpack(index: int, item: object) -> _Item:
    """``(index, text, published)`` of one input, or a TypeError/ValueError naming it."""
    if isinstance(item, str):
        return index, item, None
    if isinstance(item, tuple) and len(item) == 2:
        text, published = item
        if not isinstance(text, str):
            raise TypeError(f"item {index}: the text must be str, not {type(text).__name__}")
        try:
            day = _to_date(published)
        except ValueError as exc:
            raise ValueError(f"item {index}: {exc}") from None
        return index, text, day
    if isinstance(item, bytes | bytearray | memoryview):
        raise TypeError(
            f"item {index}: a text must be str, not {type(item).__name__}: decode it first, "
            "e.g. data.decode('utf-8')"
        )
    raise TypeError(
        f"item {index}: expected a str or a (text, published) tuple, not {type(item).__name__}"
    )


def _parse_one(item: _Item, gazetteer: Gazetteer | None) -> Article:
    """:func:`diplotext._parse.parse` of one item; an error is noted with the item's index."""
    from . import _parse  # looked up at call time: no import cycle, and tests may patch it

    index, text, published = item
    try:
        return _parse.parse(text, published=published, gazetteer=gazetteer)
    except Exception as exc:
        exc.add_note(f"diplotext.parse_many: while parsing item {index}")
        raise


def _serial(items: Iterator[_Item], gazetteer: Gazetteer | None) -> Iterator[Article]:
    for item in items:
        yield _parse_one(item, gazetteer)


# --- the process pool --------------------------------------------------------------------------

#: The gazetteer of a worker process, set once by :func:`_start_worker`. It is
#: only ever assigned in pool workers, never in the calling process.
_worker_gazetteer: Gazetteer | None = None


def _start_worker(gazetteer: Gazetteer | None) -> None:
    """Pool initializer: keep the gazetteer (unpickled once) for every batch of this worker."""
    global _worker_gazetteer
    _worker_gazetteer = Gazetteer.default() if gazetteer is None else gazetteer


def _parse_batch(batch: list[_Item]) -> list[Article]:
    """Worker task: parse one batch with the worker's gazetteer."""
    return [_parse_one(item, _worker_gazetteer) for item in batch]


def _context() -> BaseContext:
    """Fork where it is safe and available (fast start, data shared), else the default."""
    if (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    ):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _batches(items: Iterator[_Item], chunksize: int | None) -> Iterator[list[_Item]]:
    """Consecutive batches of ``items``; a failing input ends the last batch, then raises."""
    batch: list[_Item] = []
    chars = 0
    try:
        for item in items:
            batch.append(item)
            chars += len(item[1])
            full = (
                len(batch) >= chunksize
                if chunksize is not None
                else chars >= _BATCH_CHARS or len(batch) >= _BATCH_ITEMS
            )
            if full:
                yield batch
                batch, chars = [], 0
    except Exception:
        # the inputs before the bad one are still parsed and yielded first
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def _pooled(
    items: Iterator[_Item], workers: int, gazetteer: Gazetteer | None, chunksize: int | None
) -> Iterator[Article]:
    # ``workers - 1`` processes, and this one: it parses every ``workers``-th
    # batch itself when that batch's turn comes, while the pool works ahead
    # on the others (a pool of ``workers`` would leave one more process than
    # cores, as this one also unpickles the results).
    pool = ProcessPoolExecutor(
        max_workers=workers - 1,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(gazetteer,),
    )
    pending: deque[Future[list[Article]] | list[_Item]] = deque()
    batches = _batches(items, chunksize)
    limit = _IN_FLIGHT_PER_WORKER * workers
    failure: Exception | None = None
    try:
        for n in itertools.count():
            try:
                batch = next(batches)
            except StopIteration:
                break
            except Exception as exc:  # a bad input: yield what came before it first
                failure = exc
                break
            ours = n % workers == workers - 1
            pending.append(batch if ours else pool.submit(_parse_batch, batch))
            while len(pending) >= limit:
                yield from _done(pending.popleft(), gazetteer)
        while pending:
            yield from _done(pending.popleft(), gazetteer)
        if failure is not None:
            raise failure
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _done(entry: Future[list[Article]] | list[_Item], gazetteer: Gazetteer | None) -> list[Article]:
    """The articles of a batch: the pool's result, or parsed here."""
    if isinstance(entry, Future):
        return entry.result()
    return [_parse_one(item, gazetteer) for item in entry]
