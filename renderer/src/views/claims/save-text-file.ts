// Hands a text to the user as a file download: the browser host and Electron both honour <a download>.
export function saveTextFile(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some engines; a tick later it has been taken.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
