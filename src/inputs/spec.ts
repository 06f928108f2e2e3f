/** Every input of the action (and flag of the CLI), with its default. */
export interface InputSpec {
  readonly name: string
  readonly description: string
  /** The description as the CLI's help gives it, where it names inputs the CLI takes under other names. */
  readonly cliDescription?: string
  readonly default?: string
  readonly required?: boolean
  /** A secret: masked as soon as it is read, and never a CLI flag (flags show in process lists). */
  readonly secret?: boolean
  /** Only the action has it (the CLI has no post step, and takes secrets from the environment). */
  readonly actionOnly?: boolean
  /** Only publishing uses it: a flag of `tagship publish`, not of `tagship plan`. */
  readonly publishOnly?: boolean
}

export const INPUTS: readonly InputSpec[] = [
  {
    name: 'source',
    description:
      'The built image: a local image (name:tag or image ID), a registry reference (host/repo:tag or host/repo@sha256:...), or a file named as skopeo does: oci-archive:PATH[:REF] (build-push-action outputs: type=oci,dest=PATH; may be gzip-compressed), oci:DIR[:REF] (an OCI image layout folder) or docker-archive:PATH (a docker save tar). Files and registry references are published with no Docker daemon. Needed when push is true.'
  },
  {
    name: 'platforms',
    description:
      'Publish only these platforms of a multi-platform source, comma or newline separated (linux/amd64,linux/arm64,linux/arm/v7). Dropping any writes a new index (with a new digest); attestations of dropped platforms are dropped with them. Default: every platform.',
    publishOnly: true
  },
  {
    name: 'platforms-keep-index',
    description:
      'When platforms keeps a single platform, publish it as a one-entry index instead of the platform manifest itself.',
    default: 'false',
    publishOnly: true
  },
  {
    name: 'referrers',
    description:
      'Copy the signatures, attestations and SBOMs that refer to the image (OCI 1.1 referrers API, the referrers tag schema, cosign .sig/.att/.sbom tags) from a registry or OCI layout source to every target.',
    default: 'true',
    publishOnly: true
  },
  {
    name: 'images',
    description:
      'Target repositories, one per line (docker.io/acme/app, 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app, acme.azurecr.io/app, ghcr.io/acme/app).',
    required: true
  },
  {
    name: 'strategies',
    description:
      'Strategies to run, comma or newline separated: semver, latest, dev, staging, sha, branch, pr, nightly, raw. Default: semver, latest, dev, staging, sha, unless tags is given.'
  },
  {
    name: 'tags',
    description:
      'docker/metadata-action tag rules, one per line (type=semver,pattern={{version}} ...).'
  },
  {
    name: 'flavor',
    description:
      'docker/metadata-action flavor: latest=auto|true|false, prefix=..., suffix=..., onlatest=true.'
  },
  {
    name: 'context',
    description:
      "Where the ref and commit come from: workflow (the event, default) or git (the local checkout: HEAD's commit, and the branch checked out or the tag pointing at HEAD), as docker/metadata-action's context input.",
    default: 'workflow'
  },
  {
    name: 'push',
    description:
      'Push the image. false computes, validates and reports the plan, and touches no daemon and no network. preview logs in and reads the source and every target as a publish does, writes nothing, and reports per target and tag what the release would do (create, update, unchanged, kept, blocked); the step fails when a tag is blocked.',
    default: 'true'
  },
  {
    name: 'cache',
    description:
      'Hand the image to other jobs through the Actions cache. save: store source (an OCI archive, as it is, or a local image) and push nothing (images may be empty). restore: bring the image back (an archive is published with no daemon; a local image is loaded into the daemon first), then publish it to images (source must be empty).',
    actionOnly: true
  },
  {
    name: 'cache-key',
    description:
      'The Actions cache key. save: default tagship-image-<commit sha>-<first 12 hex of the index digest (an OCI archive) or of the image ID>. restore: the key or a prefix of it (the newest match wins); default tagship-image-<commit sha>-, the image saved for this commit.',
    actionOnly: true
  },
  {
    name: 'labels',
    description:
      'Extra labels, one key=value per line, merged over the computed org.opencontainers.image.* labels: a key given here wins (an empty value keeps the key, empty). Values may use the expressions of tags rules ({{date ...}}, {{sha}}, {{tag}}, ...).'
  },
  {
    name: 'annotations',
    description:
      'Extra annotations, one key=value per line, merged over the computed ones. A line may start with the levels it is for, comma-separated, as BuildKit writes them (manifest,index:key=value; the levels are manifest, index, manifest-descriptor and index-descriptor); without levels it is for the levels of DOCKER_METADATA_ANNOTATIONS_LEVELS, default manifest.'
  },
  {
    name: 'bake-target',
    description:
      'The target name in the bake-file outputs: your docker/bake-action targets inherit from it.',
    default: 'docker-metadata-action',
    actionOnly: true
  },
  {
    name: 'sep-tags',
    description:
      "Separator between the references in the tags output (docker/metadata-action's sep-tags). Default: a newline.",
    actionOnly: true
  },
  {
    name: 'sep-labels',
    description: 'Separator between the lines of the labels output. Default: a newline.',
    actionOnly: true
  },
  {
    name: 'sep-annotations',
    description: 'Separator between the lines of the annotations output. Default: a newline.',
    actionOnly: true
  },
  {
    name: 'forward-only',
    description:
      'Never move a floating tag (latest, 1, 1.2, rc) backwards: when the target already holds a higher version, keep the tag where it is and say why. false moves it anyway.',
    default: 'true',
    publishOnly: true
  },
  {
    name: 'local-push',
    description:
      'How a local image (source: an image in the Docker daemon) reaches the registries. upload: tagship reads it with docker save, compresses each layer once and uploads it to every registry itself, in parallel, with no docker login. docker: docker tag and docker push per repository, after a docker login to each registry.',
    default: 'upload',
    publishOnly: true
  },
  {
    name: 'ecr-create-repository',
    description:
      'Create a missing Amazon ECR repository (CreateRepository) instead of failing. Needs ecr:CreateRepository.',
    default: 'false',
    publishOnly: true
  },
  {
    name: 'concurrency',
    description:
      'How many blobs are transferred at once per target; manifest writes and checks, which are small, run up to four times as many.',
    default: '4',
    publishOnly: true
  },
  {
    name: 'request-timeout',
    description:
      'Seconds to wait for a registry to answer one request (streamed bodies: seconds without progress) before retrying it.',
    default: '60',
    publishOnly: true
  },
  {
    name: 'retries',
    description:
      'How many times a registry request or a login call (token service, token exchange, STS, Entra ID, ECR) is retried after 408, 429, 5xx, a timeout or a network error (jittered backoff, honouring Retry-After); 0 tries once. AWS_MAX_ATTEMPTS, when set, bounds the AWS calls instead.',
    default: '4',
    publishOnly: true
  },
  {
    name: 'insecure-registries',
    description:
      'Registry hosts (one per line, host[:port]) whose TLS certificate is not verified, or that are reached over plain HTTP. Loopback registries always allow plain HTTP. Use only for registries you control.',
    publishOnly: true
  },
  {
    name: 'semver-prefix',
    description: 'Prefix a release tag may carry (v reads v1.2.3 and 1.2.3).',
    default: 'v'
  },
  {
    name: 'semver-major-zero',
    description: 'Give a bare major tag (0) for 0.x releases.',
    default: 'false'
  },
  {
    name: 'latest-on-default-branch',
    description: 'Also tag latest on pushes to the default branch (for projects without releases).',
    default: 'false'
  },
  {
    name: 'dev-branch',
    description: "Branch whose pushes get dev. Default: the repository's default branch."
  },
  {
    name: 'staging-branches',
    description:
      'Branch patterns whose pushes get staging, comma or newline separated (* within a segment, ** across).',
    default: 'staging'
  },
  {
    name: 'sha-length',
    // No default here: the runner would pass it, and DOCKER_METADATA_SHORT_SHA_LENGTH could never apply.
    description:
      'Hex digits in sha tags and {{sha}} (7 to 40). Default: 7, or DOCKER_METADATA_SHORT_SHA_LENGTH when set.'
  },
  { name: 'sha-prefix', description: 'Prefix of the sha strategy tag.', default: 'sha-' },
  {
    name: 'sha-pr-commit',
    // No default here: the runner would pass it, and DOCKER_METADATA_PR_HEAD_SHA could never apply.
    description:
      "On pull requests, tag the PR's head commit (head) or GitHub's merge commit (merge). Default: head, or as DOCKER_METADATA_PR_HEAD_SHA says when set (true: head, false: merge)."
  },
  { name: 'raw-tags', description: 'Extra tags given on every event, comma or newline separated.' },
  {
    name: 'dockerhub-username',
    description:
      'Docker Hub user or organisation that owns dockerhub-token, or whose OIDC connection dockerhub-oidc-connection-id names.',
    cliDescription:
      'Docker Hub user or organisation that owns TAGSHIP_DOCKERHUB_TOKEN, or whose OIDC connection --dockerhub-oidc-connection-id names.',
    publishOnly: true
  },
  {
    name: 'dockerhub-token',
    description:
      'Docker Hub access token (personal with Read & Write, or organisation), not the password.',
    secret: true,
    actionOnly: true
  },
  {
    name: 'dockerhub-oidc-connection-id',
    description:
      "Docker Hub OIDC connection ID (the UUID Docker Home shows under OIDC connections), instead of dockerhub-token: the job's GitHub OIDC token is exchanged at Docker for a short-lived access token. Needs permissions: id-token: write. Default: the DOCKERHUB_OIDC_CONNECTIONID variable, as docker/login-action reads it.",
    cliDescription:
      "Docker Hub OIDC connection ID (the UUID Docker Home shows under OIDC connections), instead of TAGSHIP_DOCKERHUB_TOKEN: the job's GitHub OIDC token is exchanged at Docker for a short-lived access token. Needs permissions: id-token: write. Default: the DOCKERHUB_OIDC_CONNECTIONID variable, as docker/login-action reads it.",
    publishOnly: true
  },
  {
    name: 'github-token',
    description:
      "Token for GitHub Container Registry: ghcr.io targets with no registry-auth entry are pushed as the workflow's actor (GITHUB_ACTOR) with it. The job needs permissions: packages: write.",
    default: '${{ github.token }}',
    secret: true,
    actionOnly: true
  },
  {
    name: 'aws-access-key-id',
    description:
      'AWS access key for Amazon ECR. Leave empty to use the standard AWS chain (e.g. aws-actions/configure-aws-credentials with OIDC).',
    secret: true,
    actionOnly: true
  },
  {
    name: 'aws-secret-access-key',
    description: 'AWS secret access key for Amazon ECR.',
    secret: true,
    actionOnly: true
  },
  {
    name: 'aws-session-token',
    description: 'AWS session token, for temporary credentials.',
    secret: true,
    actionOnly: true
  },
  {
    name: 'aws-region',
    description:
      'AWS region for the credential chain; each ECR registry is always asked in the region of its host.',
    publishOnly: true
  },
  {
    name: 'azure-client-id',
    description:
      'Entra ID application (client) id for Azure Container Registry: with azure-client-secret as a service principal, or alone with azure-tenant-id for GitHub OIDC.',
    cliDescription:
      'Entra ID application (client) id for Azure Container Registry: with TAGSHIP_AZURE_CLIENT_SECRET as a service principal, or alone with --azure-tenant-id for GitHub OIDC.',
    publishOnly: true
  },
  {
    name: 'azure-client-secret',
    description:
      'Client secret of the azure-client-id service principal. Leave empty to use GitHub OIDC.',
    secret: true,
    actionOnly: true
  },
  {
    name: 'azure-tenant-id',
    description: 'Entra ID tenant id, for GitHub OIDC.',
    publishOnly: true
  },
  {
    name: 'gcp-workload-identity-provider',
    description:
      'Workload Identity Federation provider for Google Artifact Registry (and gcr.io), as its full resource name projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>: GitHub OIDC, exchanged at Google STS for an access token.',
    publishOnly: true
  },
  {
    name: 'gcp-service-account',
    description:
      'Service account email the gcp-workload-identity-provider identity impersonates (IAM generateAccessToken). Leave empty to use the federated token directly.',
    cliDescription:
      'Service account email the --gcp-workload-identity-provider identity impersonates (IAM generateAccessToken). Leave empty to use the federated token directly.',
    publishOnly: true
  },
  {
    name: 'gcp-credentials-json',
    description:
      'A service-account key file for Google Artifact Registry (and gcr.io), as JSON or base64: logs in as _json_key (or _json_key_base64). Prefer gcp-workload-identity-provider, which needs no stored key.',
    secret: true,
    actionOnly: true
  },
  {
    name: 'registry-auth',
    description:
      'Credentials for any other registry, a YAML list of {registry, username, password} (GHCR, Quay, Harbor, GitLab, an ACR admin user or repository token).',
    secret: true,
    actionOnly: true
  },
  {
    name: 'registry-providers',
    description:
      'Override provider detection for hosts reached by another name (proxies, private DNS), one host=provider per line: dockerhub, ecr:<account>:<region>, ecr-public, acr:<name>, gar, ghcr or generic.',
    publishOnly: true
  },
  {
    name: 'logout',
    description:
      "Log out and delete the run's Docker config directory in the post step. false keeps it and exports DOCKER_CONFIG for later steps; it then starts from the job's own Docker config (auths, credHelpers, credsStore), with tagship's logins added.",
    default: 'true',
    actionOnly: true
  }
]

/** Values of every input as strings, as the runner or the CLI gives them. */
export type RawInputs = Readonly<Record<string, string>>
