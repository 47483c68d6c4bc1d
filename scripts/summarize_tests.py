"""Sums the counts of every test runner's own result files into one line: `N passed, N failed`."""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
passed = failed = 0
for trx in glob.glob(os.path.join(root, "dotnet", "*.trx")):
    counters = ET.parse(trx).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is not None:
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
for tap in glob.glob(os.path.join(root, "node", "*.tap")):
    text = open(tap, encoding="utf-8").read()
    passed += sum(int(n) for n in re.findall(r"^# pass (\d+)$", text, re.M))
    failed += sum(int(n) for n in re.findall(r"^# fail (\d+)$", text, re.M))
for log in glob.glob(os.path.join(root, "python", "*.log")):
    text = open(log, encoding="utf-8").read()
    ran = sum(int(n) for n in re.findall(r"^Ran (\d+) tests?", text, re.M))
    bad = sum(int(n) for n in re.findall(r"(?:failures|errors)=(\d+)", text))
    passed += ran - bad
    failed += bad
for counts in glob.glob(os.path.join(root, "other", "*.counts")):
    p, f = open(counts, encoding="utf-8").read().split()
    passed += int(p)
    failed += int(f)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
