export const id = 899;
export const ids = [899];
export const modules = {

/***/ 251:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   qY: () => (/* binding */ fileContent),
/* harmony export */   zi: () => (/* binding */ verifier)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _distribution_byte_streams_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7702);
/* harmony import */ var _distribution_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4660);
/* harmony import */ var _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2434);




/** Distribution's own limit on a manifest; a larger blob is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** `manifest` and `openBlob` of a ContentSource, over files on disk. */
function fileContent(name, store, blobs) {
    const read = new Map();
    const load = async (digest) => {
        const made = blobs.made?.get(digest);
        if (made)
            return made;
        const path = blobs.pathOf(digest);
        const size = path === undefined ? undefined : await store.size(path);
        if (path === undefined || size === undefined)
            throw new Error(`${name} holds no manifest ${digest}`);
        if (size > MAX_MANIFEST_BYTES)
            throw new Error(`${name}: ${digest} is not a manifest (larger than 4 MiB)`);
        const bytes = await store.read(path);
        const actual = (0,_distribution_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestOf */ .ol)(bytes, (0,_distribution_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestAlgorithm */ .g4)(digest) ?? 'sha256');
        if ((0,_distribution_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestAlgorithm */ .g4)(digest) && actual !== digest)
            throw new Error(`${name}: manifest ${digest} is damaged: its bytes hash to ${actual}`);
        const mediaType = (0,_distribution_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .mediaTypeOfJson */ .kL)(bytes) ?? blobs.mediaTypes.get(digest);
        if (!mediaType)
            throw new Error(`${name}: ${digest} is not a manifest`);
        return { bytes, mediaType, digest };
    };
    return {
        manifest(digest) {
            let manifest = read.get(digest);
            if (!manifest) {
                manifest = load(digest);
                read.set(digest, manifest);
                manifest.catch(() => read.delete(digest));
            }
            return manifest;
        },
        async openBlob(descriptor) {
            const { digest, size } = descriptor;
            const path = blobs.pathOf(digest);
            const stored = path === undefined ? undefined : await store.size(path);
            if (path === undefined || stored === undefined)
                throw new Error(`${name} holds no blob ${digest}`);
            const problem = (detail) => new Error(`${name}: blob ${digest} is damaged: ${detail}`);
            if (stored !== size)
                throw problem(`it is ${stored} bytes where the manifest says ${size}`);
            const algorithm = (0,_distribution_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestAlgorithm */ .g4)(digest);
            const known = algorithm ? await store.digest(path, algorithm, true) : undefined;
            if (known !== undefined && known !== digest)
                throw problem(`its bytes hash to ${known}`);
            // Hashed already by the pass that indexed the tar: the size is checked
            // as the bytes pass, and the registry checks the digest of the upload,
            // so the blob is not hashed again for every registry.
            const hashing = store.rehash || known !== digest;
            return (0,_distribution_byte_streams_js__WEBPACK_IMPORTED_MODULE_3__/* .toWebStream */ .U)(store.open(path)).pipeThrough(verifier(descriptor, problem, hashing));
        }
    };
}
/** Fails the stream when the bytes are not `size` long or do not hash to `digest`. */
function verifier(descriptor, problem, hashing = true) {
    const { digest, size } = descriptor;
    const algorithm = (0,_distribution_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestAlgorithm */ .g4)(digest);
    const hash = algorithm && hashing ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm) : undefined;
    let seen = 0;
    return new TransformStream({
        transform(chunk, controller) {
            seen += chunk.length;
            if (seen > size)
                throw problem(`it is longer than the ${size} bytes the manifest says`);
            hash?.update(chunk);
            controller.enqueue(chunk);
        },
        flush() {
            if (seen !== size)
                throw problem(`it is ${seen} bytes where the manifest says ${size}`);
            const actual = hash ? `${algorithm}:${hash.digest('hex')}` : digest;
            if (actual !== digest)
                throw problem(`its bytes hash to ${actual}`);
        }
    });
}


/***/ }),

/***/ 5447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vw: () => (/* binding */ openDockerArchive),
/* harmony export */   m: () => (/* binding */ OCI_LAYER_TAR)
/* harmony export */ });
/* unused harmony export OCI_CONFIG */
/* harmony import */ var _distribution_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4660);
/* harmony import */ var _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2434);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(251);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9396);
/* harmony import */ var _select_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2804);
/* harmony import */ var _tar_header_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8459);







const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
/**
 * A `docker save` tar from before Docker 25 (manifest.json, `<id>.json`,
 * `<dir>/layer.tar`): the image `ref` picks, as an OCI image manifest made
 * from its config and its uncompressed layers, whose digests are the image
 * ID and the diff_ids.
 */
async function openDockerArchive(store, source) {
    const { text } = source;
    const images = parseManifestJson(await readJson(store, 'manifest.json', text), text);
    const image = pick(images, source);
    const save = 'save the image again with docker save';
    const configPath = (0,_tar_header_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeName */ .Pc)(image.Config);
    const configSize = await store.size(configPath);
    if (configSize === undefined)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, `lacks ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(configPath)}, the config manifest.json names: ${save}`);
    const configDigest = (await store.digest(configPath, 'sha256'));
    const id = /(?:^|\/)([a-f0-9]{64})(?:\.json)?$/.exec(configPath)?.[1];
    if (id !== undefined && `sha256:${id}` !== configDigest)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .damaged */ .qM)(text, `sha256:${id} hashes to ${configDigest}`);
    const config = await readJson(store, configPath, text);
    const diffIds = config.rootfs?.diff_ids;
    if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === 'string'))
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, `has a config ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(configPath)} without rootfs.diff_ids: ${save}`);
    if (diffIds.length !== image.Layers.length)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .damaged */ .qM)(text, `manifest.json lists ${image.Layers.length} layers but the config's rootfs.diff_ids has ${diffIds.length}`);
    const paths = new Map([[configDigest, configPath]]);
    const layers = [];
    for (const [i, raw] of image.Layers.entries()) {
        const path = (0,_tar_header_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeName */ .Pc)(raw);
        const size = await store.size(path);
        if (size === undefined)
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, `lacks ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(path)}, layer ${i + 1} that manifest.json lists: ${save}`);
        const digest = (await store.digest(path, 'sha256'));
        if (digest !== diffIds[i])
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .damaged */ .qM)(text, `layer ${i + 1} (${path}) hashes to ${digest}, not to its rootfs.diff_ids[${i}] ${diffIds[i]}`);
        if (!paths.has(digest))
            paths.set(digest, path);
        layers.push({ mediaType: OCI_LAYER_TAR, digest, size });
    }
    const bytes = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_MANIFEST */ .EG,
        config: { mediaType: OCI_CONFIG, digest: configDigest, size: configSize },
        layers
    }));
    const top = { bytes, mediaType: _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OCI_MANIFEST */ .EG, digest: (0,_distribution_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestOf */ .ol)(bytes) };
    const content = (0,_content_js__WEBPACK_IMPORTED_MODULE_3__/* .fileContent */ .qY)(text, store, {
        pathOf: (digest) => paths.get(digest),
        mediaTypes: new Map(),
        made: new Map([[top.digest, top]])
    });
    return { top, layoutDescriptors: [], content };
}
function parseManifestJson(json, text) {
    const valid = (v) => {
        const o = v;
        return (typeof o === 'object' &&
            o !== null &&
            typeof o.Config === 'string' &&
            Array.isArray(o.Layers) &&
            o.Layers.every((l) => typeof l === 'string') &&
            (o.RepoTags == null ||
                (Array.isArray(o.RepoTags) && o.RepoTags.every((t) => typeof t === 'string'))));
    };
    if (!Array.isArray(json) || !json.every(valid))
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, 'has a manifest.json that is not a list of {Config, RepoTags, Layers}: save the image again with docker save');
    if (json.length === 0)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, 'holds no image: its manifest.json lists nothing; save the image again');
    return json;
}
/** The image `ref` names (a RepoTags entry, or `@N`), or the only one. */
function pick(images, source) {
    const { ref, text } = source;
    const held = (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .listText */ .so)(images.map((image, i) => `@${i} (${tagsOf(image)})`));
    if (ref === undefined) {
        if (images.length === 1)
            return images[0];
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, `holds ${images.length} images: ${held}; add :REF with one of those tags, or :@N for the Nth image`);
    }
    const nth = /^@(\d+)$/.exec(ref);
    const found = nth
        ? images[Number(nth[1])]
        : images.find((image) => (image.RepoTags ?? []).some((tag) => tag === ref || (0,_select_js__WEBPACK_IMPORTED_MODULE_5__/* .dockerName */ .ah)(tag) === (0,_select_js__WEBPACK_IMPORTED_MODULE_5__/* .dockerName */ .ah)(ref)));
    if (found)
        return found;
    throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, `has no image ${nth ? ref : `tagged ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(ref)}`}: it holds ${held}; put one of those tags, or @N, after ":"`);
}
function tagsOf(image) {
    const tags = image.RepoTags ?? [];
    return tags.length === 0 ? 'untagged' : tags.join(', ');
}
async function readJson(store, path, text) {
    const size = await store.size(path);
    if (size === undefined)
        throw new Error(`${text}: ${path} is missing`);
    if (size > _content_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .ZJ)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, `has a ${path} of ${size} bytes, too large for one: save the image again`);
    try {
        return JSON.parse((await store.read(path)).toString('utf8'));
    }
    catch {
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .sourceError */ .I8)(text, `has a ${path} that is not JSON: save the image again with docker save`);
    }
}


/***/ }),

/***/ 8899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gzipLayers: () => (/* binding */ gzipLayers)
/* harmony export */ });
/* unused harmony export OCI_LAYER_GZIP */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _distribution_byte_streams_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(7702);
/* harmony import */ var _distribution_digest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4660);
/* harmony import */ var _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2434);
/* harmony import */ var _shared_limit_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(50);
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(251);
/* harmony import */ var _docker_archive_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5447);














const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
/** zlib's default level, as `docker push` compresses (Go's gzip.DefaultCompression). */
const GZIP_LEVEL = 6;
/**
 * Compress every uncompressed layer (`…layer.v1.tar`) of a single-platform
 * image once (an image with none, or an index, is given as it is), into files in a new folder under `dir`, `concurrency` layers at
 * a time (zlib works on libuv's thread pool, so they use every core), and
 * give the image manifest that names the compressed layers. The config is
 * unchanged, so the image ID is too (its rootfs.diff_ids name the
 * uncompressed layers, as they must). The output of one zlib version and
 * level is the same for the same bytes: every target gets the same digest,
 * and a re-run the same manifest.
 */
async function gzipLayers(image, options) {
    const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_7__.performance.now();
    const parsed = JSON.parse(new TextDecoder().decode(image.top.bytes));
    const folder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(options.dir, 'tagship-gzip-'));
    const files = new Map();
    let bytesIn = 0;
    let bytesOut = 0;
    try {
        const layers = await (0,_shared_limit_js__WEBPACK_IMPORTED_MODULE_12__/* .allLimited */ .y)(parsed.layers ?? [], options.concurrency, async (layer, i) => {
            if (layer.mediaType !== _docker_archive_js__WEBPACK_IMPORTED_MODULE_11__/* .OCI_LAYER_TAR */ .m)
                return layer;
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(folder, `layer-${i}.tar.gz`);
            const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
            let size = 0;
            const count = new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
                transform(chunk, _encoding, done) {
                    hash.update(chunk);
                    size += chunk.length;
                    done(null, chunk);
                }
            });
            const source = node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.fromWeb((await image.openBlob(layer)));
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(source, (0,node_zlib__WEBPACK_IMPORTED_MODULE_6__.createGzip)({ level: GZIP_LEVEL }), count, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(path));
            const digest = `sha256:${hash.digest('hex')}`;
            files.set(digest, { path, size });
            bytesIn += layer.size;
            bytesOut += size;
            const { annotations } = layer;
            return { mediaType: OCI_LAYER_GZIP, digest, size, ...(annotations ? { annotations } : {}) };
        });
        // Nothing to compress (a Docker 25+ tar whose layout holds compressed
        // layers, or an index): the image as it is, its manifest's own bytes.
        const top = files.size === 0
            ? image.top
            : (() => {
                const bytes = Buffer.from(JSON.stringify({ ...parsed, layers }));
                return { bytes, mediaType: _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_9__/* .OCI_MANIFEST */ .EG, digest: (0,_distribution_digest_js__WEBPACK_IMPORTED_MODULE_8__/* .digestOf */ .ol)(bytes) };
            })();
        const content = {
            name: image.name,
            manifest: (digest) => (digest === top.digest ? Promise.resolve(top) : image.manifest(digest)),
            async openBlob(descriptor) {
                const file = files.get(descriptor.digest);
                if (!file)
                    return image.openBlob(descriptor);
                const problem = (detail) => new Error(`${image.name}: compressed layer ${descriptor.digest} changed: ${detail}`);
                // Hashed as it was written; the registry checks the digest of the upload.
                return (0,_distribution_byte_streams_js__WEBPACK_IMPORTED_MODULE_13__/* .toWebStream */ .U)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file.path)).pipeThrough((0,_content_js__WEBPACK_IMPORTED_MODULE_10__/* .verifier */ .zi)(descriptor, problem, false));
            }
        };
        return {
            top,
            content,
            stats: {
                layers: files.size,
                bytesIn,
                bytesOut,
                ms: node_perf_hooks__WEBPACK_IMPORTED_MODULE_7__.performance.now() - started
            },
            close: async () => {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(folder, { recursive: true, force: true });
                await image.close();
            }
        };
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(folder, { recursive: true, force: true });
        throw e;
    }
}


/***/ }),

/***/ 9396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I8: () => (/* binding */ sourceError),
/* harmony export */   OY: () => (/* binding */ describeEntry),
/* harmony export */   VK: () => (/* binding */ shortDigest),
/* harmony export */   ps: () => (/* binding */ truncated),
/* harmony export */   qM: () => (/* binding */ damaged),
/* harmony export */   so: () => (/* binding */ listText),
/* harmony export */   w5: () => (/* binding */ REF_NAME)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);

const INPUT = 'source';
const REF_NAME = 'org.opencontainers.image.ref.name';
/** One line about the `source` input: its value, what is wrong, and the fix. */
function sourceError(text, message) {
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(INPUT, `${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} ${message}`);
}
/** A blob whose bytes are not what its name or its descriptor says. */
function damaged(text, detail) {
    return sourceError(text, `is damaged: ${detail}; build the archive again`);
}
/** A tar that ends early. */
function truncated(text, detail) {
    return sourceError(text, `is truncated: ${detail}; copy or build the archive again`);
}
/** `sha256:0123456789ab`: enough to tell the entries of one layout apart. */
function shortDigest(digest) {
    const colon = digest.indexOf(':');
    return digest.slice(0, colon + 13);
}
/** `sha256:0123456789ab (application/vnd.oci.image.index.v1+json, "v1")`. */
function describeEntry(d) {
    const name = d.annotations?.[REF_NAME];
    return `${shortDigest(d.digest)} (${d.mediaType}, ${name === undefined ? 'unnamed' : (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)})`;
}
/** `a, b, c and 4 more`, for a list in one line. */
function listText(items, max = 8) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}



/***/ }),

/***/ 2804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O_: () => (/* binding */ selectTop),
/* harmony export */   ah: () => (/* binding */ dockerName),
/* harmony export */   vw: () => (/* binding */ isArtifact)
/* harmony export */ });
/* harmony import */ var _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2434);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9396);



/** containerd's (and Docker 25's `docker save`) full name of an image in a layout. */
const CONTAINERD_NAME = 'io.containerd.image.name';
/** cosign's tags (`sha256-<hex>.sig`, `.att`, `.sbom`) and the referrers tag schema's (`sha256-<hex>`). */
const ARTIFACT_NAME = /^sha256-[a-f0-9]{64}(?:\.(?:sig|att|sbom))?$/;
/**
 * A top-level entry that is not an image to publish but something about one:
 * named as a cosign or referrers tag, or a manifest with a `subject`.
 */
function isArtifact(d, hasSubject) {
    const name = d.annotations?.[_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .REF_NAME */ .w5];
    return (name !== undefined && ARTIFACT_NAME.test(name)) || hasSubject(d.digest);
}
/**
 * The entry of index.json to publish: the one `ref` names or, without a
 * ref, the only image (artifacts do not count).
 */
function selectTop(source, top, hasSubject) {
    const { ref, text } = source;
    const manifests = unique(top.filter((d) => _distribution_media_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFEST_MEDIA_TYPES */ .$T.includes(d.mediaType)));
    if (ref !== undefined)
        return byRef(source, ref, top, manifests);
    const images = manifests.filter((d) => !isArtifact(d, hasSubject));
    if (images.length === 1)
        return images[0];
    if (images.length === 0)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .sourceError */ .I8)(text, top.length === 0
            ? 'holds no image: its index.json lists nothing; build the archive again'
            : `holds no image, only ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .listText */ .so)(unique(top).map(_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .describeEntry */ .OY))}: build the archive again with the image in it`);
    throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .sourceError */ .I8)(text, `holds ${images.length} images: ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .listText */ .so)(images.map(_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .describeEntry */ .OY))}; add :REF to pick one by its name (${_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .REF_NAME */ .w5})`);
}
function byRef(source, ref, top, manifests) {
    const docker = source.kind === 'docker-archive';
    const nth = docker ? /^@(\d+)$/.exec(ref) : null;
    if (nth) {
        const found = manifests[Number(nth[1])];
        if (found)
            return found;
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .sourceError */ .I8)(source.text, `has no image ${ref}: it holds ${manifests.length} (@0 to @${manifests.length - 1}); pick one of those`);
    }
    const full = docker ? dockerName(ref) : undefined;
    const named = unique(top.filter((d) => d.annotations?.[_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .REF_NAME */ .w5] === ref ||
        (full !== undefined && dockerName(d.annotations?.[CONTAINERD_NAME] ?? '') === full)));
    if (named.length === 1)
        return named[0];
    if (named.length > 1)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .sourceError */ .I8)(source.text, `names ${named.length} different images ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(ref)}: ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .listText */ .so)(named.map(_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .describeEntry */ .OY))}; build the archive again with one image per name`);
    const keys = docker ? [_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .REF_NAME */ .w5, CONTAINERD_NAME] : [_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .REF_NAME */ .w5];
    const names = [...new Set(top.flatMap((d) => keys.map((k) => d.annotations?.[k]).filter(isText)))];
    throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .sourceError */ .I8)(source.text, names.length === 0
        ? `has no image named ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(ref)}: its index.json names none (no ${_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .REF_NAME */ .w5}); drop ":${ref}"`
        : `has no image named ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(ref)}: it holds ${(0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .listText */ .so)(names.map((n) => (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(n)))}; put one of those after ":"`);
}
/** `app` → `docker.io/library/app:latest`, as Docker names images. */
function dockerName(name) {
    if (name === '')
        return '';
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
    let full = hasHost ? name : `docker.io/${slash === -1 ? 'library/' : ''}${name}`;
    const last = full.slice(full.lastIndexOf('/') + 1);
    if (!last.includes(':') && !last.includes('@'))
        full += ':latest';
    return full;
}
/** One entry per digest, first seen first (a layout may name one image twice). */
function unique(descriptors) {
    const byDigest = new Map();
    for (const d of descriptors)
        if (!byDigest.has(d.digest))
            byDigest.set(d.digest, d);
    return [...byDigest.values()];
}
function isText(value) {
    return value !== undefined;
}


/***/ }),

/***/ 8459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IE: () => (/* binding */ BLOCK),
/* harmony export */   Ms: () => (/* binding */ padding),
/* harmony export */   Pc: () => (/* binding */ normalizeName),
/* harmony export */   RW: () => (/* binding */ parseHeader),
/* harmony export */   dA: () => (/* binding */ parsePax),
/* harmony export */   ei: () => (/* binding */ isZeroBlock)
/* harmony export */ });
const BLOCK = 512;
function isZeroBlock(block) {
    for (const byte of block)
        if (byte !== 0)
            return false;
    return true;
}
/** The header in `block`, or undefined when its checksum does not hold (not a tar header). */
function parseHeader(block) {
    const stored = parseNumber(block.subarray(148, 156));
    if (!Number.isSafeInteger(stored) || !checksumMatches(block, stored))
        return undefined;
    const magic = block.toString('latin1', 257, 263);
    // POSIX ustar splits long names into prefix + name; GNU uses those bytes for times.
    const prefix = magic === 'ustar\0' ? text(block, 345, 155) : '';
    const name = text(block, 0, 100);
    const flag = block[156] ?? 0;
    return {
        name: prefix ? `${prefix}/${name}` : name,
        size: parseNumber(block.subarray(124, 136)),
        type: flag === 0 ? '0' : String.fromCharCode(flag),
        linkname: text(block, 157, 100)
    };
}
/**
 * A numeric field: octal digits (NUL or space terminated), or, when the first
 * byte has its high bit set, a big-endian base-256 number (GNU, for sizes of
 * 8 GiB and more). NaN when it is neither or does not fit.
 */
function parseNumber(field) {
    const first = field[0] ?? 0;
    if (first & 0x80) {
        if (first === 0xff)
            return NaN; // negative
        let value = first & 0x7f;
        for (const byte of field.subarray(1))
            value = value * 256 + byte;
        return Number.isSafeInteger(value) ? value : NaN;
    }
    const digits = Buffer.from(field).toString('latin1').replace(/\0.*$/s, '').trim();
    if (digits === '')
        return 0;
    return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : NaN;
}
/** The records of a PAX extended header (`path`, `size`, `linkpath`, …). */
function parsePax(data) {
    const records = new Map();
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        if (space === -1)
            break;
        const length = Number(data.toString('latin1', at, space));
        if (!Number.isSafeInteger(length) || length <= space - at)
            break;
        const record = data.toString('utf8', space + 1, at + length).replace(/\n$/, '');
        const equals = record.indexOf('=');
        if (equals > 0)
            records.set(record.slice(0, equals), record.slice(equals + 1));
        at += length;
    }
    return records;
}
/** `./a//b/` → `a/b`: names as a layout refers to them. */
function normalizeName(name) {
    return name
        .split('/')
        .filter((part) => part !== '' && part !== '.')
        .join('/');
}
/** Bytes of padding after `size` bytes of data, up to the next header. */
function padding(size) {
    return (BLOCK - (size % BLOCK)) % BLOCK;
}
function checksumMatches(block, stored) {
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const byte = i >= 148 && i < 156 ? 0x20 : block[i];
        unsigned += byte;
        signed += byte > 127 ? byte - 256 : byte;
    }
    return stored === unsigned || stored === signed;
}
function text(block, start, length) {
    const field = block.subarray(start, start + length);
    const end = field.indexOf(0);
    return field.toString('utf8', 0, end === -1 ? length : end);
}


/***/ })

};
