// Values kept per variable of a named function (see function-scopes.ts):
// scope -1 is the script's top level, whose variables every function sees.
// Looked up by scope and name without building a key string, since rules
// ask for every name token they pass.

export class ScopedNames<T> {
  private readonly scopes = new Map<number, Map<string, T>>();
  /** Every name that holds a value in some scope. */
  readonly names = new Set<string>();

  /** The value of `name` in exactly this scope. */
  get(scope: number, name: string): T | undefined {
    return this.scopes.get(scope)?.get(name);
  }

  set(scope: number, name: string, value: T): void {
    let names = this.scopes.get(scope);
    if (!names) this.scopes.set(scope, (names = new Map()));
    names.set(name, value);
    this.names.add(name);
  }

  has(scope: number, name: string): boolean {
    return this.scopes.get(scope)?.has(name) ?? false;
  }

  /** What `name` holds as seen from `scope`: its own variable, else the script's. */
  lookup(scope: number, name: string): T | undefined {
    if (!this.names.has(name)) return undefined;
    return this.get(scope, name) ?? (scope === -1 ? undefined : this.get(-1, name));
  }
}
