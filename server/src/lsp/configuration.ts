import type { Connection } from 'vscode-languageserver';
import { configCandidates } from '../core/config/discover';
import { DEFAULT_CONFIG, type Config, type ConfigProblem } from '../core/config/model';
import { parseConfig, withEditorSettings } from '../core/config/parse';
import { configTarget, type ConfigTarget } from '../core/config/target';
import { artifactFolder } from '../core/analysis/artifact-layout';
import { canonicalUri, type WorkspaceFiles } from './files';

/** Editor settings under `cpiSecurity`. */
export interface EditorSettings {
  enable?: boolean;
  rules?: Record<string, string>;
  openedPorts?: number[];
  /** null (the default) keeps `maxFileSizeMB` of `.cpisecurity.json`. */
  maxFileSizeMB?: number | null;
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

/** Finds and reads the `.cpisecurity.json` that applies to a file, merged with editor settings. */
export class ConfigurationResolver {
  private workspaceRoots: string[] = [];
  private settingsCache = new Map<string, EditorSettings>();

  constructor(
    private readonly connection: Connection,
    private readonly files: WorkspaceFiles,
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

  async resolve(uri: string): Promise<ResolvedConfig> {
    const root = this.rootOf(uri);
    const settings = await this.settings(uri);
    for (const candidate of configCandidates(canonicalUri(uri), root)) {
      const text = await this.files.read(candidate);
      if (text === undefined) continue;
      const { config, problems } = parseConfig(text, candidate);
      return {
        config: withEditorSettings(config, settings),
        file: { uri: candidate, problems },
        target: configTarget(candidate, text),
        enabled: settings.enable !== false,
        fileRules: config.rules,
        settingsRules: settings.rules ?? {},
      };
    }
    const fallback = `${root ?? artifactRoot(uri)}/.cpisecurity.json`;
    return {
      config: withEditorSettings({ ...DEFAULT_CONFIG, root: root ?? artifactRoot(uri) }, settings),
      target: configTarget(fallback, undefined),
      enabled: settings.enable !== false,
      fileRules: new Map(),
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

/** The folder above `src/main/resources`, else the file's folder. */
function artifactRoot(uri: string): string {
  const folder = artifactFolder(canonicalUri(uri));
  return folder.endsWith('/src/main/resources') ? folder.slice(0, -'/src/main/resources'.length) : folder;
}
