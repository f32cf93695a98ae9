// The XML problems of one read. After one mistake saxes often reports the
// same thing at every following character or element; one problem per
// stretch is what a reader needs.
import type { LineIndex } from '@cpi/common/text/range';
import type { XmlProblem } from './model';

/** Enough to show what is wrong without letting a garbage file flood the editor. */
const MAX_PROBLEMS = 100;

/** Consequences of one earlier mistake, repeated for every later element. */
const ONCE_PER_DOCUMENT = new Set(['documents may contain only one root.', 'text data outside of root node.']);

interface FoundProblem {
  readonly message: string;
  readonly start: number;
  end: number;
}

export class ReadProblems {
  private readonly found: FoundProblem[] = [];
  // Where problems were found, also those merged or left out: an update may
  // skip re-reading only where there were none.
  private from = Infinity;
  private to = -Infinity;

  add(message: string, start: number, end: number): void {
    this.from = Math.min(this.from, start);
    this.to = Math.max(this.to, end);
    const found = this.found;
    const last = found.length > 0 ? found[found.length - 1] : undefined;
    if (last && last.message === message && start <= last.end) {
      last.end = Math.max(last.end, end);
      return;
    }
    if (found.length >= MAX_PROBLEMS) return;
    if (ONCE_PER_DOCUMENT.has(message) && found.some((problem) => problem.message === message)) return;
    found.push({ message, start, end });
  }

  /** The problems kept, with offsets in the text read plus `shift`. */
  located(lines: LineIndex, shift: number): XmlProblem[] {
    return this.found.map((problem) => ({ message: problem.message, range: lines.rangeOf(problem.start + shift, problem.end + shift) }));
  }

  /** Offsets (plus `shift`) covering every problem found, also those left out; undefined when none was. */
  span(shift: number): { start: number; end: number } | undefined {
    return this.to < this.from ? undefined : { start: this.from + shift, end: this.to + shift };
  }
}
