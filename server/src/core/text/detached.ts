/**
 * A flat copy of a string that shares no memory with the text it was sliced
 * from. V8 keeps a whole file alive for any substring taken from it, so
 * anything that outlives the file (findings, re-read fragments) is copied.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
