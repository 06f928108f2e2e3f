export const id = 596;
export const ids = [596];
export const modules = {

/***/ 8596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PREVIEW_ACTIONS: () => (/* binding */ PREVIEW_ACTIONS),
/* harmony export */   blockedTags: () => (/* binding */ blockedTags),
/* harmony export */   contentText: () => (/* binding */ contentText),
/* harmony export */   countActions: () => (/* binding */ countActions),
/* harmony export */   previewFailure: () => (/* binding */ previewFailure),
/* harmony export */   previewTally: () => (/* binding */ previewTally)
/* harmony export */ });
/* harmony import */ var _distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2697);

/** Actions in the order the tally line lists them. */
const PREVIEW_ACTIONS = [
    'create',
    'update',
    'unchanged',
    'kept',
    'blocked'
];
/** The tags the release could not write, target by target. */
function blockedTags(result) {
    return result.targets.flatMap((t) => t.tags.filter((tag) => tag.action === 'blocked'));
}
function countActions(result) {
    const counts = {
        create: 0,
        update: 0,
        unchanged: 0,
        kept: 0,
        blocked: 0
    };
    for (const t of result.targets)
        for (const tag of t.tags)
            counts[tag.action]++;
    return counts;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** `4 tags on 1 target: 1 create, 2 update, 1 kept`; actions at 0 are left out. */
function previewTally(result) {
    const counts = countActions(result);
    const total = PREVIEW_ACTIONS.reduce((sum, a) => sum + counts[a], 0);
    const parts = PREVIEW_ACTIONS.filter((a) => counts[a] > 0).map((a) => `${counts[a]} ${a}`);
    const head = `${plural(total, 'tag')} on ${plural(result.targets.length, 'target')}`;
    return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}
/**
 * The step's failure when any tag is blocked, in one line naming them; undefined
 * when every tag can be written (or needs no write).
 */
function previewFailure(result) {
    const blocked = blockedTags(result);
    if (blocked.length === 0)
        return undefined;
    return `the release would not land ${plural(blocked.length, 'tag')}: ${blocked.map((t) => t.reference).join(', ')} (blocked: see the preview for why and the fix)`;
}
/** One line for what a target would get: `blobs: 2 to upload (1.2 KiB), 1 to mount, …`. */
function contentText(content) {
    switch (content.kind) {
        case 'copy':
            return `blobs: ${content.blobsUploaded} to upload (${(0,_distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(content.bytesUploaded)}), ${content.blobsMounted} to mount, ${content.blobsPresent} already there; manifests: ${content.manifestsWritten} to write, ${content.manifestsPresent} already there`;
        case 'docker push':
            return 'docker push sends the layers the registry lacks (how many is known only as it pushes)';
        case 'upload':
            return 'docker save, each layer compressed once, then the layers the registry lacks are uploaded (how many is known once they are compressed)';
        case 'none':
            return content.why;
    }
}


/***/ })

};
