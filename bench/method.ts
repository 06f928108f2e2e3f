import { latencyLabel, type BenchConfig } from './config.js'

/** How the numbers are made: the part of BENCHMARKS.md that does not change between runs. */
export function methodText(
  cfg: BenchConfig,
  sourceDiskBytes: number,
  archiveBytes?: number
): string {
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(n < 2 ** 20 ? 2 : 0)} MiB`
  return `## How it is measured

Everything runs on this machine, on 127.0.0.1: Distribution 2.8.2 registries, a
private Docker daemon, skopeo, curl, and the bundled action (\`dist/main/index.js\`
then \`dist/post/index.js\`, with \`INPUT_*\` variables and the runner's file
commands, as a runner starts it).

**Auth.** Each networked scenario runs twice, side by side: against htpasswd registries
(every client can send Basic up front, so none pays a token round trip: ECR's case) and
against token registries (Distribution answers 401 with a Bearer challenge naming a
token server, \`__fixtures__/services/token-server.ts\`: Docker Hub's, ACR's and GHCR's
case). Each token server sits behind a latency proxy of its own with the registry's
delay, so a token round trip costs what a separate auth host costs. The token servers
count the requests they answer. The floors know the realm up front and GET one token
per registry and repository with Basic.

**Latency.** Every registry sits behind a TCP proxy
(\`__fixtures__/services/latency-proxy.ts\`) that holds every chunk for a fixed
delay in each direction. At **loopback** the delay is 0; at **50 ms RTT** it is
25 ms each way, and a new connection also waits ${cfg.setupRoundTrips} round trips before
its first byte goes through: the TCP and TLS 1.3 handshakes an HTTPS registry costs
(the fixtures speak plain HTTP). The proxy counts connections, requests (HTTP/1.1
heads) and bytes each way; a recording proxy behind it says what each request was.
Throughput through the proxy is capped at 16 MiB per 25 ms (its window).

**Scenarios.**

- **A**: one image (one layer of ${mib(cfg.retagLayerBytes)}) already in \`a/<run>:build\`
  gets ${cfg.retagCount} more tags in the same repository. Each contender gets its own
  repository. Peers: \`docker login\`, then \`docker tag\` + \`docker push\` per tag
  (the image is in the daemon); \`skopeo copy --preserve-digests\` per tag (auth in an
  authfile written before). Floor: one curl GET of the manifest, then one curl
  \`--parallel\` with the ${cfg.retagCount} manifest PUTs (credentials in a netrc file).
- **B**: an image of ${cfg.pushLayers} layers of ${mib(cfg.pushLayerBytes)} random bytes in the
  daemon goes to 3 fresh registries x 5 tags (a release v1.2.3: 1.2.3, 1.2, 1,
  sha-860c190, latest). tagship runs with \`source\` = the image ID and its default
  \`local-push: upload\`: one \`docker save\`, each layer compressed once (gzip level 6),
  uploaded to the 3 registries in parallel; its digest is its own (the bench checks it
  is the same on every registry and that its config is the image). Peer:
  \`docker login\` to each registry, then \`docker tag\` + \`docker push\` for the 15
  references. Floor: each compressed blob (as the daemon pushes it, read from disk)
  uploaded once to each registry (POST + one PUT), all in parallel, then the 15
  manifest PUTs in parallel; it skips the saving and compression tagship and the
  daemon must do, so it is a lower bound.
- **C**: an OCI image of PRNG layers (AES-CTR keystream, streamed into the source
  registry, never held in memory) is copied to a fresh registry: ${cfg.copies
    .map((c) => `${c.label} (${c.layers} x ${mib(c.layerBytes)})`)
    .join(', ')}. The source registry's storage holds ${mib(sourceDiskBytes)} in a temp
  dir, removed at the end. tagship runs in registry mode with \`DOCKER_HOST\` at a
  socket that does not exist. Peer: \`skopeo copy --preserve-digests\`. Floor: a
  child process that streams every blob at once from a GET into a PUT with
  fetch, then PUTs the manifest.
- **D**: the action with \`push: false\`; the figure is the main step from process
  start to exit (post is shown apart). Floor: \`node -e 0\`. No network.
- **E**: B again on the same registries, everything in place. Peer: the docker loop
  again (login and 15 pushes). Floor: 15 manifest HEADs in parallel.
- **F**: a two-platform OCI archive built by buildah (vfs, no daemon): \`FROM scratch\`,
  \`ARG TARGETARCH\` and ${cfg.archiveFiles} \`COPY \${TARGETARCH}/partN.bin\` of
  ${mib(cfg.archiveFileBytes)} random bytes each, for linux/amd64 and linux/arm64 (so no
  layer is shared), written with \`buildah manifest push --all … oci-archive:PATH\`${
    archiveBytes === undefined ? '' : ` (${mib(archiveBytes)} on disk)`
  }, once per bench run. It goes to 3 fresh registries x 5 tags (the release tags of B),
  at ${cfg.archiveOneWayMs.map(latencyLabel).join(' and ')}.
  tagship runs with \`source: oci-archive:PATH\` and \`DOCKER_HOST\` at a socket that does
  not exist. Peer: \`skopeo copy --all --preserve-digests oci-archive:PATH docker://…\`
  for each of the 15 references, one after the other (auth in an authfile). Floor: a
  child process that reads the tar's headers once, streams each config and layer from
  its offset in the tar to each registry (all at once), then PUTs each platform's
  manifest by digest and the index at the 5 tags. After each run the bench checks,
  from the recording proxies, that each registry completed exactly one upload of each
  blob and received exactly the blobs' bytes (tagship and the floor), and with
  \`skopeo inspect --raw\` that every tag holds the archive's index digest.

Wall time is from the first process start to the last exit, except for the fetch
floors (B, C, E, F): they run in a child process and time only their HTTP work, not
loading the bench bundle (which also makes their peak RSS about 80 MiB). **Peak RSS** is the
kernel's maximum resident set (\`/usr/bin/time -f %M\`) of each process a contender
starts (the larger of main and post for tagship; the largest skopeo or curl
process), so it is exact, not sampled. For the docker loop it is n/a: the work
happens in the daemon. After every run the bench checks, without added latency,
that every tag is at the expected digest, that tagship reported every tag, and that
E made no write; any failure stops the bench with a non-zero exit.

The timelines below list every request head tagship sent in its first run of a
case, in the order the proxies saw them; \`docs/notes/round-trips.md\` reads them
(why each wave is there, and what each one costs).
`
}
