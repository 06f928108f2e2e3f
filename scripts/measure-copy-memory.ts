// `node scripts/run-ts.mjs scripts/measure-copy-memory.ts [--layers=4] [--mib=128]
//  [--concurrency=4] [--runs=1] [--gc]`: how much memory a daemonless copy
// holds. One local registry is seeded with `layers` PRNG layers of `mib` MiB
// (streamed, never held whole), then a child process copies them to a second
// registry with the real engine (copyContent, as publish runs it) and reports
// its peak RSS (VmHWM) and the highest `arrayBuffers` it sampled. With --gc
// the child runs a full GC before each sample, so the samples show what is
// still referenced rather than garbage not yet collected.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { seedStreamedImage } from '../bench/seed.js'
import { startRegistry, type Registry } from '../__fixtures__/services/registry.js'
import { RegistryClient } from '../src/distribution/client.js'
import { copyContent } from '../src/distribution/copy.js'
import { registryContent } from '../src/distribution/content-source.js'
import { getManifest } from '../src/distribution/manifests.js'
import { repoHandle } from '../src/distribution/repo.js'

const MiB = 1024 * 1024
const SOURCE = 'measure/app'
const TAG = 'big'

interface ChildJob {
  readonly from: string
  readonly to: string
  readonly repo: string
  readonly concurrency: number
  readonly gc: boolean
}

interface ChildResult {
  readonly seconds: number
  readonly vmHwmMiB: number
  readonly peakRssMiB: number
  readonly peakArrayBuffersMiB: number
  readonly peakHeapUsedMiB: number
  readonly uploaded: number
}

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`)
  return value
}

const mib = (bytes: number): number => Math.round((bytes / MiB) * 10) / 10

async function child(job: ChildJob): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc
  let peakRss = 0
  let peakArrayBuffers = 0
  let peakHeapUsed = 0
  const sample = (): void => {
    if (job.gc) gc?.()
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakArrayBuffers = Math.max(peakArrayBuffers, m.arrayBuffers)
    peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed)
  }
  const timer = setInterval(sample, job.gc ? 100 : 20)
  const started = performance.now()
  const quiet = () => undefined
  const source = repoHandle(new RegistryClient(job.from, undefined, quiet), SOURCE, 'pull')
  const target = repoHandle(new RegistryClient(job.to, undefined, quiet), job.repo, 'push')
  const manifest = await getManifest(source, TAG)
  const stats = await copyContent(registryContent(source), target, manifest, {
    concurrency: job.concurrency,
    log: quiet
  })
  sample()
  clearInterval(timer)
  const status = readFileSync('/proc/self/status', 'utf8')
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024
  const result: ChildResult = {
    seconds: Math.round((performance.now() - started) / 100) / 10,
    vmHwmMiB: mib(hwm),
    peakRssMiB: mib(peakRss),
    peakArrayBuffersMiB: mib(peakArrayBuffers),
    peakHeapUsedMiB: mib(peakHeapUsed),
    uploaded: stats.blobsUploaded
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

function runChild(job: ChildJob): ChildResult {
  const args = [
    ...(job.gc ? ['--expose-gc'] : []),
    process.argv[1]!,
    '--child',
    JSON.stringify(job)
  ]
  const run = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit']
  })
  if (run.status !== 0) throw new Error(`the copy child exited with ${run.status}: ${run.stdout}`)
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult
}

async function main(): Promise<void> {
  const layers = flag('layers', 4)
  const layerMiB = flag('mib', 128)
  const concurrency = flag('concurrency', 4)
  const runs = flag('runs', 1)
  const gc = process.argv.includes('--gc')
  const registries: Registry[] = []
  try {
    const from = await startRegistry({ auth: 'none', record: false })
    registries.push(from)
    const to = await startRegistry({ auth: 'none', record: false })
    registries.push(to)
    const anyone = { username: 'measure', password: 'unused' }
    await seedStreamedImage(from.url, anyone, SOURCE, TAG, layers, layerMiB * MiB)
    console.log(
      `copy of ${layers} × ${layerMiB} MiB, concurrency ${concurrency}${gc ? ', GC before each sample' : ''}`
    )
    for (let run = 0; run < runs; run++) {
      const job = { from: from.host, to: to.host, repo: `measure/copy-${run}`, concurrency, gc }
      const r = runChild(job)
      if (r.uploaded !== layers + 1)
        throw new Error(`uploaded ${r.uploaded} blobs, not ${layers + 1}`)
      console.log(
        `run ${run + 1}: ${r.seconds} s, VmHWM ${r.vmHwmMiB} MiB, sampled RSS ${r.peakRssMiB} MiB, ` +
          `arrayBuffers ${r.peakArrayBuffersMiB} MiB, heapUsed ${r.peakHeapUsedMiB} MiB`
      )
    }
  } finally {
    for (const r of registries.reverse()) await r.stop()
  }
}

const childAt = process.argv.indexOf('--child')
const work = childAt >= 0 ? child(JSON.parse(process.argv[childAt + 1]!) as ChildJob) : main()
work.catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
