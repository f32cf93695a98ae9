import type { FileEdit } from '@cpi/common/findings';
import { addOpenedPort } from '@cpi/common/config/edits';

/** The configuration file that quick fixes write to (it may not exist yet). */
export interface ConfigTarget {
  readonly uri: string;
  /** Current text; undefined when the file does not exist yet. */
  readonly text?: string;
  addOpenedPort(port: number): FileEdit | undefined;
}

const START = { line: 0, character: 0 };

export function configTarget(uri: string, text: string | undefined): ConfigTarget {
  return {
    uri,
    text,
    addOpenedPort(port) {
      const change = addOpenedPort(text, port);
      if (typeof change === 'string') return { uri, create: true, edits: [{ range: { start: START, end: START }, newText: change }] };
      return change.length === 0 ? undefined : { uri, edits: change };
    },
  };
}
