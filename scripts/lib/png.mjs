// Minimal PNG reading (signature + IHDR) and writing (8-bit RGB/RGBA, one IDAT) with node:zlib.
// Enough to check logo sizes and to draw the app's logos without an image library.
import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * @typedef {{ width: number, height: number, bitDepth: number, colorType: number, hasAlpha: boolean }} PngInfo
 */

/**
 * Reads the IHDR chunk (always the first chunk) and looks for a tRNS chunk.
 * @param {Buffer} buf
 * @returns {PngInfo | null} null when the bytes are not a PNG
 */
export function readPngInfo(buf) {
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) return null;
  if (buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const bitDepth = buf[24];
  const colorType = buf[25];
  // Colour types 4 (grey+alpha) and 6 (RGBA) carry alpha; others only through a tRNS chunk.
  let hasAlpha = colorType === 4 || colorType === 6;
  for (let at = 8; !hasAlpha && at + 8 <= buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'tRNS') hasAlpha = true;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + len;
  }
  return { width, height, bitDepth, colorType, hasAlpha };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * Encodes 8-bit pixels, row-major: RGBA (4 bytes a pixel, colour type 6) by default, or RGB
 * (3 bytes, colour type 2) with { channels: 3 }.
 * @param {number} width @param {number} height @param {Uint8Array} pixels
 * @param {{ channels?: 3 | 4 }} [options]
 * @returns {Buffer}
 */
export function encodePng(width, height, pixels, { channels = 4 } = {}) {
  const stride = width * channels;
  if (pixels.length !== stride * height) throw new Error(`expected ${stride * height} bytes, got ${pixels.length}`);
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter "None": simple, and deflate still compresses flat areas well
    Buffer.from(pixels.buffer, pixels.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = channels === 4 ? 6 : 2; // RGBA or RGB
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
