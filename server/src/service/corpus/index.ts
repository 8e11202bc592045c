export { LineRecurrence, normalizeLineKey } from './lineRecurrence';
export { hashLineKey } from './lineKey';
