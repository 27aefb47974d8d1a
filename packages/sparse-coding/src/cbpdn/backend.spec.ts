import { InvalidInputError } from '@heterosparse/core';
import { describe, expect, it } from 'vitest';

import { CbpdnBackendRegistry, type CbpdnBackend } from './backend.ts';
import { createCbpdnBackendRegistry } from './default-backends.ts';

function fakeBackend(id: string, priority: number, available: boolean): CbpdnBackend {
  return {
    id,
    description: `test backend ${id}`,
    priority,
    isAvailable: async () => available,
    solve: async () => {
      throw new Error('not used');
    },
  };
}

describe('CbpdnBackendRegistry', () => {
  it('selects the available backend with the highest priority for auto', async () => {
    const registry = new CbpdnBackendRegistry()
      .register(fakeBackend('slow', 0, true))
      .register(fakeBackend('fast', 10, true))
      .register(fakeBackend('gpu', 20, false));
    expect((await registry.select('auto')).id).toBe('fast');
  });

  it('selects a backend by id', async () => {
    const registry = new CbpdnBackendRegistry().register(fakeBackend('slow', 0, true)).register(fakeBackend('fast', 10, true));
    expect((await registry.select('slow')).id).toBe('slow');
  });

  it('rejects an unknown id and lists the known ones', async () => {
    const registry = new CbpdnBackendRegistry().register(fakeBackend('slow', 0, true));
    await expect(registry.select('cuda')).rejects.toThrow(InvalidInputError);
    await expect(registry.select('cuda')).rejects.toThrow(/unknown CBPDN backend "cuda"; known backends: auto, slow/);
  });

  it('rejects an unavailable backend', async () => {
    const registry = new CbpdnBackendRegistry().register(fakeBackend('gpu', 20, false));
    await expect(registry.select('gpu')).rejects.toThrow(/not available on this machine/);
    await expect(registry.select('auto')).rejects.toThrow(/no CBPDN backend is available/);
  });

  it('rejects duplicate ids and the id auto', () => {
    const registry = new CbpdnBackendRegistry().register(fakeBackend('slow', 0, true));
    expect(() => registry.register(fakeBackend('slow', 1, true))).toThrow(/already registered/);
    expect(() => registry.register(fakeBackend('auto', 1, true))).toThrow(/cannot be named "auto"/);
  });

  it('lists cpu-reference among the built-in backends', () => {
    expect(createCbpdnBackendRegistry().list().map((backend) => backend.id)).toContain('cpu-reference');
  });
});
