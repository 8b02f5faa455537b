/** Why a value cannot be known before deploy; the model records it instead of guessing. */
export class Unresolvable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unresolvable';
  }
}
