// How long the analysis of an artifact waits after an edit. Waiting pays off
// only when another keystroke follows within the wait and the analysis it
// saves costs more than the wait itself. Re-analysing after a keystroke
// inside a channel or a property takes milliseconds even in a 5 MB iFlow
// (the edited element read again, the other findings kept), well under the
// time between two keystrokes, so such an artifact is analysed at once:
// waiting would only delay every diagnostic. An artifact whose last
// analysis read a large file whole (after an edit of the diagram, say, or
// when it was opened) waits for a pause in the typing instead, so a burst of
// keystrokes costs one such reading, not one per key. What decides is the
// amount read whole, not the time taken, which a busy machine stretches.
// A client may set a fixed delay (initialization option `analysisDelayMs`).

/** The wait for a pause in the typing, after an analysis that read much whole. */
export const TYPING_PAUSE_MS = 200;
/**
 * Characters an analysis may read whole and still be done before the next
 * keystroke of a fast typist (10 to 20 a second): reading takes some 50 ms
 * per million characters on the 2-core development machine.
 */
export const QUICK_READ_CHARS = 1_000_000;

/**
 * The same for a script, read whole on every edit: its reading and rules
 * take some 250 ms per million characters on that machine, so a script of up
 * to about 10,000 lines is analysed at once.
 */
export const QUICK_SCRIPT_CHARS = 400_000;

export class AnalysisDelay {
  private fixed: number | undefined;

  /** `quickReadChars`: what an analysis may read whole and still be done before the next keystroke. */
  constructor(private readonly quickReadChars = QUICK_READ_CHARS) {}

  /** How many characters the last analysis of each artifact read whole. */
  private readonly last = new Map<string, number>();

  /** A fixed delay for every edit, whatever the analyses take (ignored unless finite and not negative). */
  setFixed(ms: number): void {
    if (Number.isFinite(ms) && ms >= 0) this.fixed = ms;
  }

  /** The wait before analysing `artifact` after an edit. */
  afterEdit(artifact: string): number {
    if (this.fixed !== undefined) return this.fixed;
    const last = this.last.get(artifact);
    return last !== undefined && last > this.quickReadChars ? TYPING_PAUSE_MS : 0;
  }

  /** The analysis of `artifact` read `readWhole` characters whole (files not read in part, from an earlier reading). */
  analysed(artifact: string, readWhole: number): void {
    this.last.set(artifact, readWhole);
  }
}
