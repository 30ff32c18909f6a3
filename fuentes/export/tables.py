"""`fuentes export --format csv|parquet`: the knowledge base as tables, one per record type
(article, entity, quote, claim, discrepancy, story, event, relation, derivation), for
spreadsheets and dataframes.

The rows are the JSON-lines export's records (`fuentes.export.jsonl.iter_records`, so every
record is written by its codec and has the one shape docs/export.md describes), grouped by their
`type`. Columns are the record's fields in the order the codec writes them; a nested value (a
list or an object: aliases, evidence spans, articles...) is one cell holding its JSON text, so a
CSV stays flat and reads back with `json.loads`. CSV goes to a folder (`<type>.csv`) or, when
the output ends in `.zip`, to one zip holding those files; Parquet goes to a folder of
`<type>.parquet` files (needs pyarrow: `pip install -e ".[spark]"`).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any, Iterable

from fuentes.errors import FuentesError
from fuentes.export.jsonl import iter_records
from fuentes.store import Store


def group_by_type(records: Iterable[dict[str, Any]]) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """type -> (columns in first-seen order, records), in the order the types first appear."""
    groups: dict[str, tuple[list[str], list[dict[str, Any]]]] = {}
    for record in records:
        columns, rows = groups.setdefault(record["type"], ([], []))
        for key in record:
            if key not in columns:
                columns.append(key)
        rows.append(record)
    return groups


def cell(value: Any) -> Any:
    """A flat cell: lists and objects become their JSON text; scalars stay as they are."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=False)
    return value


def _csv_text(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def write_csv(store: Store, output: Path) -> dict[str, int]:
    """One CSV per record type into the folder `output` (created), or into a zip when it ends in
    `.zip`. Returns record type -> rows written."""
    groups = group_by_type(iter_records(store))
    if output.suffix.lower() == ".zip":
        output.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for kind, (columns, rows) in groups.items():
                archive.writestr(f"{kind}.csv", _csv_text(columns, rows))
    else:
        output.mkdir(parents=True, exist_ok=True)
        for kind, (columns, rows) in groups.items():
            (output / f"{kind}.csv").write_text(_csv_text(columns, rows), encoding="utf-8", newline="")
    return {kind: len(rows) for kind, (_, rows) in groups.items()}


def _column(values: list[Any]) -> list[Any]:
    """A Parquet column: nested values as JSON text; a column mixing scalar types as text too."""
    values = [cell(v) for v in values]
    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int, float} and kinds != {int, float} or kinds == {str} or kinds == {bool} or not kinds:
        return values
    if kinds == {int, float}:
        return [None if v is None else float(v) for v in values]
    return [None if v is None else (v if isinstance(v, str) else json.dumps(v)) for v in values]


def write_parquet(store: Store, output: Path) -> dict[str, int]:
    """One Parquet file per record type into the folder `output` (created)."""
    if output.suffix.lower() == ".zip":
        raise FuentesError(f"Parquet is written to a folder, one file per record type; {output} names a zip "
                           "(CSV can go to a zip)")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as error:
        raise FuentesError("Parquet export needs pyarrow: pip install -e \".[spark]\" (or pip install pyarrow)") \
            from error
    groups = group_by_type(iter_records(store))
    output.mkdir(parents=True, exist_ok=True)
    for kind, (columns, rows) in groups.items():
        table = pa.table({c: _column([row.get(c) for row in rows]) for c in columns})
        pq.write_table(table, output / f"{kind}.parquet")
    return {kind: len(rows) for kind, (_, rows) in groups.items()}
