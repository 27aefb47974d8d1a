/**
 * Reader and writer for NumPy's `.npy` format, versions 1.0 to 3.0
 * (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html).
 *
 * Layout: the magic string `\x93NUMPY`, a major and minor version byte, the
 * header length (uint16 little-endian for 1.0, uint32 for 2.0 and 3.0), an
 * ASCII (UTF-8 for 3.0) Python dict literal padded with spaces and ended by
 * `\n` so that the data starts on a 64-byte boundary, then the raw data.
 */
import { FileReadError, InvalidInputError } from './errors.ts';
import type { NdArray } from './kinds.ts';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** Element types the reader converts to float32. */
const DESCRIPTORS: Record<string, { bytes: number; read: (view: DataView, offset: number, little: boolean) => number }> = {
  f4: { bytes: 4, read: (v, o, le) => v.getFloat32(o, le) },
  f8: { bytes: 8, read: (v, o, le) => v.getFloat64(o, le) },
  i1: { bytes: 1, read: (v, o) => v.getInt8(o) },
  u1: { bytes: 1, read: (v, o) => v.getUint8(o) },
  i2: { bytes: 2, read: (v, o, le) => v.getInt16(o, le) },
  u2: { bytes: 2, read: (v, o, le) => v.getUint16(o, le) },
  i4: { bytes: 4, read: (v, o, le) => v.getInt32(o, le) },
  u4: { bytes: 4, read: (v, o, le) => v.getUint32(o, le) },
  // NumPy's default integer type; values beyond 2^53 lose precision, as they do in float32 anyway.
  i8: { bytes: 8, read: (v, o, le) => Number(v.getBigInt64(o, le)) },
  u8: { bytes: 8, read: (v, o, le) => Number(v.getBigUint64(o, le)) },
  b1: { bytes: 1, read: (v, o) => v.getUint8(o) },
};


/**
 * Parses `.npy` bytes into a float32 array in C order. Float64 and integer
 * data are converted to float32; Fortran-ordered data is transposed to C order.
 * `name` labels errors (usually the file path).
 */
export function parseNpy(bytes: Uint8Array, name = '<buffer>'): NdArray {
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) {
      throw new FileReadError(name, `${name} is not a .npy file (missing the \\x93NUMPY magic string)`);
    }
  }
  if (bytes.byteLength < 12) {
    throw new FileReadError(name, `${name} is truncated: ${bytes.byteLength} bytes, too short for the .npy preamble`);
  }
  const major = bytes[6];
  if (major < 1 || major > 3) {
    throw new FileReadError(name, `${name}: unsupported .npy format version ${major}.${bytes[7]} (supported: 1.0 to 3.0)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  if (headerStart + headerLength > bytes.byteLength) {
    throw new FileReadError(
      name,
      `${name} is truncated: the header declares ${headerLength} bytes but the file ends after ${bytes.byteLength - headerStart}`,
    );
  }
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, headerStart + headerLength));
  const { descr, fortranOrder, shape } = parseHeader(header, name);

  const little = descr[0] !== '>';
  const code = descr.slice(1);
  const type = DESCRIPTORS[code];
  if (type === undefined) {
    throw new FileReadError(
      name,
      `${name}: unsupported dtype "${descr}" (supported: float32, float64, signed and unsigned integers of 8 to 64 bits, bool); convert it with arr.astype(np.float32)`,
    );
  }
  const count = shape.reduce((a, b) => a * b, 1);
  const dataStart = headerStart + headerLength;
  if (bytes.byteLength - dataStart < count * type.bytes) {
    throw new FileReadError(
      name,
      `${name} is truncated: shape [${shape.join(', ')}] needs ${count * type.bytes} data bytes, found ${bytes.byteLength - dataStart}`,
    );
  }
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const value = type.read(view, dataStart + i * type.bytes, little);
    // A finite float64 beyond the float32 range would silently become ±Infinity.
    if (Number.isFinite(value) && !Number.isFinite(Math.fround(value))) {
      throw new InvalidInputError(
        `${name}: value ${value} at flat index ${i} is outside the float32 range (±3.4e38); rescale the array before saving it`,
      );
    }
    data[i] = value;
  }
  return { shape, data: fortranOrder ? fortranToC(data, shape) : data };
}

function parseHeader(header: string, name: string): { descr: string; fortranOrder: boolean; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new FileReadError(name, `${name}: malformed .npy header ${JSON.stringify(header.trim())}`);
  }
  const lengths = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  // NumPy under Python 2 wrote lengths as `3L`; anything but digits is malformed.
  const shape = lengths.map((s) => (/^\d+L?$/.test(s) ? Number.parseInt(s, 10) : Number.NaN));
  if (shape.some((n) => !Number.isSafeInteger(n))) {
    throw new FileReadError(name, `${name}: malformed shape (${shapeText}) in the .npy header`);
  }
  return { descr, fortranOrder: fortran === 'True', shape };
}

function fortranToC(data: Float32Array, shape: readonly number[]): Float32Array {
  const out = new Float32Array(data.length);
  const rank = shape.length;
  const index = new Array<number>(rank).fill(0);
  for (let c = 0; c < data.length; c++) {
    // `index` is the multi-index of C-order position c; find its Fortran position.
    let f = 0;
    let stride = 1;
    for (let axis = 0; axis < rank; axis++) {
      f += index[axis] * stride;
      stride *= shape[axis];
    }
    out[c] = data[f];
    for (let axis = rank - 1; axis >= 0; axis--) {
      index[axis]++;
      if (index[axis] < shape[axis]) break;
      index[axis] = 0;
    }
  }
  return out;
}

/** Serialises a float32 array as `.npy` version 1.0, dtype `<f4`, C order. */
export function formatNpy(array: NdArray): Uint8Array {
  const count = array.shape.reduce((a, b) => a * b, 1);
  if (count !== array.data.length) {
    throw new InvalidInputError(
      `formatNpy: shape [${array.shape.join(', ')}] has ${count} elements but the data has ${array.data.length}`,
    );
  }
  // A one-element tuple needs a trailing comma in Python syntax: (5,).
  const shapeText = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // Pad with spaces so that magic (6) + version (2) + length (2) + header + '\n' is a multiple of 64.
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';

  const out = new Uint8Array(10 + header.length + count * 4);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const dataStart = 10 + header.length;
  for (let i = 0; i < count; i++) view.setFloat32(dataStart + i * 4, array.data[i], true);
  return out;
}
