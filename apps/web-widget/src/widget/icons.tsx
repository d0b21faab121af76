import { iconPaths } from './icon-paths';

/** A decorative icon (the buttons carry the accessible names). */
export function Icon({ name }: { name: keyof typeof iconPaths }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={iconPaths[name]} />
    </svg>
  );
}
