// What each example shows, for the example picker: read from the table in
// examples/README.md (| `Artifact` | What it does | Notable |), so the picker
// and the README never disagree. Free of VS Code for testing.

export interface ExampleNote {
  /** Shown beside the file name. */
  readonly description: string;
  /** The second line of the pick item, when there is more to say. */
  readonly detail?: string;
}

/** Artifact folder name to what it does and what is notable about it. */
export function readExampleNotes(readme: string): Map<string, ExampleNote> {
  const notes = new Map<string, ExampleNote>();
  for (const line of readme.split(/\r?\n/)) {
    const cells = /^\|\s*`([^`]+)`\s*\|([^|]*)\|([^|]*)\|\s*$/.exec(line);
    if (!cells) continue;
    const [, artifact, what, notable] = cells.map((cell) => cell.trim());
    notes.set(artifact, { description: what, ...(notable ? { detail: notable.replace(/`/g, '') } : {}) });
  }
  return notes;
}

/** The note for a file of the examples folder, by the artifact it belongs to (`relative` uses `/`). */
export function noteFor(relative: string, notes: ReadonlyMap<string, ExampleNote>): ExampleNote | undefined {
  if (relative === '.cpisecurity.json') return { description: 'The project configuration: severities, opened ports, suppressions' };
  const note = notes.get(relative.split('/')[0]);
  if (!note) return undefined;
  if (relative.endsWith('.iflw')) return note;
  if (relative.endsWith('parameters.prop')) return { description: `Parameters of: ${note.description}` };
  return { description: `Script of: ${note.description}` };
}
