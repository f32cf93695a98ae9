// Facts worked out once from a code block or a script and shared by the
// rules that ask (its token index, call sites, assignments, secret flow):
// kept on the object they describe, under a symbol, instead of in a
// WeakMap. A WeakMap's values stay alive through V8's young-generation
// collections, so every script's facts, and the tokens they point to, were
// promoted and left to full collections: with WeakMaps, collections took
// a third of a corpus scan (bench part `scripts`). On the object, the facts
// die young with the script.

export class Memo<Owner extends object, Value> {
  private readonly key: symbol;

  constructor(what: string) {
    this.key = Symbol(what);
  }

  get(owner: Owner): Value | undefined {
    return (owner as Record<symbol, Value | undefined>)[this.key];
  }

  set(owner: Owner, value: Value): void {
    const slots = owner as Record<symbol, Value | undefined>;
    if (this.key in owner) slots[this.key] = value;
    // Not enumerable: a copy made by spreading (`{ ...code, tokens }`) must
    // not carry facts about the original.
    else Object.defineProperty(owner, this.key, { value, writable: true });
  }
}
