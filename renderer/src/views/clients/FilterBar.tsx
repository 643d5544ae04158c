// Search and filters of the client list. Every control is a labelled form control, reachable by Tab.
import {
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Select,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
} from '@mui/material';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../i18n/code-label';
import type { ClientQuery, SystemUserRow } from '../../../../shared/contract/clients';
import { CLIENT_PACKAGES, RELATIONSHIPS, type Relationship } from '../../../../shared/domain/packages';

/** The filters without the search text and sort order, which have their own controls. */
export type ClientFilters = Omit<ClientQuery, 'search' | 'sort' | 'direction'>;

const PACKAGE_CHOICES = [...CLIENT_PACKAGES, 'skattegrunnlag'];

/** Memoised: a search keystroke re-renders the search box and the list, not these controls. */
export const FilterBar = memo(function FilterBar(props: {
  /** The search box, made by the view (it owns when the box is cleared). */
  searchField: ReactNode;
  filters: ClientFilters;
  onFilters(next: ClientFilters): void;
  systemUsers: readonly SystemUserRow[];
}) {
  const { filters, onFilters, systemUsers } = props;
  const { t } = useTranslation('clients');
  const set = (patch: Partial<ClientFilters>) => onFilters({ ...filters, ...patch });
  const active = Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));

  return (
    <Box component="section" aria-label={t('filters.label')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      {props.searchField}
      <ToggleButtonGroup
        size="small"
        aria-label={t('filters.relationship')}
        value={filters.relationships ?? []}
        onChange={(_, value: Relationship[]) => set({ relationships: value.length > 0 ? value : undefined })}
        // MUI's unselected toggles are grey at 54 % and miss the 4.5:1 contrast on this background.
        sx={{ '& .MuiToggleButton-root:not(.Mui-selected)': { color: 'text.primary' } }}
      >
        {RELATIONSHIPS.map((r) => (
          <Tooltip key={r} title={t(`relationships.${r}`)}>
            <ToggleButton value={r} aria-label={`${r} – ${t(`relationships.${r}`)}`} data-testid={`filter-relationship-${r}`}>
              {r}
            </ToggleButton>
          </Tooltip>
        ))}
      </ToggleButtonGroup>
      <FormControl size="small" sx={{ minWidth: 180 }}>
        <InputLabel id="filter-package-label">{t('filters.package')}</InputLabel>
        <Select
          labelId="filter-package-label"
          label={t('filters.package')}
          value={filters.packages?.[0] ?? ''}
          onChange={(e) => set({ packages: e.target.value ? [e.target.value] : undefined })}
        >
          <MenuItem value="">{t('filters.anyPackage')}</MenuItem>
          {PACKAGE_CHOICES.map((p) => (
            <MenuItem key={p} value={p}>
              {codeLabel(t, 'packages', p)}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id="filter-system-user-label">{t('filters.systemUser')}</InputLabel>
        <Select
          labelId="filter-system-user-label"
          label={t('filters.systemUser')}
          value={filters.systemUserId ?? ''}
          onChange={(e) => {
            const id = e.target.value || undefined;
            set({ systemUserId: id, failsAndRuleFor: id && filters.failsAndRuleFor ? id : undefined });
          }}
          SelectDisplayProps={{ 'data-testid': 'filter-system-user' } as object}
        >
          <MenuItem value="">{t('filters.anySystemUser')}</MenuItem>
          {systemUsers.map((su) => (
            <MenuItem key={su.id} value={su.id}>
              {su.title}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 140 }}>
        <InputLabel id="filter-delegated-label">{t('filters.delegated')}</InputLabel>
        <Select
          labelId="filter-delegated-label"
          label={t('filters.delegated')}
          value={filters.delegated ?? ''}
          onChange={(e) => set({ delegated: (e.target.value || undefined) as ClientFilters['delegated'] })}
        >
          <MenuItem value="">{t('filters.delegatedAny')}</MenuItem>
          <MenuItem value="yes">{t('filters.delegatedYes')}</MenuItem>
          <MenuItem value="no">{t('filters.delegatedNo')}</MenuItem>
        </Select>
      </FormControl>
      <Tooltip title={filters.systemUserId ? '' : t('filters.failsAndRuleHint')}>
        <FormControlLabel
          label={t('filters.failsAndRule')}
          disabled={!filters.systemUserId}
          control={
            <Checkbox
              size="small"
              checked={filters.failsAndRuleFor !== undefined}
              onChange={(e) => set({ failsAndRuleFor: e.target.checked ? filters.systemUserId : undefined })}
              slotProps={{ input: { 'data-testid': 'filter-fails-and-rule' } as object }}
            />
          }
        />
      </Tooltip>
      <FormControlLabel
        label={t('filters.onlyNew')}
        control={
          <Checkbox size="small" checked={filters.onlyNew ?? false} onChange={(e) => set({ onlyNew: e.target.checked || undefined })} />
        }
      />
      <FormControl size="small" sx={{ minWidth: 150 }}>
        <InputLabel id="filter-subunits-label">{t('filters.subUnits')}</InputLabel>
        <Select
          labelId="filter-subunits-label"
          label={t('filters.subUnits')}
          value={filters.subUnits ?? 'include'}
          onChange={(e) => set({ subUnits: e.target.value === 'include' ? undefined : (e.target.value as ClientFilters['subUnits']) })}
        >
          <MenuItem value="include">{t('filters.subUnitsInclude')}</MenuItem>
          <MenuItem value="exclude">{t('filters.subUnitsExclude')}</MenuItem>
          <MenuItem value="only">{t('filters.subUnitsOnly')}</MenuItem>
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 170 }}>
        <InputLabel id="filter-status-label">{t('filters.status')}</InputLabel>
        <Select
          labelId="filter-status-label"
          label={t('filters.status')}
          value={filters.status ?? 'current'}
          onChange={(e) => set({ status: e.target.value === 'gone' ? 'gone' : undefined })}
        >
          <MenuItem value="current">{t('filters.statusCurrent')}</MenuItem>
          <MenuItem value="gone">{t('filters.statusGone')}</MenuItem>
        </Select>
      </FormControl>
      {active && (
        <Button size="small" onClick={() => onFilters({})}>
          {t('filters.clear')}
        </Button>
      )}
    </Box>
  );
});
