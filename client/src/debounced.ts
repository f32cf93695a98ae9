import type * as vscode from 'vscode';

/**
 * An action run once calls to schedule() stop for `delayMs`: the events a
 * view follows (diagnostics, file and configuration changes) come in bursts.
 * Disposing drops a run still pending.
 */
export class Debounced implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly action: () => void,
    private readonly delayMs: number,
  ) {}

  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, this.delayMs);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
