// How long the analysis of an artifact waits after an edit. Waiting pays off
// only when another keystroke follows within the wait and the analysis it
// saves costs more than the wait itself. Re-analysing after a keystroke
// inside a channel or a property takes milliseconds even in a 5 MB iFlow
// (incremental reading, kept findings), well under the time between two
// keystrokes, so an artifact whose last analysis was quick is analysed at
// once: waiting would only delay every diagnostic. An artifact whose last
// analysis was slow (the whole of a large file read again, say after an
// edit of the diagram) waits for a pause in the typing instead, so a burst
// of keystrokes costs one such analysis, not one per key. A client may set
// a fixed delay (initialization option `analysisDelayMs`).

/** The wait for a pause in the typing, after a slow analysis. */
export const TYPING_PAUSE_MS = 200;
/** An analysis at most this long is done before the next keystroke of a fast typist (some 10 to 20 a second). */
export const QUICK_ANALYSIS_MS = 50;

export class AnalysisDelay {
  private fixed: number | undefined;
  /** How long the last analysis of each artifact took. */
  private readonly last = new Map<string, number>();

  /** A fixed delay for every edit, whatever the analyses take (ignored unless finite and not negative). */
  setFixed(ms: number): void {
    if (Number.isFinite(ms) && ms >= 0) this.fixed = ms;
  }

  /** The wait before analysing `artifact` after an edit. */
  afterEdit(artifact: string): number {
    if (this.fixed !== undefined) return this.fixed;
    const last = this.last.get(artifact);
    return last !== undefined && last > QUICK_ANALYSIS_MS ? TYPING_PAUSE_MS : 0;
  }

  /** The analysis of `artifact` took `ms`. */
  analysed(artifact: string, ms: number): void {
    this.last.set(artifact, ms);
  }
}
