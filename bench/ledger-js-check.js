// Checks the browser verifier (src/main/resources/static/js/ledger-verify.js) with Node: SM3 known answers of
// GB/T 32905-2016 and every inclusion proof of RFC 6962 trees of 1..40 leaves (and a wrong leaf must fail).
// Run: node bench/ledger-js-check.js
const v = require(require('path').join(__dirname, '../src/main/resources/static/js/ledger-verify.js'));
const enc = (s) => new TextEncoder().encode(s);
const H = (b) => v.sm3(b);
const leaf = (s) => H(v.concat(0, enc(s)));
function k(n){let x=1;while(x*2<n)x*=2;return x;}
function mth(L){ if(L.length===1) return L[0]; const s=k(L.length); return H(v.concat(1, mth(L.slice(0,s)), mth(L.slice(s))));}
function path(m,L){ if(L.length===1) return []; const s=k(L.length); return m<s? [...path(m,L.slice(0,s)), mth(L.slice(s))] : [...path(m-s,L.slice(s)), mth(L.slice(0,s))];}
(async()=>{ let bad=0, n=0;
 for(let size=1;size<=40;size++){ const L=[]; for(let i=0;i<size;i++) L.push(leaf('e'+i)); const root=v.hex(mth(L));
  for(let i=0;i<size;i++){ n++; const r=await v.rootFromPath('SM3', i, size, L[i], path(i,L)); if(r!==root) bad++;
    const wrong=await v.rootFromPath('SM3', i, size, leaf('x'), path(i,L)); if(wrong===root) bad++; }}
 const abc = v.hex(v.sm3(enc('abc')));
 if (abc !== '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0') bad++;
 if (v.hex(v.sm3(enc('abcd'.repeat(16)))) !== 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732') bad++;
 console.log('checked', n, 'proofs and 2 SM3 vectors, failures:', bad); process.exit(bad === 0 ? 0 : 1);})();
