// Draws the Flow Stage app icon (resources/icons/icon.png, 1024×1024) with no
// dependencies: a violet-to-magenta rounded square with a white equalizer "stage".
// electron-builder derives the .ico and .icns from this PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const S = 1024;
const px = Buffer.alloc(S * S * 4);
const radius = 220;
const bars = [
  { x: 262, h: 300 },
  { x: 402, h: 520 },
  { x: 542, h: 400 },
  { x: 682, h: 600 },
];
const barW = 90;
const base = 790;

function insideRounded(x, y) {
  const cx = Math.min(Math.max(x, radius), S - radius);
  const cy = Math.min(Math.max(y, radius), S - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

for (let y = 0; y < S; y++) {
  for (let x = 0; x < S; x++) {
    const i = (y * S + x) * 4;
    if (!insideRounded(x, y)) continue;
    const t = (x + y) / (2 * S);
    let [r, g, b] = [
      Math.round(91 + (217 - 91) * t),
      Math.round(33 + (70 - 33) * t),
      Math.round(182 + (239 - 182) * t),
    ];
    const onBar = bars.some((bar) => x >= bar.x && x < bar.x + barW && y <= base && y >= base - bar.h);
    const onStage = y > base + 30 && y < base + 70 && x > 222 && x < 812;
    if (onBar || onStage) [r, g, b] = [255, 255, 255];
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
    px[i + 3] = 255;
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../resources/icons/icon.png', import.meta.url), png);
