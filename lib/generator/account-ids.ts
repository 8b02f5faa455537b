import { Random } from './prng';

/**
 * Hands out unique 12-digit account IDs that collide with nothing in `reserved` (the core
 * accounts). Leading digit 2-9 so no ID depends on YAML quoting to keep its zeros.
 */
export class AccountIdPool {
  private readonly used: Set<string>;

  constructor(
    private readonly random: Random,
    reserved: Iterable<string> = [],
  ) {
    this.used = new Set(reserved);
  }

  next(): string {
    for (;;) {
      const id = `${this.random.int(2, 9)}${String(this.random.int(0, 99_999_999_999)).padStart(11, '0')}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
