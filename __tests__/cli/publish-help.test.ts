import { describe, expect, test } from '@jest/globals'
import { CLI_INPUTS, PUBLISH_INPUTS } from '../../src/cli/args.js'
import { runCli } from './run-cli.js'

const run = await runCli(['publish', '--help'])
const help = run.stdout.split('\n')

describe('tagship publish --help', () => {
  test('prints the publish help to stdout and exits 0', async () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect(help.slice(0, 2)).toEqual([
      'tagship publish: log in to every registry, push one built image under every',
      'tag the event deserves, and verify every tag.'
    ])
    expect(await runCli(['publish', '--bogus', '--help'])).toEqual(run)
  })

  test.each([...CLI_INPUTS, ...PUBLISH_INPUTS].map((i) => i.name))('lists --%s', (name) => {
    const alias = { images: ', --image', platforms: ', --platform' }[name] ?? ''
    const head = `  --${name}${alias} <value>`
    expect(help.filter((l) => l.startsWith(`${head} `) || l === head)).toHaveLength(1)
  })

  test.each([
    '--json',
    '--dry-run',
    'TAGSHIP_REGISTRY_AUTH',
    'TAGSHIP_DOCKERHUB_TOKEN',
    'TAGSHIP_AZURE_CLIENT_SECRET',
    'AWS_*',
    'CI_REGISTRY_USER, CI_REGISTRY_PASSWORD',
    'Docker config'
  ])('documents %s', (name) => {
    expect(help.filter((l) => l.startsWith(`  ${name} `) || l === `  ${name}`)).toHaveLength(1)
  })

  test('speaks of variables and flags, never of the secret inputs', () => {
    for (const secret of ['dockerhub-token', 'azure-client-secret', 'aws-secret-access-key'])
      expect(run.stdout).not.toMatch(new RegExp(`(?<![\\w-])${secret}`))
  })

  test('lists the exit codes', () => {
    expect(help.slice(help.indexOf('Exit codes:'))).toEqual([
      'Exit codes:',
      '  0  every tag landed (pushed, already there, or kept by forward-only); with',
      '     --dry-run, every tag can be written (none is blocked)',
      '  1  a login was refused, the source or a target could not be read (nothing',
      '     was pushed), or a tag did not land (with --dry-run: a tag is blocked):',
      '     stderr lists which, and stdout still has the result',
      '  2  invalid input or usage: one line on stderr names the input, the value and',
      '     the fix; nothing was pushed',
      ''
    ])
  })

  test('has examples for GitHub Actions and GitLab CI', () => {
    const examples = help.slice(
      help.indexOf('Examples:'),
      help.indexOf('Event (as for tagship plan; flags win over the environment):')
    )
    expect(examples.filter((l) => l.trim().startsWith('npx tagship publish'))).toHaveLength(2)
    expect(examples).toContain(
      '  GitLab CI, the job token for $CI_REGISTRY, event from CI_COMMIT_TAG:'
    )
  })
})
