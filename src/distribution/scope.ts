/** A token scope for one repository: `repository:acme/app:pull` or `repository:acme/app:pull,push`. */
export function repositoryScope(path: string, actions: 'pull' | 'pull,push'): string {
  return `repository:${path}:${actions}`
}
