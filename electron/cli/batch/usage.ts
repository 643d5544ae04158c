// What `npm run -s batch` says about itself, and the exit codes a scheduler acts on.

/** One code per thing a scheduler can do something about. */
export const EXIT = {
  /** Every item of the batch(es) is done (or was skipped, e.g. already in place). */
  done: 0,
  /** The batch(es) finished, but some items failed (their reasons are in `status ID` and the audit log). */
  someFailed: 1,
  /** Wrong command line or an unreadable batch file: nothing was changed. */
  usage: 2,
  /** A person must act first: the setting is off, the vault is locked, or Altinn refused the system user. */
  needsPerson: 3,
  /** Stopped before the end (signal, timeout, service unreachable): items are left, some maybe with an unknown outcome. Run `run` again. */
  interrupted: 4,
  /** Another Klientdesk process owns the data folder. Nothing was changed. */
  folderInUse: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const USAGE = `Usage: npm run -s batch -- <command> [options]

Runs delegation batches with nobody signed in, as the firm's client-administration system user (Settings →
"Run as the firm's client-administration system user"). Progress goes to stderr; stdout gets exactly one JSON
object. One Klientdesk process owns a data folder at a time.

Commands:
  submit FILE        import a batch file (exported from Klientdesk), queue it and run it to the end
  run                run every queued batch of the environment to the end, including one a killed run left
  status ID          one batch: its state and item counts (no network)
  list               every batch of the data folder (no network)

Options:
  --environment demo|test|production   default: the environment chosen in Settings
  --data-dir DIR           the data folder (default: KLIENTDESK_DATA_DIR, else the app's own)
  --world URL              Demo on a standalone world (\`npm run demo-world\`) at this admin address
  --world-secret SECRET    that world's admin secret (default: KLIENTDESK_WORLD_SECRET)
  --queued-by NAME         who queued the batch, for the audit trail (default: the file's exporter, else the OS user)
  --timeout SECONDS        give up (exit 4) when the batches are not finished by then (default: no limit)
  --help                   print this and exit

The signing key's passphrase comes from KLIENTDESK_KEY_PASSPHRASE or KLIENTDESK_KEY_PASSPHRASE_FILE.

Exit codes:
  0  done: every item is done or skipped
  1  finished, some items failed
  2  usage: a wrong command line or batch file; nothing was changed
  3  needs a person or configuration: the setting is off, the vault is locked, Altinn refused the system user
  4  interrupted (signal, timeout, service unreachable): items remain, maybe with unknown outcomes; run \`run\` again
  5  another Klientdesk process owns the data folder`;
