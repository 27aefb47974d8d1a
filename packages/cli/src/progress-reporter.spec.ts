import { afterEach, describe, expect, it, vi } from 'vitest';

import { createProgressReporter } from './progress-reporter.ts';
import { createBufferIo } from './testing/buffer-io.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('createProgressReporter without a terminal', () => {
  it('prints the first and the last progress line of a stage', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const io = createBufferIo(process.cwd());
    const reporter = createProgressReporter(io, 'info');
    for (let done = 1; done <= 4; done++) reporter.progress({ stageId: 'code', done, total: 4 });
    expect(io.err()).toBe(
      '2026-01-01T00:00:00.000Z info [code] progress 1/4\n2026-01-01T00:00:00.000Z info [code] progress 4/4\n',
    );
  });

  it('prints again once the interval has passed', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const io = createBufferIo(process.cwd());
    const reporter = createProgressReporter(io, 'info');
    reporter.progress({ stageId: 'save', done: 1, message: 'a' });
    vi.setSystemTime(new Date('2026-01-01T00:00:06Z'));
    reporter.progress({ stageId: 'save', done: 2, message: 'b' });
    expect(io.err().split('\n')).toEqual([
      '2026-01-01T00:00:00.000Z info [save] progress 1 (a)',
      '2026-01-01T00:00:06.000Z info [save] progress 2 (b)',
      '',
    ]);
  });

  it('hides progress and info records at level warn', () => {
    const io = createBufferIo(process.cwd());
    const reporter = createProgressReporter(io, 'warn');
    reporter.progress({ stageId: 'code', done: 1, total: 1 });
    reporter.log({ level: 'info', message: 'started', time: new Date() });
    reporter.log({ level: 'warn', message: 'slow', source: 'code', time: new Date('2026-01-01T00:00:00Z') });
    expect(io.err()).toBe('2026-01-01T00:00:00.000Z warn [code] slow\n');
  });
});

describe('createProgressReporter on a terminal', () => {
  it('draws a bar per stage', () => {
    const io = createBufferIo(process.cwd());
    Object.assign(io.stderr, { isTTY: true, columns: 100 });
    const reporter = createProgressReporter(io, 'info');
    reporter.progress({ stageId: 'code', done: 1, total: 2, message: 'camera' });
    reporter.progress({ stageId: 'code', done: 2, total: 2, message: 'coffee' });
    reporter.stop();
    expect(io.err()).toContain('code [');
    expect(io.err()).toContain('2/2 coffee');
  });
});
