export const id = 818;
export const ids = [818];
export const modules = {

/***/ 818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionEdge: () => (/* binding */ actionEdge)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __webpack_require__(3838);
;// CONCATENATED MODULE: ./src/credentials/sources.ts
/**
 * The AWS and Azure SDK paths, for a login step that needs them (the action's and the CLI's).
 * Each SDK is imported only when a login calls it: most runs use neither, and loading them
 * up front is most of the bundle's start-up time (the bundler puts each in its own chunk).
 */
function credentialSources() {
    return {
        ecr: async (provider, aws, options) => {
            const { ecrCredentials } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(780)]).then(__webpack_require__.bind(__webpack_require__, 3780));
            return ecrCredentials(provider, aws, options);
        },
        ecrPublic: async (aws, options) => {
            const { ecrPublicCredentials } = await Promise.all(/* import() */[__webpack_require__.e(249), __webpack_require__.e(821), __webpack_require__.e(780), __webpack_require__.e(72)]).then(__webpack_require__.bind(__webpack_require__, 1691));
            return ecrPublicCredentials(aws, options);
        },
        acrOidc: async (registry, azure, options) => {
            const { acrOidcCredentials } = await Promise.all(/* import() */[__webpack_require__.e(738), __webpack_require__.e(952), __webpack_require__.e(100)]).then(__webpack_require__.bind(__webpack_require__, 9100));
            return acrOidcCredentials(registry, azure, options);
        },
        // No SDK (two fetch calls), but most runs have no Google target to load it for.
        gcpOidc: async (gcp, options) => {
            const { gcpOidcCredentials } = await __webpack_require__.e(/* import() */ 320).then(__webpack_require__.bind(__webpack_require__, 4320));
            return gcpOidcCredentials(gcp, options);
        },
        dockerhubOidc: async (hub, options) => {
            const { dockerhubOidcCredentials } = await __webpack_require__.e(/* import() */ 747).then(__webpack_require__.bind(__webpack_require__, 3747));
            return dockerhubOidcCredentials(hub, options);
        }
    };
}

// EXTERNAL MODULE: ./src/push/events.ts
var events = __webpack_require__(9515);
// EXTERNAL MODULE: ./src/push/session.ts + 1 modules
var session = __webpack_require__(3885);
// EXTERNAL MODULE: ./src/docker/config.ts
var config = __webpack_require__(656);
;// CONCATENATED MODULE: ./src/action/state.ts

const KEY = 'tagship';
function savePostState(state) {
    lib_core/* saveState */.LZ(KEY, JSON.stringify(state));
}
function readPostState() {
    const text = core.getState(KEY);
    if (text === '')
        return undefined;
    return JSON.parse(text);
}

;// CONCATENATED MODULE: ./src/action/publish-env.ts






/**
 * The action's side of a publish: log groups and warnings through
 * @actions/core, every secret masked, the post step told about each docker
 * login, and DOCKER_CONFIG exported for later steps when `logout: false`.
 */
function actionEdge(inputs) {
    const { logout } = inputs.auth;
    return {
        log: {
            info: (line) => lib_core/* info */.pq(line),
            warning: (line) => lib_core/* warning */.$e(line),
            error: (line) => lib_core/* error */.z3(line),
            group: (title, work) => lib_core/* group */.Os(title, work)
        },
        mask: (secret) => lib_core/* setSecret */.Pq(secret),
        // The log groups get the same words for every event as the CLI's plain lines.
        events: events/* printEvent */.I,
        client: clientOptions(inputs),
        sources: credentialSources(),
        login: {
            getIdToken: (audience) => lib_core/* getIDToken */.V9(audience),
            configParent: process.env.RUNNER_TEMP,
            // Exported for later steps, the config keeps the logins the job already had.
            ...(logout ? {} : { seedConfig: (0,config/* seedFromJob */.l3)((0,config/* readJobConfig */.md)((0,config/* jobConfigPath */.X3)(process.env))) }),
            onDockerLogins: (state) => savePostState({ ...state, logout })
        },
        loggedIn: ({ configDir, dockerLogins }) => {
            if (configDir === undefined || logout)
                return;
            lib_core/* exportVariable */.dN('DOCKER_CONFIG', configDir);
            savePostState({ configDir, dockerLogins, logout: false, exported: true });
            lib_core/* info */.pq(`DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`);
        }
    };
}
/**
 * The registry client's timeouts, retries and `insecure-registries`, from the
 * publishing inputs; the logins use them too. The list names hosts, so each
 * client relaxes TLS only for the registries listed.
 */
function clientOptions(inputs) {
    return (0,session/* clientOptionsOf */.RS)(inputs, (message) => lib_core/* info */.pq(message));
}


/***/ })

};
