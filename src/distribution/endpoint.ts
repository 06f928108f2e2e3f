/** Hosts that are this machine: plain HTTP is allowed there, as the docker daemon allows it. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
  return name === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name === '::1'
}

/** The API base of a registry host: Docker Hub's API lives on registry-1.docker.io. */
export function registryBaseUrl(host: string): string {
  if (host === 'docker.io') return 'https://registry-1.docker.io'
  return `${isLoopbackHost(host) ? 'http' : 'https'}://${host}`
}
