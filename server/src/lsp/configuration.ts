// The editor's layer over the engine's configuration lookup: the workspace
// folders (where the search stops), the `cpiSecurity` settings pulled from
// the client and merged on top, and what quick fixes and the rules view need.
import type { Connection } from 'vscode-languageserver';
import type { ConfigProblem, Config } from '../core/config/model';
import { withEditorSettings, type EditorSettings as ConfigSettings } from '../core/config/editor-settings';
import { configTarget, type ConfigTarget } from '../core/config/target';
import { CONFIG_FILE_NAME, parseConfig } from '../core/config/parse';
import { TENANT_SCHEME } from '../core/tenant/uri';
import { ConfigResolver, type ConfigFile, type ConfigResolverOptions } from '../engine/config-resolver';
import { utf8 } from '../engine/text-decode';
import type { ContentSource } from '../engine/source';
import { canonicalUri } from '../engine/uri';

/** Editor settings under `cpiSecurity`. */
export interface EditorSettings extends ConfigSettings {
  enable?: boolean;
  /** Scan the workspace when the server starts (package.json makes it default to true in VS Code). */
  scanOnStartup?: boolean;
}

export interface ResolvedConfig {
  readonly config: Config;
  /** The configuration file in force, with its problems (shown on that file). */
  readonly file?: { uri: string; problems: readonly ConfigProblem[] };
  readonly target: ConfigTarget;
  readonly enabled: boolean;
  /** Severities set by the file and by editor settings, before merging (for showing where a severity comes from). */
  readonly fileRules: ReadonlyMap<string, string>;
  readonly settingsRules: Readonly<Record<string, string>>;
}

export class EditorConfiguration {
  private workspaceRoots: string[] = [];
  private settingsCache = new Map<string, EditorSettings>();

  constructor(
    private readonly connection: Connection,
    private readonly source: ContentSource,
    private readonly canPullSettings: () => boolean,
  ) {}

  setWorkspaceRoots(roots: string[]): void {
    this.workspaceRoots = roots.map(canonicalUri);
  }

  roots(): string[] {
    return [...this.workspaceRoots];
  }

  settingsChanged(): void {
    this.settingsCache.clear();
  }

  rootOf(uri: string): string | undefined {
    const canonical = canonicalUri(uri);
    return this.workspaceRoots.filter((root) => canonical.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0];
  }

  /** The engine's lookup with `settings` on top; `options` say where it searches. */
  resolver(source: ContentSource, settings: EditorSettings, options: ConfigResolverOptions): ConfigResolver {
    return new ConfigResolver(source, { ...options, layer: (config) => withEditorSettings(config, settings) });
  }

  /**
   * The configuration of a scan of the tenant at `host`, as `--tenant` with
   * the command line's `--config`: the `.cpisecurity.json` at the top of the
   * first workspace folder (in the workspace's order) that has one, read as
   * it stands in the editor, with that folder's settings over it; globs
   * (ignore, suppressions' "file") are relative to the tenant
   * (`<PackageId>/<ArtifactId>/src/main/resources/...`). No such file: the
   * defaults with the first folder's settings.
   */
  async tenantResolver(host: string): Promise<{ resolver: ConfigResolver; file?: string }> {
    const root = `${TENANT_SCHEME}://${host}`;
    let explicit: ConfigFile | undefined;
    for (const folder of this.workspaceRoots) {
      const uri = `${folder}/${CONFIG_FILE_NAME}`;
      let read;
      try {
        read = this.source.read(uri, Number.MAX_SAFE_INTEGER);
      } catch {
        continue; // unreadable: passed over, as the nearest-file search does
      }
      if (!read || 'tooLarge' in read) continue;
      const text = 'text' in read ? read.text : utf8(read.bytes);
      explicit = { uri, text, ...parseConfig(text, uri) };
      break;
    }
    const settings = await this.settings(explicit ? explicit.uri.slice(0, -CONFIG_FILE_NAME.length - 1) : (this.workspaceRoots[0] ?? ''));
    const resolver = new ConfigResolver(this.source, {
      defaultRoot: root,
      layer: (config) => withEditorSettings({ ...config, root }, settings),
      ...(explicit ? { explicit } : {}),
    });
    return { resolver, ...(explicit ? { file: explicit.uri } : {}) };
  }

  /** The configuration of a file as it stands now (configuration documents may be open and edited: nothing is kept). */
  async resolve(uri: string): Promise<ResolvedConfig> {
    const root = this.rootOf(uri);
    const settings = await this.settings(uri);
    const { config, file } = this.resolver(this.source, settings, { ...(root ? { stopAt: root, defaultRoot: root } : {}) }).forFile(
      canonicalUri(uri),
    );
    return {
      config,
      ...(file ? { file } : {}),
      target: file ? configTarget(file.uri, file.text) : configTarget(`${config.root}/.cpisecurity.json`, undefined),
      enabled: settings.enable !== false,
      fileRules: file?.config.rules ?? new Map(),
      settingsRules: settings.rules ?? {},
    };
  }

  async settings(uri: string): Promise<EditorSettings> {
    if (!this.canPullSettings()) return {};
    const cached = this.settingsCache.get(uri);
    if (cached) return cached;
    try {
      const value = ((await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cpiSecurity' })) ?? {}) as EditorSettings;
      this.settingsCache.set(uri, value);
      return value;
    } catch {
      return {};
    }
  }
}
