"""Pages of every list the workbench shows: `?page=` and `?limit=` (or the API's `?offset=`),
read leniently where a number is too big and strictly where it is not a number.

- `limit` above the list's cap is cut to the cap (`limit=1000000000` gives the cap), below 1 is
  refused; `page` counts from 1; `offset` (the API's older form) from 0.
- A page, limit or offset that is not a whole number, is negative, or lies beyond
  `MAX_OFFSET` rows is a 400 with the reason (never a 500, never a database overflow).
- `page_info` gives what every list answers with: total, page, pages, limit, and the `next` and
  `prev` links (the same URL with the page changed), None at either end.

The database cuts the page (`fuentes.store.views`): no request reads a whole table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request

MAX_OFFSET = 10 ** 9  # rows skipped at most (a bigger offset or page is refused)
DEFAULT_LIMIT = 50
MAX_LIMIT = 200  # the hard cap of every list, whatever `limit` asks


@dataclass(frozen=True, slots=True)
class Paging:
    page: int
    limit: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


def _number(name: str, raw: str | None, default: int, least: int) -> int:
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip()
    if not (value.isascii() and value.lstrip("+-").isdigit()) or len(value) > 30:
        raise HTTPException(400, f"{name} must be a whole number (got {raw[:40]!r})")
    number = int(value)
    if number < least:
        raise HTTPException(400, f"{name} must be at least {least} (got {number})")
    return number


def parse_paging(page: str | None, limit: str | None, offset: str | None = None, *,
                 default: int = DEFAULT_LIMIT, cap: int = MAX_LIMIT) -> Paging:
    """The page asked for (see the module); HTTPException(400) when it cannot be read."""
    size = min(_number("limit", limit, default, 1), cap)
    if offset is not None and offset.strip() != "":
        skip = _number("offset", offset, 0, 0)
        if skip > MAX_OFFSET:
            raise HTTPException(400, f"offset must be at most {MAX_OFFSET} (got {skip})")
        if skip % size:  # an offset off the page grid: a page of that size starting there
            return _Offset(page=skip // size + 1, limit=size, start=skip)
        return Paging(skip // size + 1, size)
    number = _number("page", page, 1, 1)
    if (number - 1) * size > MAX_OFFSET:
        raise HTTPException(400, f"page {number} lies beyond the last row any list can have")
    return Paging(number, size)


def page_number(name: str, raw: str | None) -> int:
    """A second page number of one view (e.g. the claims board's discrepancies), read as `page`."""
    number = _number(name, raw, 1, 1)
    if number > MAX_OFFSET:
        raise HTTPException(400, f"{name} {number} lies beyond the last row any list can have")
    return number


@dataclass(frozen=True, slots=True)
class _Offset(Paging):
    start: int = 0

    @property
    def offset(self) -> int:
        return self.start


PAGE_DOC = "page number, from 1"
LIMIT_DOC = f"items per page (at most {MAX_LIMIT}; a bigger value gives {MAX_LIMIT})"
OFFSET_DOC = "items to skip (instead of page)"


def pages(default: int = DEFAULT_LIMIT, cap: int = MAX_LIMIT, offset: bool = False) -> Callable[..., Paging]:
    """A FastAPI dependency giving the request's Paging (documented as `page`, `limit`, and
    `offset` when asked)."""
    if offset:
        def dependency(page: str | None = Query(None, description=PAGE_DOC),
                       limit: str | None = Query(None, description=LIMIT_DOC.replace(str(MAX_LIMIT), str(cap))),
                       offset: str | None = Query(None, description=OFFSET_DOC)) -> Paging:
            return parse_paging(page, limit, offset, default=default, cap=cap)
    else:
        def dependency(page: str | None = Query(None, description=PAGE_DOC),
                       limit: str | None = Query(None, description=LIMIT_DOC.replace(str(MAX_LIMIT), str(cap)))
                       ) -> Paging:
            return parse_paging(page, limit, default=default, cap=cap)
    return dependency


def page_link(request: Request, page: int, name: str = "page") -> str:
    """This request's URL (path and query) with `name` set to `page` (and no offset)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in (name, "offset")]
    params.append((name, str(page)))
    return f"{request.url.path}?{urlencode(params)}"


def page_info(request: Request, paging: Paging, total: int, name: str = "page") -> dict[str, Any]:
    """{total, page, pages, limit, offset, next, prev}: `next`/`prev` are links, None at the ends."""
    count = max(1, math.ceil(total / paging.limit))
    here = paging.offset // paging.limit + 1
    return {"total": total, "page": here, "pages": count, "limit": paging.limit, "offset": paging.offset,
            "next": page_link(request, here + 1, name) if paging.offset + paging.limit < total else None,
            "prev": page_link(request, min(here - 1, count), name) if here > 1 else None}


def sub_list(items_total: int, shown: int, link: str | None) -> dict[str, Any]:
    """What a profile says about one of its bounded lists: how many there are, how many it shows,
    and where the rest are."""
    return {"total": items_total, "shown": shown, "more": max(0, items_total - shown),
            "link": link if items_total > shown else None}
