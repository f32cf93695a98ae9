// The signals requests wait on. A scan hands the same signal (its Ctrl-C) to
// thousands of calls, many waiting at once for a slot; a listener per call on
// it would pile up and make Node warn of a leak. So each caller's signal gets
// one listener per client, feeding a signal of the client's own that any
// number of waits may listen to.
import { setMaxListeners } from 'node:events';

export class CallSignals {
  readonly #root: AbortController = unlimited();
  readonly #derived = new WeakMap<AbortSignal, AbortSignal>();

  /** `clientSignal` aborts every call of the client. */
  constructor(clientSignal?: AbortSignal) {
    if (clientSignal) follow(this.#root, clientSignal);
  }

  /** The signal a call waits on: aborted by the client's signal or the call's own. */
  for(callSignal?: AbortSignal): AbortSignal {
    if (!callSignal) return this.#root.signal;
    let derived = this.#derived.get(callSignal);
    if (!derived) {
      const controller = unlimited();
      follow(controller, callSignal);
      follow(controller, this.#root.signal);
      derived = controller.signal;
      this.#derived.set(callSignal, derived);
    }
    return derived;
  }
}

/** One signal for a single try: the call's, or its time-out; dispose when the try ends. */
export function withTimeout(signal: AbortSignal, timeout: AbortSignal): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = function (this: AbortSignal): void {
    controller.abort(this.reason);
  };
  if (signal.aborted) controller.abort(signal.reason);
  else {
    signal.addEventListener('abort', onAbort, { once: true });
    timeout.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose: () => {
      signal.removeEventListener('abort', onAbort);
      timeout.removeEventListener('abort', onAbort);
    },
  };
}

function unlimited(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

function follow(controller: AbortController, source: AbortSignal): void {
  if (source.aborted) controller.abort(source.reason);
  else source.addEventListener('abort', () => controller.abort(source.reason), { once: true });
}
