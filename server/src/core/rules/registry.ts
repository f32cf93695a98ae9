import { inCatalogueOrder, type RuleMeta } from '@cpi/common/rules/catalogue';
import { RULE_CHECKS } from './registry.generated';
import type { ChannelRule, IflowRule, RuleChecks } from './rule';

// The checks of every rule folder by the kind of subject they look at, in
// catalogue order. The arrays are readonly in their type only: tests inject
// rules by pushing onto them, and the engine reads them on every run.

type WithMeta<Check> = Check & { readonly meta: RuleMeta };

function checksOf<Subject extends keyof RuleChecks>(subject: Subject): WithMeta<NonNullable<RuleChecks[Subject]>>[] {
  return inCatalogueOrder(RULE_CHECKS).flatMap(({ meta, checks }) => {
    const check = checks[subject];
    return check ? [{ ...check, meta }] : [];
  });
}

export const CHANNEL_RULES: readonly ChannelRule[] = checksOf('channel');
export const IFLOW_RULES: readonly IflowRule[] = checksOf('iflow');
export const PARAMETER_RULES = checksOf('parameters');
export const CERTIFICATE_RULES = checksOf('certificate');
export const CERTIFICATE_FILE_RULES = checksOf('certificateFile');
export const SCRIPT_RULES = checksOf('script');
export const SECURITY_MATERIAL_RULES = checksOf('securityMaterial');
