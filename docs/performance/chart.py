#!/usr/bin/env python3
"""Draws docs/performance/chart.svg from results.csv: one bar per measure, its distance from the target.

Each bar is measured/target for "at most" targets and target/measured for "at least" ones, so 1.0 is the
target for every row and a bar ending left of the line meets it. Plain SVG, no libraries:
    python3 docs/performance/chart.py
"""
import csv
import os

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, "results.csv"))))

left, bar_h, gap, width, scale_max = 430, 18, 8, 360, 4.5
height = 60 + len(rows) * (bar_h + gap) + 40
x = lambda v: left + min(v, scale_max) / scale_max * width
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 150}" height="{height}" '
       'font-family="sans-serif" font-size="12">',
       f'<text x="10" y="22" font-size="15" font-weight="bold">Benchmarks against their targets '
       '(bar = measured relative to target; left of the line = met)</text>']
for i, r in enumerate(rows):
    measured, target = float(r["measured"]), float(r["target"])
    score = measured / target if r["direction"] == "max" else target / measured
    y = 45 + i * (bar_h + gap)
    met = score <= 1.0
    colour = "#2e7d32" if met else "#c62828"
    sign = "≤" if r["direction"] == "max" else "≥"
    out.append(f'<text x="10" y="{y + 13}">{r["benchmark"]}: {r["measure"]}</text>')
    out.append(f'<rect x="{left}" y="{y}" width="{x(score) - left:.1f}" height="{bar_h}" fill="{colour}"/>')
    out.append(f'<text x="{x(score) + 6:.1f}" y="{y + 13}">{measured:g} (target {sign} {target:g}) '
               f'{"met" if met else "missed"}</text>')
line = x(1.0)
out.append(f'<line x1="{line:.1f}" y1="38" x2="{line:.1f}" y2="{height - 30}" stroke="#000" stroke-dasharray="4 3"/>')
out.append(f'<text x="{line - 20:.1f}" y="{height - 14}">target</text>')
for tick in (0.5, 2, 3, 4):
    out.append(f'<text x="{x(tick) - 8:.1f}" y="{height - 14}" fill="#555">{tick:g}×</text>')
out.append('</svg>')
open(os.path.join(here, "chart.svg"), "w").write("\n".join(out) + "\n")
print("wrote", os.path.join(here, "chart.svg"))
