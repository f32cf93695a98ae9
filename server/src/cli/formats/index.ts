import type { OutputFormat } from '../options';
import type { FormatInput } from './format-input';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMATTERS: Record<OutputFormat, (input: FormatInput) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  gitlab: formatGitlab,
};
