import { useEffect, useState } from 'react';
import { Alert, Box, Stack, Tab, Tabs, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { EnvironmentConfig, Settings } from '../../../../shared/contract/app';
import type { EnvironmentId } from '../../../../shared/contract/define';
import { normaliseOrgNumber, orgNumberProblem } from '../../../../shared/domain/orgnr';
import { SaveRow, useSave } from './SaveRow';
import { Section } from './Section';
import { useUpdateSettings } from '../../api/query/app';

const TABS: readonly EnvironmentId[] = ['demo', 'test', 'production'];

/** The firm and Maskinporten integration per environment; the demo world brings its own. */
export function EnvironmentConfigSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const [tab, setTab] = useState<EnvironmentId>(settings.environment);
  return (
    <Section title={t('config.title')} id="settings-config">
      <Tabs value={tab} onChange={(_, v: EnvironmentId) => setTab(v)} aria-label={t('config.title')}>
        {TABS.map((id) => (
          <Tab key={id} value={id} label={tc(`environment.${id}`)} id={`config-tab-${id}`} aria-controls={`config-panel-${id}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`config-panel-${tab}`} aria-labelledby={`config-tab-${tab}`}>
        {tab === 'demo' ? (
          <Alert severity="info">{t('config.demoNote')}</Alert>
        ) : (
          <ConfigForm key={tab} config={settings.environments[tab]} />
        )}
      </Box>
    </Section>
  );
}

interface Draft {
  firmOrgNumber: string;
  maskinportenClientId: string;
  kid: string;
  scopes: string;
  systemId: string;
  idportenClientId: string;
}

const toDraft = (c: EnvironmentConfig): Draft => ({
  firmOrgNumber: c.firmOrgNumber,
  maskinportenClientId: c.maskinportenClientId,
  kid: c.kid,
  scopes: c.scopes.join('\n'),
  systemId: c.systemId,
  idportenClientId: c.idportenClientId,
});

function ConfigForm({ config }: { config: EnvironmentConfig }) {
  const { t } = useTranslation('settings');
  const update = useUpdateSettings();
  const [draft, setDraft] = useState<Draft>(() => toDraft(config));
  const { state, run, reset } = useSave();
  useEffect(() => setDraft(toDraft(config)), [config]);

  const orgProblem = draft.firmOrgNumber.trim() === '' ? null : orgNumberProblem(draft.firmOrgNumber);
  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setDraft({ ...draft, [name]: e.target.value });
      reset();
    },
  });

  const save = (): Promise<void> =>
    run(() =>
      update({
        environmentConfig: {
          id: config.id,
          firmOrgNumber: normaliseOrgNumber(draft.firmOrgNumber),
          maskinportenClientId: draft.maskinportenClientId.trim(),
          kid: draft.kid.trim(),
          scopes: draft.scopes.split(/\s+/).filter(Boolean),
          systemId: draft.systemId.trim(),
          idportenClientId: draft.idportenClientId.trim(),
        },
      }),
    );

  return (
    <Stack
      component="form"
      spacing={2}
      sx={{ maxWidth: 640, pt: 2 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!orgProblem) void save();
      }}
    >
      <TextField
        label={t('config.firmOrgNumber')}
        {...field('firmOrgNumber')}
        error={orgProblem !== null}
        helperText={orgProblem ? t(`config.orgNumber.${orgProblem}`) : t('config.firmOrgNumberHelp')}
        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'config-firm-org' } }}
      />
      <TextField label={t('config.maskinportenClientId')} {...field('maskinportenClientId')} />
      <TextField label={t('config.kid')} {...field('kid')} helperText={t('config.kidHelp')} />
      <TextField label={t('config.scopes')} {...field('scopes')} helperText={t('config.scopesHelp')} multiline minRows={2} />
      <TextField label={t('config.systemId')} {...field('systemId')} />
      <TextField label={t('config.idportenClientId')} {...field('idportenClientId')} />
      <SaveRow
        state={state}
        submitLabel={t('config.save')}
        savedText={t('config.saved')}
        failedTitle={t('config.saveFailed')}
        disabled={orgProblem !== null}
      />
    </Stack>
  );
}
