#!/usr/bin/env python3
"""Mutation testing for qbattery: does `swift test` catch realistic wrong edits?

Applies the semantic mutants of scripts/mutants.txt one at a time, rebuilds (debug, incremental),
runs the suites each mutant names (`swift test --filter`), and only if those pass, the full
`swift test`. Prints one line per mutant and the score with every survivor.

    scripts/mutate.py               run every mutant (make mutate)
    scripts/mutate.py --check       only check that every snippet applies (fast; no build)
    scripts/mutate.py --only ID…    run some mutants
    scripts/mutate.py --list        list the mutants

Rules it enforces:
  * refuses to run on a dirty tree (tracked changes), so a restore can never lose your work;
  * the mutated file is always restored (finally + SIGINT/SIGTERM/SIGHUP handlers), and the tree
    is checked clean again at the end;
  * a mutant whose snippet is not found exactly once is STALE (or AMBIGUOUS): an error that fails
    the run, never silently skipped (code moves; the mutant file must follow it);
  * a mutant that does not compile is INVALID: an error (semantic mutants must compile);
  * a test run longer than --timeout seconds counts as killed (TIMEOUT: the mutant made a test hang).
A mutant with an `equivalent` line is argued not to change behaviour: if it survives it is
reported as EQUIVALENT and left out of the score's denominator; if it is killed, the argument was
wrong and the run says so (an error).

Exit status: 0 when the score reaches --goal (default 95) and there is no error; 1 otherwise.
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MUTANTS = os.path.join(ROOT, "scripts", "mutants.txt")
LOGDIR = os.path.join(ROOT, ".build", "mutate")


class Mutant:
    def __init__(self, ident, line):
        self.id = ident
        self.line = line
        self.files = []
        self.suites = []
        self.why = ""
        self.equivalent = ""
        self.original = None
        self.replacement = None

    @property
    def file(self):
        """The first of the listed paths that exists (code that is being moved may list both)."""
        for f in self.files:
            if os.path.exists(os.path.join(ROOT, f)):
                return f
        return self.files[0] if self.files else ""


def parse(path):
    mutants, current = [], None
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("mutant "):
                current = Mutant(line[len("mutant "):].strip(), number)
                mutants.append(current)
                continue
            if current is None:
                sys.exit(f"{path}:{number}: expected 'mutant ID' first")
            if line.startswith("file "):
                current.files = [p.strip() for p in line[5:].split("|")]
            elif line.startswith("suites "):
                current.suites = line[7:].split()
            elif line.startswith("why "):
                current.why = (current.why + " " + line[4:].strip()).strip()
            elif line.startswith("equivalent "):
                current.equivalent = (current.equivalent + " " + line[11:].strip()).strip()
            elif line.startswith("- "):
                current.original = line[2:]
            elif line.startswith("+ "):
                current.replacement = line[2:]
            else:
                sys.exit(f"{path}:{number}: unknown line {line!r}")
    ids = [m.id for m in mutants]
    for m in mutants:
        missing = [k for k, v in (("file", m.files), ("suites", m.suites), ("why", m.why),
                                  ("- ORIGINAL", m.original), ("+ REPLACEMENT", m.replacement)) if not v]
        if missing:
            sys.exit(f"{path}:{m.line}: mutant {m.id} lacks {', '.join(missing)}")
        if m.original == m.replacement:
            sys.exit(f"{path}:{m.line}: mutant {m.id} does not change anything")
        if ids.count(m.id) > 1:
            sys.exit(f"{path}:{m.line}: duplicate mutant id {m.id}")
    return mutants


def applicability(m):
    """'' when the snippet occurs exactly once in the mutant's file, else STALE/AMBIGUOUS with a reason."""
    path = os.path.join(ROOT, m.file)
    if not os.path.exists(path):
        return f"STALE: {' | '.join(m.files)} not found"
    with open(path, encoding="utf-8") as fh:
        count = fh.read().count(m.original)
    if count == 0:
        return f"STALE: snippet not found in {m.file}"
    if count > 1:
        return f"AMBIGUOUS: snippet occurs {count} times in {m.file}"
    return ""


def run(cmd, log, timeout):
    """Runs cmd in its own process group; returns (exit status or 'TIMEOUT', seconds)."""
    start = time.time()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            rc = "TIMEOUT"
        except BaseException:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
    return rc, time.time() - start


def failing_tests(log):
    names = []
    with open(log, errors="replace") as fh:
        for line in fh:
            hit = re.search(r'✘ Test (.+?) (?:failed|recorded)', line)
            if hit and hit.group(1) not in names:
                names.append(hit.group(1))
            if "Fatal error" in line or "Crash:" in line or "signal" in line.lower() and "exited" in line.lower():
                names.append(line.strip()[:120])
    return names[:3]


def dirty():
    out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return out.strip()


class Restore:
    """Puts the original text back on exit, on exceptions and on SIGINT/SIGTERM/SIGHUP."""

    def __init__(self):
        self.path, self.text = None, None
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(s, self.on_signal)

    def on_signal(self, signum, frame):
        self.restore()
        raise KeyboardInterrupt(f"signal {signum}")

    def hold(self, path, text):
        self.path, self.text = path, text

    def restore(self):
        if self.path is not None:
            with open(self.path, "w", encoding="utf-8") as fh:
                fh.write(self.text)
            self.path, self.text = None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check that every mutant applies")
    ap.add_argument("--list", action="store_true", help="list the mutants")
    ap.add_argument("--only", nargs="+", metavar="ID", help="run only these mutants")
    ap.add_argument("--timeout", type=int, default=1200, help="seconds per test run before it counts as a hang (default 1200)")
    ap.add_argument("--build-timeout", type=int, default=1800, help="seconds per build (default 1800)")
    ap.add_argument("--goal", type=float, default=95.0, help="required score in percent (default 95)")
    ap.add_argument("--swift", default=os.environ.get("SWIFT", "swift"))
    args = ap.parse_args()

    mutants = parse(MUTANTS)
    if args.only:
        unknown = set(args.only) - {m.id for m in mutants}
        if unknown:
            sys.exit(f"unknown mutant(s): {', '.join(sorted(unknown))}")
        mutants = [m for m in mutants if m.id in args.only]
    if args.list:
        for m in mutants:
            print(f"{m.id:32} {m.file}\n    {m.why}")
        return 0

    problems = [(m, applicability(m)) for m in mutants]
    problems = [(m, p) for m, p in problems if p]
    for m, p in problems:
        print(f"{m.id}: {p}  (scripts/mutants.txt:{m.line})")
    if args.check or problems:
        print(f"{len(mutants)} mutants, {len(problems)} not applicable")
        return 1 if problems else 0

    if dirty():
        print("refusing to run: the tree has uncommitted changes (git status); commit or stash them first")
        return 2
    os.makedirs(LOGDIR, exist_ok=True)
    swift = args.swift
    restore = Restore()
    started = time.time()
    results = []  # (mutant, status, detail, seconds)
    try:
        print(f"baseline build ({swift} build --build-tests)", flush=True)
        rc, _ = run([swift, "build", "--build-tests"], os.path.join(LOGDIR, "baseline-build.log"), args.build_timeout)
        if rc != 0:
            print(f"the unmutated package does not build (see {LOGDIR}/baseline-build.log)")
            return 2
        for i, m in enumerate(mutants, 1):
            t0 = time.time()
            path = os.path.join(ROOT, m.file)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            restore.hold(path, text)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text.replace(m.original, m.replacement, 1))
            try:
                log = os.path.join(LOGDIR, f"{m.id}")
                rc, _ = run([swift, "build", "--build-tests"], log + ".build.log", args.build_timeout)
                if rc != 0:
                    status, detail = "INVALID", f"does not compile ({rc}; {log}.build.log)"
                else:
                    filters = [a for s in m.suites for a in ("--filter", s)]
                    rc, _ = run([swift, "test", "--skip-build"] + filters, log + ".suites.log", args.timeout)
                    if rc != 0:
                        status = "KILLED"
                        detail = ("timeout in " if rc == "TIMEOUT" else "by ") + (", ".join(failing_tests(log + ".suites.log")) or " ".join(m.suites))
                    else:
                        rc, _ = run([swift, "test", "--skip-build"], log + ".full.log", args.timeout)
                        if rc != 0:
                            status = "KILLED"
                            detail = ("timeout in full swift test" if rc == "TIMEOUT" else
                                      "only by the full swift test: " + (", ".join(failing_tests(log + ".full.log")) or "see log"))
                        else:
                            status, detail = "SURVIVED", m.why
                if m.equivalent:
                    if status == "SURVIVED":
                        status, detail = "EQUIVALENT", m.equivalent
                    elif status == "KILLED":
                        status, detail = "NOT-EQUIVALENT", "argued equivalent but killed: " + detail
            finally:
                restore.restore()
            seconds = time.time() - t0
            results.append((m, status, detail, seconds))
            print(f"[{i}/{len(mutants)}] {m.id:34} {status:10} {seconds:6.0f}s  {detail}", flush=True)
    finally:
        restore.restore()
        # Leave the build matching the restored sources.
        run([swift, "build", "--build-tests"], os.path.join(LOGDIR, "final-build.log"), args.build_timeout)

    killed = sum(1 for _, s, _, _ in results if s == "KILLED")
    equivalent = sum(1 for _, s, _, _ in results if s == "EQUIVALENT")
    survivors = [(m, d) for m, s, d, _ in results if s == "SURVIVED"]
    errors = [(m, s, d) for m, s, d, _ in results if s in ("INVALID", "NOT-EQUIVALENT")]
    counted = len(results) - equivalent
    score = 100.0 * killed / counted if counted else 0.0
    elapsed = time.time() - started
    print()
    print(f"mutation score: {killed}/{counted} killed = {score:.1f}% (goal {args.goal:.0f}%); "
          f"{equivalent} argued equivalent; {len(errors)} errors; {elapsed / 60:.1f} min")
    for m, d in survivors:
        print(f"  SURVIVED {m.id} ({m.file}): {d}")
    for m, s, d in errors:
        print(f"  {s} {m.id} ({m.file}): {d}")
    if dirty():
        print("error: the tree is not clean after the run")
        return 1
    return 0 if score >= args.goal and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
