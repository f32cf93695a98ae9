import type { CodeSample, SampleLanguage } from './types';

// Builders for the before/after snippets of rule explanations.

function sample(language: SampleLanguage, ...lines: string[]): CodeSample {
  return { language, code: lines.join('\n') };
}

/** `ifl:property` elements as they appear in an .iflw. */
export function iflw(...pairs: (readonly [string, string])[]): CodeSample {
  return sample('xml', ...pairs.map(([key, value]) => `<ifl:property><key>${key}</key><value>${value}</value></ifl:property>`));
}

export const props = (...lines: string[]): CodeSample => sample('properties', ...lines);
export const json = (...lines: string[]): CodeSample => sample('json', ...lines);
export const text = (...lines: string[]): CodeSample => sample('text', ...lines);

export const INTERNET = ['proxyType', 'default'] as const;
export const ON_PREMISE = ['proxyType', 'sapcc'] as const;
