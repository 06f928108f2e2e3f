export const id = 794;
export const ids = [794,413];
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
/* harmony import */ var _distribution_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9898);
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
/* harmony import */ var _distribution_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9898);
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

/***/ 7794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openFileImage: () => (/* binding */ openFileImage)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/archive/docker-archive.ts
var docker_archive = __webpack_require__(5447);
// EXTERNAL MODULE: ./src/distribution/media-types.ts
var media_types = __webpack_require__(2434);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/distribution/digest.ts
var digest = __webpack_require__(9898);
// EXTERNAL MODULE: ./src/archive/problems.ts
var problems = __webpack_require__(9396);
;// CONCATENATED MODULE: ./src/archive/closure.ts



/** Blobs hashed at once while checking a folder. */
const HASHING = 4;
/**
 * Check everything reachable from `roots` (an index's manifests, a manifest's
 * config and layers) before anything is published: each blob is there, has
 * its descriptor's size and hashes to its name. Foreign and non-distributable
 * layers may be absent. With `follow: false`, only the roots themselves.
 */
async function checkReachable(image, roots, options = {}) {
    const { text, store, blobs } = image;
    const seen = new Set();
    const leaves = [];
    for (let queue = [...roots]; queue.length > 0;) {
        const next = [];
        for (const needed of queue) {
            const d = needed.descriptor;
            if (seen.has(d.digest))
                continue;
            seen.add(d.digest);
            if (!blobs.mediaTypes.has(d.digest))
                blobs.mediaTypes.set(d.digest, d.mediaType);
            const path = blobs.pathOf(d.digest);
            const size = path === undefined ? undefined : await store.size(path);
            if (path === undefined || size === undefined) {
                if (/nondistributable|foreign/.test(d.mediaType))
                    continue;
                throw (0,problems/* sourceError */.I8)(text, `lacks blob ${d.digest}, ${needed.role}: the archive is incomplete; build it again`);
            }
            if (size !== d.size)
                throw (0,problems/* damaged */.qM)(text, `${d.digest} is ${size} bytes where ${needed.owner} says ${d.size}`);
            if (!media_types/* MANIFEST_MEDIA_TYPES */.$T.includes(d.mediaType)) {
                leaves.push({ needed, path });
                continue;
            }
            await checkDigest(image, d, path);
            if (options.follow !== false)
                next.push(...(await childrenOf(image, d)));
        }
        queue = next;
    }
    await inOrder(leaves, HASHING, ({ needed, path }) => checkDigest(image, needed.descriptor, path));
}
async function checkDigest(image, d, path) {
    const algorithm = (0,digest/* digestAlgorithm */.g4)(d.digest);
    if (!algorithm)
        return;
    const actual = await image.store.digest(path, algorithm);
    if (actual !== d.digest)
        throw (0,problems/* damaged */.qM)(image.text, `${d.digest} hashes to ${actual}`);
}
async function childrenOf(image, d) {
    let children;
    try {
        children = (0,media_types/* manifestChildren */.fM)(await image.manifest(d.digest));
    }
    catch (e) {
        throw (0,problems/* sourceError */.I8)(image.text, `holds a manifest tagship cannot read (${e.message}): build the archive again`);
    }
    const short = (0,problems/* shortDigest */.VK)(d.digest);
    const index = `index ${short}`;
    const owner = `manifest ${short}`;
    return [
        ...children.manifests.map((c) => ({
            descriptor: c,
            role: `the ${platformText(c.platform)} manifest of ${index}`,
            owner: index
        })),
        ...children.blobs.map((c, i) => ({
            descriptor: c,
            role: i === 0 ? `the config of ${owner}` : `layer ${i} of ${owner}`,
            owner
        }))
    ];
}
function platformText(platform) {
    if (!platform)
        return 'unnamed-platform';
    const { os, architecture, variant } = platform;
    return [os, architecture, variant].filter(Boolean).join('/');
}
/**
 * Run `work` over `items`, `limit` at a time; throw the failure of the
 * earliest item, so the error does not depend on timing.
 */
async function inOrder(items, limit, work) {
    const failures = new Map();
    let next = 0;
    const worker = async () => {
        while (next < items.length && failures.size === 0) {
            const i = next++;
            await work(items[i]).catch((e) => failures.set(i, e));
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failures.size > 0)
        throw failures.get(Math.min(...failures.keys()));
}

// EXTERNAL MODULE: ./src/archive/content.ts
var archive_content = __webpack_require__(251);
// EXTERNAL MODULE: ./src/archive/select.ts
var archive_select = __webpack_require__(2804);
;// CONCATENATED MODULE: ./src/archive/layout.ts






const DIGEST = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
const LISTED = { role: 'listed in index.json', owner: 'index.json' };
/** `blobs/<algorithm>/<encoded>`: where an OCI image layout keeps a blob. */
function blobPath(digest) {
    const match = DIGEST.exec(digest);
    return match ? `blobs/${match[1]}/${match[2]}` : undefined;
}
/**
 * An OCI image layout (oci-layout, index.json, blobs/): the entry to publish
 * selected, and everything it and the layout's artifacts reach checked.
 */
async function openLayout(store, source) {
    const { text } = source;
    await checkVersion(store, text);
    const layoutDescriptors = await readIndexJson(store, text);
    const blobs = { pathOf: blobPath, mediaTypes: new Map() };
    const content = (0,archive_content/* fileContent */.qY)(text, store, blobs);
    const image = { text, store, blobs, manifest: content.manifest };
    // Every manifest index.json lists must be there: telling artifacts from
    // images needs their JSON, and referrer discovery reads them all.
    const tops = layoutDescriptors.filter((d) => media_types/* MANIFEST_MEDIA_TYPES */.$T.includes(d.mediaType));
    await checkReachable(image, tops.map((descriptor) => ({ descriptor, ...LISTED })), { follow: false });
    const subjects = new Set();
    for (const d of tops) {
        const manifest = await content.manifest(d.digest).catch((e) => {
            throw (0,problems/* sourceError */.I8)(text, `holds a manifest tagship cannot read (${e.message}): build the archive again`);
        });
        if (hasSubject(manifest.bytes))
            subjects.add(d.digest);
    }
    const has = (digest) => subjects.has(digest);
    const selected = (0,archive_select/* selectTop */.O_)(source, layoutDescriptors, has);
    if (!media_types/* MANIFEST_MEDIA_TYPES */.$T.includes(selected.mediaType))
        throw (0,problems/* sourceError */.I8)(text, `names ${(0,problems/* describeEntry */.OY)(selected)}, which is not an image (its media type is not a manifest or an index): pick an image`);
    const artifacts = tops.filter((d) => d.digest !== selected.digest && (0,archive_select/* isArtifact */.vw)(d, has));
    await checkReachable(image, [selected, ...artifacts].map((descriptor) => ({ descriptor, ...LISTED })));
    return { top: await content.manifest(selected.digest), layoutDescriptors, content };
}
async function checkVersion(store, text) {
    const bytes = await readSmall(store, 'oci-layout', text);
    const version = parse(bytes)?.imageLayoutVersion;
    if (typeof version !== 'string')
        throw (0,problems/* sourceError */.I8)(text, 'has an oci-layout file without an imageLayoutVersion: it is not a valid OCI image layout; build the archive again');
    if (!/^1\.\d+\.\d+$/.test(version))
        throw (0,problems/* sourceError */.I8)(text, `is an OCI image layout of version ${(0,errors/* quote */.hD)(version)} (its oci-layout file), which tagship does not read: it reads version 1.x; write the archive with buildx, buildah or skopeo`);
}
/** index.json's top-level descriptors, each checked to be one. */
async function readIndexJson(store, text) {
    const invalid = (detail) => (0,problems/* sourceError */.I8)(text, `has an index.json that tagship cannot read (${detail}): build the archive again`);
    const json = parse(await readSmall(store, 'index.json', text));
    if (!json || typeof json !== 'object' || Array.isArray(json))
        throw invalid('not a JSON object');
    const manifests = json.manifests;
    if (!Array.isArray(manifests))
        throw invalid('"manifests" is not a list');
    return manifests.map((value, i) => {
        const d = (value ?? {});
        if (typeof d.mediaType !== 'string' ||
            typeof d.digest !== 'string' ||
            !DIGEST.test(d.digest) ||
            typeof d.size !== 'number' ||
            !Number.isSafeInteger(d.size) ||
            d.size < 0)
            throw invalid(`manifests[${i}] is not a descriptor with mediaType, digest and size`);
        return d;
    });
}
async function readSmall(store, path, text) {
    const size = await store.size(path);
    if (size === undefined)
        throw new Error(`${text}: ${path} is missing`);
    if (size > archive_content/* MAX_MANIFEST_BYTES */.ZJ)
        throw (0,problems/* sourceError */.I8)(text, `has a ${path} of ${size} bytes, too large to be one: build the archive again`);
    return store.read(path);
}
function hasSubject(bytes) {
    const json = parse(bytes);
    const subject = json?.subject;
    return typeof subject === 'object' && subject !== null;
}
function parse(bytes) {
    try {
        return JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/archive/store.ts





/** Files inside a tar, read back by offset from the tar (or its decompressed copy). */
function tarStore(index) {
    const hashed = new Map();
    const open_ = (path) => {
        const file = index.files.get(path);
        if (!file)
            throw new Error(`${path} is not in the archive`);
        if (file.size === 0)
            return external_node_stream_.Readable.from([]);
        return (0,external_node_fs_.createReadStream)(index.file, { start: file.offset, end: file.offset + file.size - 1 });
    };
    return {
        rehash: false,
        topNames: async () => topLevel(index.names),
        size: async (path) => index.files.get(path)?.size,
        async read(path) {
            const file = index.files.get(path);
            if (!file)
                throw new Error(`${path} is not in the archive`);
            if (file.data)
                return file.data;
            const handle = await (0,promises_.open)(index.file, 'r');
            try {
                const buffer = Buffer.alloc(file.size);
                const { bytesRead } = await handle.read(buffer, 0, file.size, file.offset);
                return buffer.subarray(0, bytesRead);
            }
            finally {
                await handle.close();
            }
        },
        async digest(path, algorithm, cachedOnly) {
            const file = index.files.get(path);
            if (!file)
                return undefined;
            if (file.digest.startsWith(`${algorithm}:`))
                return file.digest;
            return cachedOnly ? undefined : once(hashed, path, algorithm, () => open_(path));
        },
        open: open_,
        close: () => index.close()
    };
}
/** Files in a folder (an `oci:DIR` layout). */
function folderStore(dir) {
    const hashed = new Map();
    const done = new Map();
    return {
        rehash: true,
        async topNames() {
            const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
            return entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
        },
        async size(path) {
            const info = await (0,promises_.stat)((0,external_node_path_.join)(dir, path)).catch(() => undefined);
            return info?.isFile() ? info.size : undefined;
        },
        read: (path) => (0,promises_.readFile)((0,external_node_path_.join)(dir, path)),
        async digest(path, algorithm, cachedOnly) {
            const key = `${algorithm}:${path}`;
            if (cachedOnly)
                return done.get(key);
            const digest = await once(hashed, path, algorithm, () => (0,external_node_fs_.createReadStream)((0,external_node_path_.join)(dir, path)));
            done.set(key, digest);
            return digest;
        },
        open: (path) => (0,external_node_fs_.createReadStream)((0,external_node_path_.join)(dir, path)),
        close: async () => undefined
    };
}
function once(cache, path, algorithm, stream) {
    const key = `${algorithm}:${path}`;
    let digest = cache.get(key);
    if (!digest) {
        digest = hashStream(stream(), algorithm);
        cache.set(key, digest);
    }
    return digest;
}
async function hashStream(stream, algorithm) {
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    for await (const chunk of stream)
        hash.update(chunk);
    return `${algorithm}:${hash.digest('hex')}`;
}
/** `blobs/`, `index.json`, …: the first part of every name, once. */
function topLevel(names) {
    const top = new Set();
    for (const name of names) {
        const slash = name.indexOf('/');
        top.add(slash === -1 ? name : name.slice(0, slash + 1));
    }
    return [...top].sort();
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/archive/byte-reader.ts
const EMPTY = Buffer.alloc(0);
/**
 * Reads a stream of chunks in pieces of the caller's choosing: whole small
 * pieces (a tar header), or a long run passed on chunk by chunk (a blob)
 * without ever holding it whole.
 */
class ByteReader {
    chunks;
    pending = EMPTY;
    /** Bytes taken or skipped so far: the offset of what comes next. */
    position = 0;
    constructor(chunks) {
        this.chunks = chunks;
    }
    /** The next `n` bytes, or fewer when the stream ends first. */
    async take(n) {
        while (this.pending.length < n && (await this.fill())) {
            // keep filling
        }
        const out = this.pending.subarray(0, Math.min(n, this.pending.length));
        this.pending = this.pending.subarray(out.length);
        this.position += out.length;
        return out;
    }
    /** Pass the next `n` bytes to `sink` as they come; returns how many there were. */
    async pass(n, sink) {
        let left = n;
        while (left > 0) {
            if (this.pending.length === 0 && !(await this.fill()))
                break;
            const piece = this.pending.subarray(0, Math.min(left, this.pending.length));
            sink?.(piece);
            this.pending = this.pending.subarray(piece.length);
            this.position += piece.length;
            left -= piece.length;
        }
        return n - left;
    }
    /** Stop reading: lets the source close its file. */
    async close() {
        await this.chunks.return?.();
    }
    async fill() {
        const next = await this.chunks.next();
        if (next.done)
            return false;
        const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
        this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
        return true;
    }
}

// EXTERNAL MODULE: ./src/archive/tar-header.ts
var tar_header = __webpack_require__(8459);
;// CONCATENATED MODULE: ./src/archive/tar-index.ts










/** Files this small that start like JSON stay in memory: manifests, configs, index.json. */
const KEEP_LIMIT = 4 * 1024 * 1024;
const JSON_START = new Set([0x7b, 0x5b, 0x20, 0x09, 0x0a, 0x0d]);
/** PAX records and GNU long names larger than this are not what they claim. */
const META_LIMIT = 1024 * 1024;
const CHUNK = 256 * 1024;
/**
 * Read a tar (or a gzip-compressed tar, decompressed once into a temp file
 * under `tmpDir` so its entries can be read back by offset) from start to
 * end: every regular file's offset, size and digest. Never extracts.
 */
async function indexTar(path, text, options = {}) {
    const gzip = await startsWithGzipMagic(path);
    let temp;
    const close = async () => {
        const dir = temp;
        temp = undefined;
        if (dir !== undefined)
            await (0,promises_.rm)(dir, { recursive: true, force: true });
    };
    let file = path;
    if (gzip) {
        temp = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tmpDir ?? (0,external_node_os_.tmpdir)(), 'tagship-archive-'));
        file = (0,external_node_path_.join)(temp, 'image.tar');
    }
    const input = (0,external_node_fs_.createReadStream)(path, { highWaterMark: CHUNK });
    const chunks = gzip ? gunzipInto(input, file) : input;
    const reader = new ByteReader(chunks[Symbol.asyncIterator]());
    try {
        try {
            const { files, names } = await scan(reader, text, gzip);
            return { file, files, names, close };
        }
        finally {
            await reader.close().catch(() => undefined);
            input.destroy();
        }
    }
    catch (e) {
        await close();
        throw readFailure(e, text);
    }
}
async function scan(reader, text, gzip) {
    const files = new Map();
    const names = [];
    const links = [];
    let next = {};
    for (let first = true;; first = false) {
        const at = reader.position;
        const block = await reader.take(tar_header/* BLOCK */.IE);
        if (block.length === 0 && !first)
            throw (0,problems/* truncated */.ps)(text, `it ends after ${at} bytes, without the tar end-of-archive marker`);
        if (block.length < tar_header/* BLOCK */.IE && !first)
            throw (0,problems/* truncated */.ps)(text, `it ends inside the tar header at byte ${at}`);
        if (block.length === tar_header/* BLOCK */.IE && (0,tar_header/* isZeroBlock */.ei)(block))
            break;
        const header = block.length === tar_header/* BLOCK */.IE ? (0,tar_header/* parseHeader */.RW)(block) : undefined;
        if (!header) {
            if (first)
                throw notTar(text, gzip);
            throw (0,problems/* damaged */.qM)(text, `the tar header at byte ${at} is not valid`);
        }
        const { type } = header;
        const meta = type === 'x' || type === 'g' || type === 'L' || type === 'K';
        const size = meta ? header.size : (next.size ?? header.size);
        if (!Number.isSafeInteger(size) || size < 0)
            throw (0,problems/* damaged */.qM)(text, `the tar header at byte ${at} has an invalid size`);
        if (meta) {
            if (size > META_LIMIT)
                throw (0,problems/* damaged */.qM)(text, `the tar header at byte ${at} announces ${size} bytes of names`);
            const data = await reader.take(size);
            if (data.length < size)
                throw (0,problems/* truncated */.ps)(text, `it ends inside the tar header at byte ${at}`);
            if (type === 'x') {
                const pax = (0,tar_header/* parsePax */.dA)(data);
                const paxSize = pax.get('size');
                next = {
                    ...next,
                    ...(pax.has('path') ? { path: pax.get('path') } : {}),
                    ...(pax.has('linkpath') ? { linkpath: pax.get('linkpath') } : {}),
                    ...(paxSize !== undefined ? { size: /^\d+$/.test(paxSize) ? Number(paxSize) : NaN } : {})
                };
            }
            else if (type === 'L')
                next = { ...next, path: cString(data) };
            else if (type === 'K')
                next = { ...next, linkpath: cString(data) };
            await skip(reader, (0,tar_header/* padding */.Ms)(size), text, `the tar header at byte ${at}`);
            continue;
        }
        const name = (0,tar_header/* normalizeName */.Pc)(next.path ?? header.name);
        const linkname = next.linkpath ?? header.linkname;
        next = {};
        if (type === '0' || type === '7') {
            files.set(name, await readFile(reader, name, size, text));
            names.push(name);
        }
        else {
            if (type === '1' || type === '2')
                links.push({ name, target: linkname, hard: type === '1' });
            names.push(type === '5' ? `${name}/` : name);
            await skip(reader, size, text, name);
        }
        await skip(reader, (0,tar_header/* padding */.Ms)(size), text, name);
    }
    resolveLinks(files, links);
    return { files, names };
}
/** Pass over a file's data once: hash it, keep it when it is small JSON. */
async function readFile(reader, name, size, text) {
    const offset = reader.position;
    const algorithm = name.startsWith('blobs/sha512/') ? 'sha512' : 'sha256';
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    let keep = size <= KEEP_LIMIT ? undefined : false;
    const pieces = [];
    const got = await reader.pass(size, (piece) => {
        hash.update(piece);
        keep ??= JSON_START.has(piece[0]);
        if (keep)
            pieces.push(Buffer.from(piece));
    });
    if (got < size)
        throw (0,problems/* truncated */.ps)(text, `it ends inside ${name} (${got} of its ${size} bytes)`);
    const digest = `${algorithm}:${hash.digest('hex')}`;
    return { name, offset, size, digest, ...(keep ? { data: Buffer.concat(pieces) } : {}) };
}
async function skip(reader, n, text, what) {
    if ((await reader.pass(n)) < n)
        throw (0,problems/* truncated */.ps)(text, `it ends inside ${what}`);
}
/** Hard links name the archive path; symbolic links are relative to their folder. */
function resolveLinks(files, links) {
    for (let round = 0, changed = true; changed && round < 16; round++) {
        changed = false;
        for (const link of links) {
            if (files.has(link.name))
                continue;
            const target = link.hard || link.target.startsWith('/')
                ? (0,tar_header/* normalizeName */.Pc)(link.target)
                : (0,tar_header/* normalizeName */.Pc)(external_node_path_.posix.join(external_node_path_.posix.dirname(link.name), link.target));
            const file = files.get(target);
            if (file) {
                files.set(link.name, { ...file, name: link.name });
                changed = true;
            }
        }
    }
}
/** Decompress once: each chunk is written to `file` before the scan sees it. */
async function* gunzipInto(input, file) {
    const gunzip = (0,external_node_zlib_.createGunzip)({ chunkSize: CHUNK });
    (0,external_node_stream_promises_.pipeline)(input, gunzip).catch(() => undefined);
    const out = await (0,promises_.open)(file, 'wx');
    try {
        for await (const chunk of gunzip) {
            await out.write(chunk);
            yield chunk;
        }
    }
    finally {
        gunzip.destroy();
        await out.close();
    }
}
async function startsWithGzipMagic(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
        return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
    }
    finally {
        await handle.close();
    }
}
function notTar(text, gzip) {
    const what = gzip ? ' (it is gzip-compressed, but what it holds is not a tar)' : '';
    return (0,problems/* sourceError */.I8)(text, `is not a tar archive${what}: give the tar that build-push-action (outputs: type=oci,dest=PATH), buildah or docker save wrote`);
}
/** zlib and file system failures, said about the input. */
function readFailure(e, text) {
    const code = e?.code;
    if (typeof code !== 'string' || e.name === 'InputError')
        return e;
    if (code === 'Z_BUF_ERROR')
        return (0,problems/* truncated */.ps)(text, 'its gzip stream ends early');
    if (code.startsWith('Z_'))
        return (0,problems/* damaged */.qM)(text, `its gzip stream is corrupt (${e.message})`);
    return (0,problems/* sourceError */.I8)(text, `cannot be read (${e.message}): check the file`);
}
function cString(data) {
    const end = data.indexOf(0);
    return data.toString('utf8', 0, end === -1 ? data.length : end);
}

;// CONCATENATED MODULE: ./src/archive/open.ts






const WRITTEN_BY = {
    'oci-archive': 'build-push-action writes it with outputs: type=oci,dest=PATH',
    oci: 'build-push-action writes it with outputs: type=oci,dest=DIR,tar=false',
    'docker-archive': 'build-push-action writes it with outputs: type=docker,dest=PATH'
};
/**
 * Open the image a file source names, without unpacking it: a tar is read
 * once for its table of contents (and every blob's digest), a folder's blobs
 * are hashed; the image to publish is selected, and every blob it (and the
 * layout's artifacts) needs is checked to be there and intact. Any problem
 * is an InputError about the `source` input, before anything else happens.
 */
async function openFileImage(source, options = {}) {
    const { kind, path, text } = source;
    const info = await (0,promises_.stat)(path).catch((e) => {
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR')
            throw (0,problems/* sourceError */.I8)(text, `does not exist: check the path; ${WRITTEN_BY[kind]}`);
        throw (0,problems/* sourceError */.I8)(text, `cannot be read (${e.message}): check the path and its permissions`);
    });
    checkKind(info, source);
    const store = kind === 'oci' ? folderStore(path) : tarStore(await indexTar(path, text, options));
    let opened;
    try {
        opened = await openImage(store, source);
    }
    catch (e) {
        await store.close();
        throw e;
    }
    const { top, layoutDescriptors, content } = opened;
    return {
        name: text,
        top,
        layoutDescriptors,
        manifest: content.manifest,
        openBlob: content.openBlob,
        close: () => store.close()
    };
}
function checkKind(info, source) {
    const { kind, path, text } = source;
    if (kind === 'oci') {
        if (!info.isDirectory())
            throw (0,problems/* sourceError */.I8)(text, `is a file, not a folder: oci: reads an OCI image layout folder; for a tar, write oci-archive:${path}`);
        return;
    }
    if (info.isDirectory())
        throw (0,problems/* sourceError */.I8)(text, `is a folder, not a file: ${kind}: reads a tar; for an OCI image layout folder, write oci:${path}`);
    if (!info.isFile())
        throw (0,problems/* sourceError */.I8)(text, `is not a regular file: give the tar itself`);
}
/** An OCI image layout, or else (docker-archive only) a legacy `docker save` tar. */
async function openImage(store, source) {
    const { kind, path, text } = source;
    const has = async (name) => (await store.size(name)) !== undefined;
    const index = await has('index.json');
    const layout = await has('oci-layout');
    if (index && layout)
        return openLayout(store, source);
    const docker = await has('manifest.json');
    if (kind === 'docker-archive' && docker)
        return (0,docker_archive/* openDockerArchive */.Vw)(store, source);
    if (index || layout)
        throw (0,problems/* sourceError */.I8)(text, `is not a complete OCI image layout: it has ${index ? 'index.json' : 'oci-layout'} but no ${index ? 'oci-layout' : 'index.json'}; build the archive again`);
    if (docker)
        throw (0,problems/* sourceError */.I8)(text, `is a docker save archive, not an OCI image layout (it has manifest.json, no index.json or oci-layout): write docker-archive:${path}`);
    const names = await store.topNames();
    const found = names.length === 0 ? 'it is empty' : `it holds ${(0,problems/* listText */.so)(names, 6)}`;
    throw (0,problems/* sourceError */.I8)(text, kind === 'docker-archive'
        ? `is not a docker save archive: it has no manifest.json or index.json (${found}); give the tar docker save wrote`
        : `is not an OCI image layout: it has no index.json or oci-layout (${found}); ${WRITTEN_BY[kind]}`);
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


/***/ }),

/***/ 7702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ toWebStream),
/* harmony export */   V: () => (/* binding */ watched)
/* harmony export */ });
/** Node streams and web streams alike, as a web stream of bytes. */
function toWebStream(source) {
    if (source instanceof ReadableStream)
        return source;
    if (typeof source.getReader === 'function')
        return source;
    const it = source[Symbol.asyncIterator]();
    return new ReadableStream({
        async pull(controller) {
            const { done, value } = await it.next();
            if (done)
                controller.close();
            else
                controller.enqueue(typeof value === 'string' ? Buffer.from(value) : value);
        },
        async cancel(reason) {
            await it.return?.(reason);
        }
    });
}
/** Remember why a source stream failed: fetch only says the request body broke. */
function watched(source) {
    let failure;
    // Once the request gives up on the body (a reset connection), a read still
    // in flight may fail only because the stream closed: not the source's fault.
    let cancelled = false;
    const reader = source.getReader();
    const stream = new ReadableStream({
        async pull(controller) {
            try {
                const { done, value } = await reader.read();
                if (cancelled)
                    return;
                if (done)
                    controller.close();
                else
                    controller.enqueue(value);
            }
            catch (e) {
                if (!cancelled)
                    failure = e;
                throw e;
            }
        },
        cancel: (reason) => {
            cancelled = true;
            return reader.cancel(reason);
        }
    });
    return { stream, failure: () => failure };
}


/***/ })

};
