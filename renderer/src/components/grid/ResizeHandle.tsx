// A column's right edge: drag it, or focus it and press the arrow keys (a separator with a value, as ARIA
// describes a splitter), to make the column wider or narrower.
import { useRef } from 'react';
import { Box } from '@mui/material';

export function ResizeHandle({ label, onResize }: { label: string; onResize(width: number): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const widthNow = (): number => ref.current?.parentElement?.getBoundingClientRect().width ?? 120;
  return (
    <Box
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(widthNow())}
      tabIndex={0}
      onClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => {
        e.preventDefault();
        e.stopPropagation();
        const startX = e.clientX;
        const startWidth = widthNow();
        const move = (ev: PointerEvent) => onResize(startWidth + ev.clientX - startX);
        const up = () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        e.stopPropagation();
        onResize(widthNow() + (e.key === 'ArrowRight' ? 16 : -16));
      }}
      sx={{
        position: 'absolute',
        top: 4,
        bottom: 4,
        right: 0,
        width: 6,
        cursor: 'col-resize',
        borderRight: 2,
        borderColor: 'divider',
        '&:hover, &:focus-visible': { borderColor: 'primary.main' },
      }}
    />
  );
}
