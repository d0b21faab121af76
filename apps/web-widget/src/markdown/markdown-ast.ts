/** Inline markdown: text and its emphasis, code and links. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'code'; text: string }
  /** `href` is undefined when the link must not be clickable. */
  | { type: 'link'; href: string | undefined; children: Inline[] }
  | { type: 'break' };

/** Block markdown. Raw HTML has no node: it stays text. */
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'rule' };

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || node.type === 'code') return node.text;
      if (node.type === 'break') return '\n';
      return inlineText(node.children);
    })
    .join('');
}

/** The text a screen reader should hear for parsed markdown. */
export function toPlainText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      if (block.type === 'code') return block.text;
      if (block.type === 'rule') return '';
      if (block.type === 'quote') return toPlainText(block.children);
      if (block.type === 'list') return block.items.map(inlineText).join('\n');
      return inlineText(block.children);
    })
    .filter(Boolean)
    .join('\n');
}
