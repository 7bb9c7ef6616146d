// ESLint flat config: LWC rules for the Salesforce UI, typescript-eslint for the toolkit.
import { defineConfig, globalIgnores } from 'eslint/config';
import eslintJs from '@eslint/js';
import jestPlugin from 'eslint-plugin-jest';
import salesforceLwcConfig from '@salesforce/eslint-config-lwc/recommended.js';
import tseslint from 'typescript-eslint';

const jestGlobals = jestPlugin.configs['flat/recommended'].languageOptions.globals;

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    'force-app/generated/',
    'out/',
    'coverage/',
    '.sf/',
    '.sfdx/',
    '.localdevserver/',
  ]),

  // Lightning Web Components
  {
    files: ['force-app/**/lwc/**/*.js'],
    extends: [salesforceLwcConfig],
  },

  // LWC Jest tests: wire adapters are driven directly (getRecord.emit()), fixtures are require()d
  {
    files: ['force-app/**/__tests__/**/*.js'],
    extends: [salesforceLwcConfig],
    languageOptions: {
      globals: { ...jestGlobals, require: 'readonly' },
    },
    rules: {
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
    },
  },

  // Jest setup and stubs shared by the LWC tests
  {
    files: ['force-app/test/**/*.js'],
    extends: [eslintJs.configs.recommended],
    languageOptions: {
      sourceType: 'module',
      globals: jestGlobals,
    },
  },

  // TypeScript toolkit: syntax-level rules only (no type information, so no tsconfig project)
  {
    files: ['model/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'bin/**/*.ts'],
    extends: [eslintJs.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: false },
    },
  },
]);
