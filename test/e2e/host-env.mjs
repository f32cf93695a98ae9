// The environment for everything the host setup runs (npm installs, Node 24,
// code-server, Chromium). Under `npm start` or `npm test` the process carries
// the outer npm's variables, and a nested npm takes them as its own
// configuration: `npm_config_user_agent` ("npm/11 node/v20 ...") is how
// code-server's postinstall decides which Node it runs on, so the install of a
// Node 24 host failed under npm and passed when run directly. The variables
// that describe the outer npm run are dropped; configuration a person set
// (registry, proxy, cache, certificates) is kept.
import { delimiter, sep } from 'node:path';

/** npm_config_* keys that describe the running npm, not a person's choice. */
const OUTER_NPM_CONFIG = new Set([
  'user_agent',
  'node_gyp',
  'npm_version',
  'node_version',
  'local_prefix',
  'global_prefix',
  'prefix',
  'nodedir',
]);

/** Variables a package script gets from npm besides configuration. */
const OUTER_NPM_VARIABLES = new Set(['INIT_CWD', 'NODE']);

/** True for a variable that an outer npm run (script, exec) put into the environment. */
export function isOuterNpmVariable(key) {
  if (OUTER_NPM_VARIABLES.has(key)) return true;
  const lower = key.toLowerCase();
  if (lower.startsWith('npm_config_')) return OUTER_NPM_CONFIG.has(lower.slice('npm_config_'.length).replaceAll('-', '_'));
  // npm_lifecycle_*, npm_package_*, npm_command, npm_execpath, npm_node_execpath, ...
  return lower.startsWith('npm_');
}

/** PATH without the folders npm puts in front for a script: node_modules/.bin and its node-gyp shim. */
export function pathWithoutNpmFolders(path = '') {
  return path
    .split(delimiter)
    .filter(
      (entry) =>
        entry !== '' && !entry.endsWith(`${sep}node_modules${sep}.bin`) && !entry.endsWith(`${sep}run-script${sep}lib${sep}node-gyp-bin`),
    )
    .join(delimiter);
}

/**
 * `base` without the outer npm's variables, then `extra` on top. `prependPath`
 * folders go in front of the cleaned PATH (Node 24's bin, so that `node` and
 * the `npm` that runs on it are that Node).
 */
export function isolatedEnv(base = process.env, { prependPath = [], extra = {} } = {}) {
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined || isOuterNpmVariable(key)) continue;
    env[key] = value;
  }
  const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
  env[pathKey] = [...prependPath, pathWithoutNpmFolders(env[pathKey])].filter(Boolean).join(delimiter);
  return { ...env, ...extra };
}
