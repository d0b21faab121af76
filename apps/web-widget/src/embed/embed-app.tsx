// The app script `widget.js` loads: validates the tag's options and renders the widget.
import { parseDataAttributes } from '../options/data-attributes';
import { renderWidget } from '../widget/render-widget';
import { type Boot, readyEvent } from './protocol';

/** Validates the `data-*` options and renders the widget into the loader's shadow root. */
export const boot: Boot = ({ shadow, data, openNow, focusLauncher }) => {
  const result = parseDataAttributes(data);
  if (!result.ok) {
    console.error(
      `[OrgChatWidget] The chat widget is not shown: invalid options on its <script> tag:\n  ${result.problems.join('\n  ')}`,
    );
    return undefined;
  }
  return renderWidget(shadow, result.options, { openNow, focusLauncher });
};

document.currentScript?.dispatchEvent(new CustomEvent<Boot>(readyEvent, { detail: boot }));
