// D. Start-up: the bundled action with push: false, from process start to exit.
import { runAction } from './action.js'
import { measure, rotate, type BenchContext } from './measure.js'
import { runOk } from './proc.js'
import { USER } from './registries.js'

const CONTENDERS = ['tagship', 'floor (node -e 0)'] as const

export async function scenarioD(ctx: BenchContext): Promise<void> {
  for (let run = 0; run < ctx.cfg.runs; run++) {
    for (const contender of rotate(ctx, CONTENDERS, run)) {
      const what = {
        scenario: 'D',
        variant: '',
        latency: 'none (no network)',
        auth: 'none',
        contender
      }
      if (contender === 'tagship') {
        let post = 0
        await measure(ctx, { ...what, role: 'tagship' }, [], async () => {
          const result = await runAction(ctx.actionDir, ctx.work, {
            images: ['127.0.0.1:5000/acme/app'],
            push: false,
            registries: [],
            creds: USER,
            dockerHost: 'unix:///nonexistent/tagship-bench-no-daemon.sock'
          })
          if (!result.outputs.tags?.includes('127.0.0.1:5000/acme/app:1.2.3'))
            throw new Error(`D: no plan in the outputs: ${JSON.stringify(result.outputs)}`)
          post = result.postMs
          // The target is main's start to exit; post (which has nothing to do) is reported apart.
          return { ms: result.mainMs, maxRssKb: result.maxRssKb }
        })
        ctx.samples.push({
          ...ctx.samples[ctx.samples.length - 1]!,
          contender: 'tagship post step',
          role: 'info',
          ms: post
        })
      } else {
        await measure(ctx, { ...what, role: 'floor' }, [], async () => {
          const r = await runOk(process.execPath, ['-e', '0'], {
            env: { PATH: process.env.PATH ?? '' },
            scratchDir: ctx.work
          })
          return { ms: r.ms, maxRssKb: r.maxRssKb }
        })
      }
    }
  }
}
