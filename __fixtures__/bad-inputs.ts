/**
 * The bad-input corpus: inputs a user gets wrong, each with the one line the
 * action must answer. `{G}`, `{H}`, `{E}`, `{A}` stand for the loopback
 * registries of the test (generic, Docker Hub, ECR and ACR by
 * `registry-providers`); `{G}` is also the default target and source host.
 */
export interface BadInput {
  readonly name: string
  readonly inputs: Readonly<Record<string, string>>
  /** Runner variables to override (an unknown event). */
  readonly env?: Readonly<Record<string, string>>
  /** Every `::error::` line of the run, in order. */
  readonly errors: readonly string[]
}

const long = 'a'.repeat(129)

export const BAD_INPUTS: readonly BadInput[] = [
  // Image references and repository names
  {
    name: 'a port no server can have, in images',
    inputs: { images: '{G}/acme/app\n127.0.0.1:99999/app' },
    errors: [
      'images: "127.0.0.1:99999/app" has an invalid port 99999 in "127.0.0.1:99999": a port is a number from 1 to 65535'
    ]
  },
  {
    name: 'a port no server can have, in source',
    inputs: { source: '127.0.0.1:0/src/app:build' },
    errors: [
      'source: "127.0.0.1:0/src/app" has an invalid port 0 in "127.0.0.1:0": a port is a number from 1 to 65535'
    ]
  },
  {
    name: 'a port no server can have, in registry-auth',
    inputs: {
      'registry-auth': '- registry: 127.0.0.1:70000\n  username: u\n  password: p-secret-70000\n'
    },
    errors: [
      'registry-auth: entry 1: an invalid port 70000 in "127.0.0.1:70000": a port is a number from 1 to 65535'
    ]
  },
  {
    name: 'a tag in images',
    inputs: { images: '{G}/acme/app:1.0' },
    errors: [
      'images: "{G}/acme/app:1.0" has a tag: give the repository only, e.g. "{G}/acme/app" (tags are computed)'
    ]
  },
  {
    name: 'a digest in images',
    inputs: { images: `{G}/acme/app@sha256:${'a'.repeat(64)}` },
    errors: [
      'images: "{G}/acme/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" has a digest: give the repository only (tags are computed)'
    ]
  },
  {
    name: 'an empty path segment',
    inputs: { images: '{G}/acme//app' },
    errors: [
      `images: "{G}/acme//app" is not a valid repository name: path component "" must be lowercase letters and digits, separated by '.', '_', '__' or '-'`
    ]
  },
  {
    name: 'a segment starting with a dash',
    inputs: { images: '{G}/-acme/app' },
    errors: [
      `images: "{G}/-acme/app" is not a valid repository name: path component "-acme" must be lowercase letters and digits, separated by '.', '_', '__' or '-'`
    ]
  },
  {
    name: 'a URL scheme',
    inputs: { images: 'https://{G}/acme/app' },
    errors: [
      'images: "https://{G}/acme/app" starts with a URL scheme: drop "https://" (write "{G}/acme/app")'
    ]
  },
  {
    name: 'a space in a name',
    inputs: { images: '{G}/acme/my app' },
    errors: ['images: "{G}/acme/my app" contains whitespace: give one repository per line']
  },
  {
    name: 'images empty',
    inputs: { images: '' },
    errors: [
      'images: is empty: list the target repositories, one per line (e.g. docker.io/acme/app); a plan with no images (push: false, or tagship plan) gives the bare tags'
    ]
  },
  {
    name: 'metadata-action name= syntax with an attribute it does not have',
    inputs: { images: 'name={G}/acme/app,enabled=true' },
    errors: [
      'images: "name={G}/acme/app,enabled=true" has "enabled=true": an image line with attributes takes name= and enable= only, e.g. name=ghcr.io/acme/app,enable=true'
    ]
  },
  {
    name: 'the same repository twice',
    inputs: { images: '{G}/acme/app\n{G}/acme/app' },
    errors: [
      'images: "{G}/acme/app" names the same repository as "{G}/acme/app" ({G}/acme/app): list it once'
    ]
  },
  {
    name: 'an over-long repository name',
    inputs: { images: `{G}/acme/${'x'.repeat(260)}` },
    errors: [
      'images: "{G}/acme/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" is longer than 255 characters: shorten the repository name'
    ]
  },
  // The source
  {
    name: 'source empty while pushing',
    inputs: { source: '' },
    errors: [
      'source: is empty but push is true: give the built image (e.g. the imageid output of docker/build-push-action), or set push: false to compute the plan only'
    ]
  },
  {
    name: 'source with a short digest',
    inputs: { source: '{G}/src/app@sha256:1234' },
    errors: [
      'source: "{G}/src/app@sha256:1234" has an invalid digest "sha256:1234": use @sha256: followed by 64 lowercase hex digits'
    ]
  },
  {
    name: 'source with an invalid tag',
    inputs: { source: '{G}/src/app:-build' },
    errors: [
      `source: "{G}/src/app:-build" has an invalid tag "-build": it starts with '-'; a tag must start with a letter, digit or '_'`
    ]
  },
  {
    name: 'source with a short image ID',
    inputs: { source: 'sha256:1234' },
    errors: ['source: "sha256:1234" is not a full image ID: give sha256: and 64 hex digits']
  },
  // Strategies and raw values
  {
    name: 'unknown strategy',
    inputs: { strategies: 'semvr' },
    errors: ['strategies: unknown strategy "semvr": did you mean "semver"?']
  },
  {
    name: 'unknown strategy in a list',
    inputs: { strategies: 'latest, nightlyy' },
    errors: ['strategies: unknown strategy "nightlyy": did you mean "nightly"?']
  },
  {
    name: 'raw without raw-tags',
    inputs: { strategies: 'raw' },
    errors: [
      'strategies: raw is listed but raw-tags is empty: give the tags in raw-tags, or remove raw'
    ]
  },
  {
    name: 'raw tag starting with a dash',
    inputs: { 'raw-tags': '-bad' },
    errors: [
      `raw-tags: "-bad" is not a valid tag: it starts with '-'; a tag must start with a letter, digit or '_'`
    ]
  },
  {
    name: 'raw tag of 129 characters',
    inputs: { 'raw-tags': long },
    errors: [
      'raw-tags: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not a valid tag: it is 129 characters long; a tag may have at most 128'
    ]
  },
  {
    name: 'raw tag with a slash',
    inputs: { 'raw-tags': 'feature/x' },
    errors: [
      `raw-tags: "feature/x" is not a valid tag: it contains "/"; a tag may hold only letters, digits, '_', '.' and '-'`
    ]
  },
  {
    name: 'raw tag starting with a dot',
    inputs: { 'raw-tags': '.hidden' },
    errors: [
      `raw-tags: ".hidden" is not a valid tag: it starts with '.'; a tag must start with a letter, digit or '_'`
    ]
  },
  {
    name: 'raw tag with a space',
    inputs: { 'raw-tags': 'has space' },
    errors: [
      `raw-tags: "has space" is not a valid tag: it contains " "; a tag may hold only letters, digits, '_', '.' and '-'`
    ]
  },
  // metadata-action rules and flavor
  {
    name: 'misspelt rule attribute',
    inputs: { tags: 'type=semver,patern={{version}}' },
    errors: [
      'tags: line 1 "type=semver,patern={{version}}": unknown attribute "patern" for type=semver: did you mean "pattern"?'
    ]
  },
  {
    name: 'unknown rule type',
    inputs: { tags: 'type=semvr,pattern={{version}}' },
    errors: [
      'tags: line 1 "type=semvr,pattern={{version}}": unknown rule type "semvr": did you mean "semver"?'
    ]
  },
  {
    name: 'semver rule without pattern',
    inputs: { tags: 'type=semver' },
    errors: [
      'tags: line 1 "type=semver": type=semver needs a pattern: add e.g. pattern={{version}}'
    ]
  },
  {
    name: 'unknown expression',
    inputs: { tags: 'type=raw,value={{unknown}}' },
    errors: [
      'tags: line 1 "type=raw,value={{unknown}}": unknown expression "{{unknown}}": use one of {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}}'
    ]
  },
  {
    name: 'unclosed expression',
    inputs: { tags: 'type=raw,value={{date YYYY' },
    errors: [
      'tags: line 1 "type=raw,value={{date YYYY": an expression opens with {{ and is never closed: end it with }}'
    ]
  },
  {
    name: 'enable not a boolean',
    inputs: { tags: 'type=raw,value=x,enable=maybe' },
    errors: [
      'tags: line 1 "type=raw,value=x,enable=maybe": enable="maybe" is not true or false: use a true/false value or {{is_default_branch}}'
    ]
  },
  {
    name: 'flavor latest value',
    inputs: { flavor: 'latest=sometimes' },
    errors: [
      'flavor: line 1 "latest=sometimes": latest=sometimes is not auto, true or false: use one of them'
    ]
  },
  {
    name: 'misspelt flavor key',
    inputs: { flavor: 'lates=auto' },
    errors: ['flavor: line 1 "lates=auto": unknown key "lates": did you mean "latest"?']
  },
  // Other inputs
  {
    name: 'push not a boolean',
    inputs: { push: 'maybe' },
    errors: [
      'push: "maybe" is not true, false or preview: use true to publish, false to plan only, or preview to see what a publish would do'
    ]
  },
  {
    name: 'sha-length too short',
    inputs: { 'sha-length': '5' },
    errors: ['sha-length: "5" is not a whole number from 7 to 40: use e.g. 7']
  },
  {
    name: 'retries too many',
    inputs: { retries: '11' },
    errors: ['retries: "11" is not a whole number from 0 to 10: use e.g. 4']
  },
  {
    name: 'request-timeout zero',
    inputs: { 'request-timeout': '0' },
    errors: ['request-timeout: "0" is not a whole number from 1 to 3600: use e.g. 60']
  },
  {
    name: 'concurrency not a number',
    inputs: { concurrency: 'four' },
    errors: ['concurrency: "four" is not a whole number from 1 to 32: use e.g. 4']
  },
  {
    name: 'sha-pr-commit unknown',
    inputs: { 'sha-pr-commit': 'tip' },
    errors: ['sha-pr-commit: "tip" is not one of head, merge: use one of them']
  },
  {
    name: 'semver-prefix with a space',
    inputs: { 'semver-prefix': 'v x' },
    errors: ['semver-prefix: "v x" contains whitespace: remove it']
  },
  {
    name: 'sha-prefix that cannot start a tag',
    inputs: { 'sha-prefix': '-' },
    errors: [
      `sha-prefix: "-" cannot start a tag: the tag starts with '-'; a tag must start with a letter, digit or '_'`
    ]
  },
  {
    name: 'aws-region not a region',
    inputs: { 'aws-region': 'Europe' },
    errors: ['aws-region: "Europe" is not an AWS region: use e.g. eu-west-1']
  },
  // registry-auth and registry-providers
  {
    name: 'registry-auth bad YAML',
    inputs: { 'registry-auth': '- registry: {G}\n  username: ci\n password: x' },
    errors: [
      'registry-auth: is not valid YAML (line 3, column 1): give a list of {registry, username, password}'
    ]
  },
  {
    name: 'registry-auth not a list',
    inputs: { 'registry-auth': 'registry: {G}' },
    errors: [
      'registry-auth: is not a YAML list: write each registry as "- registry: ghcr.io" with username and password below it'
    ]
  },
  {
    name: 'registry-auth without password',
    inputs: { 'registry-auth': '- registry: {G}\n  username: ci' },
    errors: ['registry-auth: entry 1 has no password: give registry, username and password']
  },
  {
    name: 'registry-auth misspelt key',
    inputs: { 'registry-auth': '- registry: {G}\n  usrname: ci\n  password: x' },
    errors: ['registry-auth: entry 1 has unknown key "usrname": did you mean "username"?']
  },
  {
    name: 'registry-providers unknown provider',
    inputs: { 'registry-providers': '{H}=dockerhubb' },
    errors: [
      'registry-providers: line 1: "dockerhubb" is not a provider: use dockerhub, ecr:<account>:<region>, ecr-public, acr:<name>, gar, ghcr or generic'
    ]
  },
  {
    name: 'registry-providers without =',
    inputs: { 'registry-providers': '{H} dockerhub' },
    errors: [
      'registry-providers: line 1 "{H} dockerhub" is not host=provider: write e.g. registry.internal:5000=acr:acme'
    ]
  },
  // Missing or half-given credentials, per provider
  {
    name: 'Docker Hub without credentials',
    inputs: { images: '{H}/acme/app' },
    errors: [
      'images: {H} is Docker Hub and no credentials were given for it: set dockerhub-username and dockerhub-token (an access token with Read & Write) or dockerhub-oidc-connection-id (GitHub OIDC, with permissions: id-token: write), or add it to registry-auth'
    ]
  },
  {
    name: 'ACR without credentials',
    inputs: { images: '{A}/app' },
    errors: [
      'images: {A} is Azure Container Registry acme and no credentials were given for it: set azure-client-id and azure-tenant-id (GitHub OIDC, with permissions: id-token: write), add azure-client-secret for a service principal, or add it to registry-auth (admin user or repository token)'
    ]
  },
  {
    name: 'ACR OIDC without a tenant',
    inputs: { images: '{A}/app', 'azure-client-id': '00000000-0000-0000-0000-00000000c11d' },
    errors: [
      'azure-tenant-id: is empty: GitHub OIDC login to {A} needs the Entra ID tenant of azure-client-id (or set azure-client-secret to use a service principal)'
    ]
  },
  {
    name: 'ECR without AWS credentials',
    inputs: { images: '{E}/app', source: '{E}/src/app:build' },
    errors: [
      'Amazon ECR {E}: no AWS credentials found: set aws-access-key-id and aws-secret-access-key, or run aws-actions/configure-aws-credentials before tagship',
      'could not log in to 1 of 1 registries ({E}): nothing was pushed'
    ]
  },
  {
    name: 'dockerhub-username without a token',
    inputs: { 'dockerhub-username': 'acme' },
    errors: [
      'dockerhub-token: is empty but dockerhub-username is set: set both, or set dockerhub-oidc-connection-id to log in with GitHub OIDC'
    ]
  },
  {
    name: 'a Docker Hub token and an OIDC connection together',
    inputs: {
      'dockerhub-username': 'acme',
      'dockerhub-token': 'dckr_pat_x',
      'dockerhub-oidc-connection-id': '3f0c9a52-7d1e-4b6a-9c2f-5e8d1a4b7c90'
    },
    errors: [
      'dockerhub-oidc-connection-id: is set together with dockerhub-token: choose one (the OIDC connection needs no stored token)'
    ]
  },
  {
    name: 'aws-access-key-id without the secret',
    inputs: { 'aws-access-key-id': 'AKIAEXAMPLE' },
    errors: ['aws-secret-access-key: is empty but aws-access-key-id is set: set both, or neither']
  },
  {
    name: 'aws-session-token alone',
    inputs: { 'aws-session-token': 'session' },
    errors: [
      'aws-session-token: is set without aws-access-key-id and aws-secret-access-key: set all three, or none'
    ]
  },
  {
    name: 'azure-client-secret without a client id',
    inputs: { 'azure-client-secret': 'shh' },
    errors: [
      'azure-client-id: is empty but azure-client-secret is set: give the application (client) id of the service principal'
    ]
  },
  // The event
  {
    name: 'unknown event',
    inputs: {},
    env: { GITHUB_EVENT_NAME: 'deploy_party' },
    errors: [
      'GITHUB_EVENT_NAME: unknown event "deploy_party": use a GitHub event name such as push, pull_request, release, schedule or workflow_dispatch'
    ]
  },
  {
    name: 'ref that is not a full ref',
    inputs: {},
    env: { GITHUB_REF: 'v1.2.3' },
    errors: [
      'GITHUB_REF: "v1.2.3" is not a full git ref: use refs/tags/v1.2.3 for a tag or refs/heads/v1.2.3 for a branch'
    ]
  }
]
