import { SAP_PAGES } from './sap-pages';
import type { DocLink } from './types';

// What the script APIs that matter for security mean, in our own words, with
// the SAP guideline behind each: the editor shows it when the cursor rests on
// one of the names in a Groovy or JavaScript script. The facts are SAP's
// (General Scripting Guidelines, Switch Off Resolving of External Entities,
// Remove Sensitive or Secret Content Before Logging or Forwarding).

export type ScriptApiTopic = 'message-log' | 'secure-store' | 'xml-parser' | 'eval';

export interface ScriptApiNote {
  /** The name as written in the script (a class, a method or a variable). */
  readonly name: string;
  readonly topic: ScriptApiTopic;
  /** One to three sentences, markdown. */
  readonly summary: string;
  /** Id of the SAP design guideline the tenant's design-guideline check reports, where there is one. */
  readonly guideline?: string;
  /** Script rules that look at this API (ids of SCRIPT-RULES; a rule not yet in the catalogue is simply not linked). */
  readonly rules: readonly string[];
  readonly pages: readonly DocLink[];
  /** The only language the name means this API in; both when absent. */
  readonly language?: 'groovy' | 'javascript';
  /** Only a call (`name(`) is this API: the bare word may be anything else. */
  readonly callOnly?: boolean;
}

const MPL_VISIBLE = 'Whatever a script writes into the message processing log can be read by everyone who may monitor messages.';
const SECURE_STORE = 'Credentials read here exist in clear text inside the script from then on.';
const NO_DOCTYPE =
  'Parse XML in a script with DOCTYPE processing switched off (`setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)`), ' +
  'or at least without external entities, so a message cannot make the parser fetch files or URLs.';

function notes(
  topic: ScriptApiTopic,
  base: Omit<ScriptApiNote, 'name' | 'topic' | 'summary'>,
  entries: Record<string, string>,
  extra: Partial<ScriptApiNote> = {},
): ScriptApiNote[] {
  return Object.entries(entries).map(([name, summary]) => ({ ...base, ...extra, name, topic, summary }));
}

const MESSAGE_LOG = {
  rules: ['script-secret-logged', 'script-logs-all-headers', 'script-mpl-attachment'],
  pages: [SAP_PAGES.removeSensitiveContent, SAP_PAGES.generalScriptingGuidelines],
};
const SECRETS = {
  rules: ['script-credential-in-message', 'script-secret-logged'],
  guideline: 'AVOID_ACCESSING_SECURE_PARAMETER',
  pages: [SAP_PAGES.generalScriptingGuidelines, SAP_PAGES.removeSensitiveContent, SAP_PAGES.securityMaterial],
};
const XML = { rules: ['script-xxe'], guideline: 'SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES', pages: [SAP_PAGES.switchOffExternalEntities] };
const EVAL = { rules: ['script-eval'], guideline: 'EVAL_USAGE_CHECK', pages: [SAP_PAGES.generalScriptingGuidelines] };

export const SCRIPT_API_NOTES: readonly ScriptApiNote[] = [
  ...notes('message-log', MESSAGE_LOG, {
    messageLogFactory: `The factory of the message processing log (MPL). ${MPL_VISIBLE} Put logging behind a switch: the iFlow's log level or an externalized parameter.`,
    getMessageLog: `Returns the message processing log of this message (null when logging is off). ${MPL_VISIBLE} Write to it only behind a log switch, and never a secret.`,
    setStringProperty: `Adds a name and value to the message processing log. ${MPL_VISIBLE} Never pass a password, token or the \`Authorization\` header, and log only behind a switch.`,
    addCustomHeaderProperty: `Adds a searchable custom header to the message processing log. ${MPL_VISIBLE} Keep secrets and personal data out of it.`,
  }),
  {
    ...MESSAGE_LOG,
    name: 'addAttachmentAsString',
    topic: 'message-log',
    guideline: 'AVOID_CREATING_MPL_ATTACHMENTS',
    summary:
      `Attaches text, often a whole payload, to the message processing log. ${MPL_VISIBLE} ` +
      "Attachments also fill the tenant's database: avoid them, or create them only while a log switch is on.",
  },
  ...notes('secure-store', SECRETS, {
    SecureStoreService: `Reads credentials and secure parameters deployed on the tenant. ${SECURE_STORE} Prefer a standard channel with a User Credentials artifact to building an \`Authorization\` header in a script.`,
    getUserCredential: `Reads a deployed User Credentials artifact by its name. ${SECURE_STORE} Do not put the password into a header or property (tracing shows them), nor into any log.`,
    getSecureParameter: `Reads a deployed Secure Parameter by its name. ${SECURE_STORE} Do not put it into a header or property (tracing shows them), nor into any log.`,
    AccessTokenAndUrlService: `Reads the access token of a deployed OAuth2 credential. ${SECURE_STORE} Let a channel authenticate with the credential instead, where one can.`,
    getAccessToken: `Returns an OAuth2 access token in clear text. A token in a header or property is visible in a trace, and in a log to everyone who monitors messages.`,
  }),
  {
    ...SECRETS,
    name: 'getPassword',
    topic: 'secure-store',
    callOnly: true,
    summary:
      "Returns a password in clear text (as a `char[]`). Keep it out of headers, properties, the message body and every log; SAP's tracing shows headers and properties in clear text.",
  },
  ...notes('xml-parser', XML, {
    DocumentBuilderFactory: `A JAXP DOM parser factory: it processes DOCTYPE declarations and external entities unless told not to. ${NO_DOCTYPE}`,
    SAXParserFactory: `A JAXP SAX parser factory: it processes DOCTYPE declarations and external entities unless told not to. ${NO_DOCTYPE}`,
    XMLInputFactory:
      'A StAX reader factory: it supports DTDs unless told not to. Set `XMLInputFactory.SUPPORT_DTD` (or `IS_SUPPORTING_EXTERNAL_ENTITIES`) to false before creating readers.',
    TransformerFactory: `An XSLT factory: the stylesheet and its input may pull in external DTDs and documents. Set \`XMLConstants.ACCESS_EXTERNAL_DTD\` (and \`ACCESS_EXTERNAL_STYLESHEET\`) to \`""\`, or switch off DOCTYPE processing.`,
    SchemaFactory: `An XML Schema factory: a schema may reference external DTDs and files. Set \`XMLConstants.ACCESS_EXTERNAL_DTD\` to \`""\`, or switch off DOCTYPE processing. Reading schemas from the message is riskier still.`,
    SAXReader: `dom4j's reader: it processes DOCTYPE declarations unless told not to. ${NO_DOCTYPE}`,
  }),
  ...notes(
    'xml-parser',
    XML,
    {
      XmlSlurper:
        'Groovy\'s read-only XML parser. Built with no arguments or two, it refuses DOCTYPE declarations already; a third argument `true` (`allowDocTypeDeclaration`) or `setFeature("…/disallow-doctype-decl", false)` switches that protection off. SAP also advises `parse(reader)` over `parseText` for large payloads.',
      XmlParser:
        'Groovy\'s XML parser for reading and changing a tree. Built with no arguments or two, it refuses DOCTYPE declarations already; a third argument `true` (`allowDocTypeDeclaration`) or `setFeature("…/disallow-doctype-decl", false)` switches that protection off.',
    },
    { language: 'groovy' },
  ),
  ...notes(
    'eval',
    EVAL,
    {
      Eval: "Groovy's `Eval.me/x/xy/xyz` compile text as code and run it: whatever the text says runs with the script's rights, and the classes they generate are never unloaded, so memory runs out over time.",
    },
    { language: 'groovy' },
  ),
  ...notes(
    'eval',
    EVAL,
    {
      GroovyShell:
        'Compiles and runs text as Groovy code: anything in that text runs with the rights of the integration flow, and every compiled class stays in memory.',
    },
    { language: 'groovy' },
  ),
  ...notes(
    'eval',
    EVAL,
    {
      eval: "JavaScript's `eval` runs a string as code: whatever the string holds runs with the script's rights. Parse data (`JSON.parse`) instead of evaluating it.",
    },
    { language: 'javascript', callOnly: true },
  ),
];

const BY_NAME = new Map(SCRIPT_API_NOTES.map((note) => [note.name, note]));

/** The note on a name in a script of the given language, if it is one of the APIs above. */
export function scriptApiNote(name: string, language: 'groovy' | 'javascript'): ScriptApiNote | undefined {
  const note = BY_NAME.get(name);
  return note && (note.language === undefined || note.language === language) ? note : undefined;
}
