export { LineRecurrence, normalizeLineKey } from './lineRecurrence';
export { hashLineKey, lineHash } from './lineKey';
export { RecurrenceTable, buildRecurrenceTable, fileLineKeys, type RecurrenceTableData } from './recurrenceTable';
