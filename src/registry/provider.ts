import { canonicalHost, DOCKER_HUB } from './reference.js'

/** Who runs a registry, read from its host: it decides how tagship logs in. */
export type Provider =
  | { readonly kind: 'dockerhub' }
  | { readonly kind: 'ecr'; readonly account: string; readonly region: string }
  | { readonly kind: 'ecr-public' }
  | { readonly kind: 'acr'; readonly name: string }
  /** GitHub Container Registry: pushes log in with the workflow's GITHUB_TOKEN. */
  | { readonly kind: 'ghcr' }
  /** Google Artifact Registry, and Container Registry's gcr.io hosts (served by it). */
  | { readonly kind: 'gar' }
  | { readonly kind: 'generic' }

/** An AWS region: `eu-west-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`. */
export const AWS_REGION = '[a-z]{2,4}(?:-[a-z]+)+-\\d+'

/**
 * ECR private hosts: `<account>.dkr.ecr.<region>.amazonaws.com`, China's
 * `.amazonaws.com.cn`, the EU sovereign cloud's `.amazonaws.eu`, FIPS
 * `dkr.ecr-fips.`, and dual-stack `<account>.dkr-ecr.<region>.on.aws`.
 */
const ECR_HOST = new RegExp(
  `^(\\d{12})\\.(?:dkr\\.ecr(?:-fips)?\\.(${AWS_REGION})\\.amazonaws\\.(?:com|com\\.cn|eu)|dkr-ecr(?:-fips)?\\.(${AWS_REGION})\\.on\\.aws)$`
)
const ACR_HOST = /^([a-z0-9]{1,50})\.azurecr\.(?:io|cn|us)$/
/** `<location>-docker.pkg.dev` (Artifact Registry), `gcr.io` and `<region>.gcr.io`. */
const GAR_HOST = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*-docker\.pkg\.dev|(?:[a-z0-9-]+\.)?gcr\.io)$/

/** The provider of a registry host (lowercase, with port if any). */
export function detectProvider(host: string): Provider {
  const h = canonicalHost(host)
  if (h === DOCKER_HUB) return { kind: 'dockerhub' }
  const ecr = ECR_HOST.exec(h)
  if (ecr) return { kind: 'ecr', account: ecr[1]!, region: (ecr[2] ?? ecr[3])! }
  if (h === 'public.ecr.aws') return { kind: 'ecr-public' }
  if (h === 'ghcr.io') return { kind: 'ghcr' }
  const acr = ACR_HOST.exec(h)
  if (acr) return { kind: 'acr', name: acr[1]! }
  if (GAR_HOST.test(h)) return { kind: 'gar' }
  return { kind: 'generic' }
}

/** A short name for messages: `Docker Hub`, `Amazon ECR (123456789012, eu-west-1)`. */
export function providerName(p: Provider): string {
  switch (p.kind) {
    case 'dockerhub':
      return 'Docker Hub'
    case 'ecr':
      return `Amazon ECR (account ${p.account}, ${p.region})`
    case 'ecr-public':
      return 'Amazon ECR Public'
    case 'acr':
      return `Azure Container Registry ${p.name}`
    case 'ghcr':
      return 'GitHub Container Registry'
    case 'gar':
      return 'Google Artifact Registry'
    case 'generic':
      return 'registry'
  }
}
