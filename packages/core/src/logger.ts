/**
 * The single logging module. Library code logs through a `Logger`; the CLI
 * decides where lines go. The default logger is silent, so tests print nothing.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  /** Stage or component that logged the line, when known. */
  readonly source?: string;
  readonly time: Date;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Returns a logger that tags each record with `source`. */
  child(source: string): Logger;
}

export type LogSink = (record: LogRecord) => void;

/** Creates a logger that forwards records at or above `minLevel` to `sink`. */
export function createLogger(sink: LogSink, minLevel: LogLevel = 'info', source?: string): Logger {
  const emit = (level: LogLevel, message: string): void => {
    if (LEVEL_ORDER[level] >= LEVEL_ORDER[minLevel]) {
      sink({ level, message, source, time: new Date() });
    }
  };
  return {
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m) => emit('error', m),
    child: (child) => createLogger(sink, minLevel, source === undefined ? child : `${source}/${child}`),
  };
}

/** A logger that drops every record. */
export const silentLogger: Logger = createLogger(() => undefined, 'error');

/** Formats a record as one plain text line: `2026-12-04T20:00:00.000Z info [stage] message`. */
export function formatLogRecord(record: LogRecord): string {
  const source = record.source === undefined ? '' : ` [${record.source}]`;
  return `${record.time.toISOString()} ${record.level}${source} ${record.message}`;
}
