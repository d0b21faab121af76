// biome-ignore-all lint/suspicious/noArrayIndexKey: nodes are re-derived from the text on each render; their position is their identity
import type { ReactNode } from 'react';
import type { Block, Inline } from './markdown-ast';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map(renderInlineNode);
}

function renderInlineNode(node: Inline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return <br key={key} />;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'strong':
      return <strong key={key}>{renderInline(node.children)}</strong>;
    case 'em':
      return <em key={key}>{renderInline(node.children)}</em>;
    case 'del':
      return <del key={key}>{renderInline(node.children)}</del>;
    case 'link':
      return node.href ? (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          {renderInline(node.children)}
        </a>
      ) : (
        <span key={key} className="inert-link">
          {renderInline(node.children)}
        </span>
      );
  }
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(block.children)}</p>;
    case 'heading':
      return block.level <= 2 ? (
        <h3 key={key}>{renderInline(block.children)}</h3>
      ) : (
        <h4 key={key}>{renderInline(block.children)}</h4>
      );
    case 'code':
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{block.children.map(renderBlock)}</blockquote>;
    case 'rule':
      return <hr key={key} />;
    case 'list': {
      const items = block.items.map((item, index) => <li key={index}>{renderInline(item)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

/**
 * Renders parsed markdown as elements. Text is always text (the renderer escapes it); no
 * element gets an attribute from the source except a link's vetted `href`.
 */
export function Markdown({ blocks }: { blocks: Block[] }) {
  return <>{blocks.map(renderBlock)}</>;
}
