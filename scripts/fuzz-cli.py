#!/usr/bin/env python3
"""Fuzzes the `qbattery` command line: seeded mutations of valid argument vectors for every
subcommand, and of the files `prove`, `merge` and `reference --check` read.

Every run must end with exit status 0, 1 or 2 (2: bad input), print something when it is not 0,
and finish within --hang seconds; a signal (crash) or a timeout (hang) is a failure, written with
its argument vector to .build/fuzz/cli-failures.txt.

    scripts/fuzz-cli.py [--per-command N] [--seed S] [--hang SECONDS] [--binary PATH]

Templates are cheap valid invocations (a debug build answers each in seconds); mutations replace,
drop, duplicate or swap arguments with values from a list of awkward ones (empty, huge, negative,
NaN, unicode, paths that do not exist, options of other subcommands), or corrupt the input file.
`crosscheck --full` is never generated. `reproduce` without a figure (all of them) is legitimately
long: a run stopped at the limit while still printing progress is reported as a long run, and
only a run silent for its last 15 s counts as a hang.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, ".build", "fuzz")

AWKWARD = ["", "-", "--", "-1", "0", "1", "2", "3", "9223372036854775807", "-9223372036854775808",
           "99999999999999999999999", "1e308", "1e-400", "nan", "inf", "-inf", "0x10", "1/0", "0/0", "3/-7",
           "1.5e-3", "=", "N=", "N==1", "N=1=2", "=1", "x" * 5000, "é", "\u202e", "\t", " ", "N=\u0661",
           "/nonexistent/dir/file", "/dev/null", "/", ".", "--help", "-h", "--json", "--quiet", "--digits",
           "--out", "--root", "--shard", "--seed", "--samples", "--workers", "--jobs", "--check", "--list",
           "--digits=0", "--digits=100001", "--jobs=0", "--jobs=-3", "--workers=0", "--samples=0",
           "--shard=0/2", "--shard=3/2", "--shard=1/0", "--shard=a/b", "--shard=1/9223372036854775807",
           "--seed=-1", "--seed=18446744073709551616", "all", "mayo-fig2", "nosuchfigure",
           "N=1000000000", "N=-1", "N=0", "N=1/2", "beta=-1", "beta=1e9", "beta=0", "r=1", "r=0", "r=-1/3",
           "r=0.9999999999999999", "c=1/2", "omega=0", "epsilon=0", "t=-1", "delta=0", "nosuchformula",
           "cakmak.eq16", "mayo.gamma", "mayo.eq9", "cakmak.eq15.sum"]


def templates(tmp):
    proof = os.path.join(tmp, "small.proof")
    shards = sorted(os.path.join(tmp, "shards", f) for f in os.listdir(os.path.join(tmp, "shards")))
    return {
        "selfcheck": [["selfcheck"]],
        "formulas": [["formulas"], ["formulas", "--json"]],
        "eval": [["eval", "cakmak.eq16", "N=5", "r=1/3", "--digits", "40"],
                 ["eval", "mayo.gamma", "N=64", "beta=1000", "omega=1", "--digits", "20"],
                 ["eval", "cakmak.eq10.c1.corrected", "beta=1", "omega=1"],
                 ["eval", "mayo.eq9", "beta=1/2", "omega=1"]],
        "reference": [["reference", "--check", "--root", os.path.join(tmp, "root")],
                      ["reference", "--root", os.path.join(tmp, "root-write")]],
        "errata": [["errata"], ["errata", "--json"]],
        "prove": [["prove", proof], ["prove", "--quiet", proof], ["prove", os.path.join(tmp, "proofs")]],
        "crosscheck": [["crosscheck", "--jobs", "2"], ["crosscheck", "--json"]],
        "reproduce": [["reproduce", "mayo-fig2", "--out", os.path.join(tmp, "figs")],
                      ["reproduce", "cakmak-fig3", "--samples", "40", "--shard", "1/2", "--out", os.path.join(tmp, "figs")],
                      ["reproduce", "--list"]],
        "merge": [["merge"] + shards + ["--out", os.path.join(tmp, "merged")]],
    }


def corrupt_file(path, rng):
    """Seeded corruption of a text file: delete/duplicate/swap lines, flip characters, truncate."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().split("\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        i = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines = [""]
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + rng.choice(["\t", " ", "-", "9", "é", "\x00", "#", "(", "e", "item 0 -5", "99999999999999999999"]) + lines[i][k + 1:]
        elif op == 4:
            lines = lines[: rng.randrange(len(lines) + 1)]
        elif op == 5:
            words = lines[i].split(" ")
            words[rng.randrange(len(words))] = rng.choice(AWKWARD[:30])
            lines[i] = " ".join(words)
        else:
            lines.insert(i, rng.choice(["item -1 1", "item 9223372036854775807 1", "item 0 9223372036854775807",
                                        "items -4", "items 9223372036854775807", "samples 0", "seed -1",
                                        "end", "qbattery-shard 1", "figure nosuch"]))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def mutate(argv, rng, tmp):
    argv = list(argv)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(6)
        i = rng.randrange(1, len(argv) + 1)  # never the subcommand itself
        if op == 0 and len(argv) > 1:
            del argv[min(i, len(argv) - 1)]
        elif op == 1:
            argv.insert(i, rng.choice(AWKWARD))
        elif op == 2 and len(argv) > 1:
            j = min(i, len(argv) - 1)
            argv[j] = rng.choice(AWKWARD)
        elif op == 3 and len(argv) > 2:
            a, b = rng.sample(range(1, len(argv)), 2)
            argv[a], argv[b] = argv[b], argv[a]
        elif op == 4 and len(argv) > 1:
            j = min(i, len(argv) - 1)
            argv.insert(j, argv[j])
        else:
            # Corrupt a copy of an input file the vector names.
            files = [k for k, a in enumerate(argv) if os.path.isfile(a) and a.startswith(tmp)]
            if files:
                k = rng.choice(files)
                copy = os.path.join(tmp, "mut", f"{rng.randrange(1 << 30)}-{os.path.basename(argv[k])}")
                shutil.copy(argv[k], copy)
                corrupt_file(copy, rng)
                argv[k] = copy
    return argv


def prepare(tmp, binary):
    os.makedirs(os.path.join(tmp, "mut"))
    os.makedirs(os.path.join(tmp, "proofs"))
    os.makedirs(os.path.join(tmp, "root", "Reference"))
    shutil.copy(os.path.join(ROOT, "Reference", "closed-forms.tsv"), os.path.join(tmp, "root", "Reference"))
    with open(os.path.join(tmp, "small.proof"), "w") as fh:
        fh.write("""proof small
source fuzz template
assume 0 < r < 1
assume N in 1...3
assume bw >= 0
atom y = exp(-bw/2)
let f(x) = (1 - x^2)/(1 - x)
claim f(r)
  = 1 + r
  <= 2
  -> 2 as r -> 1
claim sum(k, 0, N, binomial(N, k))
  = 2^N
claim cosh(bw/2)
  = (y + 1/y)/2
  xfail = y
""")
    shutil.copy(os.path.join(tmp, "small.proof"), os.path.join(tmp, "proofs"))
    # Two shards of the random-state study for `merge`.
    for i in (1, 2):
        subprocess.run([binary, "reproduce", "cakmak-fig3", "--samples", "40", "--shard", f"{i}/2", "--out", tmp],
                       check=True, capture_output=True, cwd=tmp)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-command", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20261126)
    ap.add_argument("--hang", type=float, default=60.0, help="seconds before a run counts as a hang (debug build)")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "qbattery"))
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="qbattery-fuzz-")
    failures, counts, slowest, long_runs = [], {}, (0.0, None), []
    started = time.time()
    try:
        prepare(tmp, args.binary)
        rng = random.Random(args.seed)
        for command, vectors in templates(tmp).items():
            for n in range(args.per_command):
                argv = vectors[n % len(vectors)] if n < len(vectors) else mutate(rng.choice(vectors), rng, tmp)
                t0 = time.time()
                proc = subprocess.Popen([args.binary] + argv, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        start_new_session=True)
                chunks, last = [], [t0]

                def reader():
                    for line in iter(proc.stdout.readline, b""):
                        chunks.append(line)
                        last[0] = time.time()
                reading = threading.Thread(target=reader, daemon=True)
                reading.start()
                try:
                    rc = proc.wait(timeout=args.hang)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    # A documented long run (`reproduce` of every figure) reports progress; a hang is silent.
                    rc = "LONG" if time.time() - last[0] < 15 else "HANG"
                reading.join(timeout=5)
                seconds = time.time() - t0
                if seconds > slowest[0]:
                    slowest = (seconds, argv)
                text = b"".join(chunks).decode("utf-8", "replace")
                verdict = None
                if rc == "LONG":
                    long_runs.append(argv)
                    counts[command] = counts.get(command, 0) + 1
                    continue
                if rc == "HANG":
                    verdict = f"HANG (> {args.hang:.0f} s, silent for the last 15 s)"
                elif rc < 0 or rc > 2:
                    verdict = f"CRASH or unexpected status {rc}"
                elif rc != 0 and not text.strip():
                    verdict = f"status {rc} without a message"
                counts[command] = counts.get(command, 0) + 1
                if verdict:
                    tail = text.strip().splitlines()[-3:]
                    failures.append(f"{verdict}: qbattery {' '.join(repr(a) for a in argv)}\n    " + "\n    ".join(tail))
                    print(failures[-1], flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(os.path.join(OUT, "cli-failures.txt"), "w") as fh:
        fh.write("\n".join(failures) + ("\n" if failures else ""))
    total = sum(counts.values())
    print(f"cli fuzz: {total} runs ({', '.join(f'{k} {v}' for k, v in counts.items())}), seed {args.seed}: "
          f"{len(failures)} failures (crash, silent hang, bad status); {len(long_runs)} long runs stopped at {args.hang:.0f} s "
          f"while printing progress ({'; '.join(' '.join(a) for a in long_runs[:3])}); {time.time() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
