/**
 * Offers text as a file to save, the way a web page does (a Blob and <a download>): no downloads
 * permission needed.
 */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox starts the download after click() returns: the address must outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
