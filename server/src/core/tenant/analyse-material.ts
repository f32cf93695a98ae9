import type { Finding, Severity } from '@cpi/common/findings';
import { severityRank } from '@cpi/common/findings';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import type { Range } from '@cpi/common/text/range';
import { effectiveSeverity, recordRuleFailure, type RuleFailure } from '../analysis/analyse-artifact';
import { ChannelView } from '../analysis/channel-view';
import type { ParsedIflow, ParsedParameters } from '../analysis/parsed';
import { applySuppressions, type SuppressedFinding } from '../analysis/suppressions';
import type { CertificateInfo, CertificateUsage } from '../certs/model';
import type { Config } from '../config/model';
import type { CertificateContext } from '../rules/certificate-check';
import { CERTIFICATE_RULES, SECURITY_MATERIAL_RULES } from '../rules/registry';
import type { MaterialSubject } from '../rules/security-material-check';
import { materialReferences } from './channel-material';
import { keystoreCertificate, mappedCertificate, readFromBytes } from './keystore-certificate';
import type { SecurityMaterial } from './material';
import { certificateUserMappingUri, credentialUri, keystoreEntryUri } from './uri';

// The tenant's security material checked as a whole: the certificate rules
// over each keystore entry and each certificate mapped to a user, with the
// usage the iFlows give an alias, and the rules about the material itself
// (rules with a `securityMaterial` check). Findings sit on cpi-tenant://
// URIs at 0:0, since the records have no text.

/**
 * What each keystore alias is used for, by lower-case alias (aliases match
 * without regard to case). An empty set means referenced only where no
 * certificate is checked (an SSH key of an SFTP channel).
 */
export type AliasUsage = ReadonlyMap<string, ReadonlySet<CertificateUsage>>;

/** The parts of an artifact aliasUsage reads: its iFlows and the parameters they resolve against. */
export interface AliasSource {
  readonly iflows: readonly ParsedIflow[];
  readonly parameters?: ParsedParameters;
}

/**
 * The usage of every keystore alias the channels of these artifacts use
 * (after parameter resolution, and only where their settings use it):
 * transport client keys are outbound, signing, encryption and verification
 * keys message level.
 */
export function aliasUsage(artifacts: Iterable<AliasSource>): Map<string, Set<CertificateUsage>> {
  const usage = new Map<string, Set<CertificateUsage>>();
  for (const artifact of artifacts) {
    for (const iflow of artifact.iflows) {
      for (const channel of iflow.model.channels) {
        for (const reference of materialReferences(ChannelView.of(channel, artifact.parameters?.file))) {
          if (reference.kind !== 'keystoreAlias') continue;
          const key = reference.name.toLowerCase();
          let usages = usage.get(key);
          if (!usages) usage.set(key, (usages = new Set()));
          if (reference.usage) usages.add(reference.usage);
        }
      }
    }
  }
  return usage;
}

export interface SecurityMaterialResult {
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  /** Rules that threw: their findings on that record are missing, every other rule's are complete. */
  readonly ruleFailures: readonly RuleFailure[];
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const SELF_SIGNED_RULES = new Set(['outbound-cert-self-signed', 'message-cert-self-signed', 'inbound-cert-self-signed']);
/** Rules about what a certificate is presented as: nothing to an SSH key, whose certificate nobody checks. */
const PRESENTED_RULES = new Set([...SELF_SIGNED_RULES, 'cert-wildcard-cn']);
/** SAP renews the entries it owns: only an expired one is news to the tenant's owner. */
const SAP_OWNED_RULES = new Set(['cert-expired']);
const MAPPING_RULES = new Set(['inbound-cert-self-signed', 'cert-expired', 'cert-expiring-soon']);

function subjectUri(host: string, subject: MaterialSubject): string {
  switch (subject.kind) {
    case 'keystoreEntry':
      return keystoreEntryUri(host, subject.alias);
    case 'credential':
      return credentialUri(host, subject.name);
    case 'certificateUserMapping':
      return certificateUserMappingUri(host, subject.user);
  }
}

/**
 * Checks a tenant's keystore entries, certificate-to-user mappings and
 * credentials. `usage` comes from aliasUsage over the iFlows read from the
 * same tenant; an entry no iFlow uses counts as outbound trust. Severities,
 * rules switched off and suppressions come from `config`.
 */
export function analyseSecurityMaterial(material: SecurityMaterial, usage: AliasUsage, config: Config, now: Date): SecurityMaterialResult {
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  const add = (ruleId: string, uri: string, subject: string, message: string, reported?: Severity) => {
    const severity = effectiveSeverity(config, ruleId, reported);
    if (severity !== 'off') findings.push({ ruleId, severity, message, uri, range: START, related: [], fixes: [], subject });
  };

  for (const entry of material.keystore) {
    const uri = keystoreEntryUri(material.host, entry.alias);
    const certificate = keystoreCertificate(entry);
    if (!certificate) continue;
    const used = usage.get(entry.alias.toLowerCase());
    const usages: (CertificateUsage | undefined)[] = used === undefined ? ['outbound'] : used.size > 0 ? [...used] : [undefined];
    const applies = (meta: RuleMeta, as: CertificateUsage | undefined) => {
      if (entry.owner.toUpperCase() === 'SAP') return SAP_OWNED_RULES.has(meta.id);
      // An SSH key's certificate is checked by nobody: its name and signer do not matter.
      return as !== undefined || !PRESENTED_RULES.has(meta.id);
    };
    const found = checkCertificate(certificate, usages, applies, entry.alias, now, config, uri, ruleFailures);
    for (const { meta, message, severity } of found)
      add(meta.id, uri, entry.alias, `Keystore entry "${entry.alias}": ${message}`, severity);
  }

  for (const mapping of material.certificateUserMappings) {
    const uri = certificateUserMappingUri(material.host, mapping.user);
    const certificate = mappedCertificate(mapping);
    if (!certificate) continue;
    const found = checkCertificate(
      certificate,
      ['inbound'],
      (meta) => MAPPING_RULES.has(meta.id),
      mapping.user,
      now,
      config,
      uri,
      ruleFailures,
    );
    for (const { meta, message, severity } of found)
      add(meta.id, uri, mapping.user, `Certificate mapped to user "${mapping.user}": ${message}`, severity);
  }

  for (const rule of SECURITY_MATERIAL_RULES) {
    if (effectiveSeverity(config, rule.meta.id) === 'off') continue;
    const before = findings.length;
    try {
      rule.check(
        material,
        ({ on, message, severity }) => {
          const uri = subjectUri(material.host, on);
          add(rule.meta.id, uri, uri.slice(uri.lastIndexOf('/') + 1), message, severity);
        },
        { now, expiryWarningDays: config.expiryWarningDays },
      );
    } catch (error) {
      findings.length = before;
      recordRuleFailure(ruleFailures, rule.meta.id, `cpi-tenant://${material.host}/`, error);
    }
  }
  return { ...applySuppressions(findings, config, now), ruleFailures };
}

interface CertificateFinding {
  readonly meta: RuleMeta;
  readonly message: string;
  readonly severity: Severity;
}

/**
 * The certificate rules over one certificate, once per usage it has. A rule
 * that does not depend on usage says the same each time, and one that does
 * (wildcard CN) is kept at its most severe: one finding per rule.
 */
function checkCertificate(
  certificate: CertificateInfo,
  usages: readonly (CertificateUsage | undefined)[],
  applies: (meta: RuleMeta, usage: CertificateUsage | undefined) => boolean,
  name: string,
  now: Date,
  config: Config,
  uri: string,
  failures: RuleFailure[],
): CertificateFinding[] {
  const byRule = new Map<string, CertificateFinding>();
  const complete = readFromBytes(certificate);
  for (const usage of usages) {
    const context: CertificateContext = { usage, now, expiryWarningDays: config.expiryWarningDays, fileName: name };
    for (const rule of CERTIFICATE_RULES) {
      if (!applies(rule.meta, usage)) continue;
      // rebuilt from listed fields: nothing is known about who signed it
      if (!complete && SELF_SIGNED_RULES.has(rule.meta.id)) continue;
      try {
        rule.check(
          certificate,
          ({ message, severity = rule.meta.defaultSeverity }) => {
            const known = byRule.get(rule.meta.id);
            if (!known || severityRank(severity) > severityRank(known.severity))
              byRule.set(rule.meta.id, { meta: rule.meta, message, severity });
          },
          context,
        );
      } catch (error) {
        byRule.delete(rule.meta.id);
        recordRuleFailure(failures, rule.meta.id, uri, error);
      }
    }
  }
  return [...byRule.values()];
}
