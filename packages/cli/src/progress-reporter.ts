import cliProgress from 'cli-progress';
import { formatLogRecord, type LogLevel, type LogRecord, type ProgressEvent } from '@heterosparse/core';

import type { CommandIo } from './command.ts';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Seconds between two plain progress lines of one stage, when stderr is not a terminal. */
const LINE_INTERVAL_SECONDS = 5;

/** Sink of a run's log records and progress events on the command line. */
export interface ProgressReporter {
  log(record: LogRecord): void;
  progress(event: ProgressEvent): void;
  /** Removes the bars; call once when the run ends. */
  stop(): void;
}

/**
 * Creates the reporter of `heterosparse run`. On a terminal, each stage that
 * reports progress gets a bar, and log lines print above the bars. Otherwise
 * progress becomes a plain log line, at most one per stage every
 * `LINE_INTERVAL_SECONDS` plus one when a stage reaches its total. Records
 * below `minLevel` are not shown.
 */
export function createProgressReporter(io: CommandIo, minLevel: LogLevel): ProgressReporter {
  const print = (line: string): void => void io.stderr.write(`${line}\n`);
  const shows = (level: LogLevel): boolean => LEVELS[level] >= LEVELS[minLevel];
  return io.stderr.isTTY === true && shows('info') ? terminalReporter(io, shows) : lineReporter(print, shows);
}

function lineReporter(print: (line: string) => void, shows: (level: LogLevel) => boolean): ProgressReporter {
  const lastLine = new Map<string, number>();
  return {
    log: (record) => {
      if (shows(record.level)) print(formatLogRecord(record));
    },
    progress: (event) => {
      if (!shows('info')) return;
      const now = Date.now();
      const finished = event.total !== undefined && event.done >= event.total;
      const last = lastLine.get(event.stageId);
      if (!finished && last !== undefined && now - last < LINE_INTERVAL_SECONDS * 1000) return;
      lastLine.set(event.stageId, now);
      const total = event.total === undefined ? '' : `/${event.total}`;
      const message = event.message === undefined ? '' : ` (${event.message})`;
      print(`${new Date(now).toISOString()} info [${event.stageId}] progress ${event.done}${total}${message}`);
    },
    stop: () => undefined,
  };
}

function terminalReporter(io: CommandIo, shows: (level: LogLevel) => boolean): ProgressReporter {
  const bars = new cliProgress.MultiBar(
    {
      stream: io.stderr,
      format: '{stage} [{bar}] {value}/{total} {message}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const stageBars = new Map<string, cliProgress.SingleBar>();
  const width = { stage: 0 };
  return {
    log: (record) => {
      if (shows(record.level)) bars.log(`${formatLogRecord(record)}\n`);
    },
    progress: (event) => {
      width.stage = Math.max(width.stage, event.stageId.length);
      // A stage without a known total gets a counter instead of a bar that would look full.
      const total = event.total ?? event.done;
      const payload = { stage: event.stageId.padEnd(width.stage), message: event.message ?? '' };
      const bar = stageBars.get(event.stageId);
      if (bar === undefined) {
        const format = event.total === undefined ? { format: '{stage} {value} done {message}' } : {};
        stageBars.set(event.stageId, bars.create(total, event.done, payload, format));
      } else {
        bar.setTotal(total);
        bar.update(event.done, payload);
      }
    },
    stop: () => bars.stop(),
  };
}
