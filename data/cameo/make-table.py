#!/usr/bin/env python3
"""make-table.py — write cameo.tsv, the CAMEO reference table sitrep loads at
run time, from the published reference figures in the shared corpora.

    data/cameo/make-table.py ../shared/corpora > data/cameo/cameo.tsv

Sources (read, not copied): cameo-reference/goldstein.tsv (Goldstein
weights), cameo-reference/cameo-01-02-names.tsv (names of roots 01 and 02),
PLOVER/CAMEO2PLOVER-2021.txt (PLOVER event, mode, context and the names of
codes 03-20). Rules from cameo-reference/SOURCE.md: 01x has no PLOVER type;
02x is REQUEST. Quad class: roots 01-05 -> 1, 06-09 -> 2, 10-14 -> 3,
15-20 -> 4. A code with no Goldstein weight of its own takes its parent's.
The output is sorted by code; tests/test_cameo.c checks it against the
sources whenever they are present.
"""
import sys, os

def main():
    base = sys.argv[1]
    gold = {}
    with open(os.path.join(base, "cameo-reference/goldstein.tsv")) as f:
        next(f)
        for line in f:
            c, g = line.rstrip("\n").split("\t")
            gold[c] = g
    names = {}
    with open(os.path.join(base, "cameo-reference/cameo-01-02-names.tsv")) as f:
        next(f)
        for line in f:
            c, n = line.rstrip("\n").split("\t")
            names[c] = n
    plover = {}
    with open(os.path.join(base, "PLOVER/CAMEO2PLOVER-2021.txt")) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("~") or ":" not in line:
                continue
            code, rest = line.split(":", 1)
            code = code.strip()
            if not code.isdigit() or code in plover:
                continue
            comment = ""
            if "#" in rest:
                rest, comment = rest.split("#", 1)
            parts = [p.strip() for p in rest.split(",")]
            parts += [""] * (3 - len(parts))
            ctx = ";".join(p.strip() for p in parts[2].split(";") if p.strip())
            plover[code] = (parts[0], parts[1], ctx)
            if comment.strip() and code not in names:
                names[code] = comment.strip()
    codes = sorted(set(gold) | set(plover) | set(names))
    # root names from the root's "x0" code
    for c in codes:
        if len(c) == 2 and c not in names and c + "0" in names:
            names[c] = names[c + "0"].replace(", not specified below", "")
    print("# cameo.tsv — the CAMEO event codes sitrep knows: name, Goldstein weight,")
    print("# quad class and PLOVER event type, mode and context. Written by")
    print("# make-table.py from published reference tables (see that script);")
    print("# this file is what sitrep reads at run time.")
    print("# columns: code goldstein quad plover mode context name")
    for c in codes:
        root = int(c[:2])
        quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        g = gold.get(c) or gold.get(c[:3]) or gold.get(c[:2])
        if root == 1:
            pl = ("", "", "")
        elif root == 2:
            pl = ("REQUEST", "", "")
        else:
            pl = plover.get(c) or plover.get(c[:3]) or plover.get(c[:2]) or ("", "", "")
        print("\t".join([c, g, str(quad), pl[0], pl[1], pl[2], names.get(c, "")]))

main()
