export { credentialSources } from '../registry/credentials/sources.js'
