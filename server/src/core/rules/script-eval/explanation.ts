import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    "A script that turns text into code at run time: Groovy's `Eval.me`, `Eval.x`, `Eval.xy` and `Eval.xyz`, a new " +
    '`GroovyShell`, `parseClass` on a `GroovyClassLoader`, `eval` on a script engine from a `ScriptEngineManager`; in ' +
    "JavaScript `eval(…)` and `new Function(…)`. XPath's `evaluate` reads a path, not code, and is not flagged.\n\n" +
    'Engines and class loaders are followed through plain variables of the same block; one handed in from elsewhere is not.',
  why:
    'Evaluated text runs with everything the integration flow may do: when any part of it comes from a message, a header or ' +
    "a property, whoever sends the message chooses the code. SAP's scripting guidelines also note that the classes `Eval` " +
    "generates are never unloaded, so a flow that evaluates on every message slowly fills the worker's memory.",
  fix:
    'Write the logic as ordinary script code; for a choice among a few behaviours use a map of closures or a `switch` on the ' +
    "incoming value; for expressions of the flow use the iFlow's own Router or Content Modifier with Camel expressions.",
  before: text('def operator = message.getProperty("operator")', 'def result = Eval.me("${left} ${operator} ${right}")'),
  after: text(
    'def operations = [plus: { a, b -> a + b }, minus: { a, b -> a - b }]',
    'def result = operations[message.getProperty("operator")](left, right)',
  ),
  sapPages: [SAP_PAGES.dataFlowSecurity],
};
