"""Read an annex as pandas does (openpyxl, read-only, cached values) and
compare it with what the Go test expects.

usage: python3 openpyxl_check.py ANNEX.xlsx EXPECTED.json

EXPECTED.json lists each sheet, in workbook order, as [name, {"max_row": N,
"max_column": N, "rows": N, "cells": {"A1": value, ...}}]:
max_row and max_column are what read-only mode reports (from the sheet's
dimension), rows is how many rows iterating the sheet yields, and a cell's
value is a string, a number, or null for an empty cell. Dates compare as
YYYY-MM-DD. Prints every mismatch and exits 1 if there is any.
"""

import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def main(path, expected_path):
    with open(expected_path, encoding="utf-8") as f:
        expected = dict(json.load(f))
    problems = []
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    if wb.sheetnames != list(expected):
        problems.append("sheets %r, want %r" % (wb.sheetnames, list(expected)))
    for name, want in expected.items():
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        for key in ("max_row", "max_column"):
            got = getattr(ws, key)
            if got != want[key]:
                problems.append("%s: %s is %r, want %r" % (name, key, got, want[key]))
        values = {}
        rows = 0
        for row in ws.iter_rows():
            rows += 1
            for c in row:
                if getattr(c, "coordinate", None):
                    values[c.coordinate] = plain(c.value)
        if rows != want["rows"]:
            problems.append("%s: %d rows, want %d" % (name, rows, want["rows"]))
        for ref, value in want["cells"].items():
            got = values.get(ref)
            if got != value:
                problems.append("%s!%s is %r, want %r" % (name, ref, got, value))
    wb.close()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
