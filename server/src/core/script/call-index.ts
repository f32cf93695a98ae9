// The call sites of a code block, found once and shared by every rule that
// asks (several rules walk the same calls of the same script).

import { callSites, type CallSite } from './calls';
import type { ScriptCode, ScriptLanguage } from './model';
import { Memo } from './memo';

export interface CallIndex {
  /** Every call in source order. */
  readonly all: readonly CallSite[];
  /** The call whose name (or created class) is the token at `index`. */
  at(index: number): CallSite | undefined;
}

const cache = new Memo<ScriptCode, CallIndex>('call index');

export function callIndex(code: ScriptCode, language: ScriptLanguage): CallIndex {
  let index = cache.get(code);
  if (!index) {
    const all = callSites(code, language);
    // Most scripts only walk `all`: the look-up by name is built on the first `at`.
    let byName: Map<number, CallSite> | undefined;
    index = {
      all,
      at(at) {
        if (!byName) {
          byName = new Map();
          for (const call of all) byName.set(call.name, call);
        }
        return byName.get(at);
      },
    };
    cache.set(code, index);
  }
  return index;
}
