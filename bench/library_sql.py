#!/usr/bin/env python3
"""The project-list benchmark's SQL baseline: the same filtered first page (items + total) as
App::ListProjects, by SQL in SQLite on the file xj_bench_library wrote, with the product's
indexes. Two honest statements for the subtree: a recursive CTE over regions (general) and a
code-range scan (works because the national demo codes are hierarchical). Prints JSON."""
import json
import random
import sqlite3
import sys
import time

db, bench_json = sys.argv[1], sys.argv[2]
iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 200
con = sqlite3.connect(db)
rng = random.Random(20230705)
codes = {level: [r[0] for r in con.execute("SELECT code FROM regions WHERE level = ?", (level,))] for level in (1, 2, 3)}
categories = ["0101", "0102", "0103", "0201", "0301", "0302"]
words = ["牦牛", "道路", "饮水", "扎西", "加工厂"]
COLS = "p.project_code, p.name, p.year, p.region_code, p.category, p.status, p.central_fund_fen, p.total_investment_fen, p.responsible_person"
FILTER = ("p.year = ? AND p.status = 8 AND p.category = ? AND "
          "(instr(p.name, ?) > 0 OR instr(p.project_code, ?) > 0 OR instr(p.responsible_person, ?) > 0)")
CTE = "WITH RECURSIVE sub(code) AS (SELECT ? UNION ALL SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code) "
cte_page = CTE + f"SELECT {COLS} FROM projects p WHERE p.region_code IN (SELECT code FROM sub) AND {FILTER} ORDER BY p.region_code, p.project_code LIMIT 20"
cte_total = CTE + f"SELECT COUNT(*) FROM projects p WHERE p.region_code IN (SELECT code FROM sub) AND {FILTER}"
range_page = f"SELECT {COLS} FROM projects p WHERE p.region_code >= ? AND p.region_code < ? AND {FILTER} ORDER BY p.region_code, p.project_code LIMIT 20"
range_total = f"SELECT COUNT(*) FROM projects p WHERE p.region_code >= ? AND p.region_code < ? AND {FILTER}"


def prefix(code, level):
    keep = {1: 2, 2: 4, 3: 6}[level]
    p = code[:keep]
    return p, p[:-1] + chr(ord(p[-1]) + 1)


def measure(level, form, n):
    times, totals = [], 0
    for _ in range(n):
        code = rng.choice(codes[level])
        cat, word = rng.choice(categories), rng.choice(words)
        args = (2023, cat, word, word, word)
        t0 = time.perf_counter()
        if form == "cte":
            con.execute(cte_page, (code,) + args).fetchall()
            total = con.execute(cte_total, (code,) + args).fetchone()[0]
        else:
            lo, hi = prefix(code, level)
            con.execute(range_page, (lo, hi) + args).fetchall()
            total = con.execute(range_total, (lo, hi) + args).fetchone()[0]
        times.append((time.perf_counter() - t0) * 1e6)
        totals += total
    times.sort()
    at = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    return {"p50_us": at(0.5), "p99_us": at(0.99), "max_us": times[-1], "n": n, "avg_total": totals / n}


out = {"sqlite_version": sqlite3.sqlite_version}
for level, name in ((3, "county"), (2, "prefecture"), (1, "province")):
    n = iterations if level == 3 else max(20, iterations // (4 if level == 2 else 10))
    out[f"filtered_{name}_cte"] = measure(level, "cte", n)
    out[f"filtered_{name}_range"] = measure(level, "range", n)
print(json.dumps(out, indent=2))
