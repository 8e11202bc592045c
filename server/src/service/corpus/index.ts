export { LineRecurrence, normalizeLineKey } from './lineRecurrence';
export { hashLineKey, lineHash } from './lineKey';
