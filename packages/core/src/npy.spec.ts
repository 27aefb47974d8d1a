import { describe, expect, it } from 'vitest';

import { FileReadError, InvalidInputError } from './errors.ts';
import { formatNpy, parseNpy } from './npy.ts';

/**
 * Builds `.npy` bytes as NumPy 2.4.6 writes them with `np.save`, checked by
 * hand on its output. The bytes are the magic `93 4e 55 4d 50 59`, version
 * `01 00` and header length `76 00` (118). The header dict follows, padded
 * with spaces to byte 127 and ended by `\n`, then the little-endian data.
 */
function npyBytes(header: string, dataHex: string): Uint8Array {
  const padded = header.padEnd(117, ' ') + '\n';
  const prefix = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00];
  const data = Buffer.from(dataHex, 'hex');
  return Uint8Array.from([...prefix, ...Buffer.from(padded, 'latin1'), ...data]);
}

// np.array([1, -2], dtype='<f4'): 1.0f is 0x3f800000 and -2.0f is 0xc0000000.
const VECTOR = npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", '0000803f000000c0');

// np.arange(6, dtype='<f4').reshape(2, 3) / 4: 0, 0.25, 0.5, 0.75, 1, 1.25.
const MATRIX = npyBytes(
  "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
  '000000000000803e0000003f0000403f0000803f0000a03f',
);

describe('formatNpy', () => {
  it('writes the bytes NumPy writes for a vector', () => {
    expect(formatNpy({ shape: [2], data: new Float32Array([1, -2]) })).toEqual(VECTOR);
  });

  it('writes the bytes NumPy writes for a matrix', () => {
    expect(formatNpy({ shape: [2, 3], data: new Float32Array([0, 0.25, 0.5, 0.75, 1, 1.25]) })).toEqual(MATRIX);
  });

  it('starts the data on a 64-byte boundary for a long header', () => {
    // 40 axes of length 1 make the header longer than 118 bytes, so it grows to the next boundary.
    const bytes = formatNpy({ shape: new Array<number>(40).fill(1), data: new Float32Array([2]) });
    const headerLength = bytes[8] + 256 * bytes[9];
    expect((10 + headerLength) % 64).toBe(0);
    expect(headerLength).toBeGreaterThan(118);
    expect(bytes[10 + headerLength - 1]).toBe(0x0a);
    expect(parseNpy(bytes).shape).toHaveLength(40);
  });

  it('rejects data whose length does not match the shape', () => {
    expect(() => formatNpy({ shape: [2, 2], data: new Float32Array(3) })).toThrow(InvalidInputError);
  });
});

describe('parseNpy', () => {
  it('reads a float32 matrix written by NumPy', () => {
    const array = parseNpy(MATRIX);
    expect(array.shape).toEqual([2, 3]);
    expect([...array.data]).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25]);
  });

  it('reads float64 in Fortran order as float32 in C order', () => {
    // np.array([[1, 2], [3, 4]], dtype='<f8', order='F') stores the columns 1, 3 then 2, 4.
    const bytes = npyBytes(
      "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }",
      '000000000000f03f000000000000084000000000000000400000000000001040',
    );
    const array = parseNpy(bytes);
    expect(array.shape).toEqual([2, 2]);
    expect([...array.data]).toEqual([1, 2, 3, 4]);
  });

  it('reads big-endian int16', () => {
    // np.array([7, -1], dtype='>i2'): 0x0007 and 0xffff.
    const array = parseNpy(npyBytes("{'descr': '>i2', 'fortran_order': False, 'shape': (2,), }", '0007ffff'));
    expect([...array.data]).toEqual([7, -1]);
  });

  it('reads a scalar with the empty shape', () => {
    const array = parseNpy(npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", '0000803f'));
    expect(array.shape).toEqual([]);
    expect([...array.data]).toEqual([1]);
  });

  it('reads what formatNpy writes', () => {
    const data = new Float32Array([Math.PI, -0, 1e-30, 3.5e38]);
    expect(parseNpy(formatNpy({ shape: [2, 2], data })).data).toEqual(data);
  });

  it('rejects bytes without the magic string', () => {
    expect(() => parseNpy(new Uint8Array(16), 'zeros.npy')).toThrow(/zeros.npy is not a .npy file/);
  });

  it('rejects truncated data', () => {
    expect(() => parseNpy(VECTOR.subarray(0, VECTOR.length - 1), 'cut.npy')).toThrow(FileReadError);
  });

  it('rejects an unsupported dtype', () => {
    const bytes = npyBytes("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", '0000000000000000');
    expect(() => parseNpy(bytes)).toThrow(/unsupported dtype "<c8"/);
  });
});

describe('parseNpy on damaged or unusual files', () => {
  it('rejects a file cut inside the preamble', () => {
    const cut = VECTOR.subarray(0, 8);
    expect(() => parseNpy(cut, 'cut.npy')).toThrow(FileReadError);
    expect(() => parseNpy(cut, 'cut.npy')).toThrow(/cut.npy is truncated: 8 bytes/);
  });

  it('rejects a file cut inside the header', () => {
    expect(() => parseNpy(VECTOR.subarray(0, 60), 'cut.npy')).toThrow(/header declares 118 bytes but the file ends after 50/);
  });

  it('rejects a shape length that is not digits', () => {
    const bytes = npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1e3,), }", '0000803f');
    expect(() => parseNpy(bytes, 'odd.npy')).toThrow(/malformed shape \(1e3,\)/);
  });

  it('reads int64, the default NumPy integer', () => {
    // np.array([-3, 7], dtype='<i8').tobytes().hex()
    const bytes = npyBytes("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", 'fdffffffffffffff0700000000000000');
    expect(Array.from(parseNpy(bytes).data)).toEqual([-3, 7]);
  });

  it('rejects float64 beyond the float32 range', () => {
    // np.array([1e300]).tobytes().hex()
    const bytes = npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", '9c7500883ce4377e');
    expect(() => parseNpy(bytes, 'big.npy')).toThrow(InvalidInputError);
    expect(() => parseNpy(bytes, 'big.npy')).toThrow(/value 1e\+300 at flat index 0 is outside the float32 range/);
  });
});
