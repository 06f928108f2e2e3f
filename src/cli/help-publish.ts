import { CLI_INPUTS, PUBLISH_INPUTS } from './args.js'
import { ENVIRONMENT, EVENT_FLAGS, EXIT, inputRows, row } from './help.js'

/** Input descriptions in the CLI's words: secrets are variables, other inputs flags. */
const words = (inputs: typeof CLI_INPUTS): Record<string, string> =>
  Object.fromEntries(inputs.map((i) => [i.name, i.cliDescription ?? i.description]))

const SOURCE =
  'The built image (required): a local image (name:tag or image ID), pushed with the docker CLI; or, copied with no daemon, a registry reference (host/repo:tag or host/repo@sha256:...) or a file: oci-archive:PATH[:REF] (an OCI archive, as buildx type=oci writes it; gzip too), oci:DIR[:REF] (an OCI image layout folder), docker-archive:PATH (a docker save tar).'

const OUTPUT: readonly [string, string][] = [
  [
    '--json',
    "print the result on stdout as JSON: the action's json output (tags, version, digest, labels, annotations, per-target results)"
  ],
  [
    '--dry-run',
    'preview the release: log in and read the source and every target as a publish does, and write nothing (no docker login or push, no blob, manifest or tag, no ECR repository). stdout gets, per registry, what each tag would do (create, update OLD -> NEW, unchanged, kept, blocked), whether the credentials may push (read from the registry token where it says), and the content that would be sent; --json the same as JSON'
  ]
]

/** Where each registry's credentials come from; the first that gives some wins. */
const CREDENTIALS: readonly [string, string][] = [
  [
    'TAGSHIP_REGISTRY_AUTH',
    'any registry: a YAML list of {registry, username, password}, as the registry-auth input (GHCR, Quay, Harbor, GitLab, an ACR token)'
  ],
  [
    'TAGSHIP_DOCKERHUB_TOKEN',
    'Docker Hub: an access token with Read & Write, with --dockerhub-username; without it, --dockerhub-oidc-connection-id (or DOCKERHUB_OIDC_CONNECTIONID) uses GitHub OIDC'
  ],
  [
    'GITHUB_TOKEN',
    'GHCR (ghcr.io) targets: the token, used as GITHUB_ACTOR (in a GitHub Actions job: env: GITHUB_TOKEN: ${{ github.token }}, with permissions: packages: write)'
  ],
  [
    'TAGSHIP_AZURE_CLIENT_SECRET',
    'ACR: the secret of the --azure-client-id service principal; without it, --azure-client-id and --azure-tenant-id use GitHub OIDC (a GitHub Actions job with permissions: id-token: write)'
  ],
  [
    'TAGSHIP_GCP_CREDENTIALS_JSON',
    'Google Artifact Registry and gcr.io: a service-account key file (JSON or base64); without it, --gcp-workload-identity-provider (and --gcp-service-account) use GitHub OIDC'
  ],
  [
    'AWS_*',
    'ECR and ECR Public, always through the standard AWS chain: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; AWS_PROFILE and ~/.aws; AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE (GitLab id_tokens, aws-actions/configure-aws-credentials); container credentials'
  ],
  [
    'CI_REGISTRY_USER, CI_REGISTRY_PASSWORD',
    "GitLab CI's job token, for $CI_REGISTRY (when GITLAB_CI=true)"
  ],
  [
    'Docker config',
    "for a registry nothing above covers (not ECR), $DOCKER_CONFIG/config.json, else ~/.docker/config.json, in Docker's order: the credential helper its credHelpers entry names, else credsStore (docker-credential-<name> get, found on PATH, run once per registry, for at most 60 s); when there is none or it has nothing, the auths entry (auth, username and password, or identitytoken). An identity token (a helper answering the username <token> gives one too) is traded at the registry's token service (OAuth2 grant_type=refresh_token), never sent as a password"
  ]
]

const EXIT_CODES: readonly [string, string][] = [
  [
    `${EXIT.ok}`,
    'every tag landed (pushed, already there, or kept by forward-only); with --dry-run, every tag can be written (none is blocked)'
  ],
  [
    `${EXIT.failure}`,
    'a login was refused, the source or a target could not be read (nothing was pushed), or a tag did not land (with --dry-run: a tag is blocked): stderr lists which, and stdout still has the result'
  ],
  [
    `${EXIT.invalid}`,
    'invalid input or usage: one line on stderr names the input, the value and the fix; nothing was pushed'
  ]
]

export function publishHelpText(): string {
  return `tagship publish: log in to every registry, push one built image under every
tag the event deserves, and verify every tag.

Usage:
  tagship publish --source <image> --image <repository> [--image ...] [flags]

The flow is the GitHub Action's: compute the plan; decide every login before
any network call; log in and check each registry; read the source and every
target; bring the content; write the tags (fixed tags first, floating ones
after, never moving one backwards with forward-only); read every tag back.
A local source (name:tag or image ID) is pushed with the docker CLI; a
registry source (host/repo:tag or host/repo@sha256:...) or a file
(oci-archive:PATH, oci:DIR, docker-archive:PATH) is copied with no daemon,
every platform, attestation and (with --referrers true, the default)
signature included.

Examples:
  GitHub Actions, a run: step after docker build (secrets in env:):
    npx tagship publish --source app:ci --image ghcr.io/acme/app \\
      --image docker.io/acme/app --dockerhub-username acme
    env: TAGSHIP_DOCKERHUB_TOKEN, and TAGSHIP_REGISTRY_AUTH for ghcr.io
  GitLab CI, the job token for $CI_REGISTRY, event from CI_COMMIT_TAG:
    npx tagship publish --source "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" \\
      --image "$CI_REGISTRY_IMAGE" --json > tagship.json
  A multi-platform OCI archive (buildx --output type=oci,dest=image.tar),
  two of its platforms only:
    tagship publish --source oci-archive:image.tar --image ghcr.io/acme/app \
      --platform linux/amd64 --platform linux/arm64
  Preview the release on every registry, write nothing:
    tagship publish --source app:ci --image ghcr.io/acme/app --dry-run

Event (as for tagship plan; flags win over the environment):
${EVENT_FLAGS.map(([flag, text]) => row(flag, text)).join('\n')}

Environment read for the event:
${ENVIRONMENT.map(([name, text]) => row(name, text, 18)).join('\n')}

Image, targets and tags (the action's inputs; --image, --images, --tags,
--flavor, --strategies, --staging-branches and --raw-tags may be repeated):
${inputRows(CLI_INPUTS, { ...words(CLI_INPUTS), source: SOURCE }).join('\n')}

Publishing and login (--platforms, --platform, --insecure-registries and
--registry-providers may be repeated):
${inputRows(PUBLISH_INPUTS, words(PUBLISH_INPUTS)).join('\n')}

Output:
${OUTPUT.map(([flag, text]) => row(flag, text)).join('\n')}

stdout holds the result only: each target's tags with what became of them
and a tally (or JSON). stderr holds the plan and the progress: on a terminal
a live status per target, redrawn in place; otherwise (CI logs) plain lines.

Credentials (never flags, which process lists show), per registry, the first
source that has some:
${CREDENTIALS.map(([name, text]) => row(name, text)).join('\n')}
Every login is checked before anything is written. docker logins go to a
config directory made for the run and removed when it ends.

Exit codes:
${EXIT_CODES.map(([code, text]) => row(code, text, 5)).join('\n')}
`
}
