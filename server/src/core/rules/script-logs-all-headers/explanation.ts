import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A script that writes the whole header (or property) map to a log: `message.getHeaders()` or ' +
    '`message.getProperties()`, or a variable holding it, as an argument of a message-log call (`addAttachmentAsString`, ' +
    '`setStringProperty`, `addCustomHeaderProperty`) or a logger (`log.*`, `println`, `System.out`/`System.err`); or a loop ' +
    'or closure over the map (`each`, `eachWithIndex`, `forEach`, `collect`, `for (e in map)`, …) that writes its entries to ' +
    'a log without ever testing the key, directly or by collecting them into a text, a builder or (`collect`, `inject`) a ' +
    'result that is logged afterwards. A test is an `if`, `?:`, `==`, `!=`, `equals`, `==~`, `=~`, `in` or `contains` on ' +
    'the key variable (or `entry.key`, or a name given to it); a loop over `keySet()`, or a closure that uses only the key, ' +
    'counts only when it logs the values too.\n\n' +
    'Reading one entry (`getHeaders().get("SAP_MessageId")`) is not the whole map, and neither is Groovy property syntax ' +
    '(`message.headers`), which is not followed; nor are loops driven by an iterator (`entrySet().iterator()`) or an index ' +
    'into `keySet().toArray()`.',
  why:
    "The headers of a message include the `Authorization` header of the sender's call and whatever credentials earlier " +
    'steps put there; properties often hold tokens. The message processing log is shown in message monitoring, so logging ' +
    'all of them shows those secrets to everyone allowed to monitor messages.',
  fix:
    'Log only the headers you need, by name, or skip secret ones in the loop (`if (key.equalsIgnoreCase("Authorization")) ' +
    "return`). Keep such logging behind a switch (the iFlow's log level or an externalized parameter).",
  before: text('message.getHeaders().each { key, value ->', '  messageLog.addCustomHeaderProperty(key, value as String)', '}'),
  after: text(
    'message.getHeaders().each { key, value ->',
    '  if (key in ["SAP_MessageId", "Content-Type"]) messageLog.addCustomHeaderProperty(key, value as String)',
    '}',
  ),
  sapPages: [SAP_PAGES.dataFlowSecurity],
};
