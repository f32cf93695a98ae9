import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'An `http://` URL written in a Groovy or JavaScript script where the script connects to it: the first argument of ' +
    '`new URL(…)` or `new URI(…)`, a string on which `.toURL()`, `.toURI()` or `.openConnection()` is called, or the value ' +
    'of the header `CamelHttpUri`, which sets the address an HTTP receiver calls. A literal that starts a concatenation counts ' +
    '(`"http://host/" + path`). Loopback hosts (`localhost`, `127.x.x.x`, `[::1]`) are not flagged.\n\n' +
    'Namespace and feature URIs (`declareNamespace`, `setFeature`, `xmlns`) also begin with `http://` but are names, not ' +
    'addresses, and are never flagged; neither is a URL whose host is only known at run time.',
  why:
    'Over plain HTTP the message, its headers and any credential sent along travel unencrypted and can be read or changed on ' +
    "the way. Connections a script opens bypass the receiver channel, where the tool would otherwise see the address. SAP's " +
    'guideline is to use secure protocols; outbound HTTPS on port 443 (or any port from 1024 up) needs no special request.',
  fix:
    'Use `https://` (the quick fix changes the scheme); check that the target offers TLS and that its certificate chain is ' +
    "trusted by the tenant's keystore. Better still, call the system through a receiver channel so the address is visible " +
    'and configurable.',
  before: text('def connection = new URL("http://erp.example.com/api/orders").openConnection()'),
  after: text('def connection = new URL("https://erp.example.com/api/orders").openConnection()'),
  sapPages: [SAP_PAGES.useSecureProtocols],
};
