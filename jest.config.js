// Jest configuration for the LWC unit tests (run with `sfdx-lwc-jest`).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;
const JEST_MOCKS = 'force-app/test/jest-mocks';

// A stub at force-app/test/jest-mocks/<module>.js replaces <module> in every test, e.g.
// jest-mocks/lightning/navigation.js replaces 'lightning/navigation'. Adding a file is enough.
function jestMockMappings() {
  const mocksDir = fileURLToPath(new URL(JEST_MOCKS, import.meta.url));
  if (!existsSync(mocksDir)) {
    return {};
  }
  const mocks = readdirSync(mocksDir, { recursive: true })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.js'));
  return Object.fromEntries(
    mocks.map((file) => {
      const moduleName = file.slice(0, -'.js'.length);
      return [`^${moduleName}$`, `<rootDir>/${JEST_MOCKS}/${file}`];
    }),
  );
}

export default {
  ...jestConfig,
  // LWC tests only: the toolkit's own tests (scripts/, tests/) run on node --test.
  roots: ['<rootDir>/force-app'],
  moduleNameMapper: jestMockMappings(),
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/force-app/test/jest-sa11y-setup.js'],
  testPathIgnorePatterns: [
    '<rootDir>/node_modules/',
    '<rootDir>/.localdevserver/',
    '<rootDir>/force-app/generated/',
    '<rootDir>/.sf/',
    '<rootDir>/.sfdx/',
  ],
};
