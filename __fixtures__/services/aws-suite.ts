import { afterAll, beforeAll } from '@jest/globals'
import { emptyAwsHome, startAwsFixture, type AwsFixture, type AwsFixtureOptions } from './aws.js'

/** The AWS fixture of one test file, and the empty AWS home its logins run in. */
export interface AwsSuite {
  readonly home: ReturnType<typeof emptyAwsHome>
  /** Set before the first test runs. */
  fx: AwsFixture
  /** The environment a login runs in: the fixture's endpoints, the empty home, `extra`. */
  envWith(extra?: Record<string, string>): Record<string, string>
}

/**
 * Start the AWS fixture before the file's tests and stop it after. The SDK
 * reads a few settings of its own (config file, IMDS, the Node version
 * warning) from process.env; Jest gives each test file its own copy, so
 * setting them here keeps the machine's AWS configuration out.
 */
export function useAwsFixture(options: AwsFixtureOptions): AwsSuite {
  const home = emptyAwsHome()
  const suite = {
    home,
    fx: undefined as unknown as AwsFixture,
    envWith: (extra: Record<string, string> = {}) => ({ ...home.env, ...suite.fx.env, ...extra })
  }
  beforeAll(async () => {
    Object.assign(process.env, home.env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'
    })
    suite.fx = await startAwsFixture(options)
  })
  afterAll(async () => {
    await suite.fx?.stop()
    home.remove()
  })
  return suite
}
