"""Turns local/benchmark/latency's raw samples (target/latency) into the Markdown table of BENCHMARKS.md."""
import json
import os
import statistics
import sys

out, n, delay = sys.argv[1], sys.argv[2], sys.argv[3]
cold, warm, calls = {}, {}, {}
for line in open(os.path.join(out, "samples.txt")):
    name, wall, cpu, rest = line.split(" ", 3)
    data = json.loads(rest)
    cold.setdefault(name, []).append((int(wall), data["firstMs"], int(cpu)))
    calls[name] = data["firstCalls"]
for line in open(os.path.join(out, "warm.txt")):
    name, _, _, rest = line.split(" ", 3)
    warm[name] = json.loads(rest)["warmMedianMs"]

seed_wall = statistics.median(w for w, _, _ in cold["seed-python"])
seed_cpu = statistics.median(c for _, _, c in cold["seed-python"])
seed_warm = warm["seed-python"]
print(open(os.path.join(out, "machine.txt")).read().strip())
print(f"\n{n} cold samples per contender (a new process each, interleaved), one CPU; warm: median of the warm runs in one process.\n")
print("| path | AWS calls | sequential round trips | cold wall ms | cold CPU ms | cold invocation ms | warm ms | cold wall × seed | cold CPU × seed | warm × seed |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for name in cold:
    wall = statistics.median(w for w, _, _ in cold[name])
    cpu = statistics.median(c for _, _, c in cold[name])
    first = statistics.median(f for _, f, _ in cold[name])
    c = calls[name]
    print(f"| {name} | {c['calls']} | {c['roundTrips']} | {wall:.0f} | {cpu:.0f} | {first:.0f} | {warm[name]:.1f} "
          f"| {wall / seed_wall:.2f} | {cpu / seed_cpu:.2f} | {warm[name] / seed_warm:.2f} |")
print("\nCalls of each path (first invocation):\n")
shown = set()
for name in cold:
    if name.split("@")[0] not in shown:
        shown.add(name.split("@")[0])
        print(f"- {name.split('@')[0]}: " + ", ".join(calls[name]["actions"]))
for name in cold:
    if name.startswith("portal-first-visit-primed"):
        first = statistics.median(f for _, f, _ in cold[name])
        print(f"\nFirst invocation after priming ({name}): {first:.1f} ms against {warm[name]:.1f} ms warm: "
              f"{first / warm[name]:.2f}× (target ≤ 1.5×).")
