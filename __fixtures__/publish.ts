import { RegistryClient } from '../src/distribution/client.js'
import { parseInputs } from '../src/inputs/parse.js'
import { buildPlan, type Plan } from '../src/push/plan.js'
import type { DockerEngine, PublishEnv } from '../src/push/publish.js'
import type { Repository } from '../src/registry/reference.js'
import type { RawInputs } from '../src/inputs/spec.js'
import { NOW, SHA } from './runner.js'

/** The plan for pushing the git tag `v<version>`, as the action makes it from these inputs. */
export function releasePlan(
  version: string,
  images: readonly string[],
  inputs: RawInputs = {}
): { plan: Plan; inputs: ReturnType<typeof parseInputs> } {
  const parsed = parseInputs({
    images: images.join('\n'),
    push: 'true',
    source: 'example.test/source/app:build',
    strategies: 'semver, latest',
    ...inputs
  })
  const ctx = {
    eventName: 'push',
    ref: `refs/tags/v${version}`,
    sha: SHA,
    defaultBranch: 'main',
    now: NOW
  }
  return { plan: buildPlan(ctx, parsed), inputs: parsed }
}

export interface Creds {
  readonly username: string
  readonly password: string
}

/** What a publish printed, in order: `info: …`, `warning: …`, `group: …`. */
export interface RecordingEnv {
  readonly env: PublishEnv
  readonly lines: string[]
}

/** A PublishEnv on real registries, recording its log; retries never really wait. */
export function testPublishEnv(
  logins: Readonly<Record<string, Creds>>,
  extra: { docker?: DockerEngine; ensureRepository?: (r: Repository) => Promise<void> } = {}
): RecordingEnv {
  const lines: string[] = []
  const clients = new Map<string, RegistryClient>()
  const client = (registry: string): RegistryClient => {
    let c = clients.get(registry)
    if (!c) {
      const creds = logins[registry]
      c = new RegistryClient(registry, creds, () => undefined, {
        sleep: async () => undefined,
        onRetry: (m: string) => lines.push(`retry: ${m}`)
      })
      clients.set(registry, c)
    }
    return c
  }
  return {
    lines,
    env: {
      client,
      log: {
        info: (line) => lines.push(`info: ${line}`),
        warning: (line) => lines.push(`warning: ${line}`),
        group: async (title, work) => {
          lines.push(`group: ${title}`)
          return work()
        }
      },
      ...extra
    }
  }
}

const WRITES = new Set(['PUT', 'POST', 'PATCH', 'DELETE'])

/** The write requests among those a registry fixture recorded: `PUT /v2/acme/app/manifests/1.2.3`. */
export function writesOf(requests: readonly { method: string; path: string }[]): string[] {
  return requests.filter((r) => WRITES.has(r.method)).map((r) => `${r.method} ${r.path}`)
}

/**
 * Manifest PUTs in the order that is promised: children and the fixed tags
 * first (as written, `fixed` of them), then the floating tags, which are
 * written in parallel and so arrive in any order (sorted here).
 */
export function manifestPuts(writes: readonly string[], fixed: number): string[] {
  const puts = writes.filter((w) => w.startsWith('PUT ') && w.includes('/manifests/'))
  return [...puts.slice(0, fixed), ...puts.slice(fixed).sort()]
}
