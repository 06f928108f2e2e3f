import { jest } from '@jest/globals'
import type * as core from '@actions/core'

/** Typed stand-ins for @actions/core, for unit tests of the action edge. */
export const getInput = jest.fn<typeof core.getInput>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const exportVariable = jest.fn<typeof core.exportVariable>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const info = jest.fn<typeof core.info>()
export const warning = jest.fn<typeof core.warning>()
export const debug = jest.fn<typeof core.debug>()
export const startGroup = jest.fn<typeof core.startGroup>()
export const endGroup = jest.fn<typeof core.endGroup>()
export const saveState = jest.fn<typeof core.saveState>()
export const getState = jest.fn<typeof core.getState>()

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
