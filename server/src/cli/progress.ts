// "Scanning 120/480 files" on one stderr line, only when stderr is a
// terminal (never in CI logs or when output is piped), at most ten times a second.

export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

export function progressOn(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\rScanning ${done}/${total} files`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** "Reading the tenant: 12/40 artifacts (Finance Flows)" while a tenant is downloaded; the same rules. */
export function tenantProgressOn(stream: NodeJS.WriteStream): {
  update(done: number, total: number, current?: string): void;
  clear(): void;
} {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total, current) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      const width = Math.max(20, (stream.columns || 80) - 1);
      const line = `Reading the tenant: ${done}/${total} artifacts${current ? ` (${current})` : ''}`;
      stream.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
