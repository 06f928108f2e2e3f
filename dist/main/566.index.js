export const id = 566;
export const ids = [566,596];
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


/***/ }),

/***/ 5566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   previewSummary: () => (/* binding */ previewSummary),
/* harmony export */   previewText: () => (/* binding */ previewText),
/* harmony export */   referrersPreviewLine: () => (/* binding */ referrersPreviewLine)
/* harmony export */ });
/* harmony import */ var _distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2697);
/* harmony import */ var _push_preview_result_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8596);
/* harmony import */ var _referrers_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);



/** Targets grouped by registry, in the plan's order. */
function byRegistry(result) {
    const groups = new Map();
    for (const t of result.targets) {
        const list = groups.get(t.repository.registry) ?? [];
        list.push(t);
        groups.set(t.repository.registry, list);
    }
    return [...groups];
}
/** The row of one tag: the tag as `path:tag` (the registry heads the table), and its cells. */
function row(target, tag, result) {
    const to = tag.to !== undefined
        ? (0,_distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(tag.to)
        : result.localImage !== undefined && tag.action !== 'kept'
            ? `local image ${(0,_distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(result.localImage)}`
            : '-';
    return [
        `${target.repository.path}:${tag.tag}`,
        tag.action,
        tag.from !== undefined ? (0,_distribution_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .short */ .h0)(tag.from) : '-',
        to,
        tag.reason ?? ''
    ];
}
/** `1 signature to copy; 1 SBOM already there; 1 kept`. */
function referrersPreviewLine(referrers) {
    const of = (action) => referrers.filter((r) => r.action === action);
    const parts = [];
    const copy = of('copy');
    if (copy.length > 0)
        parts.push(`${(0,_referrers_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .referrerSummary */ .W)(copy)} to copy`);
    const there = of('already there');
    if (there.length > 0)
        parts.push(`${(0,_referrers_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .referrerSummary */ .W)(there)} already there`);
    const kept = of('kept');
    if (kept.length > 0)
        parts.push(`${(0,_referrers_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .referrerSummary */ .W)(kept)} kept (the target's own)`);
    return parts.join('; ') || 'none';
}
/** What a target is and would get, line by line (without its tags). */
function targetLines(t) {
    return [
        `push: ${t.permission.status} (${t.permission.detail})`,
        ...(t.note !== undefined ? [`repository: ${t.note}`] : []),
        `content: ${(0,_push_preview_result_js__WEBPACK_IMPORTED_MODULE_1__.contentText)(t.content)}`,
        ...(t.referrers !== undefined ? [`referrers: ${referrersPreviewLine(t.referrers)}`] : [])
    ];
}
function digestLine(result) {
    if (result.digest !== '')
        return result.digest;
    if (result.localImage !== undefined)
        return `unknown until the local image ${result.localImage} is compressed and pushed`;
    return '(none)';
}
const HEAD = ['TAG', 'ACTION', 'FROM', 'TO', 'WHY'];
/**
 * The preview as plain lines, for the action's log and the CLI's stdout:
 * per registry its targets (push permission, content, referrers), then one
 * table of every tag (TAG ACTION FROM TO WHY), columns aligned; then the tally.
 */
function previewText(result) {
    const lines = ['preview: nothing was written', `digest: ${digestLine(result)}`];
    for (const [registry, targets] of byRegistry(result)) {
        lines.push(`registry ${registry}`);
        for (const t of targets) {
            lines.push(`  ${t.repository.path}`);
            for (const line of targetLines(t))
                lines.push(`    ${line}`);
        }
        const rows = [HEAD, ...targets.flatMap((t) => t.tags.map((tag) => row(t, tag, result)))];
        if (rows.length === 1) {
            lines.push('  (no tags)');
            continue;
        }
        const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
        for (const r of rows)
            lines.push(`  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd());
    }
    if (result.platforms)
        lines.push(`platforms: ${result.platforms.kept.join(', ')} (dropped ${result.platforms.dropped.join(', ')}; the source is ${result.platforms.sourceDigest})`);
    lines.push((0,_push_preview_result_js__WEBPACK_IMPORTED_MODULE_1__.previewTally)(result));
    return `${lines.join('\n')}\n`;
}
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text) => `\`${cell(text)}\``;
const codeOrBlank = (text) => (text === '-' || text === '' ? '' : code(text));
/**
 * The job summary of a preview: per registry its targets (push permission,
 * content, referrers) and one table, Tag | Action | From | To | Why.
 */
function previewSummary(plan, result) {
    const lines = [`## tagship preview${plan.version ? `: ${plan.version}` : ''}`, ''];
    lines.push('Preview (`push: preview`): every registry was read, and nothing was written.', '');
    if (plan.source !== undefined)
        lines.push(`Source: \`${plan.source}\``, '');
    lines.push(result.digest !== '' ? `Digest: ${code(result.digest)}` : `Digest: ${cell(digestLine(result))}`, '');
    for (const [registry, targets] of byRegistry(result)) {
        lines.push(`### ${code(registry)}`, '');
        for (const t of targets)
            lines.push(`- ${code(t.repository.path)}: ${cell(targetLines(t).join('; '))}`);
        lines.push('');
        const rows = targets.flatMap((t) => t.tags.map((tag) => row(t, tag, result)));
        if (rows.length === 0) {
            lines.push('No tags.', '');
            continue;
        }
        lines.push('| Tag | Action | From | To | Why |', '| --- | --- | --- | --- | --- |');
        for (const [tag, action, from, to, why] of rows)
            lines.push(`| ${code(tag)} | ${action} | ${codeOrBlank(from)} | ${to.startsWith('local image') ? cell(to) : codeOrBlank(to)} | ${cell(why)} |`);
        lines.push('');
    }
    if (result.platforms)
        lines.push(`Platforms: ${result.platforms.kept.map(code).join(', ')} (dropped ${result.platforms.dropped.map(code).join(', ')}: a new index, not the source's ${code(result.platforms.sourceDigest)})`, '');
    lines.push(`**${(0,_push_preview_result_js__WEBPACK_IMPORTED_MODULE_1__.previewTally)(result)}**`);
    for (const w of plan.warnings)
        lines.push('', `> **Warning:** ${cell(w)}`);
    return `${lines.join('\n')}\n`;
}


/***/ })

};
