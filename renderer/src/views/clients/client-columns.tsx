// The client grid's columns: what each shows, how wide it starts, and which may sort. Org numbers sit in a
// fixed-width column in their `### ### ###` form, so they never wrap or get cut.
import { Box } from '@mui/material';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import type { TFunction } from 'i18next';
import type { ClientQuery, ClientRow } from '../../../../shared/contract/clients';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { CellText, type GridColumn } from '../../components/grid/VirtualGrid';
import { AndRuleIcon, cellStyles, Chip } from './client-cells';

type SortColumn = NonNullable<ClientQuery['sort']>;

export interface ClientColumnContext {
  t: TFunction<'clients'>;
  query: ClientQuery;
  onSort(sort: SortColumn, direction: 'asc' | 'desc'): void;
  isSelected(orgNumber: string): boolean;
  /** Shift held: the range from the last picked row is added, as in a mail client's list. */
  onToggle(index: number, shift: boolean): void;
  systemUserTitle(id: string): string;
}

export function clientColumns(ctx: ClientColumnContext): GridColumn<ClientRow>[] {
  const { t } = ctx;
  // A few package codes recur on every row: each is translated once per set of columns, not once per row.
  const packageName = new Map<string, string>();
  const packageNames = (codes: readonly string[]) =>
    codes.map((p) => {
      let name = packageName.get(p);
      if (name === undefined) packageName.set(p, (name = t(`packages.${p}`, { defaultValue: p })));
      return name;
    });
  // Gaps recur too (one system user, the same missing packages): each sentence is made once.
  const gapSentence = new Map<string, string>();
  const gapText = (g: ClientRow['andRuleGaps'][number]) => {
    const key = `${g.systemUserId}\u0000${g.missingPackages.join(',')}`;
    let text = gapSentence.get(key);
    if (text === undefined) {
      text = t('grid.andRuleWarning', {
        systemUser: ctx.systemUserTitle(g.systemUserId),
        packages: packageNames(g.missingPackages).join(', '),
      });
      gapSentence.set(key, text);
    }
    return text;
  };
  const warning = (row: ClientRow) => row.andRuleGaps.map(gapText).join(' · ');
  const delegated = (row: ClientRow) => row.delegatedTo.map(ctx.systemUserTitle).join(', ');
  // The words every row repeats, looked up once per set of columns: a keystroke repaints a screen of rows.
  const words = { newClient: t('grid.newClient'), subUnit: t('grid.subUnit'), gone: t('grid.gone') };
  const selectRowLabel = withName(t('grid.selectRow', { name: NAME_SLOT }));
  const relationshipName = new Map<string, string>();
  const relationshipNameOf = (r: ClientRow['relationships'][number]) => {
    let name = relationshipName.get(r);
    if (name === undefined) relationshipName.set(r, (name = t(`relationships.${r}`)));
    return name;
  };
  return [
    {
      key: 'select',
      label: '',
      min: 40,
      cellSx: cellStyles.select,
      cell: (row, index) => (
        // The label widens what a click hits to the whole box around the checkbox; the row does not see it.
        <label className="kd-check" onClick={stopPropagation}>
          <input
            type="checkbox"
            checked={ctx.isSelected(row.orgNumber)}
            // React fires a checkbox's change from its click, so the click's Shift key is on the native event.
            onChange={(e) => ctx.onToggle(index, (e.nativeEvent as globalThis.MouseEvent).shiftKey === true)}
            tabIndex={-1}
            aria-label={selectRowLabel(row.name)}
          />
        </label>
      ),
    },
    {
      ...sortable(ctx, 'name', t('grid.name')),
      key: 'name',
      min: 180,
      grow: 2.2,
      title: (row) => row.name,
      cellSx: cellStyles.chips,
      cell: (row) => (
        <>
          {/* Names come from outside: rendered as text only, never as markup. */}
          <CellText testId="client-name">{row.name}</CellText>
          {row.isNew && <Chip tone="info">{words.newClient}</Chip>}
          {row.isSubUnit && <Chip tone="outlined">{words.subUnit}</Chip>}
          {row.goneAt && <Chip tone="warning">{words.gone}</Chip>}
        </>
      ),
    },
    {
      ...sortable(ctx, 'orgNumber', t('grid.orgNumber')),
      key: 'orgNumber',
      // "### ### ###" in tabular figures plus the sort arrow; dragging never makes it narrower.
      min: 120,
      shrinkTo: 120,
      cellSx: { fontVariantNumeric: 'tabular-nums' },
      cell: (row) => formatOrgNumber(row.orgNumber),
    },
    {
      key: 'relationship',
      label: t('grid.relationship'),
      // Wide enough for "Relationship" and two chips.
      min: 118,
      cellSx: cellStyles.chips,
      // The code is what accountants know; its expansion is the abbreviation's title, read and hovered alike.
      cell: (row) =>
        row.relationships.map((r) => (
          <Chip key={r} abbr={relationshipNameOf(r)}>
            {r}
          </Chip>
        )),
    },
    {
      key: 'packages',
      label: t('grid.packages'),
      min: 110,
      grow: 1.3,
      title: (row) => packageNames(row.packages).join('\n'),
      cell: (row) => packageNames(row.packages).join(', '),
    },
    {
      key: 'delegatedTo',
      label: t('grid.delegatedTo'),
      min: 130,
      grow: 1.2,
      title: delegated,
      cellSx: cellStyles.chips,
      cell: (row) => (
        <>
          {/* The first system user by name, the others as "+1": two long titles never hide each other. */}
          {row.delegatedTo.length > 0 && (
            <Chip tone="outlined" shrink>
              {ctx.systemUserTitle(row.delegatedTo[0]!)}
            </Chip>
          )}
          {row.delegatedTo.length > 1 && (
            <Chip ariaLabel={delegated(row)} testId="delegated-more">
              {`+${row.delegatedTo.length - 1}`}
            </Chip>
          )}
        </>
      ),
    },
    {
      key: 'suggested',
      label: t('grid.suggested'),
      min: 110,
      grow: 1,
      title: (row) => (row.suggestedSystemUserId ? ctx.systemUserTitle(row.suggestedSystemUserId) : undefined),
      cell: (row) => (row.suggestedSystemUserId ? ctx.systemUserTitle(row.suggestedSystemUserId) : ''),
    },
    {
      key: 'andRule',
      label: t('grid.andRule'),
      min: 88,
      align: 'center',
      cellSx: cellStyles.andRule,
      cell: (row) => {
        const text = warning(row);
        return text ? <AndRuleIcon text={text} /> : null;
      },
    },
  ];
}

/** Stands for the name in a translated sentence, so the sentence is looked up once and the name put in after. */
const NAME_SLOT = '\u0000';
function withName(sentence: string): (name: string) => string {
  const at = sentence.indexOf(NAME_SLOT);
  if (at < 0) return () => sentence;
  const before = sentence.slice(0, at);
  const after = sentence.slice(at + NAME_SLOT.length);
  return (name) => before + name + after;
}

const stopPropagation = (e: { stopPropagation(): void }) => e.stopPropagation();

function sortable(
  ctx: ClientColumnContext,
  column: SortColumn,
  label: string,
): Pick<GridColumn<ClientRow>, 'label' | 'header' | 'ariaSort'> {
  const sort = ctx.query.sort ?? 'name';
  const direction = ctx.query.direction ?? 'asc';
  const current = sort === column;
  return {
    label,
    ariaSort: current ? (direction === 'asc' ? 'ascending' : 'descending') : 'none',
    header: (
      <Box
        component="button"
        type="button"
        onClick={() => ctx.onSort(column, current && direction === 'asc' ? 'desc' : 'asc')}
        aria-label={ctx.t('grid.sortBy', { column: label })}
        sx={{
          all: 'unset',
          cursor: 'pointer',
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          minWidth: 0,
          fontWeight: 600,
          '&:focus-visible': { outline: '2px solid' },
        }}
      >
        <CellText>{label}</CellText>
        {current && (direction === 'asc' ? <ArrowUpward sx={{ fontSize: 16 }} /> : <ArrowDownward sx={{ fontSize: 16 }} />)}
      </Box>
    ),
  };
}
