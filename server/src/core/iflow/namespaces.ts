/** BPMN 2.0 model namespace used by the `bpmn2:` elements of an iFlow. */
export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** SAP's iFlow extension namespace (really with three slashes). */
export const IFL_NS = 'http:///com.sap.ifl.model/Ifl.xsd';
