import { RULES } from '../rules/catalogue';
import { SCRIPTING_GUIDANCE } from './guidance-ids';
import { SAP_PAGES } from './sap-pages';
import type { DocLink, FaqEntry } from './types';

// The FAQ view's "Scripting" section: our own guidance for Groovy and
// JavaScript in Script steps. It is not part of SAP's security FAQ; the facts
// come from SAP's pages (General Scripting Guidelines, Switch Off Resolving of
// External Entities, Remove Sensitive or Secret Content Before Logging or
// Forwarding), which each entry links. Script rules cite these ids in their
// meta.faq, and each entry lists the rules that do (the link is stored once).

/** Ids of the guidance entries, for the rules' meta.faq (guidance-ids.ts). */
export { SCRIPTING_GUIDANCE };

interface GuidanceInput {
  readonly question: string;
  readonly answer: readonly string[];
  /** The SAP page the guidance rests on first. */
  readonly page: DocLink;
  readonly links?: readonly DocLink[];
}

function guidance(id: string, input: GuidanceInput): FaqEntry {
  return {
    id,
    question: input.question,
    answer: input.answer.join('\n'),
    category: 'scripting',
    source: 'our-guidance',
    helpUrl: input.page.url,
    relatedRules: RULES.filter((rule) => rule.faq.includes(id)).map((rule) => rule.id),
    iflowKeys: [],
    links: input.links ?? [],
  };
}

export const SCRIPTING_GUIDANCE_ENTRIES: readonly FaqEntry[] = [
  guidance(SCRIPTING_GUIDANCE.mplVisibility, {
    question: 'Who can see what a script writes into the message processing log?',
    page: SAP_PAGES.removeSensitiveContent,
    links: [SAP_PAGES.generalScriptingGuidelines],
    answer: [
      'Anyone allowed to monitor messages on the tenant. Attachments (`addAttachmentAsString`), properties set with ' +
        '`setStringProperty` and custom header properties (`addCustomHeaderProperty`) all show up in message monitoring, ' +
        'next to the log entry of each message.',
      '',
      'So keep passwords, tokens, the `Authorization` header and personal data out of them. Writing every header or ' +
        'property in a loop is the usual way a credential ends up there: pick the entries you need by name instead.',
    ],
  }),
  guidance(SCRIPTING_GUIDANCE.credentialsInMessage, {
    question: 'May a script put a credential it read from the secure store into a header or property?',
    page: SAP_PAGES.generalScriptingGuidelines,
    links: [SAP_PAGES.securityMaterial, SAP_PAGES.useSecureAuthentication],
    answer: [
      'Better not. Headers and properties travel with the message, and tracing shows them in clear text. A value read ' +
        'through `SecureStoreService` (`getUserCredential`, `getSecureParameter`) or `AccessTokenAndUrlService` should be ' +
        'used where it is needed and nowhere else.',
      '',
      'The usual reason for reading one is to build an `Authorization` header by hand. SAP advises against that: let the ' +
        "receiver channel authenticate with a User Credentials (or OAuth2) artifact instead. SAP's design guideline " +
        'check reports scripts reaching for secure parameters as `AVOID_ACCESSING_SECURE_PARAMETER`.',
    ],
  }),
  guidance(SCRIPTING_GUIDANCE.xmlDoctype, {
    question: 'How should a script parse XML so that external entities cannot be abused?',
    page: SAP_PAGES.switchOffExternalEntities,
    links: [SAP_PAGES.generalScriptingGuidelines],
    answer: [
      'Switch off DOCTYPE processing on every JAXP or dom4j parser the script creates (`DocumentBuilderFactory`, ' +
        '`SAXParserFactory`, `SAXReader`, and likewise `TransformerFactory` and `SchemaFactory`): ' +
        '`setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)`. Where that is impossible, at least ' +
        'refuse external entities; for `XMLInputFactory`, set `SUPPORT_DTD` to false.',
      '',
      "Groovy's `XmlSlurper` and `XmlParser` are safe as created with no arguments or two: they already refuse DOCTYPE " +
        'declarations. Passing `true` as the third argument (`allowDocTypeDeclaration`) turns that protection off again. ' +
        'The design guideline is `SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES`.',
    ],
  }),
  guidance(SCRIPTING_GUIDANCE.evalCode, {
    question: 'Why avoid Eval and evaluating text as code in scripts?',
    page: SAP_PAGES.generalScriptingGuidelines,
    answer: [
      "Two reasons. Text run as code (`Eval.me`, `new GroovyShell().evaluate`, JavaScript's `eval`) does whatever the " +
        'text says, and when any of it comes from a message, a sender decides what runs on your tenant. And the classes ' +
        'that `Eval` generates are never unloaded, so a busy flow slowly runs out of memory.',
      '',
      "Parse data as data (`JsonSlurper`, `JSON.parse`) and choose behaviour with ordinary code. SAP's design guideline " +
        'check names this `EVAL_USAGE_CHECK`.',
    ],
  }),
  guidance(SCRIPTING_GUIDANCE.logSwitches, {
    question: 'How should logging in a script be switched on and off?',
    page: SAP_PAGES.generalScriptingGuidelines,
    links: [SAP_PAGES.removeSensitiveContent],
    answer: [
      'Put every log statement behind a switch you can flip without changing the script: the log level of the ' +
        'integration flow, or an externalized parameter. Then the message processing log stays small in production and ' +
        'detail is there only while you look for a problem.',
      '',
      'Message processing log attachments deserve the strictest switch, or none at all: they hold whole payloads, are ' +
        "visible in monitoring and fill the tenant's database. The design guideline is `AVOID_CREATING_MPL_ATTACHMENTS`.",
    ],
  }),
];
