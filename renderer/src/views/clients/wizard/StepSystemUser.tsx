import { Box, Chip, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SystemUserRow } from '../../../../../shared/contract/clients';

export function StepSystemUser(props: {
  systemUsers: readonly SystemUserRow[];
  value: string | null;
  suggested: string | null;
  onChange(id: string): void;
}) {
  const { t } = useTranslation('clients');
  if (props.systemUsers.length === 0) return <Typography>{t('wizard.noSystemUsers')}</Typography>;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ mb: 1 }}>
        {t('wizard.systemUserLegend')}
      </Typography>
      <RadioGroup value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        {props.systemUsers.map((su) => (
          <FormControlLabel
            key={su.id}
            value={su.id}
            control={<Radio />}
            sx={{
              alignItems: 'flex-start',
              border: 1,
              borderColor: props.value === su.id ? 'primary.main' : 'divider',
              borderRadius: 1,
              m: 0,
              mb: 1,
              p: 1,
            }}
            label={
              <Box sx={{ pt: 0.5 }}>
                <Typography component="span" sx={{ fontWeight: 600 }}>
                  {su.title}
                </Typography>
                {props.suggested === su.id && <Chip size="small" color="success" label={t('wizard.suggested')} sx={{ ml: 1 }} />}
                <Typography variant="body2" color="text.secondary">
                  {t('wizard.clientCount', { count: su.clientCount })}
                </Typography>
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
                  {su.packages.map((p) => (
                    <Chip key={p} size="small" variant="outlined" label={t(`packages.${p}`, { defaultValue: p })} />
                  ))}
                </Box>
              </Box>
            }
          />
        ))}
      </RadioGroup>
    </Box>
  );
}
