// One policy for the Electron window and the browser host: nothing inline, nothing remote.
// MUI (Emotion) injects <style> elements at run time, so styles need 'unsafe-inline'; scripts never do.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The same policy for a <meta> tag, where browsers ignore frame-ancestors (the host sends it as a header). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
