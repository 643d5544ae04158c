// The views the frame navigates between. Each view lives in its own folder and owns its texts.
import type { ReactNode } from 'react';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import PlaylistAddCheckOutlined from '@mui/icons-material/PlaylistAddCheckOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import type { ViewId } from '../state/app-store';
import { ActorFlowView } from '../views/actorflow/ActorFlowView';
import { AuditView } from '../views/audit/AuditView';
import { BatchesView } from '../views/batches/BatchesView';
import { ClaimsView } from '../views/claims/ClaimsView';
import { ClientsView } from '../views/clients/ClientsView';
import { SettingsView } from '../views/settings/SettingsView';

export const viewRegistry: Record<ViewId, { icon: ReactNode; render: () => ReactNode }> = {
  clients: { icon: <PeopleAltOutlined />, render: () => <ClientsView /> },
  batches: { icon: <PlaylistAddCheckOutlined />, render: () => <BatchesView /> },
  claims: { icon: <ReceiptLongOutlined />, render: () => <ClaimsView /> },
  actorflow: { icon: <AccountTreeOutlined />, render: () => <ActorFlowView /> },
  settings: { icon: <SettingsOutlined />, render: () => <SettingsView /> },
  audit: { icon: <HistoryOutlined />, render: () => <AuditView /> },
};
