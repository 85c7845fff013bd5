// What must work even when the app's wasm cannot run: plain JavaScript, inlined into
// index.html by Trunk before the app's loader, so the CSP's hash covers it.
(() => {
  // Replaces the page with one message and one link, built from DOM calls only.
  function screen(title, text, link, linkText, attributes) {
    const draw = () => {
      const main = document.createElement('main');
      main.className = 'panic-screen';
      main.setAttribute('role', 'alert');
      main.setAttribute('data-testid', attributes.testid);
      const heading = document.createElement('h1');
      heading.textContent = title;
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      const anchor = document.createElement('a');
      anchor.textContent = linkText;
      anchor.href = link;
      anchor.className = 'button primary';
      if (attributes.newTab) {
        anchor.target = '_blank';
        anchor.rel = 'noopener noreferrer';
      }
      main.append(heading, paragraph, anchor);
      document.body.replaceChildren(main);
    };
    if (document.body) draw();
    else addEventListener('DOMContentLoaded', draw);
  }

  // Framed by another page, a click there could land on this page's fields unseen
  // (clickjacking). The app draws nothing when framed (main.rs); this says why.
  if (window.top !== window.self) {
    screen(
      'Coveo Key Explorer does not run inside another page',
      'This page is shown inside a frame of another site. A page that frames it could lead your clicks and key presses into its fields, so it shows nothing here.',
      location.href,
      'Open Coveo Key Explorer on its own',
      { testid: 'framed', newTab: true },
    );
  }

  // A WebAssembly trap: the wasm that trapped may never run correctly again, so the
  // screen cannot be its work. Another script's error is not a trap, and is left alone.
  function onError(event) {
    const error = event.error ?? event.reason;
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    console.error('Coveo Key Explorer stopped on an internal error (a Rust panic or a WebAssembly trap). A debug build (`trunk serve`) logs its message.');
    screen(
      'Something went wrong',
      'Coveo Key Explorer hit an internal error and stopped. Nothing was saved: reload the page (the view and organization stay in the link; paste the token again).',
      location.href,
      'Reload the page',
      { testid: 'panic-screen' },
    );
  }
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onError);
})();
