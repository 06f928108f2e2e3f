import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * TAGSHIP_TESTS=unit (`npm run test:unit`) leaves out the service tests that
 * __tests__/ci/service-tests.txt lists: what is left needs no registry, daemon,
 * buildah, skopeo or server, and runs in seconds.
 */
const SERVICE_LIST = '__tests__/ci/service-tests.txt'
const serviceTests = () =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), SERVICE_LIST), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
    .map((path) => `<rootDir>/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

/** Jest runs the TypeScript sources as ESM through ts-jest. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TAGSHIP_TESTS === 'unit' ? serviceTests() : [])
  ],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  reporters: ['default', '<rootDir>/scripts/summary-reporter.js'],
  testTimeout: 60000
}
