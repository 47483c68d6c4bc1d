// @ts-check
// Arithmetic on time intervals [from, to) in milliseconds, for measuring time spent waiting versus working.

/** The intervals merged into disjoint, sorted ones. */
export function union(intervals) {
  const sorted = intervals.filter((i) => i.to > i.from).map((i) => ({ from: i.from, to: i.to })).sort((a, b) => a.from - b.from);
  const merged = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else merged.push(interval);
  }
  return merged;
}

/** Total length of the union of the intervals. */
export function measure(intervals) {
  return union(intervals).reduce((sum, i) => sum + (i.to - i.from), 0);
}

/** The parts of the intervals inside [from, to). */
export function clip(intervals, from, to) {
  return intervals.map((i) => ({ from: Math.max(i.from, from), to: Math.min(i.to, to) })).filter((i) => i.to > i.from);
}

/** The parts of `intervals` not covered by `holes`. */
export function subtract(intervals, holes) {
  const cut = union(holes);
  const result = [];
  for (const interval of union(intervals)) {
    let start = interval.from;
    for (const hole of cut) {
      if (hole.to <= start || hole.from >= interval.to) continue;
      if (hole.from > start) result.push({ from: start, to: hole.from });
      start = Math.max(start, hole.to);
    }
    if (start < interval.to) result.push({ from: start, to: interval.to });
  }
  return result;
}
