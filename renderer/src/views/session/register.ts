// The session texts register themselves, so mounting <SessionMenu/> is the frame's only change.
import { registerNamespace } from '../../i18n';
import { sessionTexts } from './texts';

registerNamespace('session', sessionTexts);
