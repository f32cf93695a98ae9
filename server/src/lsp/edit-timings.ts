// When each stage of the latest analysis of an open document happened, for
// the benchmark's breakdown of edit-to-diagnostics (EditTimingsRequest in
// protocol.ts). Only kept when the client asks for it (initialization option
// `editTimings: true`); otherwise nothing is recorded.
import { PerformanceObserver } from 'node:perf_hooks';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditTimings } from '@cpi/common/protocol';
import { canonicalUri } from '../engine/uri';

/** Epoch milliseconds with sub-millisecond precision: comparable with another process's on the same machine. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/** The stages of one analysis run, stamped as it goes (see EditTimings). */
export interface RunMarks {
  readonly started: number;
  configured?: number;
  read?: number;
  analysed?: number;
}

/** GC pauses remembered for attributing them to an edit. */
const GC_KEPT = 64;

export class EditTimingLog {
  private enabled = false;
  /** The latest change of each open document (canonical URI). */
  private readonly changes = new Map<string, { received: number; applied: number }>();
  private readonly latest = new Map<string, Omit<EditTimings, 'gcMs'>>();
  private readonly pauses: { start: number; end: number }[] = [];
  private observer: PerformanceObserver | undefined;

  enable(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        this.pauses.push({
          start: performance.timeOrigin + entry.startTime,
          end: performance.timeOrigin + entry.startTime + entry.duration,
        });
      if (this.pauses.length > GC_KEPT) this.pauses.splice(0, this.pauses.length - GC_KEPT);
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  dispose(): void {
    this.observer?.disconnect();
  }

  /** `inner`'s create and update, with each update's start and end noted. */
  documents(inner: TextDocumentsConfiguration<TextDocument>): TextDocumentsConfiguration<TextDocument> {
    return {
      create: (...args) => inner.create(...args),
      update: (document, changes, version) => {
        if (!this.enabled) return inner.update(document, changes, version);
        const received = epochNow();
        const updated = inner.update(document, changes, version);
        this.changes.set(canonicalUri(document.uri), { received, applied: epochNow() });
        return updated;
      },
    };
  }

  /** Marks for a run that starts now; undefined while timings are off. */
  start(): RunMarks | undefined {
    return this.enabled ? { started: epochNow() } : undefined;
  }

  /** The run's diagnostics for `uri` (at `version`) were handed over now; `sent` settles once they are written. */
  published(uri: string, version: number, marks: RunMarks, sent: Promise<void>): void {
    const key = canonicalUri(uri);
    const change = this.changes.get(key);
    const built = epochNow();
    const timings = {
      uri,
      version,
      received: change?.received ?? marks.started,
      applied: change?.applied ?? marks.started,
      started: marks.started,
      configured: marks.configured ?? marks.started,
      read: marks.read ?? marks.started,
      analysed: marks.analysed ?? marks.started,
      built,
      written: built,
    };
    sent.then(
      () => this.latest.set(key, { ...timings, written: epochNow() }),
      () => undefined, // not written: nothing to time
    );
  }

  /** The stages behind the latest diagnostics written for `uri`, with the GC pauses among them; null when none were timed. */
  timingsOf(uri: string): EditTimings | null {
    const timings = this.latest.get(canonicalUri(uri));
    if (!timings) return null;
    let gcMs = 0;
    for (const { start, end } of this.pauses) gcMs += Math.max(0, Math.min(end, timings.written) - Math.max(start, timings.received));
    return { ...timings, gcMs };
  }
}
