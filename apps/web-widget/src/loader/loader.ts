// widget.js: the script of the embed tag. Tiny on purpose (≤ 2 kB gzip): it draws the launcher
// and loads the app when the browser is idle or the visitor reaches for the launcher.
import type { Boot, GlobalApi } from '../embed/protocol';
import { readyEvent } from '../embed/protocol';
import { hexColor, readableOn } from '../options/contrast';
import type { DataAttributes } from '../options/data-attributes';
import { iconPaths } from '../widget/icon-paths';
import launcherCss from '../widget/launcher.css?inline';
import type { WidgetHandle } from '../widget/render-widget';

declare const __WIDGET_APP_FILE__: string;

type Host = Window & { OrgChatWidget?: GlobalApi };

function start(script: HTMLScriptElement) {
  const data: DataAttributes = { ...script.dataset };
  data.apiUrl ??= new URL(script.src).origin;
  const host = document.createElement('org-chat-widget');
  const shadow = host.attachShadow({ mode: 'open' });
  // Only vetted values reach the markup: a hex colour and a fixed class.
  const color = hexColor.test(data.primaryColor ?? '') ? (data.primaryColor as string) : '#1d4ed8';
  shadow.innerHTML = `<style>${launcherCss}</style><div class="widget ${data.position === 'left' ? 'left' : ''}" style="--primary:${color};--on-primary:${readableOn(color)}"><button type="button" class="launcher" aria-label="Open chat" aria-expanded="false"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${iconPaths.chat}"/></svg></button></div>`;
  const button = shadow.querySelector('button') as HTMLButtonElement;

  let handle: WidgetHandle | undefined;
  let loading: Promise<void> | undefined;
  let openNow = false;
  // The app refused the options: the widget is gone and the global only says why.
  let invalid = false;
  const load = () => {
    loading ??= new Promise<void>((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = new URL(__WIDGET_APP_FILE__, script.src).href;
      tag.nonce = script.nonce ?? '';
      tag.addEventListener(readyEvent, (event) => {
        const boot = (event as CustomEvent<Boot>).detail;
        handle = boot({ shadow, data, openNow, focusLauncher: shadow.activeElement === button });
        invalid = !handle;
        if (invalid) host.remove();
        resolve();
      });
      tag.onerror = () => {
        loading = undefined;
        tag.remove();
        button.removeAttribute('aria-busy');
        reject(new Error(`[OrgChatWidget] could not load ${tag.src}`));
      };
      document.head.append(tag);
    });
    return loading;
  };
  const prefetch = () => void load().catch(() => {});
  const command = (name: 'open' | 'close' | 'toggle' | 'newConversation') => {
    if (invalid) return console.error(`[OrgChatWidget] ${name}(): not shown, invalid options`);
    if (handle) return handle[name]();
    if (name === 'close') openNow = false;
    if (name !== 'open' && name !== 'toggle') return;
    openNow = true;
    button.setAttribute('aria-busy', 'true');
    load().catch((error: Error) => console.error(error.message));
  };

  button.addEventListener('click', () => command('toggle'));
  button.addEventListener('pointerenter', prefetch, { once: true });
  button.addEventListener('focus', prefetch, { once: true });
  (window as Host).OrgChatWidget = {
    open: () => command('open'),
    close: () => command('close'),
    toggle: () => command('toggle'),
    newConversation: () => command('newConversation'),
  };

  const attach = () => document.body.append(host);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);
  if (data.open !== undefined && data.open !== 'false') prefetch();
  else {
    const idle = () =>
      'requestIdleCallback' in window
        ? requestIdleCallback(prefetch, { timeout: 4000 })
        : setTimeout(prefetch, 1500);
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle);
  }
}

const script = document.currentScript;
if (script instanceof HTMLScriptElement && !(window as Host).OrgChatWidget) start(script);
