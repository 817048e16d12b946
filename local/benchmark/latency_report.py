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
warm_data = {}
for line in open(os.path.join(out, "warm.txt")):
    name, _, _, rest = line.split(" ", 3)
    warm_data[name] = json.loads(rest)
    warm[name] = warm_data[name]["warmMedianMs"]

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
        w = warm_data[name]
        print(f"\nFirst invocation after priming ({name}): {first:.1f} ms against {warm[name]:.1f} ms warm: "
              f"{first / warm[name]:.2f}× (target ≤ 1.5×).\n"
              f"Not the target, the cost of connecting set apart: a warm invocation that finds no kept-alive "
              f"connection (as after a restore) took {w['warmNewConnectionsMedianMs']:.1f} ms; the first is "
              f"{first / w['warmNewConnectionsMedianMs']:.2f}× that.\n"
              f"CPU of the JVM (all threads) in the warm sample's process: first invocation {w['firstCpuMs']:.0f} ms, "
              f"warm {w['warmCpuMedianMs']:.0f} ms, warm over new connections {w['warmNewConnectionsCpuMedianMs']:.0f} ms.")
