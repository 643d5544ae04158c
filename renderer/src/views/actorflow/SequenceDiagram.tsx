// The actors as lanes and every exchange as an arrow, drawn as plain SVG. Steps not run yet appear as one
// faint planned arrow; the current step is banded and scrolled into view. Decorative: the same exchanges
// are listed, with their bodies, below the diagram.
import { useEffect, useRef } from 'react';
import { Box, Typography, useTheme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ACTORS, type ActorId, type Exchange, type StepInfo, type StepResult } from '../../../../shared/contract/actorflow';
import { shortPath } from './exchange-format';

// About the pane's width at 1280 px, so the labels are drawn near their natural size.
const WIDTH = 720;
const LANE = WIDTH / ACTORS.length;
const TOP = 6;
const ROW = 22;
const GROUP_GAP = 8;

interface Arrow {
  from: ActorId;
  to: ActorId;
  label: string;
  kind: 'planned' | 'app' | 'internal';
  failed: boolean;
}

interface Group {
  id: string;
  arrows: Arrow[];
}

const laneX = (actor: ActorId): number => (ACTORS.indexOf(actor) + 0.5) * LANE;

function arrowsOf(exchanges: Exchange[]): Arrow[] {
  return exchanges.map((e) => ({
    from: e.from,
    to: e.to,
    label: `${e.method} ${shortPath(e.url)} ${e.status ?? '—'}`,
    kind: e.kind,
    failed: e.status === null || e.status >= 400,
  }));
}

export interface SequenceDiagramProps {
  /** The steps in story order; a failure case is drawn on its own. */
  steps: StepInfo[];
  results: Partial<Record<string, StepResult>>;
  current: string | null;
  failureShown: StepResult | null;
}

export function SequenceDiagram({ steps, results, current, failureShown }: SequenceDiagramProps) {
  const { t } = useTranslation('actorflow');
  const theme = useTheme();
  const currentBand = useRef<SVGRectElement>(null);

  const groups: Group[] = failureShown
    ? [{ id: failureShown.id, arrows: arrowsOf(failureShown.exchanges) }]
    : steps.map((s) => {
        const result = results[s.id];
        if (result && result.exchanges.length > 0) return { id: s.id, arrows: arrowsOf(result.exchanges) };
        return {
          id: s.id,
          arrows: [
            { from: s.actor, to: s.targets[0] ?? s.actor, label: t(`steps.${s.id}.title`), kind: 'planned' as const, failed: false },
          ],
        };
      });

  let y = TOP;
  const laid = groups.map((g) => {
    const top = y;
    y += g.arrows.length * ROW + GROUP_GAP;
    return { ...g, top, height: g.arrows.length * ROW };
  });
  const height = y + 8;

  useEffect(() => {
    currentBand.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [current, results]);

  const ink = theme.palette.text.primary;
  const muted = theme.palette.text.disabled;
  const colourOf = (a: Arrow): string => (a.kind === 'planned' ? muted : a.failed ? theme.palette.error.main : theme.palette.primary.main);

  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      {/* The lane names stay put while the arrows scroll under them. */}
      <Box
        aria-hidden
        sx={{ display: 'grid', gridTemplateColumns: `repeat(${ACTORS.length}, 1fr)`, borderBottom: 1, borderColor: 'divider', py: 0.5 }}
      >
        {ACTORS.map((a) => (
          <Typography key={a} variant="caption" sx={{ textAlign: 'center', fontWeight: 600 }}>
            {t(`actorsShort.${a}`)}
          </Typography>
        ))}
      </Box>
      {/* Whole, never in a scroll box of its own: nothing of the sequence is cut off, and the page scrolls it. */}
      <Box>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" aria-hidden="true" focusable="false" style={{ display: 'block' }}>
          <defs>
            {(['ok', 'failed', 'planned'] as const).map((k) => (
              <marker
                key={k}
                id={`af-arrow-${k}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path
                  d="M 0 0 L 10 5 L 0 10 z"
                  fill={k === 'ok' ? theme.palette.primary.main : k === 'failed' ? theme.palette.error.main : muted}
                />
              </marker>
            ))}
          </defs>
          {laid.map((g) =>
            g.id === current ? (
              <rect
                key={`band-${g.id}`}
                ref={currentBand}
                x={0}
                y={g.top - 4}
                width={WIDTH}
                height={g.height + 6}
                fill={theme.palette.action.selected}
                rx={4}
              />
            ) : null,
          )}
          {ACTORS.map((a) => (
            <line key={a} x1={laneX(a)} x2={laneX(a)} y1={0} y2={height} stroke={theme.palette.divider} strokeDasharray="3 3" />
          ))}
          {laid.map((g) =>
            g.arrows.map((a, i) => {
              const rowY = g.top + i * ROW + ROW - 6;
              const x1 = laneX(a.from);
              // A call within one lane (never expected) still gets a short visible arrow.
              const x2 = a.from === a.to ? x1 + LANE * 0.4 : laneX(a.to);
              const marker = a.kind === 'planned' ? 'planned' : a.failed ? 'failed' : 'ok';
              const faded = current !== null && g.id !== current;
              return (
                <g key={`${g.id}-${i}`} opacity={faded ? 0.45 : 1}>
                  <line
                    x1={x1}
                    x2={x2 + (x2 > x1 ? -2 : 2)}
                    y1={rowY}
                    y2={rowY}
                    stroke={colourOf(a)}
                    strokeWidth={1.5}
                    strokeDasharray={a.kind === 'internal' ? '5 3' : a.kind === 'planned' ? '2 4' : undefined}
                    markerEnd={`url(#af-arrow-${marker})`}
                  />
                  <text
                    x={labelX((x1 + x2) / 2, a.label)}
                    y={rowY - 4}
                    textAnchor="middle"
                    fontSize={10.5}
                    fill={a.kind === 'planned' ? muted : ink}
                  >
                    {a.label}
                  </text>
                </g>
              );
            }),
          )}
        </svg>
      </Box>
    </Box>
  );
}

/** A label centred over its arrow, moved inwards where it would run past the diagram's edge and be cut. */
function labelX(centre: number, label: string): number {
  const half = (label.length * 10.5 * 0.55) / 2 + 4;
  return Math.min(Math.max(centre, half), WIDTH - half);
}
