#!/usr/bin/env python3
"""Writes the Excel benchmark's input files: a projects CSV and ledger CSVs of N rows.

usage: excel_data.py REGIONS_CSV OUT_DIR ROWS...
Counties of the region list get 5,000 projects; the ledger is 10% allocations to counties,
30% disbursements and 60% expenditures on those projects, dated through 2023.
"""
import csv
import os
import random
import sys


def main():
    regions_csv, out = sys.argv[1], sys.argv[2]
    sizes = [int(n) for n in sys.argv[3:]]
    with open(regions_csv, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    counties = [r[0] for r in rows[1:] if r[2] in ("county", "县")]
    rng = random.Random(7)
    projects = [("BP-%05d" % i, counties[i % len(counties)]) for i in range(5000)]
    with open(os.path.join(out, "projects.csv"), "w", encoding="utf-8") as f:
        f.write("project_code,name,year,region_code,central_fund\n")
        for code, county in projects:
            f.write("%s,基准测试项目%s,2023,%s,%d\n" % (code, code[3:], county, rng.randint(10, 500) * 10000))
    for n in sizes:
        with open(os.path.join(out, "ledger-%d.csv" % n), "w", encoding="utf-8") as f:
            f.write("entry_id,date,kind,fund_source,fund_year,region_code,project_code,amount,payee,payee_type,note\n")
            for i in range(n):
                day = 1 + i % 365
                month, mday = 1, day
                for m, length in enumerate([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], 1):
                    if mday <= length:
                        month = m
                        break
                    mday -= length
                date = "2023-%02d-%02d" % (month, mday)
                r = i % 10
                code, county = projects[rng.randrange(len(projects))]
                amount = "%d.%02d" % (rng.randint(1, 99999), rng.randint(0, 99))
                if r == 0:
                    f.write("BL-%08d,%s,allocate,central,2023,%s,,%s,,,\n" % (i, date, county, amount))
                elif r < 4:
                    f.write("BL-%08d,%s,disburse,central,2023,%s,%s,%s,某施工单位,enterprise,\n" % (i, date, county, code, amount))
                else:
                    f.write("BL-%08d,%s,expend,central,2023,%s,%s,%s,某施工单位,enterprise,第%d笔\n" % (i, date, county, code, amount, i))


if __name__ == "__main__":
    main()
