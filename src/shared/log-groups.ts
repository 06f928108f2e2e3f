/** Where lines go: the action's log, the CLI's stderr, or a held buffer. */
export interface LineSink {
  info(line: string): void
  warning?(line: string): void
  error?(line: string): void
}

type Kind = 'info' | 'warning' | 'error'

/**
 * A log that holds its lines until it is released into a sink, then passes
 * every further line straight on: work that runs at the same time as other
 * work can still show its lines together, in its own group.
 */
export class HeldLog {
  private held: [Kind, string][] = []
  private sink: LineSink | undefined

  readonly info = (line: string): void => this.emit('info', line)
  readonly warning = (line: string): void => this.emit('warning', line)
  readonly error = (line: string): void => this.emit('error', line)

  release(sink: LineSink): void {
    this.sink = sink
    for (const [kind, line] of this.held) send(sink, kind, line)
    this.held = []
  }

  private emit(kind: Kind, line: string): void {
    if (this.sink) send(this.sink, kind, line)
    else this.held.push([kind, line])
  }
}

function send(sink: LineSink, kind: Kind, line: string): void {
  const write = sink[kind] ?? sink.info
  write.call(sink, line)
}

export interface GroupingLog extends LineSink {
  group<T>(title: string, work: () => Promise<T>): Promise<T>
}

export interface GroupedTask<T> {
  readonly title: string
  readonly run: (log: HeldLog) => Promise<T>
}

/**
 * Start every task at once, and show them as groups in the tasks' order:
 * the first group's lines live, each later group's held lines when it opens
 * (then live). A group closes when its task settles; `present` may add
 * lines inside it. One slow target no longer holds up the others, and the
 * log still reads like the plan.
 */
export async function runGrouped<T, R>(
  log: GroupingLog,
  tasks: readonly GroupedTask<T>[],
  present: (settled: PromiseSettledResult<T>, index: number) => Promise<R> | R
): Promise<R[]> {
  const holds = tasks.map(() => new HeldLog())
  // Settled at once, so a task that fails early is never an unhandled rejection.
  const settled = tasks.map((task, i) =>
    task.run(holds[i]!).then(
      (value): PromiseSettledResult<T> => ({ status: 'fulfilled', value }),
      (reason: unknown): PromiseSettledResult<T> => ({ status: 'rejected', reason })
    )
  )
  const results: R[] = []
  for (const [i, task] of tasks.entries()) {
    results.push(
      await log.group(task.title, async () => {
        holds[i]!.release(log)
        return present(await settled[i]!, i)
      })
    )
  }
  return results
}
