import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ChannelView } from '../../server/src/core/analysis/channel-view';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { materialReferences, type MaterialReference } from '../../server/src/core/tenant/channel-material';

// Which security material the corpus iFlows' channels use, with their
// artifact's parameters.prop where there is one. Absent on most machines.
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.iflw'))
      .sort()
  : [];

/** src/main/resources/parameters.prop of the artifact holding the iFlow, when it has one. */
function parametersOf(iflowPath: string): string | undefined {
  const at = iflowPath.lastIndexOf(`${path.sep}scenarioflows${path.sep}`);
  if (at < 0) return undefined;
  const candidate = path.join(iflowPath.slice(0, at), 'parameters.prop');
  return existsSync(candidate) ? candidate : undefined;
}

describe('tenant material references on the corpus', () => {
  if (files.length === 0) it.skip(`needs the corpus at ${CORPUS}`);
  else {
    const found: { file: string; channel: ChannelView; reference: MaterialReference }[] = [];
    before(() => {
      for (const name of files) {
        const file = path.join(CORPUS, name);
        const iflow = parseIflow(pathToFileURL(file).href, readFileSync(file, 'utf8'));
        const prop = parametersOf(file);
        const parameters = prop ? parseParameters(pathToFileURL(prop).href, readFileSync(prop, 'utf8')) : undefined;
        for (const channel of iflow.model.channels) {
          const view = ChannelView.of(channel, parameters?.file);
          for (const reference of materialReferences(view)) found.push({ file: name, channel: view, reference });
        }
      }
    });

    it('finds the literal names the corpus channels use', () => {
      const names = new Set(found.map(({ reference }) => `${reference.key}=${reference.name}`));
      for (const expected of [
        'credentialName=AzBasicAuth',
        'credential_name=SFTP_Trial',
        'userCredentialAlias=i069413',
        'credentialName=Azure Credentials',
      ]) {
        assert.ok(names.has(expected), `${expected} among ${[...names].join(', ')}`);
      }
    });

    it('only takes names that are known and not looked up at run time', () => {
      for (const { file, reference } of found) {
        assert.ok(reference.value.known, `${file}: ${reference.key}`);
        assert.ok(
          reference.name !== '' && !reference.name.startsWith('pd:') && !reference.name.includes('${'),
          `${file}: ${reference.key}=${reference.name}`,
        );
      }
    });

    it('never takes a JDBC data source, nor a client key of a channel that does not authenticate with a certificate', () => {
      for (const { file, channel, reference } of found) {
        assert.notEqual(channel.adapter, 'JDBC', `${file}: ${reference.key}`);
        if (
          reference.kind === 'keystoreAlias' &&
          channel.isUrlReceiver &&
          !channel.isSftp &&
          reference.key !== 'publicKeyAliasForEncryption' &&
          reference.key !== 'privateKeyAliasForSigning' &&
          reference.key !== 'publicKeyAliasForMDNVerification'
        ) {
          assert.equal(
            channel.receiverAuth,
            'clientCertificate',
            `${file}: ${reference.key}=${reference.name} on a ${channel.receiverAuth} channel`,
          );
        }
      }
    });
  }
});
