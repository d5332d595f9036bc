/** The portal's only stylesheet (served at /portail/style.css; the CSP forbids inline styles). */
export const PORTAL_CSS = `
body{font-family:system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
header{background:#0b4f6c;padding:.8rem 1.5rem}header a{color:#fff;font-weight:700;text-decoration:none}
main{max-width:58rem;margin:1.5rem auto;padding:0 1rem}
section{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:1rem 1.25rem;margin-bottom:1rem}
.field{margin-bottom:.9rem}label{display:block;font-weight:600;margin-bottom:.25rem}
input{padding:.45rem;border:1px solid #8a94a3;border-radius:4px;width:100%;max-width:26rem;box-sizing:border-box}
input[aria-invalid=true]{border-color:#b3261e}
button{padding:.5rem 1rem;border-radius:4px;border:1px solid #0b4f6c;background:#0b4f6c;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b4f6c}
.error,.alert{color:#b3261e}.alert{border:1px solid #b3261e;padding:.6rem;border-radius:4px;background:#fdecea}
.notice{border:1px solid #1e7a3a;padding:.6rem;border-radius:4px;background:#e8f5ec}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #e1e4e8}
form.inline{display:inline}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
li{margin-bottom:.4rem}
nav.pager{display:flex;gap:1rem;margin-top:.6rem}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
`;
