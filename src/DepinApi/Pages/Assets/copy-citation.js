// Progressive enhancement of the figure page: a "Copy" button next to each citation and embed snippet. Without
// JavaScript the text stays selectable in its read-only box; this file only adds the button. Served as a file of
// its own, so the pages' Content-Security-Policy needs no 'unsafe-inline'.
for (const box of document.querySelectorAll('[data-copy]')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = box.dataset.copy;
  const status = document.createElement('span');
  status.className = 'copied';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    const text = box.value ?? box.textContent;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied.';
    } catch {
      box.select?.();
      status.textContent = 'Press Ctrl+C (⌘C) to copy.';
    }
  });
  // After the block a snippet sits in, not inside its <pre>.
  (box.parentElement?.tagName === 'PRE' ? box.parentElement : box).after(button, status);
}
