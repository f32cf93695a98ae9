import { spawn, type SpawnOptionsWithoutStdio } from 'node:child_process';

// A child process run without blocking this one, for tests whose child talks
// to something this process serves (the fake tenant): spawnSync would wait
// for an answer that can never come.

export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command` to its end and collects its output; `signalAfterMs` sends it SIGINT (Ctrl-C) after that long. */
export function runChild(
  command: string,
  args: readonly string[],
  options: SpawnOptionsWithoutStdio & { readonly signalAfterMs?: number } = {},
): Promise<ChildRun> {
  const { signalAfterMs, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, spawnOptions);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    if (signalAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), signalAfterMs);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
