"""Turns local/benchmark/latency's raw samples (target/latency) into the Markdown table of BENCHMARKS.md."""
import json
import os
import statistics
import sys

out, n, delay = sys.argv[1], sys.argv[2], sys.argv[3]
cold, warm, calls = {}, {}, {}
for line in open(os.path.join(out, "samples.txt")):
    name, wall, rest = line.split(" ", 2)
    data = json.loads(rest)
    cold.setdefault(name, []).append((int(wall), data["firstMs"]))
    calls[name] = data["firstCalls"]
for line in open(os.path.join(out, "warm.txt")):
    name, _, rest = line.split(" ", 2)
    warm[name] = json.loads(rest)["warmMedianMs"]

seed_wall = statistics.median(w for w, _ in cold["seed-python"])
seed_warm = warm["seed-python"]
print(open(os.path.join(out, "machine.txt")).read().strip())
print(f"\n{n} cold samples per contender (a new process each, interleaved), one CPU; warm: median of the warm runs in one process.\n")
print("| path | AWS calls | sequential round trips | cold wall ms | cold invocation ms | warm ms | cold × seed | warm × seed |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name in cold:
    wall = statistics.median(w for w, _ in cold[name])
    first = statistics.median(f for _, f in cold[name])
    c = calls[name]
    print(f"| {name} | {c['calls']} | {c['roundTrips']} | {wall:.0f} | {first:.0f} | {warm[name]:.1f} "
          f"| {wall / seed_wall:.2f} | {warm[name] / seed_warm:.2f} |")
print("\nCalls of each path (first invocation):\n")
for name in cold:
    if "@" in name and not name.endswith(sorted(k for k in cold if "@" in k)[0].split("@")[1]):
        continue
    print(f"- {name}: " + ", ".join(calls[name]["actions"]))
for name in cold:
    if name.startswith("portal-first-visit-primed"):
        first = statistics.median(f for _, f in cold[name])
        print(f"\nFirst invocation after priming ({name}): {first:.1f} ms against {warm[name]:.1f} ms warm: "
              f"{first / warm[name]:.2f}× (target ≤ 1.5×).")
