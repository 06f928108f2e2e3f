import { readdirSync, readFileSync } from 'node:fs'

/**
 * Samples the command lines of a process and all its descendants from /proc
 * every `everyMs` while it runs, to prove no secret ever sat in an argv that
 * `ps` would show. A process that lives less than one interval can be missed;
 * pair this with a shim that logs the arguments of the commands that matter.
 */
export interface ProcessWatch {
  /** Stops sampling; the distinct command lines seen, as argv arrays. */
  stop(): { readonly cmdlines: readonly (readonly string[])[]; readonly samples: number }
}

export function watchProcessTree(root: number, everyMs = 2): ProcessWatch {
  const tree = new Set([root])
  const seen = new Map<string, string[]>()
  let samples = 0
  const sample = (): void => {
    samples++
    const parents = new Map<number, number>()
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      const stat = read(`/proc/${name}/stat`)
      // `pid (comm) state ppid …`; comm may hold spaces and parentheses.
      if (stat)
        parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    }
    // A pid that is gone may be reused by an unrelated process: forget it.
    for (const pid of tree) if (!parents.has(pid)) tree.delete(pid)
    for (let grew = true; grew;) {
      grew = false
      for (const [pid, ppid] of parents) {
        if (tree.has(pid) || !tree.has(ppid)) continue
        tree.add(pid)
        grew = true
      }
    }
    for (const pid of tree) {
      const cmdline = read(`/proc/${pid}/cmdline`)
      if (cmdline) seen.set(cmdline, cmdline.split('\0').slice(0, -1))
    }
  }
  sample()
  const timer = setInterval(sample, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return { cmdlines: [...seen.values()], samples }
    }
  }
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined // the process ended between listing and reading
  }
}
