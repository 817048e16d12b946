"""Turns the cold-start benchmark's raw samples (target/benchmark) into the Markdown tables of BENCHMARKS.md."""
import glob
import json
import os
import statistics
import sys

out, n = sys.argv[1], sys.argv[2]
FUNCTIONS = ["vpn-portal", "vpn-auto-off", "connect-ip-rules"]

samples = {}
for line in open(os.path.join(out, "samples.txt")):
    name, ms, rss = line.split()
    samples.setdefault(name, []).append((int(ms), int(rss)))
warm = {}
for line in open(os.path.join(out, "warm.txt")):
    name, rest = line.split(" ", 1)
    warm[name] = json.loads(rest)["warmMedianMs"]
classes = {}
for line in open(os.path.join(out, "classes.txt")):
    name, loaded, shared = line.split()
    classes[name] = (int(loaded), int(shared))


def median(name):
    return statistics.median(ms for ms, _ in samples[name])


def p90(name):
    v = sorted(ms for ms, _ in samples[name])
    return v[min(len(v) - 1, int(round(0.9 * (len(v) - 1))))]


def jar(name):
    if name.startswith("seed-python"):
        return "—"
    if name.startswith("bare-seed"):
        path = glob.glob("local/benchmark/target/switchboard-benchmark-*-bare.jar")
    else:
        # A bare contender runs on its function's jar (the same SDK), loading only the SDK's classes.
        module = name.removesuffix("-cds").removeprefix("bare-")
        path = glob.glob(f"functions/{module}/target/switchboard-{module}-*-lambda.jar")
    return f"{os.path.getsize(path[0]) / 1048576:.1f}" if path else "?"


def bare_of(name):
    if name.startswith("bare-") or name == "seed-python":
        return None
    return "bare-" + name


seed = median("seed-python")
print(open(os.path.join(out, "machine.txt")).read().strip())
print(f"\nCold start: a new process per sample, {n} interleaved samples each, one CPU.\n")
print("| contender | median ms | p90 ms | × seed Python | × bare SDK (same calls, same variant) | peak RSS MiB | jar MiB | classes loaded (from an archive) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name in samples:
    b = bare_of(name)
    vs_bare = f"{median(name) / median(b):.2f}" if b and b in samples else ""
    loaded, shared = classes.get(name, (0, 0))
    cls = f"{loaded} ({shared})" if name in classes else ""
    rss = statistics.median(r for _, r in samples[name]) / 1024
    print(f"| {name} | {median(name):.0f} | {p90(name)} | {median(name) / seed:.2f} | {vs_bare} | {rss:.0f} | {jar(name)} | {cls} |")

print("\nWarm invocation (same event and AWS calls, after an emulator reset; median of the warm runs in one process):\n")
print("| function | warm ms | bare SDK warm ms | × bare |")
print("|---|---:|---:|---:|")
for f in FUNCTIONS:
    print(f"| {f} | {warm[f]:.1f} | {warm['bare-' + f]:.1f} | {warm[f] / warm['bare-' + f]:.2f} |")

print("\nTargets (one CPU):\n")
def verdict(ok):
    return "met" if ok else "**not met**"
for f in FUNCTIONS:
    checks = [
        (f"with CDS ≤ 1.0× seed: {median(f + '-cds') / seed:.2f}×", median(f + "-cds") / seed <= 1.0),
        (f"plain ≤ 2.0× seed: {median(f) / seed:.2f}×", median(f) / seed <= 2.0),
        (f"≤ 1.25× bare SDK: plain {median(f) / median('bare-' + f):.2f}×, CDS {median(f + '-cds') / median('bare-' + f + '-cds'):.2f}×",
         median(f) / median("bare-" + f) <= 1.25 and median(f + "-cds") / median("bare-" + f + "-cds") <= 1.25),
        (f"warm ≤ 1.1× bare: {warm[f] / warm['bare-' + f]:.2f}×", warm[f] / warm["bare-" + f] <= 1.1),
    ]
    print(f"- **{f}**: " + "; ".join(f"{text} {verdict(ok)}" for text, ok in checks))
