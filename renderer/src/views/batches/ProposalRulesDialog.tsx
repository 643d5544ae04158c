// Where proposals after a sync send new clients: per relationship, system users and/or employees (one by one or
// as a named group), the packages employees are given, and whether the rule's proposals go without review (only
// while the environment runs as the firm's client-administration system user).
import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import type { ProposalSettings, RoutingRule, RuleEmployee } from '../../../../shared/contract/app';
import { PACKAGES_BY_RELATIONSHIP, RELATIONSHIPS, type Relationship } from '../../../../shared/domain/packages';
import { useAppStatus, useSettings, useUpdateSettings } from '../../api/query/app';
import { useSystemUsers } from '../../api/query/clients';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useEmployees } from '../employees/use-employees';
import { blankRule, forSaving, hasProblems, removeGroup, renameGroup, rulesProblems } from './proposal-rules';

/** The people to choose from: Altinn's agents now, and whoever the rules already name (kept if Altinn is not asked). */
function peopleOptions(listed: readonly { partyUuid: string; name: string }[] | null, named: readonly RuleEmployee[]): RuleEmployee[] {
  const byId = new Map<string, RuleEmployee>();
  for (const p of [...named, ...(listed ?? [])])
    byId.set(p.partyUuid.toLowerCase(), { partyUuid: p.partyUuid.toLowerCase(), name: p.name });
  return [...byId.values()];
}

export function ProposalRulesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(['batches', 'common']);
  const { t: tc } = useTranslation('clients');
  const packageName = (code: string): string => tc(`packages.${code}`, { defaultValue: code });
  const settings = useSettings();
  const status = useAppStatus();
  const save = useUpdateSettings();
  const [draft, setDraft] = useState<ProposalSettings>(() => settings?.proposals ?? { rules: [], groups: [] });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const systemUsers = useSystemUsers().data ?? [];
  const { employees } = useEmployees(status?.session?.isClientAdmin ?? false);
  const environment = status?.environment ?? settings?.environment ?? 'demo';
  const unattendedOn = settings?.environments[environment].unattended.enabled ?? false;
  const problems = rulesProblems(draft);
  const named = [...draft.rules.flatMap((r) => r.employees), ...draft.groups.flatMap((g) => g.members)];
  const people = peopleOptions(employees, named);
  const titleOf = (id: string) => systemUsers.find((s) => s.id === id)?.title ?? id;

  const setRule = (index: number, change: Partial<RoutingRule>) =>
    setDraft((d) => ({ ...d, rules: d.rules.map((r, i) => (i === index ? { ...r, ...change } : r)) }));

  async function onSave() {
    setSaving(true);
    setError(null);
    try {
      await save({ proposals: forSaving(draft) });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const peoplePicker = (label: string, value: readonly RuleEmployee[], onChange: (v: RuleEmployee[]) => void, testId: string) => (
    <Autocomplete
      multiple
      size="small"
      options={people}
      value={people.filter((p) => value.some((v) => v.partyUuid.toLowerCase() === p.partyUuid))}
      getOptionLabel={(p) => p.name}
      isOptionEqualToValue={(a, b) => a.partyUuid === b.partyUuid}
      onChange={(_, v) => onChange(v)}
      renderInput={(params) => <TextField {...params} label={label} />}
      data-testid={testId}
    />
  );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="proposal-rules-title" scroll="paper">
      <DialogTitle id="proposal-rules-title">{t('rules.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Typography variant="body2">{t('rules.intro')}</Typography>
          {!(status?.session?.isClientAdmin ?? false) && <Alert severity="info">{t('rules.employeesNeedSignIn')}</Alert>}

          <Typography variant="subtitle1" component="h4">
            {t('rules.groupsTitle')}
          </Typography>
          {draft.groups.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {t('rules.noGroups')}
            </Typography>
          )}
          {draft.groups.map((g, i) => (
            <Paper key={i} variant="outlined" sx={{ p: 1.5 }}>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
                <TextField
                  size="small"
                  label={t('rules.groupName')}
                  value={g.name}
                  onChange={(e) => setDraft((d) => renameGroup(d, i, e.target.value))}
                  error={problems.groups.has(i)}
                  helperText={problems.groups.has(i) ? t(`rules.problems.${problems.groups.get(i)!}`) : ' '}
                  slotProps={{ htmlInput: { maxLength: 80, 'data-testid': `rule-group-name-${i}` } }}
                />
                <Box sx={{ flex: 1 }}>
                  {peoplePicker(
                    t('rules.members'),
                    g.members,
                    (members) => setDraft((d) => ({ ...d, groups: d.groups.map((x, j) => (j === i ? { ...x, members } : x)) })),
                    `rule-group-members-${i}`,
                  )}
                </Box>
                <IconButton aria-label={t('rules.removeGroup', { name: g.name })} onClick={() => setDraft((d) => removeGroup(d, i))}>
                  <DeleteOutlined />
                </IconButton>
              </Stack>
            </Paper>
          ))}
          <Box>
            <Button size="small" onClick={() => setDraft((d) => ({ ...d, groups: [...d.groups, { name: '', members: [] }] }))}>
              {t('rules.addGroup')}
            </Button>
          </Box>

          <Typography variant="subtitle1" component="h4">
            {t('rules.rulesTitle')}
          </Typography>
          {draft.rules.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {t('rules.noRules')}
            </Typography>
          )}
          {draft.rules.map((rule, i) => (
            <Paper key={i} variant="outlined" sx={{ p: 1.5 }} data-testid={`rule-${i}`}>
              <Stack spacing={1.5}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <TextField
                    select
                    size="small"
                    label={t('rules.relationship')}
                    value={rule.relationship}
                    onChange={(e) => setRule(i, { relationship: e.target.value as Relationship, employeePackages: [] })}
                    sx={{ minWidth: 200 }}
                  >
                    {RELATIONSHIPS.map((r) => (
                      <MenuItem key={r} value={r}>
                        {t(`rules.relationships.${r}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <Box sx={{ flex: 1 }} />
                  <IconButton
                    aria-label={t('rules.removeRule', { relationship: rule.relationship })}
                    onClick={() => setDraft((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i) }))}
                  >
                    <DeleteOutlined />
                  </IconButton>
                </Stack>
                <Autocomplete
                  multiple
                  size="small"
                  options={[...new Set([...systemUsers.map((s) => s.id), ...rule.systemUserIds])]}
                  value={rule.systemUserIds}
                  getOptionLabel={titleOf}
                  onChange={(_, v) => setRule(i, { systemUserIds: v })}
                  renderInput={(params) => <TextField {...params} label={t('rules.systemUsers')} />}
                />
                {peoplePicker(t('rules.employees'), rule.employees, (v) => setRule(i, { employees: v }), `rule-employees-${i}`)}
                <Autocomplete
                  multiple
                  size="small"
                  options={draft.groups.map((g) => g.name).filter((n) => n.trim() !== '')}
                  value={rule.groups}
                  onChange={(_, v) => setRule(i, { groups: v })}
                  renderInput={(params) => <TextField {...params} label={t('rules.groups')} />}
                />
                <Autocomplete
                  multiple
                  size="small"
                  options={[...PACKAGES_BY_RELATIONSHIP[rule.relationship]]}
                  value={rule.employeePackages}
                  getOptionLabel={packageName}
                  onChange={(_, v) => setRule(i, { employeePackages: v })}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      label={t('rules.employeePackages')}
                      helperText={t('rules.employeePackagesHelp', {
                        fallback: packageName(PACKAGES_BY_RELATIONSHIP[rule.relationship][0] ?? ''),
                      })}
                    />
                  )}
                />
                <FormControlLabel
                  control={
                    <Switch
                      checked={rule.unattended && unattendedOn}
                      disabled={!unattendedOn}
                      onChange={(e) => setRule(i, { unattended: e.target.checked })}
                    />
                  }
                  label={t('rules.unattended')}
                />
                <Typography variant="caption" color="text.secondary">
                  {unattendedOn ? t('rules.unattendedOn') : t('rules.unattendedOff')}
                </Typography>
                {problems.rules.has(i) && <Alert severity="warning">{t(`rules.problems.${problems.rules.get(i)!}`)}</Alert>}
              </Stack>
            </Paper>
          ))}
          <Box>
            <Button
              size="small"
              disabled={draft.rules.length >= 20}
              onClick={() => setDraft((d) => ({ ...d, rules: [...d.rules, blankRule(d.rules)] }))}
              data-testid="rule-add"
            >
              {t('rules.addRule')}
            </Button>
          </Box>
          {error !== null && <ErrorDetails error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button variant="contained" disabled={saving || hasProblems(problems)} onClick={() => void onSave()} data-testid="rules-save">
          {t('common:actions.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
