import { cidrRange, IntervalSet, MAX_ADDRESS, Range } from './interval-set';

interface Segment<T> {
  readonly lo: number;
  readonly hi: number;
  readonly value: T | undefined;
}

/**
 * Longest-prefix match over a whole route table at once. CIDRs nest or are disjoint, so the
 * "most specific route" function is piecewise constant with at most 2n+1 pieces; the map
 * holds those pieces in address order and partitions a destination set by merging, without
 * looking at single addresses.
 *
 *   routes 0.0.0.0/0 -> tgw, 10.64.0.0/21 -> local
 *   partition(10.64.0.0/20) -> local: 10.64.0.0/21, tgw: 10.64.8.0/21
 */
export class PrefixMap<T> {
  private readonly segments: Segment<T>[] = [];

  /** `routes` must hold each CIDR once; the caller settles precedence between equal prefixes. */
  constructor(routes: readonly (readonly [string, T])[]) {
    const sorted = routes
      .map(([cidr, value]) => ({ range: cidrRange(cidr), value }))
      .sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
    const stack: { range: Range; value: T }[] = [];
    let cursor = 0;
    const emit = (hi: number, value: T | undefined): void => {
      if (hi < cursor) return;
      const last = this.segments[this.segments.length - 1];
      if (last && last.value === value && last.hi === cursor - 1) {
        this.segments[this.segments.length - 1] = { lo: last.lo, hi, value };
      } else this.segments.push({ lo: cursor, hi, value });
      cursor = hi + 1;
    };
    const top = (): T | undefined => stack[stack.length - 1]?.value;
    for (const route of sorted) {
      while (stack.length > 0 && stack[stack.length - 1].range[1] < route.range[0]) {
        emit(stack[stack.length - 1].range[1], top());
        stack.pop();
      }
      emit(route.range[0] - 1, top());
      stack.push(route);
    }
    while (stack.length > 0) {
      emit(stack[stack.length - 1].range[1], top());
      stack.pop();
    }
    emit(MAX_ADDRESS, undefined);
  }

  /** Splits `set` by matching route; addresses no route matches come back under `undefined`. */
  partition(set: IntervalSet): Map<T | undefined, IntervalSet> {
    const parts = new Map<T | undefined, Range[]>();
    for (const [lo, hi] of set) {
      let i = this.indexOf(lo);
      while (i < this.segments.length && this.segments[i].lo <= hi) {
        const s = this.segments[i];
        const piece: Range = [Math.max(lo, s.lo), Math.min(hi, s.hi)];
        const list = parts.get(s.value);
        if (list) list.push(piece);
        else parts.set(s.value, [piece]);
        i++;
      }
    }
    const out = new Map<T | undefined, IntervalSet>();
    for (const [value, ranges] of parts) out.set(value, mergeSorted(ranges));
    return out;
  }

  /** The route that matches one address. */
  lookup(address: number): T | undefined {
    return this.segments[this.indexOf(address)]?.value;
  }

  private indexOf(address: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid].lo <= address) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Joins touching neighbours of ranges already in address order (partition yields them so). */
function mergeSorted(ranges: Range[]): IntervalSet {
  const out: [number, number][] = [];
  for (const [lo, hi] of ranges) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
