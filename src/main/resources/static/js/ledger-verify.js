// Checks, in the browser, that each ledger entry shown is in the signed tree head (RFC 6962 / RFC 9162 inclusion
// proof): leaf = H(0x00 || payload), node = H(0x01 || left || right). SHA-256 comes from WebCrypto; SM3 (GB/T
// 32905-2016), which browsers do not offer, is computed below. The head's signature is checked by the offline
// verifier (java -jar linli.jar verify-ledger), not here.
(function () {
  'use strict';

  function rotl(x, n) {
    n %= 32;
    return ((x << n) | (x >>> (32 - n))) >>> 0;
  }

  // SM3: 512-bit blocks, 32-bit words, big-endian, 64 rounds
  function sm3(bytes) {
    const length = bytes.length;
    const padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[length] = 0x80;
    const bits = length * 8;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(padded.length - 4, bits >>> 0);
    const v = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
    const w = new Array(68);
    const w1 = new Array(64);
    const p0 = (x) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
    const p1 = (x) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;
    for (let offset = 0; offset < padded.length; offset += 64) {
      for (let j = 0; j < 16; j++) {
        w[j] = view.getUint32(offset + j * 4);
      }
      for (let j = 16; j < 68; j++) {
        w[j] = (p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]) >>> 0;
      }
      for (let j = 0; j < 64; j++) {
        w1[j] = (w[j] ^ w[j + 4]) >>> 0;
      }
      let [a, b, c, d, e, f, g, h] = v;
      for (let j = 0; j < 64; j++) {
        const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
        const ss1 = rotl((rotl(a, 12) + e + rotl(t, j)) >>> 0, 7);
        const ss2 = (ss1 ^ rotl(a, 12)) >>> 0;
        const ff = j < 16 ? (a ^ b ^ c) : ((a & b) | (a & c) | (b & c));
        const gg = j < 16 ? (e ^ f ^ g) : ((e & f) | (~e & g));
        const tt1 = (ff + d + ss2 + w1[j]) >>> 0;
        const tt2 = (gg + h + ss1 + w[j]) >>> 0;
        d = c;
        c = rotl(b, 9);
        b = a;
        a = tt1;
        h = g;
        g = rotl(f, 19);
        f = e;
        e = p0(tt2);
      }
      const next = [a, b, c, d, e, f, g, h];
      for (let j = 0; j < 8; j++) {
        v[j] = (v[j] ^ next[j]) >>> 0;
      }
    }
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    v.forEach((word, j) => outView.setUint32(j * 4, word));
    return out;
  }

  async function digest(algorithm, bytes) {
    if (algorithm === 'SM3') {
      return sm3(bytes);
    }
    if (algorithm === 'SHA-256' && globalThis.crypto && crypto.subtle) {
      return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    }
    throw new Error('unsupported');
  }

  function concat(prefix, ...parts) {
    const out = new Uint8Array(1 + parts.reduce((n, p) => n + p.length, 0));
    out[0] = prefix;
    let at = 1;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  function hex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function unhex(text) {
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; i++) {
      out[i] = parseInt(text.substr(i * 2, 2), 16);
    }
    return out;
  }

  // RFC 9162 §2.1.3.2: the root that the audit path leads to from the leaf
  async function rootFromPath(algorithm, index, size, leaf, path) {
    if (index >= size) {
      return null;
    }
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of path) {
      if (sn === 0) {
        return null;
      }
      if (fn % 2 === 1 || fn === sn) {
        r = await digest(algorithm, concat(0x01, p, r));
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        r = await digest(algorithm, concat(0x01, r, p));
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? hex(r) : null;
  }

  async function verifyEntry(algorithm, root, element) {
    const payload = new TextEncoder().encode(element.querySelector('.payload').textContent);
    const leaf = await digest(algorithm, concat(0x00, payload));
    const path = (element.dataset.path || '').split(' ').filter((h) => h.length > 0).map(unhex);
    const computed = await rootFromPath(algorithm, Number(element.dataset.index), Number(element.dataset.size),
      leaf, path);
    return computed === root;
  }

  async function check(head, element) {
    const result = element.querySelector('.proof-result');
    try {
      const ok = await verifyEntry(head.dataset.algorithm, head.dataset.root, element);
      result.textContent = ok ? head.dataset.ok : head.dataset.fail;
      result.className = 'proof-result tag ' + (ok ? 'green' : 'red');
    } catch (e) {
      result.textContent = head.dataset.unsupported;
      result.className = 'proof-result tag amber';
    }
  }

  if (typeof document !== 'undefined') {
    document.addEventListener('DOMContentLoaded', () => {
      const head = document.getElementById('tree-head');
      if (!head) {
        return;
      }
      const entries = Array.from(document.querySelectorAll('.ledger-entry[data-path]'));
      entries.forEach((element) => {
        const button = element.querySelector('.verify');
        if (button) {
          button.addEventListener('click', () => check(head, element));
        }
      });
      const all = document.getElementById('verify-all');
      if (all) {
        all.addEventListener('click', () => entries.forEach((element) => check(head, element)));
      }
    });
  }

  if (typeof module !== 'undefined') {
    module.exports = { sm3, hex, digest, rootFromPath, concat };
  }
})();
