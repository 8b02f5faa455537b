/** Why a value cannot be known before deploy; the model records it instead of guessing. */
export class Unresolvable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unresolvable';
  }
}

/**
 * A value that names an account a single-tenant assembly (`-c tenant=ODS`) leaves out: the hub
 * stacks look up every tenant's attachment, but only the chosen tenant's stacks are there. The
 * model leaves the resource out and says so; in a full assembly the same lookup is a gap.
 */
export class OutsidePartialAssembly extends Unresolvable {
  constructor(message: string) {
    super(message);
    this.name = 'OutsidePartialAssembly';
  }
}
