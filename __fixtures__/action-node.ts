/**
 * The Node that runs the bundled action (dist/main, dist/post) in tests: the
 * binary TAGSHIP_ACTION_NODE names (CI sets it to Node 24, the runtime
 * action.yml declares, from `.ci/node24.sh`), else the Node running the tests.
 * The CLI is not run through this: it is tested on the machine's Node.
 */
export function actionNode(): string {
  const named = process.env.TAGSHIP_ACTION_NODE?.trim()
  return named ? named : process.execPath
}
