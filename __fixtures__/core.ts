import { jest } from '@jest/globals'
import type * as runner from '../src/action/runner.js'

/**
 * Typed stand-ins for the runner's protocol (src/action/runner.ts), for unit
 * tests of the action edge: `jest.unstable_mockModule` of that module with
 * these, then `await import` the code under test.
 */
export const getInput = jest.fn<typeof runner.getInput>()
export const getState = jest.fn<typeof runner.getState>()
export const setOutput = jest.fn<typeof runner.setOutput>()
export const exportVariable = jest.fn<typeof runner.exportVariable>()
export const saveState = jest.fn<typeof runner.saveState>()
export const setSecret = jest.fn<typeof runner.setSecret>()
export const setFailed = jest.fn<typeof runner.setFailed>()
export const info = jest.fn<typeof runner.info>()
export const notice = jest.fn<typeof runner.notice>()
export const warning = jest.fn<typeof runner.warning>()
export const error = jest.fn<typeof runner.error>()
export const startGroup = jest.fn<typeof runner.startGroup>()
export const endGroup = jest.fn<typeof runner.endGroup>()
export const group = jest.fn(<T>(_title: string, work: () => Promise<T>): Promise<T> => work())

const summaryBuffer: string[] = []
export const summary = {
  addRaw: jest.fn((text: string) => {
    summaryBuffer.push(text)
    return summary
  }),
  write: jest.fn(async () => summary),
  text: (): string => summaryBuffer.join(''),
  reset: (): void => {
    summaryBuffer.length = 0
  }
}
