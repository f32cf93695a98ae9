// The host setup's environment under a simulated outer npm run (what
// `npm start` and `npm test` hand down). Part of the unit suite.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { isOuterNpmVariable, isolatedEnv, pathWithoutNpmFolders } from './host-env.mjs';
import { hostEnv, npmInstall, SetupError } from './setup.mjs';

/** What an npm 11 on Node 18 puts into a script's environment, on top of the machine's. */
function outerNpmEnv(base) {
  return {
    ...base,
    npm_config_user_agent: 'npm/10.9.0 node/v18.20.4 linux x64 workspaces/false',
    npm_config_node_gyp: '/old/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_nodedir: '/old/node',
    npm_config_local_prefix: '/some/project',
    npm_config_prefix: '/old/node',
    npm_lifecycle_event: 'test',
    npm_lifecycle_script: 'node scripts/run.mjs',
    npm_package_name: 'some-project',
    npm_execpath: '/old/npm/bin/npm-cli.js',
    npm_node_execpath: '/old/node/bin/node',
    NODE: '/old/node/bin/node',
    INIT_CWD: '/some/project',
    PATH: ['/some/project/node_modules/.bin', '/old/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', base.PATH].join(delimiter),
  };
}

describe('host setup environment', () => {
  it('drops what describes the outer npm run and keeps what a person configured', () => {
    const env = isolatedEnv(
      outerNpmEnv({
        PATH: '/usr/local/bin:/usr/bin',
        HOME: '/home/dev',
        npm_config_registry: 'https://mirror.example/',
        HTTPS_PROXY: 'http://proxy:3128',
        npm_config_cache: '/home/dev/.npm',
      }),
    );
    for (const key of Object.keys(env)) assert.equal(isOuterNpmVariable(key), false, key);
    assert.equal(env.npm_config_user_agent, undefined);
    assert.equal(env.INIT_CWD, undefined);
    assert.equal(env.NODE, undefined);
    assert.equal(env.npm_config_registry, 'https://mirror.example/');
    assert.equal(env.npm_config_cache, '/home/dev/.npm');
    assert.equal(env.HTTPS_PROXY, 'http://proxy:3128');
    assert.equal(env.HOME, '/home/dev');
    assert.equal(env.PATH, '/usr/local/bin:/usr/bin');
  });

  it('reads npm variables in any case and with dashes', () => {
    assert.equal(isOuterNpmVariable('NPM_CONFIG_USER_AGENT'), true);
    assert.equal(isOuterNpmVariable('npm_config_user-agent'), true);
    assert.equal(isOuterNpmVariable('NPM_CONFIG_REGISTRY'), false);
    assert.equal(isOuterNpmVariable('npm_package_version'), true);
    assert.equal(isOuterNpmVariable('NODE_OPTIONS'), false);
    assert.equal(isOuterNpmVariable('NODE_EXTRA_CA_CERTS'), false);
  });

  it('puts the host Node first on PATH and points node-gyp at its headers', () => {
    const env = hostEnv({ nodeRoot: '/cache/node24' }, outerNpmEnv({ PATH: '/usr/bin' }));
    assert.equal(env.PATH, ['/cache/node24/bin', '/usr/bin'].join(delimiter));
    assert.equal(env.npm_config_nodedir, '/cache/node24');
    assert.equal(env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD, '1');
    assert.equal(pathWithoutNpmFolders(['', '/a/node_modules/.bin', '/b'].join(delimiter)), '/b');
  });

  describe('a nested npm install under an outer npm of another Node', () => {
    let dir;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'cpi-host-env-'));
      // A package whose postinstall checks the Node version the way code-server's does:
      // from npm_config_user_agent, which the installing npm sets unless it inherited one.
      const probe = join(dir, 'probe');
      mkdirSync(probe);
      const script = [
        "const ua = process.env.npm_config_user_agent || '';",
        'const major = (/node\\/v(\\d+)/.exec(ua) || [])[1];',
        "require('fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ ua, initCwd: process.env.INIT_CWD, node: process.env.NODE }));",
        "if (major !== process.versions.node.split('.')[0]) { console.error('requires node v' + process.versions.node + ', detected v' + major); process.exit(1); }",
      ].join(' ');
      writeFileSync(
        join(probe, 'package.json'),
        JSON.stringify({ name: 'probe', version: '1.0.0', scripts: { postinstall: `node -e "${script.replaceAll('"', '\\"')}"` } }),
      );
    });
    /** An empty project to install the probe into (a second install into the same one would skip the script). */
    const project = (name) => {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'package.json'), JSON.stringify({ name, private: true }));
      return join(dir, name);
    };
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('runs package scripts that see the installing npm and Node, not the outer ones', () => {
      const out = join(dir, 'seen.json');
      const nodeRoot = dirname(dirname(process.execPath));
      const env = { ...hostEnv({ nodeRoot }, outerNpmEnv(process.env)), PROBE_OUT: out };
      const cwd = project('isolated');
      npmInstall('installing the probe', cwd, ['--install-links', '../probe'], env);
      const seen = JSON.parse(readFileSync(out, 'utf8'));
      assert.match(seen.ua, new RegExp(`node/${process.version.replaceAll('.', '\\.')} `));
      assert.equal(seen.initCwd, cwd);
      assert.notEqual(seen.node, '/old/node/bin/node');
    });

    it('fails as code-server did when the outer npm variables are passed on', () => {
      const out = join(dir, 'seen-outer.json');
      const env = { ...outerNpmEnv(process.env), PROBE_OUT: out };
      assert.throws(
        () => npmInstall('installing the probe', project('inherited'), ['--install-links', '../probe'], env),
        (error) => {
          assert.ok(error instanceof SetupError);
          assert.match(error.message, /detected v18/);
          return true;
        },
      );
    });
  });
});
