// Runs the demo tenant until stopped (SIGINT/SIGTERM or stdin closing) and
// prints one JSON line: the service key file and the test CA file the
// editor's server must trust (NODE_EXTRA_CA_CERTS). Used by scripts/start.mjs.
import { join } from 'node:path';
import { demoFixture } from './demo';
import { startFakeTenant } from './server';

async function main(): Promise<void> {
  const examples = process.argv[2] ?? join(__dirname, '..', '..', '..', 'examples');
  const tenant = await startFakeTenant({ fixture: demoFixture(examples), latencyMs: 40 });
  process.stdout.write(
    `${JSON.stringify({ serviceKeyFile: tenant.writeServiceKey(), caFile: tenant.caFile, url: tenant.serviceKey.oauth.url })}\n`,
  );
  const stop = () => void tenant.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error(`demo tenant: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
