"""Compare two JSON-lines exports field by field: what changed besides added fields.

    python scripts/compare_exports.py OLD.jsonl NEW.jsonl

Records are matched by type and id (derivations by source and target); for each type it
prints the records only in one export, the fields added, and every field both have whose
value differs.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict


def key(record: dict) -> tuple:
    if record["type"] == "derivation":
        return ("derivation", record["source"], record["target"])
    return (record["type"], record.get("id"))


def load(path: str) -> dict[tuple, dict]:
    with open(path, encoding="utf-8") as handle:
        return {key(r): r for r in map(json.loads, handle)}


def main(old_path: str, new_path: str) -> int:
    old, new = load(old_path), load(new_path)
    added_fields: dict[str, set] = defaultdict(set)
    changed: Counter = Counter()
    examples: dict[tuple, str] = {}
    for k in sorted(set(old) | set(new), key=str):
        if k not in new or k not in old:
            changed[(k[0], "only in " + ("old" if k in old else "new"))] += 1
            continue
        a, b = old[k], new[k]
        added_fields[k[0]].update(set(b) - set(a))
        for field in set(a) & set(b):
            if a[field] != b[field]:
                changed[(k[0], field)] += 1
                examples.setdefault((k[0], field), f"{a[field]!r:.120} -> {b[field]!r:.120}")
    print("records:", len(old), "old,", len(new), "new")
    for kind, fields in sorted(added_fields.items()):
        if fields:
            print(f"{kind}: fields added {sorted(fields)}")
    for (kind, field), n in sorted(changed.items()):
        print(f"{kind}: {field} differs in {n}  e.g. {examples.get((kind, field), '')}")
    if not changed:
        print("no shared field differs")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
