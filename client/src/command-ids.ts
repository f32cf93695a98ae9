// Ids of the client-only commands (view actions used from package.json
// menus). Commands the server refers to live in the shared protocol module.
export const ViewCommands = {
  filterFaq: 'cpiSecurity.faq.filter',
  clearFaqFilter: 'cpiSecurity.faq.clearFilter',
  showRelatedRules: 'cpiSecurity.faq.showRelatedRules',
  openOnSapHelp: 'cpiSecurity.openOnSapHelp',
  changeSeverity: 'cpiSecurity.rules.changeSeverity',
  refreshRules: 'cpiSecurity.rules.refresh',
  clearRulesFilter: 'cpiSecurity.rules.clearFilter',
  filterRules: 'cpiSecurity.rules.filter',
  groupFindingsByFile: 'cpiSecurity.findings.groupByFile',
  groupFindingsByRule: 'cpiSecurity.findings.groupByRule',
  openExample: 'cpiSecurity.openExample',
  fixAll: 'cpiSecurity.fixAll',
  addTenant: 'cpiSecurity.tenants.add',
  removeTenant: 'cpiSecurity.tenants.remove',
  refreshTenants: 'cpiSecurity.tenants.refresh',
  scanTenant: 'cpiSecurity.tenants.scan',
  /** Also named by the server's code action on tenant findings (DOWNLOAD_ARTIFACT_COMMAND). */
  downloadArtifact: 'cpiSecurity.tenants.download',
} as const;
