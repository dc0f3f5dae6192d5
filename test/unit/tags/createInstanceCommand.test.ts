import { describe, expect, it, vi } from 'vitest';
import { createInstanceCommand, installInstanceCommand } from '../../../src/tags/createInstanceCommand';
import { createCollectorSharedModule } from '../../../src/tags/sharedModules/createCollectorSharedModule';
import { fakePage } from './fakePage';

const noOtherInstance = (name: string): never => {
  throw new Error(`no instance ${name} in this test`);
};

describe("an instance's global command function (Adobe's alloy(...) in Tags custom code)", () => {
  it("runs the standalone script's commands on the instance's collector", async () => {
    const { page } = fakePage();
    const command = createInstanceCommand(createCollectorSharedModule(page, noOtherInstance));
    await expect(command('sendEvent', { eventType: 'x' })).resolves.toMatchObject({
      requestId: 'req-event',
    });
    expect(page.lastRequestId()).toBe('req-event');
  });

  it('rejects (never throws) an unknown command, naming the known ones', async () => {
    const { page } = fakePage();
    const command = createInstanceCommand(createCollectorSharedModule(page, noOtherInstance));
    await expect(command('configure', {})).rejects.toMatchObject({
      code: 'unknown-command',
      message: expect.stringContaining(
        'sendEvent, setConsent, streamRecord, getIdentity, appendIdentityToUrl',
      ),
    });
    await expect(command('hasOwnProperty')).rejects.toMatchObject({ code: 'unknown-command' });
  });

  it('rejects every command while the configuration is invalid', async () => {
    const { page } = fakePage({});
    const command = createInstanceCommand(createCollectorSharedModule(page, noOtherInstance));
    await expect(command('getIdentity')).rejects.toMatchObject({ code: 'not-configured' });
    await expect(command('appendIdentityToUrl', { url: 'https://a.example/' })).rejects.toMatchObject({
      code: 'not-configured',
    });
  });

  it('leaves a global that is already there alone and says so', () => {
    const page = { edgeCollector: 'the standalone script' } as Record<string, unknown>;
    const warn = vi.fn();
    const command = () => Promise.resolve();
    installInstanceCommand(page, 'edgeCollector', command, warn);
    installInstanceCommand(page, 'brand', command, warn);
    expect(page).toEqual({ edgeCollector: 'the standalone script', brand: command });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/window\.edgeCollector is taken/);
  });
});
