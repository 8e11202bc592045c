export { LineRecurrence, normalizeLineKey } from './lineRecurrence';
export { hashLineKey, lineHash } from './lineKey';
export { RecurrenceTable, buildRecurrenceTable, distinctLineKeys, fileLineHashes, fileLineKeys, type RecurrenceTableData } from './recurrenceTable';
