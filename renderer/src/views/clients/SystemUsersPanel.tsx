// The firm's agent system users: what each may do (its packages), how many clients it has, and how many more
// would qualify or fail under the AND rule, with shortcuts into the list and the wizard.
import { Box, Button, Card, CardActions, CardContent, Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SystemUserRow } from '../../../../shared/contract/clients';
import { formatDate, formatNumber } from '../../../../shared/format/format';

export function SystemUsersPanel(props: {
  systemUsers: readonly SystemUserRow[];
  onShowDelegated(id: string): void;
  onShowFailing(id: string): void;
  onDelegate(id: string): void;
}) {
  const { t, i18n } = useTranslation('clients');
  if (props.systemUsers.length === 0) {
    return <Typography sx={{ p: 3 }}>{t('systemUsers.none')}</Typography>;
  }
  return (
    <Box
      component="section"
      aria-label={t('systemUsers.label')}
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(400px, 1fr))', gap: 2, p: 0.5 }}
    >
      {props.systemUsers.map((su) => (
        <Card key={su.id} variant="outlined" component="article" aria-labelledby={`su-title-${su.id}`} data-testid={`system-user-${su.id}`}>
          <CardContent>
            <Typography id={`su-title-${su.id}`} variant="h6" component="h3">
              {su.title}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p" title={su.id}>
              {t('systemUsers.created', { date: formatDate(su.created, i18n.language) })}
            </Typography>
            <Typography variant="subtitle2" component="h4" sx={{ mt: 1 }}>
              {t('systemUsers.packages')}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
              {su.packages.map((p) => (
                <Chip key={p} size="small" label={t(`packages.${p}`, { defaultValue: p })} />
              ))}
            </Box>
            <Box
              component="dl"
              sx={{ display: 'grid', gridTemplateColumns: '1fr auto', gap: 0.5, mt: 1.5, '& dd': { m: 0, fontWeight: 600 } }}
            >
              <dt>{t('systemUsers.relationship')}</dt>
              <dd>{su.relationship ? t(`relationships.${su.relationship}`) : '–'}</dd>
              <dt>{t('systemUsers.clients')}</dt>
              <dd data-testid="system-user-client-count">{formatNumber(su.clientCount, i18n.language)}</dd>
              <dt>{t('systemUsers.qualifying')}</dt>
              <dd>{formatNumber(su.qualifyingCount, i18n.language)}</dd>
              <dt>{t('systemUsers.failing')}</dt>
              <dd>{formatNumber(su.failingCount, i18n.language)}</dd>
            </Box>
          </CardContent>
          <CardActions sx={{ flexWrap: 'wrap' }}>
            <Button size="small" onClick={() => props.onShowDelegated(su.id)}>
              {t('systemUsers.showDelegated')}
            </Button>
            <Button size="small" disabled={su.failingCount === 0} onClick={() => props.onShowFailing(su.id)}>
              {t('systemUsers.showFailing')}
            </Button>
            <Button size="small" variant="contained" onClick={() => props.onDelegate(su.id)}>
              {t('systemUsers.delegate')}
            </Button>
          </CardActions>
        </Card>
      ))}
    </Box>
  );
}
