// Draws the app's PNG icons (a till receipt on the brand colour) without any image library.
// Run once when the icon changes: node scripts/make-icons.mjs. The PNGs are committed under public/icons.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, maskable) {
  const brand = [0x1f, 0x4d, 0x3a];
  const paper = [0xf6, 0xf4, 0xef];
  const ink = [0x1f, 0x4d, 0x3a];
  const inset = maskable ? 0.22 : 0.16; // maskable icons keep their drawing inside the 80 % safe zone
  const radius = maskable ? 0 : size * 0.18;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      // rounded square background (transparent corners unless maskable)
      const cx = Math.max(radius - x, 0, x - (size - 1 - radius));
      const cy = Math.max(radius - y, 0, y - (size - 1 - radius));
      const inside = cx * cx + cy * cy <= radius * radius || radius === 0;
      let colour = brand;
      const left = size * (inset + 0.12), right = size * (1 - inset - 0.12);
      const top = size * inset, bottom = size * (1 - inset);
      const onReceipt = x >= left && x <= right && y >= top && y <= bottom - ((x / (size * 0.06)) % 2 < 1 ? 0 : size * 0.03);
      if (onReceipt) {
        colour = paper;
        const line = (y - top) / (bottom - top);
        const lineBand = [0.2, 0.35, 0.5, 0.65].some((l) => Math.abs(line - l) < 0.025);
        if (lineBand && x > left + size * 0.06 && x < right - size * 0.06) colour = ink;
      }
      raw[o] = colour[0]; raw[o + 1] = colour[1]; raw[o + 2] = colour[2]; raw[o + 3] = inside ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, false));
writeFileSync('public/icons/icon-512.png', png(512, false));
writeFileSync('public/icons/maskable-512.png', png(512, true));
writeFileSync('public/icons/favicon.svg', `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#1f4d3a"/><rect x="18" y="10" width="28" height="44" fill="#f6f4ef"/><g fill="#1f4d3a"><rect x="22" y="18" width="20" height="2.5"/><rect x="22" y="25" width="20" height="2.5"/><rect x="22" y="32" width="20" height="2.5"/><rect x="22" y="39" width="12" height="2.5"/></g></svg>\n`);
console.log('icons written to public/icons');
