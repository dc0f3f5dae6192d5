// A fresh browser context and page for one measurement, so no run inherits another's state.
import { pageHooks } from './pageHooks.mjs';

/**
 * Opens a page in a new context (own cookies, HTTP cache and IndexedDB, hence a first visit
 * every time), with the bench hooks installed, an optional CPU slowdown, and the DevTools
 * `Performance` domain on. `cdp` is the page's DevTools session; `close()` disposes of the context.
 */
export async function openBenchPage(browser, { cpuSlowdown = 1 } = {}) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    await context.addInitScript(pageHooks);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (cpuSlowdown !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await cdp.send('Performance.enable');
    /** Main-thread counters in milliseconds: task, script and compile time so far. */
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const value = (name) => (list.find((metric) => metric.name === name)?.value ?? NaN) * 1000;
      return {
        taskMs: value('TaskDuration'),
        scriptMs: value('ScriptDuration'),
        compileMs: value('V8CompileDuration'),
      };
    };
    return { page, cdp, metrics, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}
