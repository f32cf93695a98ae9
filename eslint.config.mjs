// The lint checks the layers' boundaries (scripts/lint/layers.mjs) and
// nothing else: formatting is Prettier's (npm run format:check).
import tsParser from '@typescript-eslint/parser';
import { layersPlugin } from './scripts/lint/layers.mjs';

export default [
  {
    files: ['common/src/**/*.ts', 'server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['**/fixtures/**'],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { layers: layersPlugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { 'layers/imports': 'error' },
  },
];
