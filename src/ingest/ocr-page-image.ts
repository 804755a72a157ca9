/**
 * A page image (.png, .jpg) made into a one-page PDF, the way img2pdf does it: the image's own
 * bytes are the page's only image (a JPEG as it is, DCTDecode; a PNG's compressed pixels with the
 * PNG predictors, FlateDecode), nothing decoded or re-encoded, and the page is sized so that
 * rendering it at the image's resolution gives back its pixels one for one. The Node edge renders
 * that page with pdftoppm like any scanned PDF page, so a page image goes through the same clean-up
 * (red channel, specks, skew, table rules: ocr-image.ts) before tesseract.
 *
 * Isomorphic (bytes in, bytes out). A TIFF, a PNG with an alpha channel, interlacing or 16-bit
 * samples are not wrapped (null) but decoded to grey pixels instead (`decodePageImage`), so they get
 * the same clean-up. A CMYK JPEG is wrapped as img2pdf wraps it: /DeviceCMYK, inverted (/Decode
 * [1 0 1 0 …]) when it carries Adobe's APP14 marker, whose writers store CMYK inverted.
 */
import { concat } from './decode.js';
import type { GreyImage } from './ocr-image.js';

/** A page image's size, colours and resolution, as its header says. */
export interface PageImageInfo {
  kind: 'png' | 'jpeg';
  width: number;
  height: number;
  /** Dots per inch the file declares (JFIF density, PNG pHYs); null when it declares none. */
  dpi: number | null;
}

/** The resolution assumed when a page image declares a useless one: its longer side is taken as an A4 page's 11.69 in. */
const A4_LONG_SIDE_INCHES = 11.69;

/** Resolutions below this are the "72 dpi" or "96 dpi" screen defaults cameras and editors write, not a scan's. */
const MIN_DECLARED_DPI = 100;

/** A page image wrapped as a one-page PDF, and the resolution to render it at. */
export interface WrappedPageImage {
  pdf: Uint8Array;
  /** Rendering the page at this resolution gives the image's own pixels. */
  dpi: number;
  info: PageImageInfo;
}

/** The page image as a one-page PDF, or null when it is not a PNG or JPEG this wrapper takes. */
export function pageImagePdf(bytes: Uint8Array): WrappedPageImage | null {
  const image = readPng(bytes) ?? readJpeg(bytes);
  if (!image) return null;
  const { info } = image;
  const dpi = pageDpi(info.dpi, info.width, info.height);
  return { pdf: onePagePdf(info.width, info.height, dpi, image.dictionary, image.data), dpi, info };
}

/** The resolution a page image is read at: the one it declares when it is a scan's, otherwise its longer side taken as an A4 page's. */
function pageDpi(declared: number | null, width: number, height: number): number {
  return declared !== null && declared >= MIN_DECLARED_DPI ? declared : Math.max(MIN_DECLARED_DPI, Math.round(Math.max(width, height) / A4_LONG_SIDE_INCHES));
}

/** A page image the wrapper does not take, decoded: how many pages it holds, its resolution, and each page as grey pixels. */
export interface DecodedPageImage {
  kind: 'tiff' | 'png';
  /** Pages in the file: a TIFF can hold several (a fax, a scanner's multi-page file); a PNG holds one. */
  pages: number;
  /** Resolution, by the same rule as a wrapped image's. */
  dpi: number;
  /** Page `n` (from 1) as grey pixels: the red channel (red stamps turn white, as a PDF page's do), white where the image is transparent. Decoded when asked. */
  page(n: number): GreyImage;
}

/**
 * A TIFF (each of its pages, in any compression UTIF reads: CCITT G3/G4 faxes, LZW, Deflate,
 * PackBits, JPEG) or a PNG with an alpha channel, interlacing or 16-bit samples, decoded so that it
 * gets the clean-up of a PDF page. The decoders (utif2, fast-png) are loaded on first use. Null for
 * anything else, or when the decoder refuses the file.
 */
export async function decodePageImage(bytes: Uint8Array): Promise<DecodedPageImage | null> {
  try {
    if (isTiff(bytes)) return await decodeTiff(bytes);
    if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return await decodePng(bytes);
  } catch {
    // a file the decoder cannot read goes to the engine as it is, which says what is wrong with it
  }
  return null;
}

const isTiff = (b: Uint8Array): boolean => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a);

async function decodeTiff(bytes: Uint8Array): Promise<DecodedPageImage | null> {
  const UTIF = (await import('utif2')).default;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Full-resolution images only: NewSubfileType bit 0 marks a thumbnail or a reduced copy.
  const ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined && ifd['t257'] !== undefined && ((tagNumber(ifd['t254']) ?? 0) & 1) === 0);
  const first = ifds[0];
  if (!first) return null;
  const width = tagNumber(first['t256'])!;
  const height = tagNumber(first['t257'])!;
  const x = tagNumber(first['t282']);
  const unit = tagNumber(first['t296']) ?? 2; // 2 inches, 3 centimetres
  const declared = x && unit === 2 ? Math.round(x) : x && unit === 3 ? Math.round(x * 2.54) : null;
  return {
    kind: 'tiff',
    pages: ifds.length,
    dpi: pageDpi(declared, width, height),
    page(n) {
      const ifd = ifds[n - 1]!;
      UTIF.decodeImage(buffer, ifd);
      const image = { width: ifd.width, height: ifd.height, pixels: redOverWhite(UTIF.toRGBA8(ifd), 4, 8, true) };
      ifd.data = new Uint8Array(0); // the decoded strips are not needed again
      return image;
    },
  };
}

/** A TIFF tag's first value: a number, or a rational [numerator, denominator] as utif2 gives it. */
function tagNumber(value: unknown): number | undefined {
  const first = Array.isArray(value) ? value[0] : undefined;
  if (typeof first === 'number') return first;
  if (Array.isArray(first) && typeof first[0] === 'number' && typeof first[1] === 'number' && first[1] !== 0) return first[0] / first[1];
  return undefined;
}

async function decodePng(bytes: Uint8Array): Promise<DecodedPageImage | null> {
  const { decode, convertIndexedToRgb } = await import('fast-png');
  const png = decode(bytes);
  const dpi = png.resolution && png.resolution.unit === 1 ? Math.round(png.resolution.x * 0.0254) : null;
  return {
    kind: 'png',
    pages: 1,
    dpi: pageDpi(dpi, png.width, png.height),
    page() {
      if (png.palette) {
        const rgb = convertIndexedToRgb(png); // RGBA when the palette has transparent entries
        const channels = rgb.length / (png.width * png.height);
        return { width: png.width, height: png.height, pixels: redOverWhite(rgb, channels, 8, channels === 4) };
      }
      const samples = png.depth < 8 ? unpackBits(png.data as Uint8Array, png.width, png.height, png.channels, png.depth) : png.data;
      return { width: png.width, height: png.height, pixels: redOverWhite(samples, png.channels, Math.max(8, png.depth), png.channels === 2 || png.channels === 4) };
    },
  };
}

/** Samples packed several to a byte (1, 2 or 4 bits), each row starting on a byte, spread one to a byte at 8 bits. */
function unpackBits(data: Uint8Array, width: number, height: number, channels: number, depth: number): Uint8Array {
  const perRow = width * channels;
  const stride = Math.ceil((perRow * depth) / 8);
  const max = (1 << depth) - 1;
  const out = new Uint8Array(perRow * height);
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < perRow; i++) {
      const bit = i * depth;
      const v = (data[y * stride + (bit >> 3)]! >> (8 - depth - (bit & 7))) & max;
      out[y * perRow + i] = Math.round((v * 255) / max);
    }
  }
  return out;
}

/**
 * Pixels of `channels` samples of `depth` bits (8 or 16) → one grey byte a pixel: the first sample
 * (red, or the grey level), laid over white by the last one when `alpha`.
 */
function redOverWhite(samples: ArrayLike<number>, channels: number, depth: number, alpha: boolean): Uint8Array {
  const count = Math.floor(samples.length / channels);
  const out = new Uint8Array(count);
  const shift = depth === 16 ? 8 : 0;
  for (let i = 0, at = 0; i < count; i++, at += channels) {
    const red = samples[at]! >> shift;
    if (!alpha) out[i] = red;
    else {
      const a = samples[at + channels - 1]! >> shift;
      out[i] = 255 - Math.floor(((255 - red) * a + 127) / 255);
    }
  }
  return out;
}

/** An image ready to go into a PDF: its stream dictionary entries and its data. */
interface PdfImage {
  info: PageImageInfo;
  dictionary: string;
  data: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u32 = (b: Uint8Array, at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

/** A PNG of grey, RGB or palette samples (8 bits or fewer, not interlaced): its IDAT data with the predictor parameters. */
function readPng(bytes: Uint8Array): PdfImage | null {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = -1;
  let dpi: number | null = null;
  let palette: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (body.length < length) return null;
    if (type === 'IHDR') {
      if (length < 13) return null;
      width = u32(body, 0);
      height = u32(body, 4);
      depth = body[8]!;
      colour = body[9]!;
      if (body[12] !== 0) return null; // interlaced
    } else if (type === 'pHYs' && length >= 9 && body[8] === 1) {
      const x = u32(body, 0);
      if (x > 0) dpi = Math.round(x * 0.0254);
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const colours = colour === 0 ? 1 : colour === 2 ? 3 : colour === 3 ? 1 : 0;
  if (!width || !height || !colours || depth > 8 || (colour === 2 && depth !== 8) || idat.length === 0 || (colour === 3 && !palette)) return null;
  const space = colour === 3 ? `[/Indexed /DeviceRGB ${palette!.length / 3 - 1} <${hex(palette!)}>]` : colour === 0 ? '/DeviceGray' : '/DeviceRGB';
  const dictionary = `/ColorSpace ${space} /BitsPerComponent ${depth} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${colours} /BitsPerComponent ${depth} /Columns ${width} >>`;
  return { info: { kind: 'png', width, height, dpi }, dictionary, data: concat(idat) };
}

/** The image dictionary of a JPEG of `components` colours; an Adobe-marked CMYK one is stored inverted. */
function jpegDictionary(components: 1 | 3 | 4, adobe: boolean): string {
  const space = components === 1 ? '/DeviceGray' : components === 3 ? '/DeviceRGB' : '/DeviceCMYK';
  const decode = components === 4 && adobe ? ' /Decode [1 0 1 0 1 0 1 0]' : '';
  return `/ColorSpace ${space} /BitsPerComponent 8${decode} /Filter /DCTDecode`;
}

/** A baseline or progressive JPEG of one, three or four (CMYK) components: its bytes as they are. */
function readJpeg(bytes: Uint8Array): PdfImage | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let dpi: number | null = null;
  let adobe = false;
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = u16(bytes, at + 2);
    const body = bytes.subarray(at + 4, at + 2 + length);
    // APP0 "JFIF\0": version, units (1 dots per inch, 2 per cm), x density
    if (marker === 0xe0 && length >= 14 && String.fromCharCode(...body.subarray(0, 5)) === 'JFIF\0') {
      const units = body[7]!;
      const x = u16(body, 8);
      if (x > 0 && units === 1) dpi = x;
      else if (x > 0 && units === 2) dpi = Math.round(x * 2.54);
    }
    // APP14 "Adobe": its writers store CMYK (and YCCK) samples inverted
    if (marker === 0xee && length >= 7 && String.fromCharCode(...body.subarray(0, 5)) === 'Adobe') adobe = true;
    // SOFn (not DHT C4, JPG C8, DAC CC): precision, height, width, components
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (body.length < 6) return null;
      const height = u16(body, 1);
      const width = u16(body, 3);
      const components = body[5]!;
      if (!width || !height || (components !== 1 && components !== 3 && components !== 4)) return null;
      return { info: { kind: 'jpeg', width, height, dpi }, dictionary: jpegDictionary(components, adobe), data: bytes };
    }
    at += 2 + length;
  }
  return null;
}

/** A PDF of one page showing one image over the whole page, `dpi` pixels to the inch. */
function onePagePdf(width: number, height: number, dpi: number, dictionary: string, data: Uint8Array): Uint8Array {
  // Rounded down: a renderer rounds the pixel count up, and must find the image's own again.
  const w = floor4((width * 72) / dpi);
  const h = floor4((height * 72) / dpi);
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  const put = (piece: string | Uint8Array): void => {
    const b = typeof piece === 'string' ? encoder.encode(piece) : piece;
    parts.push(b);
    size += b.length;
  };
  const object = (n: number, body: string, stream?: Uint8Array): void => {
    offsets[n] = size;
    put(`${n} 0 obj\n${body}\n`);
    if (stream) {
      put('stream\n');
      put(stream);
      put('\nendstream\n');
    }
    put('endobj\n');
  };
  put('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`);
  object(4, `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} ${dictionary} /Length ${data.length} >>`, data);
  object(5, `<< /Length ${content.length} >>`, encoder.encode(content));
  const xref = size;
  put(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  put(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return concat(parts);
}

function floor4(n: number): number {
  return Math.floor(n * 10_000) / 10_000;
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
