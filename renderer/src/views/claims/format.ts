// The claims views word amounts and dates through the app's one formatter.
export { formatDate, formatMoney as nok } from '../../../../shared/format/format';
