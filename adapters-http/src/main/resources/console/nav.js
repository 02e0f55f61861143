// Navigation shared by the views: go to a page (or show it again), and the reason the last
// session ended, which the sign-in page shows once.

let signedOutBecause = null;

export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

export function setSignOutReason(reason) {
  signedOutBecause = reason;
}

export function takeSignOutReason() {
  const reason = signedOutBecause;
  signedOutBecause = null;
  return reason;
}
