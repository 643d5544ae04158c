// The flow names its example clients by their seed keys (c1, c2 …); a person knows them by name. Names come
// from the local client copy; a client not there yet is shown by its org number alone.
import { useEffect, useState } from 'react';
import { call } from '../../api/client';

export function useClientNames(orgNumbers: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = orgNumbers.join(',');
  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split(',');
    void Promise.all(wanted.map((orgNumber) => call('clients.get', { orgNumber }).catch(() => null))).then((rows) => {
      if (!live) return;
      setNames(new Map(rows.flatMap((r) => (r ? [[r.orgNumber, r.name] as const] : []))));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
