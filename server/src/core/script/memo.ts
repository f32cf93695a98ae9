// Facts worked out once from a code block or a script and shared by the
// rules that ask (its token index, call sites, assignments, secret flow):
// kept on the object they describe instead of in a WeakMap. A WeakMap's
// values stay alive through V8's young-generation collections, so every
// script's facts, and the tokens they point to, were promoted and left to
// full collections: with WeakMaps, collections took a third of a corpus
// scan (bench part `scripts`). On the object, the facts die young with the
// script.

/** One record of facts per object, under this symbol; each kind of fact is a field of it. */
const FACTS = Symbol('script facts');

type Facts = Record<string, unknown>;

const KINDS = new Set<string>();

export class Memo<Owner extends object, Value> {
  /** `what`: the field of the facts record, unique per kind of fact. */
  constructor(private readonly what: string) {
    if (KINDS.has(what)) throw new Error(`two kinds of script fact are named "${what}"`);
    KINDS.add(what);
  }

  get(owner: Owner): Value | undefined {
    const facts = (owner as { [FACTS]?: Facts })[FACTS];
    return facts === undefined ? undefined : (facts[this.what] as Value | undefined);
  }

  set(owner: Owner, value: Value): void {
    let facts = (owner as { [FACTS]?: Facts })[FACTS];
    if (facts === undefined) {
      facts = {};
      // Not enumerable: a copy made by spreading (`{ ...code, tokens }`) must
      // not carry facts about the original.
      Object.defineProperty(owner, FACTS, { value: facts });
    }
    facts[this.what] = value;
  }
}
