import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A call of `addAttachmentAsString(…)` on a message log in a Groovy or JavaScript script. Inside an `if` (or its `else`) ' +
    'the call is taken to sit behind a log switch and is reported as information only; the rule cannot tell whether the ' +
    'condition really is a switch that is off in production. An `if` that only compares names with `null` ' +
    '(`if (messageLog != null)`) guards against a missing log and is no switch: the call stays a warning.',
  why:
    'Everything written into the message processing log, attachments included, is visible to everyone who may monitor ' +
    "messages, stays stored for the log's retention time, and counts against the tenant's storage. A payload logged on every " +
    "run therefore copies business and personal data out of the flow and slows it down. SAP's guidelines advise against " +
    "attachments and for logging behind a switch: the iFlow's log level or an externalized parameter.",
  fix:
    'Remove the attachment, or write it only when a switch is on. The quick fix wraps the call in ' +
    '`if (messageLog != null && message.getProperty("EnableMplAttachments") == "true") { … }` (or adds the switch to the ' +
    '`if (messageLog != null)` around it): set that property from an ' +
    'externalized parameter (a Content Modifier step) that is off by default, or replace the condition with your own switch. ' +
    'Never attach secrets or whole payloads with personal data.',
  before: text(
    'def messageLog = messageLogFactory.getMessageLog(message)',
    'messageLog.addAttachmentAsString("Payload", body, "text/xml")',
  ),
  after: text(
    'def messageLog = messageLogFactory.getMessageLog(message)',
    'if (messageLog != null && message.getProperty("EnableMplAttachments") == "true") {',
    '    messageLog.addAttachmentAsString("Payload", body, "text/xml")',
    '}',
  ),
  sapPages: [SAP_PAGES.dataFlowSecurity],
};
