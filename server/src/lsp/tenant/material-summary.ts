// The tenant's security material as the Tenants view lists it: each keystore
// entry, credential and certificate mapping with the findings on it and the
// iFlows whose channels use it, and the names channels use that the tenant
// lacks. Usage comes from the downloaded iFlows, read with the tenant's
// configured parameter values, as the scan read them.
import type {
  CertificateMappingSummary,
  CredentialSummary,
  KeystoreEntrySummary,
  MissingMaterial,
  SecurityMaterialSummary,
  SeverityCounts,
} from '@cpi/common/tenant-protocol';
import { ChannelView } from '../../core/analysis/channel-view';
import type { ParsedIflow, ParsedParameters } from '../../core/analysis/parsed';
import { withConfiguredValues } from '../../core/params/configured';
import { materialReferences } from '../../core/tenant/channel-material';
import { keystoreEntry, lookUpCredential } from '../../core/tenant/lookup';
import type { SecurityMaterial } from '../../core/tenant/material';
import { certificateUserMappingUri, credentialUri, keystoreEntryUri } from '../../core/tenant/uri';
import type { ReportedFinding } from '../../engine/report';

/** One downloaded iFlow artifact, parsed. */
export interface UsingArtifact {
  readonly name: string;
  readonly iflows: readonly ParsedIflow[];
  readonly parameters?: ParsedParameters;
  readonly configured: ReadonlyMap<string, string>;
}

export function countsOf(findings: readonly Pick<ReportedFinding, 'severity'>[]): SeverityCounts {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Name (keystore aliases lower-cased) → the artifacts using it, for aliases and credentials. */
interface Usage {
  readonly aliases: Map<string, Set<string>>;
  readonly credentials: Map<string, Set<string>>;
  readonly missing: Map<string, Set<string>>;
}

function usageOf(material: SecurityMaterial, artifacts: readonly UsingArtifact[]): Usage {
  const usage: Usage = { aliases: new Map(), credentials: new Map(), missing: new Map() };
  const add = (map: Map<string, Set<string>>, name: string, user: string) => {
    let users = map.get(name);
    if (!users) map.set(name, (users = new Set()));
    users.add(user);
  };
  for (const artifact of artifacts) {
    const parameters = withConfiguredValues(artifact.parameters?.file, artifact.configured);
    for (const iflow of artifact.iflows) {
      for (const channel of iflow.model.channels) {
        for (const reference of materialReferences(ChannelView.of(channel, parameters))) {
          if (reference.kind === 'keystoreAlias') {
            if (keystoreEntry(material, reference.name)) add(usage.aliases, reference.name.toLowerCase(), artifact.name);
            else add(usage.missing, reference.name, artifact.name);
          } else if (lookUpCredential(material, reference.name, reference.stores) === 'missing')
            add(usage.missing, reference.name, artifact.name);
          else add(usage.credentials, reference.name, artifact.name);
        }
      }
    }
  }
  return usage;
}

const sorted = (users: ReadonlySet<string> | undefined) => [...(users ?? [])].sort();
const iso = (date: Date | undefined) => (date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined);

export function summariseMaterial(
  material: SecurityMaterial,
  artifacts: readonly UsingArtifact[],
  findings: readonly ReportedFinding[],
): SecurityMaterialSummary {
  const usage = usageOf(material, artifacts);
  const byUri = new Map<string, ReportedFinding[]>();
  for (const finding of findings) byUri.set(finding.uri, [...(byUri.get(finding.uri) ?? []), finding]);
  const on = (uri: string) => byUri.get(uri) ?? [];
  const rules = (uri: string) => [...new Set(on(uri).map((finding) => finding.ruleId))].sort();

  const keystore: KeystoreEntrySummary[] = material.keystore.map((entry) => {
    const uri = keystoreEntryUri(material.host, entry.alias);
    const validUntil = iso(entry.validNotAfter);
    return {
      alias: entry.alias,
      type: entry.type,
      owner: entry.owner,
      ...(entry.subjectDN ? { subject: entry.subjectDN } : {}),
      ...(validUntil ? { validUntil } : {}),
      uri,
      usedBy: sorted(usage.aliases.get(entry.alias.toLowerCase())),
      rules: rules(uri),
      counts: countsOf(on(uri)),
    };
  });
  const credential = (name: string, kind: string): CredentialSummary => {
    const uri = credentialUri(material.host, name);
    return { name, kind, uri, usedBy: sorted(usage.credentials.get(name)), counts: countsOf(on(uri)) };
  };
  const credentials = [
    ...material.userCredentials.map((item) => credential(item.name, 'user')),
    ...material.oauth2ClientCredentials.map((item) => credential(item.name, 'oauth2')),
    ...(material.secureParameters ?? []).map((name) => credential(name, 'secure-parameter')),
  ];
  const missing: MissingMaterial[] = [...usage.missing]
    .map(([name, users]) => ({ name, usedBy: sorted(users) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const certificateUserMappings: CertificateMappingSummary[] = material.certificateUserMappings.map((mapping) => {
    const uri = certificateUserMappingUri(material.host, mapping.user);
    const validUntil = iso(mapping.validUntil);
    return { user: mapping.user, ...(validUntil ? { validUntil } : {}), uri, rules: rules(uri), counts: countsOf(on(uri)) };
  });
  return { keystore, credentials, missing, certificateUserMappings };
}
