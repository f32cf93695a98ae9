// The call sites of a code block, found once and shared by every rule that
// asks (several rules walk the same calls of the same script). Most rules
// want the calls of a few methods only (`info`, `each`, `setFeature`): those
// are found from the token index's places of their names, so a block's
// every name is tried as a call only when some rule asks for all of them.

import { callAt, type CallSite } from './calls';
import type { ScriptCode, ScriptLanguage } from './model';
import { Memo } from './memo';
import { indicesOfAny } from './token-index';

export interface CallIndex {
  /** Every call in source order (found on the first read). */
  readonly all: readonly CallSite[];
  /** The call whose name (or created class) is the token at `index`. */
  at(index: number): CallSite | undefined;
  /** The calls of methods (or created classes) named in `methods`, which must be declared with indexedTexts; in source order. */
  named(methods: ReadonlySet<string>): readonly CallSite[];
}

class BlockCalls implements CallIndex {
  private found: CallSite[] | undefined;
  /** Calls (and names that are none, as null) asked for by index before `all` was read. */
  private byIndex: Map<number, CallSite | null> | undefined;

  constructor(
    private readonly code: ScriptCode,
    private readonly language: ScriptLanguage,
  ) {}

  get all(): readonly CallSite[] {
    if (this.found === undefined) {
      const calls: CallSite[] = [];
      const tokens = this.code.tokens;
      const known = this.byIndex;
      for (let i = 0; i < tokens.length; i++) {
        // Only names can be calls: the other tokens (more than half) are passed over here.
        const kind = tokens[i].kind;
        if (kind !== 'identifier' && kind !== 'keyword') continue;
        // A call asked for by index before stays the same object.
        const call = known?.get(i) ?? callAt(this.code, this.language, i);
        if (call) calls.push(call);
      }
      this.found = calls;
      this.byIndex = undefined;
    }
    return this.found;
  }

  /** A bound function: rules pass it on by itself. */
  readonly at = (index: number): CallSite | undefined => {
    const all = this.found;
    if (all !== undefined) {
      // `all` is in order of the name's index.
      let low = 0;
      let high = all.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const name = all[middle].name;
        if (name === index) return all[middle];
        if (name < index) low = middle + 1;
        else high = middle - 1;
      }
      return undefined;
    }
    const known = (this.byIndex ??= new Map());
    let call = known.get(index);
    if (call === undefined) {
      call = callAt(this.code, this.language, index) ?? null;
      known.set(index, call);
    }
    return call ?? undefined;
  };

  named(methods: ReadonlySet<string>): readonly CallSite[] {
    const calls: CallSite[] = [];
    if (this.found !== undefined) {
      for (const call of this.found) if (methods.has(call.method)) calls.push(call);
      return calls;
    }
    for (const i of indicesOfAny(this.code, methods)) {
      const call = this.at(i);
      if (call) calls.push(call);
    }
    return calls;
  }
}

const FOUND = {
  groovy: new Memo<ScriptCode, BlockCalls>('Groovy calls'),
  javascript: new Memo<ScriptCode, BlockCalls>('JavaScript calls'),
};

/** The calls of a code block (kept per block and language, then shared). */
export function callIndex(code: ScriptCode, language: ScriptLanguage): CallIndex {
  const cache = FOUND[language];
  let calls = cache.get(code);
  if (!calls) {
    calls = new BlockCalls(code, language);
    cache.set(code, calls);
  }
  return calls;
}

/** Every call of a code block in source order (found once per block and language, then shared). */
export function callSites(code: ScriptCode, language: ScriptLanguage): readonly CallSite[] {
  return callIndex(code, language).all;
}
