// For implementers of `HistoryStore` (@org/history and third-party stores), not for apps.
export type { HistoryWindowOptions } from '../history/store-support';
export {
  checkAppendArguments,
  checkLoadArguments,
  parseHandoff,
  parseHistoryMessage,
  resolveHistoryWindow,
} from '../history/store-support';
