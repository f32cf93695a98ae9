// Ids of our scripting guidance (scripting-guidance.ts), in a leaf module:
// rule metadata cites them, and the catalogue that reads that metadata is
// itself read by the guidance entries.

export const SCRIPTING_GUIDANCE = {
  mplVisibility: 'scripting-mpl-visibility',
  credentialsInMessage: 'scripting-credentials-in-message',
  xmlDoctype: 'scripting-xml-doctype',
  evalCode: 'scripting-eval',
  logSwitches: 'scripting-log-switches',
} as const;
