export { SessionMenu } from './SessionMenu';
export { NotClientAdminNotice } from './NotClientAdminNotice';
