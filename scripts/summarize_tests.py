"""Sums the counts of every test runner's own result files into one line: `N passed, N failed`.

Before it, the name of every failed test (at most 40), so that the end of a CI log says what failed."""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
passed = failed = 0
failures = []
for trx in sorted(glob.glob(os.path.join(root, "dotnet", "*.trx"))):
    tree = ET.parse(trx).getroot()
    counters = tree.find(".//{*}ResultSummary/{*}Counters")
    if counters is not None:
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    for result in tree.iter():
        if result.tag.endswith("UnitTestResult") and result.get("outcome") not in ("Passed", "NotExecuted", None):
            failures.append(f"dotnet: {result.get('testName')} ({result.get('outcome')})")
for tap in sorted(glob.glob(os.path.join(root, "node", "*.tap"))):
    text = open(tap, encoding="utf-8").read()
    passed += sum(int(n) for n in re.findall(r"^# pass (\d+)$", text, re.M))
    failed += sum(int(n) for n in re.findall(r"^# fail (\d+)$", text, re.M))
    # Subtests are indented; a failed suite is listed after its failed tests.
    failures += [f"node {os.path.basename(tap)}: {name}" for name in re.findall(r"^\s*not ok \d+ - (.+)$", text, re.M)]
for log in sorted(glob.glob(os.path.join(root, "python", "*.log"))):
    text = open(log, encoding="utf-8").read()
    ran = sum(int(n) for n in re.findall(r"^Ran (\d+) tests?", text, re.M))
    bad = sum(int(n) for n in re.findall(r"(?:failures|errors)=(\d+)", text))
    passed += ran - bad
    failed += bad
    failures += [f"python {os.path.basename(log)}: {kind} {name}" for kind, name in re.findall(r"^(FAIL|ERROR): (.+)$", text, re.M)]
for counts in sorted(glob.glob(os.path.join(root, "other", "*.counts"))):
    p, f = open(counts, encoding="utf-8").read().split()
    passed += int(p)
    failed += int(f)
    if int(f):
        failures.append(f"{os.path.basename(counts)[:-len('.counts')]}: {f} failed (see its section above)")
if failures:
    print("failed:")
    for line in failures[:40]:
        print(f"  {line}")
    if len(failures) > 40:
        print(f"  ... and {len(failures) - 40} more")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
