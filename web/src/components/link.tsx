import type { ComponentChildren } from 'preact';
import { currentPath, isNativeClick, navigate, normalisePath } from '../router';

interface LinkProps {
  /** A path of this web app, e.g. "/status". Use a plain <a> for anything the server serves. */
  href: string;
  class?: string;
  children: ComponentChildren;
}

/** An ordinary <a> that navigates without a page load; marks itself aria-current when active. */
export function Link({ href, class: className, children }: LinkProps) {
  const active = normalisePath(href) === currentPath();
  const onClick = (event: MouseEvent) => {
    if (isNativeClick(event)) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={className} aria-current={active ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
