import assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { z } from 'zod';

/** Screens load after /api/me and friends on a busy machine: long, but a wait ends as soon as it is met. */
export const SCREEN_MS = 20_000;

const ZBridgeCallSchema = z.object({ eventType: z.string(), eventData: z.unknown().optional() });
export type TBridgeCall = z.infer<typeof ZBridgeCallSchema>;

/**
 * Polygram's Mini App in the emulator's phone-sized panel: the app itself in its iframe, and the client's
 * parts around it (header back/close button, bottom buttons, the payment sheet, the bridge log).
 */
export class MiniAppPanel {
  private constructor(
    readonly page: Page,
    readonly frame: Frame,
  ) {}

  /** Taps the chat's menu button (the bot set it to the Mini App) and waits for the app's first screen. */
  static async openFromMenu(page: Page): Promise<MiniAppPanel> {
    await page.getByTestId('menu-button').click();
    const element = page.getByTestId('miniapp-frame');
    await element.waitFor();
    const frame = await (await element.elementHandle())?.contentFrame();
    assert.ok(frame, 'the panel frames the Mini App');
    const panel = new MiniAppPanel(page, frame);
    await panel.frame.getByTestId('page-title').waitFor({ timeout: SCREEN_MS });
    return panel;
  }

  byTestId(testId: string): Locator {
    return this.frame.getByTestId(testId);
  }

  async text(testId: string): Promise<string> {
    return ((await this.byTestId(testId).first().textContent({ timeout: SCREEN_MS })) ?? '').trim();
  }

  async waitForTitle(text: string | RegExp): Promise<void> {
    await this.byTestId('page-title').filter({ hasText: text }).waitFor({ timeout: SCREEN_MS });
  }

  /** The BackButton in the panel's header, which the app shows on every screen but home. */
  async back(): Promise<void> {
    await this.page.getByTestId('miniapp-back').click();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('miniapp-close').click();
    await this.page.getByTestId('miniapp-panel').waitFor({ state: 'detached' });
  }

  /**
   * Starts recording what the app posts to the client (the Mini Apps protocol, as the panel receives it),
   * for calls whose effect the emulator does not show; `waitFor` answers the first call of a method.
   */
  async recordBridgeCalls(): Promise<{ waitFor(method: string, timeoutMs: number): Promise<TBridgeCall> }> {
    await this.page.evaluate(`(() => {
      const calls = [];
      window.__bridgeCalls = calls;
      window.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        try { calls.push(JSON.parse(event.data)); } catch {}
      });
    })()`);
    const calls = async () =>
      z
        .array(z.unknown())
        .parse(await this.page.evaluate('window.__bridgeCalls'))
        .flatMap((call) => {
          const parsed = ZBridgeCallSchema.safeParse(call);
          return parsed.success ? [parsed.data] : [];
        });
    return {
      waitFor: async (method, timeoutMs) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const call = (await calls()).find((candidate) => candidate.eventType === method);
          if (call) return call;
          assert.ok(Date.now() < deadline, `the app never called ${method}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
    };
  }

  /**
   * Every value the upload bar of `kind` shows from now on (it appears once the upload starts), read in the
   * app's own document.
   */
  async watchUploadBar(kind: string): Promise<() => Promise<number[]>> {
    await this.frame.evaluate(`(() => {
      const seen = [];
      window.__uploadValues = seen;
      const record = () => {
        const value = document.querySelector('[data-testid="task-upload-${kind}"]')?.getAttribute('data-value');
        if (value != null && seen.at(-1) !== Number(value)) seen.push(Number(value));
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'],
      });
    })()`);
    return async () => z.array(z.number()).parse(await this.frame.evaluate('window.__uploadValues'));
  }
}
