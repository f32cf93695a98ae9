import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'An XML parser made in a Groovy or JavaScript script that still processes DOCTYPE declarations: a `DocumentBuilderFactory`, ' +
    '`SAXParserFactory`, `XMLInputFactory`, `TransformerFactory`, `SchemaFactory` or dom4j `SAXReader` created when the script ' +
    'never hardens a parser of that kind (`setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)`, ' +
    '`setFeature("http://xml.org/sax/features/external-general-entities", false)`, for `XMLInputFactory` `supportDTD` or ' +
    '`isSupportingExternalEntities` set to false, or `ACCESS_EXTERNAL_DTD` set to `""`). One hardened factory of a kind counts ' +
    "for every factory of that kind in the script. Also flagged: Groovy's `XmlSlurper` or `XmlParser` created with a third " +
    'argument `true` (allowDocTypeDeclaration), and `disallow-doctype-decl` set to false on any parser.\n\n' +
    "Known gaps: JDOM's `SAXBuilder` is not checked, nor are parsers the script receives from elsewhere; and a hardening " +
    'call on a parser the script does not name (a method parameter, a field) counts for every factory of the script.',
  why:
    'A DOCTYPE can declare external entities: a message that carries one makes the parser read files of the runtime or open ' +
    "connections to hosts of the sender's choosing (XML external entity attacks), or expand entities until memory runs out. " +
    "SAP's guideline for Cloud Integration scripts is to switch the resolving of external entities off. Groovy's " +
    '`XmlSlurper()` and `XmlParser()` already refuse DOCTYPE declarations with no or two arguments.',
  fix:
    'Set `disallow-doctype-decl` to true on the factory right after creating it (the quick fix inserts the call; for ' +
    '`XMLInputFactory` it sets `javax.xml.stream.supportDTD` to false, for `TransformerFactory` and `SchemaFactory` it sets ' +
    '`accessExternalDTD` to `""`), or drop the `true` third argument of `XmlSlurper`/`XmlParser`.',
  before: text('def factory = DocumentBuilderFactory.newInstance()', 'def document = factory.newDocumentBuilder().parse(body)'),
  after: text(
    'def factory = DocumentBuilderFactory.newInstance()',
    'factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)',
    'def document = factory.newDocumentBuilder().parse(body)',
  ),
  sapPages: [SAP_PAGES.dataFlowSecurity],
};
